// Zones kept per (cluster, zone id): a changed workload or GameZone recomputes the zones of its group
// only (model/zones.ts zoneRows), unchanged zones stay the same objects, and the sorted zone list is
// patched rather than sorted again. A recomputed zone equal to the one it replaces (a workload event
// that changed nothing the zone shows: a label, a resourceVersion, a status heartbeat) is the old
// object again, so the alerts and the console see no change for it.
import { plainEqual } from '../model/plain-equal.js';
import { compareZones, zoneRows } from '../model/zones.js';
import type { WorkloadInfo, ZoneInfo } from '../model/types.js';

/**
 * A group's rows, each with its place in its list's order. Kept by identity: a change's `before` is the very
 * row an earlier change gave as `after` (store/row-table.ts), so no id string or member object per workload.
 */
type Members<T> = Map<T, number>;

interface Group {
  gameZones: Members<ZoneInfo>;
  workloads: Members<WorkloadInfo>;
  rows: ZoneInfo[];
}

const groupKey = (cluster: string, zoneId: string) => `${cluster}\u0000${zoneId}`;
const inOrder = <T>(m: Members<T>): T[] => [...m].sort((a, b) => a[1] - b[1]).map((x) => x[0]);

/** Upper bound: after every row that sorts equal, as a stable sort of the same rows would place it. */
function insertAt(list: readonly ZoneInfo[], z: ZoneInfo): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compareZones(list[mid]!, z) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class ZoneIndex {
  private groups = new Map<string, Group>();
  private dirty = new Set<string>();
  private list: ZoneInfo[] = [];

  constructor(private readonly controller: (w: WorkloadInfo) => boolean) {}

  private group(key: string): Group {
    let g = this.groups.get(key);
    if (!g) this.groups.set(key, (g = { gameZones: new Map(), workloads: new Map(), rows: [] }));
    return g;
  }

  /** A workload row changed (`order`: its place among all workloads). */
  workload(before: WorkloadInfo | undefined, after: WorkloadInfo | undefined, order: number): void {
    if (before?.zone) {
      const k = groupKey(before.cluster, before.zone);
      this.groups.get(k)?.workloads.delete(before);
      this.dirty.add(k);
    }
    if (after?.zone) {
      const k = groupKey(after.cluster, after.zone);
      this.group(k).workloads.set(after, order);
      this.dirty.add(k);
    }
  }

  gameZone(before: ZoneInfo | undefined, after: ZoneInfo | undefined, order: number): void {
    if (before) {
      const k = groupKey(before.cluster, before.zoneId);
      this.groups.get(k)?.gameZones.delete(before);
      this.dirty.add(k);
    }
    if (after) {
      const k = groupKey(after.cluster, after.zoneId);
      this.group(k).gameZones.set(after, order);
      this.dirty.add(k);
    }
  }

  /** The zone of a workload whose rollout controller changed. */
  touch(w: WorkloadInfo): void {
    if (w.zone) this.dirty.add(groupKey(w.cluster, w.zone));
  }

  /** Every zone, sorted; the same array while nothing changed. */
  zones(rolloutOf: Map<string, WorkloadInfo>): ZoneInfo[] {
    if (!this.dirty.size) return this.list;
    const removed = new Set<ZoneInfo>();
    const added: ZoneInfo[] = [];
    for (const k of this.dirty) {
      const g = this.groups.get(k);
      if (!g) continue;
      if (!g.gameZones.size && !g.workloads.size) {
        for (const z of g.rows) removed.add(z);
        this.groups.delete(k);
        continue;
      }
      const was = g.rows;
      const rows = zoneRows(inOrder(g.gameZones), inOrder(g.workloads), rolloutOf, this.controller);
      // Zones equal to the ones at their place before stay the old objects (and in the list as they are).
      for (let i = 0; i < rows.length; i++) if (i < was.length && plainEqual(rows[i], was[i])) rows[i] = was[i]!;
      const kept = new Set(rows);
      for (const z of was) if (!kept.has(z)) removed.add(z);
      for (const z of rows) if (!was.includes(z)) added.push(z);
      g.rows = rows;
    }
    this.dirty.clear();
    if (!removed.size && !added.length) return this.list;
    if (added.length > 64 && added.length * 4 > this.list.length) {
      // Many groups changed (a first list, a relist): sort once.
      const all: ZoneInfo[] = [];
      for (const g of this.groups.values()) for (const z of g.rows) all.push(z);
      this.list = all.sort(compareZones);
    } else {
      const list = removed.size ? this.list.filter((z) => !removed.has(z)) : [...this.list];
      for (const z of added) list.splice(insertAt(list, z), 0, z);
      this.list = list;
    }
    return this.list;
  }
}
