// A list view's natural column widths kept from snapshot to snapshot: the widest cell of each column
// over every row (ui/columns.ts naturalWidths). A snapshot that changed a few rows counts those out
// and in, instead of measuring 10,000 rows again (the store keeps unchanged rows as the same Row, so
// list-diff.ts finds the few by pointer).
import { cellWidthsOf, type Column, naturalWidths } from './columns.js';
import { keyField, sharedListDiff } from './list-diff.js';
import { PATCH_SHARE_SHIFT } from './sorted-rows.js';
import type { Row } from './views/types.js';

export class NaturalWidths {
  private base: readonly Row[] | undefined;
  private columns: readonly Column[] | undefined;
  /** Per column: how many rows have a cell of each width. */
  private counts: Array<Map<number, number>> = [];
  private widths: number[] = [];

  /** Equal to naturalWidths(columns, base); the same array while the widths did not change. */
  update(columns: readonly Column[], base: readonly Row[]): number[] {
    if (base === this.base && columns === this.columns) return this.widths;
    const d =
      this.base !== undefined && columns === this.columns
        ? sharedListDiff(this.base, base, keyField, base.length >> PATCH_SHARE_SHIFT)
        : undefined;
    if (d) {
      for (const r of d.removed) this.count(columns, r, -1);
      for (const r of d.added) this.count(columns, r, 1);
    } else {
      this.counts = columns.map(() => new Map());
      for (const r of base) this.count(columns, r, 1);
    }
    this.base = base;
    this.columns = columns;
    const cells = columns.map((_, i) => {
      let w = 0;
      for (const [width, n] of this.counts[i]!) if (n > 0 && width > w) w = width;
      return w;
    });
    // The header and each column's floor, as naturalWidths applies them (measured there, with no rows).
    const least = naturalWidths(columns, []);
    const next = least.map((w, i) => Math.max(w, cells[i]!));
    if (next.length !== this.widths.length || next.some((w, i) => w !== this.widths[i])) this.widths = next;
    return this.widths;
  }

  private count(columns: readonly Column[], r: Row, by: 1 | -1): void {
    const ws = cellWidthsOf(r, columns.length);
    for (let i = 0; i < columns.length; i++) {
      const m = this.counts[i]!;
      const n = (m.get(ws[i]!) ?? 0) + by;
      if (n > 0) m.set(ws[i]!, n);
      else m.delete(ws[i]!);
    }
  }
}
