// What changed between two snapshots of one list. The store keeps an unchanged object the same object
// and keeps its lists in a stable order (store/row-table.ts), so a change batch shows up as a few
// objects replaced in place, inserted or removed: a walk over the two lists finds them with pointer
// comparisons, and whoever keeps something per list (a sorted order, an index by key) patches it
// with those few instead of rebuilding it.

export interface ListDiff<T> {
  /** In the old list and not in the new one (by identity). */
  removed: T[];
  /** In the new list and not in the old one (by identity). */
  added: T[];
}

/** How far ahead the walk looks for an object that moved because others were inserted or removed. */
const LOOKAHEAD = 16;

function find<T>(list: readonly T[], x: T, from: number, limit: number): number {
  const end = Math.min(list.length, from + limit);
  for (let k = from; k < end; k++) if (list[k] === x) return k;
  return -1;
}

/**
 * The objects removed from `prev` and added in `next`, or undefined when more than `limit` changed
 * or seemed to (a relist, a reorder): the caller then rebuilds from scratch. A
 * replaced object (same key, new object) is one removal and one addition. Whatever the walk pairs,
 * `removed` and `added` are exactly the set differences, so a patch with them is always correct;
 * lining up only decides whether the walk finds them cheaply.
 */
export function listDiff<T>(prev: readonly T[], next: readonly T[], key: (x: T) => string, limit: number): ListDiff<T> | undefined {
  const removed: T[] = [];
  const added: T[] = [];
  let i = 0;
  let j = 0;
  while (i < prev.length && j < next.length) {
    const p = prev[i]!;
    const n = next[j]!;
    if (p === n) {
      i++;
      j++;
      continue;
    }
    if (removed.length + added.length > limit) return undefined;
    if (key(p) === key(n)) {
      removed.push(p);
      added.push(n);
      i++;
      j++;
      continue;
    }
    // n (and maybe a few after it) inserted before p?
    const at = find(next, p, j + 1, LOOKAHEAD);
    if (at >= 0) {
      for (; j < at; j++) added.push(next[j]!);
      continue;
    }
    // p (and maybe a few after it) removed before n?
    const from = find(prev, n, i + 1, LOOKAHEAD);
    if (from >= 0) {
      for (; i < from; i++) removed.push(prev[i]!);
      continue;
    }
    // Neither nearby: take p as gone and n as new. Should either turn up later on the other side
    // (it moved), the pair is dropped below; a list in another order runs into `limit`.
    removed.push(p);
    added.push(n);
    i++;
    j++;
  }
  if (prev.length - i + next.length - j + removed.length + added.length > limit) return undefined;
  for (; i < prev.length; i++) removed.push(prev[i]!);
  for (; j < next.length; j++) added.push(next[j]!);
  // An object the walk took as removed and as added (it moved) is neither: drop the pair.
  if (removed.length && added.length) {
    const both = new Set(removed);
    const moved = added.filter((x) => both.has(x));
    if (moved.length) {
      const m = new Set(moved);
      return { removed: removed.filter((x) => !m.has(x)), added: added.filter((x) => !m.has(x)) };
    }
  }
  return { removed, added };
}

/** The key of a keyed item (a Row): one function, so the diffs below can be shared by whoever asks with it. */
export const keyField = (x: { key: string }): string => x.key;

interface Asked {
  /**
   * Weakly: an entry held `next` strongly, so every list kept the one after it alive, and one old list
   * held anywhere (a closure of an earlier render) kept every list built since, with their rows: the
   * console's live heap grew by ~1 MiB per rebuilt 7,200-row list (62 such lists after 8 minutes on the demo).
   */
  next: WeakRef<readonly unknown[]>;
  key: (x: never) => string;
  limit: number;
  diff: ListDiff<unknown> | undefined;
}
/** Per old list, the last diff asked of it. */
const asked = new WeakMap<readonly unknown[], Asked>();

/**
 * listDiff, answered once per pair of lists: a view's sorted order and its column widths both ask
 * what changed between the same two lists per snapshot, and a walk over 10,000 rows costs about a
 * millisecond. The result is shared: callers only read it.
 */
export function sharedListDiff<T>(prev: readonly T[], next: readonly T[], key: (x: T) => string, limit: number): ListDiff<T> | undefined {
  const hit = asked.get(prev);
  if (hit && hit.next.deref() === next && hit.key === key && hit.limit === limit) return hit.diff as ListDiff<T> | undefined;
  const diff = listDiff(prev, next, key, limit);
  asked.set(prev, { next: new WeakRef(next), key, limit, diff });
  return diff;
}

/** Past this many changed objects (or an eighth of the list) an index is built again. */
const MAX_PATCH = 512;

/**
 * The objects of a list by key, for the list it was last asked about: the next list (a later
 * snapshot's) patches it with the few objects that changed. Equal to `new Map(list.map(x => [key(x), x]))`;
 * a list with two objects under one key is indexed from scratch, so the last one wins as there.
 */
export class KeyIndex<T> {
  private list: readonly T[] | undefined;
  private map = new Map<string, T>();
  /** One object per key in the list: a removal then frees its key (else the index is built again). */
  private unique = true;

  constructor(private readonly key: (x: T) => string) {}

  of(list: readonly T[]): ReadonlyMap<string, T> {
    if (list === this.list) return this.map;
    const d = this.list && this.unique ? listDiff(this.list, list, this.key, Math.min(MAX_PATCH, list.length >> 3)) : undefined;
    if (!d || !this.patch(d)) {
      this.map = new Map(list.map((x) => [this.key(x), x]));
      this.unique = this.map.size === list.length;
    }
    this.list = list;
    return this.map;
  }

  private patch({ removed, added }: ListDiff<T>): boolean {
    const leaving = new Set<string>();
    for (const x of removed) {
      const k = this.key(x);
      if (this.map.get(k) !== x) return false;
      leaving.add(k);
    }
    const coming = new Set<string>();
    for (const x of added) {
      const k = this.key(x);
      if ((this.map.has(k) && !leaving.has(k)) || coming.has(k)) return false;
      coming.add(k);
    }
    for (const x of removed) this.map.delete(this.key(x));
    for (const x of added) this.map.set(this.key(x), x);
    return true;
  }
}
