// Turns a view definition into what the console runs: its console columns laid out, and rows whose
// cells come from the same column definitions as `-o table` (source/model/columns/).
import type { Column } from '../columns.js';
import type { ListView, Row, ViewDef } from './types.js';
import { makeRow } from './types.js';

export function defineView<T>(d: ViewDef<T>): ListView {
  const shown = d.columns.flatMap((c) => (c.console ? [{ def: c, layout: c.console }] : []));
  const columns: Column[] = shown.map(({ def, layout }) => ({ id: def.id, title: def.header, ...layout }));
  return {
    id: d.id,
    title: d.title,
    key: d.key,
    aliases: d.aliases,
    help: d.help,
    columns,
    defaultSort: d.defaultSort,
    emptyText: d.emptyText,
    detail: d.detail,
    logs: d.logs,
    actions: d.actions,
    showAll: d.showAll,
    build(s, ctx): Row[] {
      const cellCtx = { now: ctx.now, stale: ctx.stale, synced: s.synced };
      return d.rows(s, ctx).map((row) =>
        makeRow(
          d.rowKey(row),
          d.cluster(row),
          shown.map(({ def }) => {
            const c = def.cell(row, cellCtx);
            return { text: c.text, sort: c.sort, token: c.tone, tail: c.tail };
          }),
          d.open?.(row),
        ),
      );
    },
  };
}
