// Turns a view definition into what the console runs: its console columns laid out, and rows whose
// cells come from the same column definitions as `-o table` (source/model/columns/). The views are
// defined at import, before the run's language is set: titles, help and headers are message keys put
// into words when read (getters), so every reader (chrome, help, table, layout) gets the run's language.
import { t } from '../../i18n/t.js';
import { word } from '../../model/words.js';
import type { Column } from '../columns.js';
import type { BuildContext, ListView, Row, ViewDef } from './types.js';
import { makeRow } from './types.js';

export function defineView<T>(d: ViewDef<T>): ListView {
  // The Row of an object the store did not change is the same Row (the store keeps unchanged rows
  // as the same objects), so a snapshot rebuilds only the rows that changed and the table's row
  // memo skips the rest. A new clock tick or view context builds every row once again.
  const built = new WeakMap<object, { ctx: BuildContext; synced: boolean | undefined; row: Row }>();
  const shown = d.columns.flatMap((c) => (c.console ? [{ def: c, layout: c.console }] : []));
  // A header is read a few times per render (widths, fit, the header row): memoized per language.
  const columns: Column[] = shown.map(({ def, layout }) => ({
    id: def.id,
    get title() {
      return word(def.header);
    },
    ...layout,
  }));
  const showAll = d.showAll;
  return {
    id: d.id,
    get title() {
      return t(d.title);
    },
    key: d.key,
    aliases: d.aliases,
    get help() {
      return t(d.help);
    },
    columns,
    defaultSort: d.defaultSort,
    emptyText: d.emptyText,
    detail: d.detail,
    logs: d.logs,
    actions: d.actions,
    ...(showAll !== undefined
      ? {
          get showAll() {
            return t(showAll);
          },
        }
      : {}),
    podFocus: d.podFocus,
    problems: d.problems,
    compare: d.compare,
    build(s, ctx): Row[] {
      const cellCtx = { now: ctx.now, stale: ctx.stale, synced: s.synced };
      return d.rows(s, ctx).map((row) => {
        const cluster = d.cluster(row);
        // Cells read the context and, of the snapshot, only the row's own cluster's synced flag.
        const synced = s.synced[cluster];
        const hit = typeof row === 'object' && row !== null ? built.get(row) : undefined;
        if (hit && hit.ctx === ctx && hit.synced === synced) return hit.row;
        const made = makeRow(
          d.rowKey(row),
          cluster,
          shown.map(({ def }) => {
            const c = def.cell(row, cellCtx);
            return { text: c.text, sort: c.sort, token: c.tone, tail: c.tail };
          }),
          d.open?.(row),
          d.namespace?.(row),
        );
        if (typeof row === 'object' && row !== null) built.set(row, { ctx, synced, row: made });
        return made;
      });
    },
  };
}
