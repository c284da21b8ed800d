// What changed between two snapshots of one list. The store keeps an unchanged object the same object
// and keeps its lists in a stable order (store/row-table.ts), so a change batch shows up as a few
// objects replaced in place, inserted or removed: a walk over the two lists finds them with pointer
// comparisons, and whoever keeps something per list (a sorted order, an index by key, the alerts'
// candidates per row) patches it with those few instead of rebuilding it. Pure; in model/ so the
// alert engine (model/alerts) and the console (ui/list-diff.ts) share it.

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
