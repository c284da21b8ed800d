// Snapshot derivation: raw objects -> model rows via the kind readers, memoized per object
// (uid + resourceVersion) so a change batch re-reads only what changed.
import { readDeployment } from '../kinds/deployment.js';
import { readFederated } from '../kinds/federated.js';
import { readGameDeployment } from '../kinds/gamedeployment.js';
import { readGameStatefulSet } from '../kinds/gamestatefulset.js';
import { readGameZone } from '../kinds/gamezone.js';
import { readHookRun } from '../kinds/hookrun.js';
import { FEDERATED_KINDS, KINDS, gameZoneType, type GameZoneTypeOptions } from '../kinds/registry.js';
import { readKubeFedCluster } from '../kinds/kubefedcluster.js';
import { readPod } from '../kinds/pod.js';
import { readStatefulSet } from '../kinds/statefulset.js';
import { readArgoRollout } from '../kinds/argo-rollout.js';
import { readKruiseRollout } from '../kinds/kruise-rollout.js';
import { typeKey } from '../kube/discovery.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { ClusterInfo, HookRunInfo, WorkloadInfo } from '../model/types.js';
import { linkRollouts } from '../model/rollouts.js';
import { buildZones } from '../model/zones.js';
import type { Derive } from './fleet-store.js';
import type { ObjectCache } from './object-cache.js';

type Reader<T> = (cluster: string, obj: KubeObject, ctx?: { hookRuns?: readonly HookRunInfo[]; zoneLabel?: string }) => T;

class Memo<T> {
  private byId = new Map<string, { rv: string; extra: number; value: T }>();
  private seen = new Set<string>();

  get(id: string, rv: string, extra: number, make: () => T): T {
    this.seen.add(id);
    const hit = this.byId.get(id);
    if (hit && hit.rv === rv && hit.extra === extra) return hit.value;
    const value = make();
    this.byId.set(id, { rv, extra, value });
    return value;
  }

  /** Forget entries not touched since the last sweep (deleted objects). */
  sweep(): void {
    for (const id of this.byId.keys()) if (!this.seen.has(id)) this.byId.delete(id);
    this.seen.clear();
  }
}

export interface DeriveOptions {
  zoneLabel: string;
  gameZone: GameZoneTypeOptions;
}

export function deriveSnapshot(opts: DeriveOptions): Derive {
  const workloadReaders: Array<[ResourceType, Reader<WorkloadInfo>]> = [
    [KINDS.GameStatefulSet, readGameStatefulSet],
    [KINDS.GameDeployment, readGameDeployment],
    [KINDS.StatefulSet, readStatefulSet],
    [KINDS.Deployment, readDeployment],
    [KINDS.Rollout, readArgoRollout],
    [KINDS.KruiseRollout, readKruiseRollout],
  ];
  const zoneType = gameZoneType(opts.gameZone);
  const memos = new Map<string, Memo<unknown>>();
  const memo = <T>(name: string) => {
    let m = memos.get(name);
    if (!m) memos.set(name, (m = new Memo<unknown>()));
    return m as Memo<T>;
  };

  function readAll<T>(
    cache: ObjectCache,
    t: ResourceType,
    read: (cluster: string, obj: KubeObject) => T,
    extraOf: (cluster: string) => number = () => 0,
  ): T[] {
    const m = memo<T>(typeKey(t));
    const out: T[] = [];
    for (const { cluster, obj } of cache.all(t)) {
      const id = `${cluster}|${obj.metadata?.uid ?? `${obj.metadata?.namespace}/${obj.metadata?.name}`}`;
      out.push(m.get(id, obj.metadata?.resourceVersion ?? '', extraOf(cluster), () => read(cluster, obj)));
    }
    m.sweep();
    return out;
  }

  return (cache: ObjectCache, _clusters: ClusterInfo[]) => {
    const hookRuns = readAll(cache, KINDS.HookRun, (c, o) => readHookRun(c, o));
    const hookByCluster = new Map<string, HookRunInfo[]>();
    for (const h of hookRuns) {
      const list = hookByCluster.get(h.cluster);
      if (list) list.push(h);
      else hookByCluster.set(h.cluster, [h]);
    }
    const hookVersion = (cluster: string) => cache.version(cluster, typeKey(KINDS.HookRun));
    const workloads: WorkloadInfo[] = [];
    for (const [t, read] of workloadReaders) {
      for (const w of readAll(
        cache,
        t,
        (c, o) => read(c, o, { hookRuns: hookByCluster.get(c) ?? [], zoneLabel: opts.zoneLabel }),
        hookVersion,
      ))
        workloads.push(w);
    }
    const gameZones = readAll(cache, zoneType, (c, o) => readGameZone(c, o));
    const pods = readAll(cache, KINDS.Pod, (c, o) => readPod(c, o));
    const federated = FEDERATED_KINDS.flatMap((k) => readAll(cache, KINDS[k], (c, o) => readFederated(c, o)));
    const fedClusters = readAll(cache, KINDS.KubeFedCluster, (c, o) => readKubeFedCluster(c, o));
    const zones = buildZones(gameZones, workloads);
    return { zones, workloads: linkRollouts(workloads).workloads, hookRuns, pods, federated, fedClusters };
  };
}
