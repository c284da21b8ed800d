// What `l` follows on the screen in front (pure): a zone (Zones row, Zone detail), a workload
// (Rollouts row, Rollout detail, a workload line of a Zone detail) or a pod (a pod line of a detail
// view). Argo / Kruise Rollouts are mapped to the workload they drive (or their pod selector).
import { targetForWorkload } from '../kinds/log-target.js';
import { matchLabelsSelector, type LogTarget } from '../model/logs.js';
import type { WorkloadInfo } from '../model/types.js';
import type { Snapshot } from '../store/types.js';
import type { LogRequest } from '../ports/logs.js';
import { workloadKey, zoneKey } from './views/keys.js';
import type { DrillTarget, PodRef, ViewId } from './views/types.js';

export type LogChoice = { ok: true; req: LogRequest } | { ok: false; reason: string };

/** The item under the cursor: a list row or a detail line (only these fields matter). */
export interface LogItem {
  key: string;
  drill?: DrillTarget;
  pod?: PodRef;
}

export const LOG_VIEWS: ReadonlySet<ViewId> = new Set<ViewId>(['zones', 'zone', 'rollouts', 'rollout']);

const NOT_HERE = 'logs: open a zone, a rollout or a pod line first (Zones and Rollouts views)';

export function logChoice(view: ViewId, frameKey: string, item: LogItem | undefined, snap: Snapshot): LogChoice {
  switch (view) {
    case 'zones':
      return item ? zoneChoice(snap, item.key) : { ok: false, reason: 'logs: no zone selected' };
    case 'zone':
      if (item?.pod) return podChoice(item.pod);
      if (item?.drill?.view === 'rollout') return workloadChoice(snap, item.drill.key);
      return zoneChoice(snap, frameKey);
    case 'rollouts':
      return item ? workloadChoice(snap, item.key) : { ok: false, reason: 'logs: no workload selected' };
    case 'rollout':
      if (item?.pod) return podChoice(item.pod);
      return workloadChoice(snap, frameKey);
    default:
      return { ok: false, reason: NOT_HERE };
  }
}

function podChoice(p: PodRef): LogChoice {
  return { ok: true, req: { cluster: p.cluster, namespace: p.namespace, target: { type: 'pod', name: p.name } } };
}

function zoneChoice(snap: Snapshot, key: string): LogChoice {
  const z = snap.zones.find((x) => zoneKey(x) === key);
  if (!z) return { ok: false, reason: 'logs: the zone is no longer in the snapshot' };
  return { ok: true, req: { cluster: z.cluster, namespace: z.namespace, target: { type: 'zone', id: z.zoneId } } };
}

function workloadChoice(snap: Snapshot, key: string): LogChoice {
  const w = snap.workloads.find((x) => workloadKey(x) === key);
  if (!w) return { ok: false, reason: 'logs: the workload is no longer in the snapshot' };
  const t = workloadLogTarget(w);
  if (typeof t === 'string') return { ok: false, reason: t };
  return { ok: true, req: { cluster: w.cluster, namespace: w.namespace, target: t } };
}

/** A workload's log target; Argo / Kruise Rollouts follow the workload they drive, else their pod selector. */
export function workloadLogTarget(w: Pick<WorkloadInfo, 'kind' | 'name' | 'workloadRef' | 'selector'>): LogTarget | string {
  const direct = targetForWorkload(w.kind, w.name);
  if (direct) return direct;
  if (w.workloadRef) {
    const ref = targetForWorkload(w.workloadRef.kind, w.workloadRef.name);
    if (ref) return ref;
  }
  const selector = matchLabelsSelector(w.selector);
  if (selector) return { type: 'selector', selector };
  return `logs: ${w.kind}/${w.name} names no workload or pod selector to follow`;
}
