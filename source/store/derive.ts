// Snapshot derivation, incremental: raw objects -> model rows via the kind readers. Each type's rows
// follow the cache's change journal (row-table.ts), so a change batch re-reads only the objects that
// changed, plus the workloads of a namespace whose hook runs changed (a workload row joins its own
// namespace's hook runs). Zones are recomputed per (cluster, zone id) touched (zone-index.ts).
// Unchanged rows and zones stay the same objects from snapshot to snapshot, and each snapshot equals
// a derivation from scratch (test/unit/store/derive.test.ts holds it to one).
import { drivesWorkload, type GameZoneTypeOptions, rowSpecs, WORKLOAD_SPECS } from '../kinds/registry.js';
import { typeKey } from '../kube/discovery.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { ClusterInfo, HookRunInfo, WorkloadInfo } from '../model/types.js';
import { refKey } from '../model/rollouts.js';
import type { Derive } from './fleet-store.js';
import type { ObjectCache } from './object-cache.js';
import { RefIndex } from './ref-index.js';
import { type RowChange, RowTable } from './row-table.js';
import { ZoneIndex } from './zone-index.js';

export interface DeriveOptions {
  zoneLabel: string;
  gameZone: GameZoneTypeOptions;
}

const nsKey = (cluster: string, ns: string) => `${cluster}\u0000${ns}`;
/** Workload kinds fold into the fleet-wide order of workloads above the per-kind order. */
const PER_KIND = 1e13;

function concat<T>(tables: ReadonlyArray<RowTable<T>>, prev: T[] | undefined, changed: boolean): T[] {
  if (prev && !changed) return prev;
  if (tables.length === 1) return tables[0]!.rows() as T[];
  return joinLists(tables);
}

/** Every table's rows, in table order, in one copy (RowTable.lists). */
function joinLists<T>(tables: ReadonlyArray<RowTable<T>>): T[] {
  return ([] as T[]).concat(...tables.flatMap((t) => t.lists()));
}

