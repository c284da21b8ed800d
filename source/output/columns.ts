// Scripted `-o table|wide` columns from the shared column definitions (source/model/columns/): the
// same headers and cell text as the console, without colour. Console-only columns are left out. The
// headers are put into words here, once per table (a -o json|yaml|name run is English: the entry says so).
import { t } from '../i18n/t.js';
import type { CellContext, ColumnDef } from '../model/columns/types.js';
import type { Column } from './table.js';

export function tableColumns<T>(defs: readonly ColumnDef<T>[], ctx: CellContext): Column<T>[] {
  return defs
    .filter((d) => d.table !== undefined)
    .map((d) => ({ id: d.id, header: t(d.header), get: (row: T) => d.cell(row, ctx).text, wide: d.table === 'wide' }));
}
