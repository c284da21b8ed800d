// The alert candidates of one list of rows (workloads, zones, federated objects), kept from snapshot to
// snapshot: the store keeps an unchanged row the same object, so a snapshot's list differs from the last
// one by the few rows its change batch replaced, which a pointer walk finds (model/list-diff.ts). Only
// those are asked for candidates; the rest keep theirs. Only rows with candidates are held (nearly none
// in a healthy fleet), so what a snapshot costs is the walk plus the changed rows, not a look-up per row.
// The engine looked every row up in a WeakMap instead: on the fleet-scale console (10,000 workloads,
// 1,000 events/s) that pass was a third of the store's time per snapshot, and the 11,000 weak entries
// were ephemerons every full GC had to trace.
import { listDiff } from '../list-diff.js';
import type { Candidate } from './types.js';

export class RowCandidates<T extends object> {
  private list: readonly T[] | undefined;
  /** The rows of the list that have candidates, with theirs (made once per row object). */
  private readonly withAny = new Map<T, readonly Candidate[]>();
  /** The rows whose candidates depend on the clock (a timed pause): made again at every derive. */
  private readonly live = new Set<T>();

  /**
   * @param key  the row's identity across snapshots (lines the walk up after inserts and removals)
   * @param make the row's candidates; for a row that `dependsOnNow` does not name, the same at any `now`
   */
  constructor(
    private readonly key: (row: T) => string,
    private readonly make: (row: T, now: number) => Candidate[],
    private readonly dependsOnNow?: (row: T) => boolean,
  ) {}

  /** Every candidate of `list`'s rows at `now`, each row's own list given to `add` (rows without any: none). */
  derive(list: readonly T[], now: number, add: (cs: readonly Candidate[]) => void): void {
    if (list !== this.list) this.follow(list, now);
    for (const cs of this.withAny.values()) add(cs);
    for (const row of this.live) add(this.make(row, now));
  }

  private follow(list: readonly T[], now: number): void {
    // Past half the list changed (a relist, a new order), every row is asked again.
    const d = this.list ? listDiff(this.list, list, this.key, list.length >> 1) : undefined;
    if (d) {
      for (const row of d.removed) this.forget(row);
      for (const row of d.added) this.note(row, now);
    } else {
      // From scratch: the candidates of rows that stayed are kept, every other row is asked.
      const had = new Map(this.withAny);
      this.withAny.clear();
      this.live.clear();
      for (const row of list) {
        const cs = had.get(row);
        if (cs) this.withAny.set(row, cs);
        else this.note(row, now);
      }
    }
    this.list = list;
  }

  private note(row: T, now: number): void {
    if (this.dependsOnNow?.(row)) {
      this.live.add(row);
      return;
    }
    const cs = this.make(row, now);
    if (cs.length) this.withAny.set(row, cs);
  }

  private forget(row: T): void {
    this.withAny.delete(row);
    this.live.delete(row);
  }
}
