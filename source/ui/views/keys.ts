// Row keys: stable across updates (name based, so a recreated object keeps its row). Joined, not templates:
// a Row keeps its key for as long as its object does not change, and a template's concatenations stay a
// tree of V8 cons strings (~180 bytes for a workload's key; joined, one flat string of ~56).
import type { FederatedInfo, WorkloadInfo, ZoneInfo } from '../../model/types.js';

export const zoneKey = (z: Pick<ZoneInfo, 'cluster' | 'namespace' | 'zoneId'>): string => [z.cluster, z.namespace, z.zoneId].join('/');
export const workloadKey = (w: Pick<WorkloadInfo, 'cluster' | 'namespace' | 'kind' | 'name'>): string =>
  [w.cluster, w.namespace, w.kind, w.name].join('/');
export const fedKey = (f: Pick<FederatedInfo, 'cluster' | 'namespace' | 'kind' | 'name'>): string =>
  [f.cluster, f.namespace, f.kind, f.name].join('/');
