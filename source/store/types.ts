// What the UI and scripted commands read. The store is fed by per-cluster list+watch caches and
// exposes immutable snapshots; derived rows (zones, rollouts) are recomputed per change batch.
import type { Alert } from '../model/alerts/types.js';
import type { ClusterInfo, FederatedInfo, FedClusterInfo, HookRunInfo, PodInfo, WorkloadInfo, ZoneInfo } from '../model/types.js';

export interface Snapshot {
  /** Increments on every published change batch. */
  seq: number;
  clusters: ClusterInfo[];
  zones: ZoneInfo[];
  workloads: WorkloadInfo[];
  hookRuns: HookRunInfo[];
  pods: PodInfo[];
  federated: FederatedInfo[];
  fedClusters: FedClusterInfo[];
  /** Per cluster: true once every watched kind has completed its first list. */
  synced: Record<string, boolean>;
  /** What needs the operator now, worst first (model/alerts); absent where the source derives none. */
  alerts?: Alert[];
}

/** Pods a detail view wants to see: one namespace of one cluster, optionally narrowed by labels. */
export interface PodFocus {
  cluster: string;
  namespace: string;
  labelSelector?: string;
}

export interface SnapshotSource {
  snapshot(): Snapshot;
  /** Called (coalesced, at most every `intervalMs`) after changes. Returns unsubscribe. */
  subscribe(fn: (s: Snapshot) => void): () => void;
  /**
   * Declare which pods the screen needs (detail views). The source watches just those and drops
   * pods it no longer needs; undefined or [] stops watching pods.
   */
  focusPods?(focus: PodFocus[] | undefined): void;
}
