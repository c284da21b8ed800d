// Row keys: stable across updates (name based, so a recreated object keeps its row).
import type { FederatedInfo, WorkloadInfo, ZoneInfo } from '../../model/types.js';

export const zoneKey = (z: Pick<ZoneInfo, 'cluster' | 'namespace' | 'zoneId'>): string => `${z.cluster}/${z.namespace}/${z.zoneId}`;
export const workloadKey = (w: Pick<WorkloadInfo, 'cluster' | 'namespace' | 'kind' | 'name'>): string =>
  `${w.cluster}/${w.namespace}/${w.kind}/${w.name}`;
export const fedKey = (f: Pick<FederatedInfo, 'cluster' | 'namespace' | 'kind' | 'name'>): string =>
  `${f.cluster}/${f.namespace}/${f.kind}/${f.name}`;
