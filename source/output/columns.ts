// Scripted `-o table|wide` columns from the shared column definitions (source/model/columns/): the
// same headers and cell text as the console, without colour. Console-only columns are left out.
import type { CellContext, ColumnDef } from '../model/columns/types.js';
import type { Column } from './table.js';

export function tableColumns<T>(defs: readonly ColumnDef<T>[], ctx: CellContext): Column<T>[] {
  return defs
    .filter((d) => d.table !== undefined)
    .map((d) => ({ header: d.header, get: (row: T) => d.cell(row, ctx).text, wide: d.table === 'wide' }));
}
