// A list view's rows in the chosen order, kept from snapshot to snapshot: a snapshot that changed a
// few rows takes those out and puts their new rows in by binary search, instead of sorting every
// row again (10,000 rollouts sorted per snapshot cost more than everything else the view did).
import { keyField, sharedListDiff } from './list-diff.js';
import { rowOrder, sortRows } from './list-model.js';
import type { Row } from './views/types.js';

/**
 * Past this share of the list changed (a relist, a new order) the rows are sorted again. Patching costs
 * a walk and a copy of the list plus a binary search per changed row, well under a sort up to here. It
 * was min(512, an eighth): a snapshot that came late under load (over 256 rows changed at 1,000
 * events/s) sorted all 10,000 rollouts again, ~37 ms each under --cpu-prof, making the next one later still; now the same
 * share as the widths' (natural-widths.ts), so both read one shared diff.
 */
export const PATCH_SHARE_SHIFT = 2;

type Order = (x: Row, y: Row) => number;

/** First index whose row does not sort before `r`. */
function lowerBound(list: readonly Row[], r: Row, order: Order): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, r) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index whose row sorts after `r`. */
function upperBound(list: readonly Row[], r: Row, order: Order, from: number): number {
  let lo = from;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (order(list[mid]!, r) <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SortedRows {
  private base: readonly Row[] | undefined;
  private col = -1;
  private desc = false;
  private sorted: Row[] = [];
  /** How many times the rows were sorted from scratch (a first list, a new order, a relist). */
  sorts = 0;

  /** `base` in the order of column `col` (the same rows as sortRows gives); the same array while nothing changed. */
  update(base: readonly Row[], col: number, desc: boolean): Row[] {
    if (base === this.base && col === this.col && desc === this.desc) return this.sorted;
    const same = this.base !== undefined && col === this.col && desc === this.desc;
    const patched = same ? this.patch(this.base!, base) : undefined;
    if (!patched) this.sorts++;
    this.sorted = patched ?? sortRows(base, col, desc);
    this.base = base;
    this.col = col;
    this.desc = desc;
    return this.sorted;
  }

  /** The sorted list with the changed rows taken out and put in; undefined: sort again. */
  private patch(prev: readonly Row[], base: readonly Row[]): Row[] | undefined {
    const d = sharedListDiff(prev, base, keyField, base.length >> PATCH_SHARE_SHIFT);
    if (!d) return undefined;
    if (!d.removed.length && !d.added.length) return this.sorted;
    const list = this.sorted;
    const order = rowOrder(this.col, this.desc);
    const drop = new Set<number>();
    for (const r of d.removed) {
      let k = lowerBound(list, r, order);
      while (k < list.length && list[k] !== r && order(list[k]!, r) === 0) k++;
      if (list[k] !== r) return undefined;
      drop.add(k);
    }
    const add = [...d.added].sort(order);
    const at: number[] = [];
    for (let a = 0; a < add.length; a++) {
      if (a > 0 && order(add[a - 1]!, add[a]!) === 0) return undefined;
      // Rows equal to it (same sort value and key) that stay: a stable sort would place it by the
      // list's order, which insertion does not know. Only when all of them leave is its place certain.
      const lo = lowerBound(list, add[a]!, order);
      const hi = upperBound(list, add[a]!, order, lo);
      for (let k = lo; k < hi; k++) if (!drop.has(k)) return undefined;
      at.push(hi);
    }
    // One pass: the kept rows in order, each added row before the row at its place.
    const gone = [...drop].sort((x, y) => x - y);
    const out: Row[] = [];
    let a = 0;
    let g = 0;
    for (let k = 0; k < list.length; k++) {
      while (a < add.length && at[a] === k) out.push(add[a++]!);
      if (g < gone.length && gone[g] === k) g++;
      else out.push(list[k]!);
    }
    while (a < add.length) out.push(add[a++]!);
    return out;
  }
}
