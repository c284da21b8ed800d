// Turns a view definition into what the console runs: its console columns laid out, and rows whose
// cells come from the same column definitions as `-o table` (source/model/columns/). The views are
// defined at import, before the run's language is set: titles, help and headers are message keys put
// into words when read (getters), so every reader (chrome, help, table, layout) gets the run's language.
import { t } from '../../i18n/t.js';
import { plainEqual } from '../../model/plain-equal.js';
import type { Column } from '../columns.js';
import type { BuildContext, ListView, Row, ViewDef } from './types.js';
import { makeRow } from './types.js';

interface Built {
  stale: BuildContext['stale'];
  /** The clock its cells read (undefined: they read none, and hold at any time). */
  now: number | undefined;
  synced: boolean | undefined;
  row: Row;
}

type Cells = Parameters<typeof makeRow>[2];

/** The row's cells say and sort exactly as these. */
function sameCells(r: Row, cells: Cells): boolean {
  if (r.cells.length !== cells.length) return false;
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i]!;
    if (r.cells[i] !== c.text || r.sort[i] !== (c.sort ?? c.text) || r.tokens[i] !== c.token || r.tails?.[i] !== c.tail) return false;
  }
  return true;
}

/** The same synced flag for every cluster (a snapshot brings a new record each time). */
function sameFlags(a: Record<string, boolean>, b: Record<string, boolean>): boolean {
  if (a === b) return true;
  let n = 0;
  for (const k in b) {
    if (a[k] !== b[k]) return false;
    n++;
  }
  return n === Object.keys(a).length;
}

export function defineView<T>(d: ViewDef<T>): ListView {
  // The Row of an object the store did not change is the same Row (the store keeps unchanged rows
  // as the same objects), so a snapshot rebuilds only the rows that changed and the table's row
  // memo skips the rest. A clock tick builds again only the rows whose cells read the clock (an age,
  // a pause's length), and keeps the Row when their words did not change; a cluster going stale
  // builds every row again.
  const built = new WeakMap<object, Built>();
  const shown = d.columns.flatMap((c) => (c.console ? [{ def: c, layout: c.console }] : []));
  // A header is read a few times per render (widths, fit, the header row): memoized per language.
  const columns: Column[] = shown.map(({ def, layout }) => ({
    id: def.id,
    get title() {
      return t(def.header);
    },
    ...layout,
  }));
  const showAll = d.showAll;
  /** The last build: its input rows and the Rows made of them, with what those Rows were built against. */
  let last: { input: readonly T[]; out: Row[]; stale: BuildContext['stale']; now: number; synced: Record<string, boolean> } | undefined;
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
      let readNow = false;
      const cellCtx = {
        get now() {
          readNow = true;
          return ctx.now;
        },
        stale: ctx.stale,
        synced: s.synced,
      };
      const input = d.rows(s, ctx);
      // Same clock, stale clusters and synced flags as the build before: a row object at the same
      // place as then is the Row built then (what the lookup below would find), taken without the
      // lookup. At 1,000 events/s a snapshot changes a few rows of 10,000, and this walk is the part
      // of a snapshot's render that grew with the list; a list whose Rows are all the same is the
      // same array, so the sorted order, the widths and the table see no change at all.
      const prev = last && last.stale === ctx.stale && last.now === ctx.now && sameFlags(last.synced, s.synced) ? last : undefined;
      const out: Row[] = new Array<Row>(input.length);
      let same = prev !== undefined && prev.input.length === input.length;
      for (let i = 0; i < input.length; i++) {
        const row = input[i]!;
        const r = prev && prev.input[i] === row ? prev.out[i]! : rowOf(row, prev?.out[i]);
        if (same && r !== prev!.out[i]) same = false;
        out[i] = r;
      }
      const result = same ? prev!.out : out;
      last = { input, out: result, stale: ctx.stale, now: ctx.now, synced: s.synced };
      return result;

      /** `before`: the Row at the row's place in the last build, kept when the new one would equal it. */
      function rowOf(row: T, before?: Row): Row {
        const cluster = d.cluster(row);
        // Cells read the clock, the stale clusters and, of the snapshot, only the row's own cluster's synced flag.
        const synced = s.synced[cluster];
        const keep = typeof row === 'object' && row !== null;
        const hit = keep ? built.get(row) : undefined;
        if (hit && hit.synced === synced && hit.stale === ctx.stale && (hit.now === undefined || hit.now === ctx.now)) return hit.row;
        readNow = false;
        const cells = shown.map(({ def }) => {
          const c = def.cell(row, cellCtx);
          return { text: c.text, sort: c.sort, token: c.tone, tail: c.tail };
        });
        // The same object with the same words (a tick that moved no age): the same Row, so nothing
        // after this (the sorted order, the widths, the table's row memo) sees a change.
        const made =
          hit && sameCells(hit.row, cells)
            ? hit.row
            : (sameRow(before, row, cluster, cells) ?? makeRow(d.rowKey(row), cluster, cells, d.open?.(row), d.namespace?.(row)));
        if (keep) built.set(row, { stale: ctx.stale, now: readNow ? ctx.now : undefined, synced, row: made });
        return made;
      }

      /**
       * `before` when a Row made of `row` would equal it: a new object for the same row whose shown words
       * did not change (a watch event that moved a resourceVersion, a label, a field no column shows).
       * Then the sorted order, the widths and the table see no change, as for an unchanged object.
       */
      function sameRow(before: Row | undefined, row: T, cluster: string, cells: Cells): Row | undefined {
        if (!before || before.cluster !== cluster || !sameCells(before, cells)) return undefined;
        if (before.key !== d.rowKey(row) || before.namespace !== d.namespace?.(row)) return undefined;
        return plainEqual(d.open?.(row), before.drill) ? before : undefined;
      }
    },
  };
}
