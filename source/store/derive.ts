// Snapshot derivation: raw objects -> model rows via the kind readers, memoized per object
// (uid + resourceVersion) so a change batch re-reads only what changed.
import { drivesWorkload, type GameZoneTypeOptions, rowSpecs, WORKLOAD_SPECS } from '../kinds/registry.js';
import { typeKey } from '../kube/discovery.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { ClusterInfo, HookRunInfo, WorkloadInfo } from '../model/types.js';
import { linkRollouts } from '../model/rollouts.js';
import { buildZones } from '../model/zones.js';
import type { Derive } from './fleet-store.js';
import type { ObjectCache } from './object-cache.js';

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
  // Every table below comes from the kind registry, by role: workloads, hook runs, zones, pods...
  const hookSpecs = rowSpecs('hookRun');
  const zoneSpecs = rowSpecs('zone').map((s) => ({ read: s.read, type: s.typeWith ? s.typeWith(opts.gameZone) : s.type }));
  const podSpecs = rowSpecs('pod');
  const federatedSpecs = rowSpecs('federated');
  const fedClusterSpecs = rowSpecs('fedCluster');
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
    const hookRuns = hookSpecs.flatMap((s) => readAll(cache, s.type, (c, o) => s.read(c, o)));
    const hookByCluster = new Map<string, HookRunInfo[]>();
    for (const h of hookRuns) {
      const list = hookByCluster.get(h.cluster);
      if (list) list.push(h);
      else hookByCluster.set(h.cluster, [h]);
    }
    // A workload row joins its cluster's hook runs: re-read it when they change.
    const hookVersion = (cluster: string) => hookSpecs.reduce((n, s) => n + cache.version(cluster, typeKey(s.type)), 0);
    const workloads: WorkloadInfo[] = [];
    for (const s of WORKLOAD_SPECS) {
      for (const w of readAll(
        cache,
        s.type,
        (c, o) => s.read(c, o, { hookRuns: hookByCluster.get(c) ?? [], zoneLabel: opts.zoneLabel }),
        hookVersion,
      ))
        workloads.push(w);
    }
    const gameZones = zoneSpecs.flatMap((s) => readAll(cache, s.type, (c, o) => s.read(c, o)));
    const pods = podSpecs.flatMap((s) => readAll(cache, s.type, (c, o) => s.read(c, o)));
    const federated = federatedSpecs.flatMap((s) => readAll(cache, s.type, (c, o) => s.read(c, o)));
    const fedClusters = fedClusterSpecs.flatMap((s) => readAll(cache, s.type, (c, o) => s.read(c, o)));
    const zones = buildZones(gameZones, workloads, (w) => !!w.workloadRef || drivesWorkload(w.kind));
    return { zones, workloads: linkRollouts(workloads).workloads, hookRuns, pods, federated, fedClusters };
  };
}
