// Column layout: natural widths from the data, then drop columns by priority until the row fits,
// then shrink the flexible column(s). Priority 0 columns are never dropped.
import { displayWidth } from './text/width.js';

export interface Column {
  id: string;
  title: string;
  /** 0 = essential (never dropped); higher numbers are dropped first. */
  priority: number;
  /** Minimum width when shrinking (defaults to the title width). */
  min?: number;
  /** Natural width cap. */
  max?: number;
  /** Natural width floor (a column whose header is its widest text keeps room for the sort mark). */
  least?: number;
  /** Absorbs shrink (and nothing else) when the row is still too wide. */
  flex?: boolean;
  align?: 'left' | 'right';
}

export interface PlacedColumn {
  column: Column;
  index: number; // index into the row's cells
  width: number;
}

export const GAP = 2;
/** Width of the selection gutter at the left of every row. */
export const GUTTER = 2;

/** Display widths of a row's cells, once per row (rows an unchanged object keeps are the same Row). */
const cellWidths = new WeakMap<object, number[]>();

/** The display widths of a row's first `n` cells (measured once per row). */
export function cellWidthsOf(r: { cells: readonly string[] }, n: number): number[] {
  let ws = cellWidths.get(r);
  if (!ws || ws.length !== n) cellWidths.set(r, (ws = Array.from({ length: n }, (_, i) => displayWidth(r.cells[i] ?? ''))));
  return ws;
}

/** Natural width of each column over the given rows (header included, at least `least`); fitColumns applies `max`. */
export function naturalWidths(columns: readonly Column[], rows: ReadonlyArray<{ cells: readonly string[] }>): number[] {
  const w = columns.map((c) => displayWidth(c.title));
  for (const r of rows) {
    const ws = cellWidthsOf(r, columns.length);
    for (let i = 0; i < columns.length; i++) if (ws[i] > w[i]) w[i] = ws[i];
  }
  return w.map((n, i) => Math.max(n, columns[i].least ?? 0));
}

/** Columns with this priority or higher are dropped before anything is shrunk. */
export const OPTIONAL = 3;

/**
 * Fits columns into `width` cells (gutter included). Returns the visible columns in order.
 *  1. drop optional columns (priority >= OPTIONAL, highest first) while the natural row is too wide;
 *  2. drop important columns (priority 1..2) while even the flexible columns at minimum do not fit;
 *  3. shrink flexible columns (widest first, one cell at a time), then any column down to 3 cells;
 *  4. room left over goes to flexible columns that their `max` cut, up to their natural width (a long
 *     rollout message is whole on a 200-column terminal and cut on an 80-column one).
 */
export function fitColumns(columns: readonly Column[], natural: readonly number[], width: number): PlacedColumn[] {
  let placed: PlacedColumn[] = columns.map((column, index) => ({
    column,
    index,
    width: Math.min(natural[index], column.max ?? natural[index]),
  }));
  const total = (cols: PlacedColumn[]) => GUTTER + cols.reduce((a, c) => a + c.width, 0) + GAP * Math.max(0, cols.length - 1);
  const minOf = (c: PlacedColumn) => Math.min(c.width, c.column.min ?? displayWidth(c.column.title));
  const shrinkable = (cols: PlacedColumn[]) => cols.reduce((a, c) => a + (c.column.flex ? c.width - minOf(c) : 0), 0);
  const dropOne = (minPriority: number): boolean => {
    let victim = -1;
    for (let i = 0; i < placed.length; i++) {
      const p = placed[i].column.priority;
      if (p >= minPriority && p > 0 && (victim < 0 || p >= placed[victim].column.priority)) victim = i;
    }
    if (victim < 0) return false;
    placed = placed.filter((_, i) => i !== victim);
    return true;
  };

  while (total(placed) > width && dropOne(OPTIONAL));
  while (total(placed) - shrinkable(placed) > width && dropOne(1));

  let over = total(placed) - width;
  while (over > 0) {
    let widest: PlacedColumn | undefined;
    for (const c of placed) if (c.column.flex && c.width > minOf(c) && (!widest || c.width > widest.width)) widest = c;
    if (!widest) break;
    widest.width--;
    over--;
  }
  for (const c of [...placed].sort((a, b) => b.width - a.width)) {
    if (over <= 0) break;
    const cut = Math.min(Math.max(0, c.width - 3), over);
    c.width -= cut;
    over -= cut;
  }
  let spare = width - total(placed);
  for (const c of placed) {
    if (spare <= 0) break;
    if (!c.column.flex || natural[c.index] <= c.width) continue;
    const grow = Math.min(spare, natural[c.index] - c.width);
    c.width += grow;
    spare -= grow;
  }
  return placed;
}
