// Which pods a detail screen needs (the store watches pods only for the screen in front): a rollout
// detail its workload's pods, a zone detail the pods of the zone's workloads.
import type { WorkloadInfo } from '../../model/types.js';
import type { PodFocus, Snapshot } from '../../store/types.js';
import { workloadKey, zoneKey } from './keys.js';

function focusOf(w: WorkloadInfo): PodFocus {
  const sel =
    w.selector && Object.keys(w.selector).length > 0
      ? Object.entries(w.selector)
          .map(([k, v]) => `${k}=${v}`)
          .join(',')
      : undefined;
  return { cluster: w.cluster, namespace: w.namespace, labelSelector: sel };
}

export function workloadPodFocus(snap: Snapshot, key: string): PodFocus[] {
  const w = snap.workloads.find((x) => workloadKey(x) === key);
  return w ? [focusOf(w)] : [];
}

export function zonePodFocus(snap: Snapshot, key: string): PodFocus[] {
  const z = snap.zones.find((x) => zoneKey(x) === key);
  if (!z) return [];
  const names = new Set(z.services.map((s) => s.workload).filter(Boolean));
  return snap.workloads
    .filter((w) => w.cluster === z.cluster && w.namespace === z.namespace && (names.has(w.name) || w.zone === z.zoneId))
    .map(focusOf);
}
