// The console's side of list diffs (model/list-diff.ts): one diff per pair of a view's lists, shared
// by its sorted order and its column widths, and an index by key patched with the rows that changed.
import { type ListDiff, listDiff } from '../model/list-diff.js';

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
