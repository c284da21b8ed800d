// What the multi-stream follower (follower.ts) keeps per cluster, and the summary it settles `ready`
// with once every cluster synced or failed its first attempt.
import type { ClusterClient } from '../kube/client-api.js';
import type { KubeError } from '../kube/errors.js';
import type { KubeObject } from '../kube/object.js';
import type { PodSource } from './resolve.js';

export interface FollowerCluster {
  name: string;
  client: ClusterClient;
  /** Namespace to look in on this cluster; undefined = all namespaces. */
  namespace?: string;
}

export interface FollowerSummary {
  clusters: number;
  /** Clusters where the target resolved to at least one pod source. */
  withTarget: number;
  pods: number;
  /** Containers of those pods that -c matched (each followed or read). */
  containers: number;
  /** The names of every container in those pods (what -c was matched against), sorted. */
  containerNames: string[];
  failures: KubeError[];
}

export interface Member {
  pod: KubeObject;
  sources: Set<number>;
  slotIds: Set<string>;
}

export interface ClusterRun {
  name: string;
  client: ClusterClient;
  namespace?: string;
  sources: PodSource[];
  members: Map<string, Member>;
  syncedSources: Set<number>;
  synced: boolean;
  settled: boolean; // first attempt finished (synced or failed)
  failure?: KubeError;
  lastError?: string;
}

/** A cluster's run before its target is resolved. */
export function newRun(c: FollowerCluster): ClusterRun {
  return { ...c, sources: [], members: new Map(), syncedSources: new Set(), synced: false, settled: false };
}

/** `namespace/name`: a pod's key among a cluster's members. */
export function podKey(pod: KubeObject): string {
  return `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
}

/** Counts over every cluster's members: pods, -c matched containers, every container name. */
export function summarize(runs: readonly ClusterRun[]): FollowerSummary {
  let pods = 0;
  let containers = 0;
  const names = new Set<string>();
  for (const r of runs) {
    pods += r.members.size;
    for (const m of r.members.values()) {
      containers += m.slotIds.size;
      for (const c of (m.pod.spec?.containers as Array<{ name: string }> | undefined) ?? []) names.add(c.name);
    }
  }
  return {
    clusters: runs.length,
    withTarget: runs.filter((r) => r.sources.length > 0 && !r.failure).length,
    pods,
    containers,
    containerNames: [...names].sort(),
    failures: runs.filter((r) => r.failure && !r.synced).map((r) => r.failure!),
  };
}
