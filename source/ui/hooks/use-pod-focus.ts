// Tells the snapshot source which pods the screen on top needs: a rollout detail needs its
// workload's pods, a zone detail the pods of the zone's workloads; lists need none.
import { useEffect, useMemo } from 'react';
import type { WorkloadInfo } from '../../model/types.js';
import type { PodFocus, Snapshot, SnapshotSource } from '../../store/types.js';
import type { Frame } from '../state.js';
import { workloadKey, zoneKey } from '../views/keys.js';

function focusOf(w: WorkloadInfo): PodFocus {
  const sel =
    w.selector && Object.keys(w.selector).length > 0
      ? Object.entries(w.selector)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : undefined;
  return { cluster: w.cluster, namespace: w.namespace, labelSelector: sel };
}

export function podFocusFor(frame: Pick<Frame, 'view' | 'key'>, snap: Snapshot): PodFocus[] {
  if (frame.view === 'rollout') {
    const w = snap.workloads.find((x) => workloadKey(x) === frame.key);
    return w ? [focusOf(w)] : [];
  }
  if (frame.view === 'zone') {
    const z = snap.zones.find((x) => zoneKey(x) === frame.key);
    if (!z) return [];
    const names = new Set(z.services.map((s) => s.workload).filter(Boolean));
    return snap.workloads
      .filter((w) => w.cluster === z.cluster && w.namespace === z.namespace && (names.has(w.name) || w.zone === z.zoneId))
      .map(focusOf);
  }
  return [];
}

export function usePodFocus(source: SnapshotSource, frame: Frame, snap: Snapshot): void {
  // Recomputed when the screen or the snapshot changes, not on every key; the effect runs only when
  // the serialized focus differs.
  const { view, key: frameKey } = frame;
  const key = useMemo(() => JSON.stringify(podFocusFor({ view, key: frameKey }, snap)), [view, frameKey, snap]);
  useEffect(() => {
    source.focusPods?.(JSON.parse(key) as PodFocus[]);
  }, [source, key]);
  useEffect(() => () => source.focusPods?.(undefined), [source]);
}