export function deriveSnapshot(opts: DeriveOptions): Derive {
  // Every table below comes from the kind registry, by role: workloads, hook runs, zones, pods...
  const table = <T>(type: ResourceType, read: (cluster: string, obj: KubeObject) => T) => new RowTable<T>(typeKey(type), read);
  const hookTables = rowSpecs('hookRun').map((s) => table<HookRunInfo>(s.type, (c, o) => s.read(c, o)));
  const zoneTables = rowSpecs('zone').map((s) => {
    const t = s.typeWith ? s.typeWith(opts.gameZone) : s.type;
    return table(t, (c, o) => s.read(c, o));
  });
  const podTables = rowSpecs('pod').map((s) => table(s.type, (c, o) => s.read(c, o)));
  const federatedTables = rowSpecs('federated').map((s) => table(s.type, (c, o) => s.read(c, o)));
  const fedClusterTables = rowSpecs('fedCluster').map((s) => table(s.type, (c, o) => s.read(c, o)));

  // Hook runs per (cluster, namespace), in the order of the hook run list.
  let hooksByNs = new Map<string, HookRunInfo[]>();
  const workloadTables = WORKLOAD_SPECS.map((s) =>
    table<WorkloadInfo>(s.type, (c, o) =>
      s.read(c, o, { hookRuns: hooksByNs.get(nsKey(c, o.metadata?.namespace ?? '')) ?? [], zoneLabel: opts.zoneLabel }),
    ),
  );
  // Workload ids per (cluster, namespace), per kind: the rows to read again when that namespace's hook runs change.
  const workloadIdsByNs = WORKLOAD_SPECS.map(() => new Map<string, Set<string>>());
  // Rollout controllers (rows with a workloadRef, each with its place in the workload order) and every
  // workload by its own link key. Rows are kept by identity: a change's `before` is the very row an earlier
  // change gave as `after`, so no id string per workload is needed to find it again.
  const controllers = new Map<WorkloadInfo, number>();
  const byRef = new RefIndex();
  let rolloutOf = new Map<string, WorkloadInfo>();
  const linked = new WeakMap<WorkloadInfo, { r: WorkloadInfo; out: WorkloadInfo }>();
  const zones = new ZoneIndex((w) => !!w.workloadRef || drivesWorkload(w.kind));

  let last: Omit<ReturnType<Derive>, 'zones'> | undefined;

  function syncWorkloads(cache: ObjectCache, hookNs: Set<string>): boolean {
    let changed = false;
    workloadTables.forEach((t, kindIdx) => {
      const idsByNs = workloadIdsByNs[kindIdx]!;
      const again = hookNs.size
        ? (cluster: string) => {
            const ids: string[] = [];
            for (const k of hookNs) if (k.startsWith(`${cluster}\u0000`)) for (const id of idsByNs.get(k) ?? []) ids.push(id);
            return ids;
          }
        : undefined;
      for (const ch of t.sync(cache, again)) {
        changed = true;
        const order = kindIdx * PER_KIND + ch.order;
        noteWorkload(idsByNs, ch, order);
        zones.workload(ch.before, ch.after, order);
      }
    });
    return changed;
  }

  function noteWorkload(idsByNs: Map<string, Set<string>>, ch: RowChange<WorkloadInfo>, order: number): void {
    const { before, after } = ch;
    if (before) {
      const k = nsKey(before.cluster, before.namespace);
      idsByNs.get(k)?.delete(ch.id);
      byRef.remove(refKey(before.cluster, before.namespace, before.kind, before.name), before);
      controllers.delete(before);
    }
    if (after) {
      const k = nsKey(after.cluster, after.namespace);
      (idsByNs.get(k) ?? idsByNs.set(k, new Set()).get(k)!).add(ch.id);
      byRef.add(refKey(after.cluster, after.namespace, after.kind, after.name), after);
      if (after.workloadRef) controllers.set(after, order);
    }
  }

  /** Rollout controller by the key of the workload it drives; the last one in workload order wins (as linkRollouts). */
  function linkIndex(): Map<string, WorkloadInfo> {
    const next = new Map<string, WorkloadInfo>();
    for (const [row] of [...controllers].sort((a, b) => a[1] - b[1]))
      next.set(refKey(row.cluster, row.namespace, row.workloadRef!.kind, row.workloadRef!.name), row);
    return next;
  }

  function linkedRow(w: WorkloadInfo, r: WorkloadInfo): WorkloadInfo {
    const hit = linked.get(w);
    if (hit && hit.r.kind === r.kind && hit.r.name === r.name) return hit.out;
    const out = { ...w, rolloutRef: { kind: r.kind, name: r.name } };
    linked.set(w, { r, out });
    return out;
  }

  return (cache: ObjectCache, _clusters: ClusterInfo[]) => {
    const hookChanges = hookTables.flatMap((t) => t.sync(cache));
    const hookNs = new Set<string>();
    for (const { before, after } of hookChanges) {
      if (before) hookNs.add(nsKey(before.cluster, before.namespace));
      if (after) hookNs.add(nsKey(after.cluster, after.namespace));
    }
    const hookRuns = concat(hookTables, last?.hookRuns, hookChanges.length > 0);
    if (hookNs.size) {
      const next = new Map<string, HookRunInfo[]>();
      for (const h of hookRuns) {
        const k = nsKey(h.cluster, h.namespace);
        (next.get(k) ?? next.set(k, []).get(k)!).push(h);
      }
      hooksByNs = next;
    }

    const workloadsChanged = syncWorkloads(cache, hookNs);
    const nextRolloutOf = controllers.size || rolloutOf.size ? linkIndex() : rolloutOf;
    let linksChanged = nextRolloutOf.size !== rolloutOf.size;
    for (const [k, r] of nextRolloutOf) if (rolloutOf.get(k) !== r) linksChanged = true;
    if (linksChanged) {
      // The zones of workloads that gained, lost or changed their rollout controller.
      for (const k of new Set([...rolloutOf.keys(), ...nextRolloutOf.keys()]))
        if (rolloutOf.get(k) !== nextRolloutOf.get(k)) for (const w of byRef.rows(k)) zones.touch(w);
      rolloutOf = nextRolloutOf;
    }
    let workloads = last?.workloads;
    if (!workloads || workloadsChanged || linksChanged) {
      // The driven workloads by row, so the list is built without a key per row.
      const driven = new Map<WorkloadInfo, WorkloadInfo>();
      for (const [k, r] of rolloutOf) for (const w of byRef.rows(k)) driven.set(w, r);
      workloads = joinLists(workloadTables);
      if (driven.size)
        workloads = workloads.map((w) => {
          const r = driven.get(w);
          return r ? linkedRow(w, r) : w;
        });
    }

    const gameZoneChanges = zoneTables.flatMap((t) => t.sync(cache));
    gameZoneChanges.forEach((ch) => zones.gameZone(ch.before, ch.after, ch.order));

    const sync = <T>(tables: ReadonlyArray<RowTable<T>>, prev: T[] | undefined) =>
      concat(tables, prev, tables.reduce((n, t) => n + t.sync(cache).length, 0) > 0);
    last = {
      workloads,
      hookRuns,
      pods: sync(podTables, last?.pods),
      federated: sync(federatedTables, last?.federated),
      fedClusters: sync(fedClusterTables, last?.fedClusters),
    };
    return { zones: zones.zones(rolloutOf), ...last };
  };
}
