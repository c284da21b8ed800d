// Derives what the current screen shows, memoized in layers so that moving the selection never
// rebuilds, refilters or resorts rows, and a snapshot change rebuilds only the view in front.
import { useMemo, useRef } from 'react';
import { t } from '../../i18n/t.js';
import type { Snapshot } from '../../store/types.js';
import type { PlacedColumn } from '../columns.js';
import { fitColumns } from '../columns.js';
import { compileFilter } from '../filter.js';
import { helpLines } from '../help.js';
import { filterRows, problemsFirst } from '../list-model.js';
import { NaturalWidths } from '../natural-widths.js';
import { SortedRows } from '../sorted-rows.js';
import type { KeyedRows, UiState } from '../state.js';
import { keyed, top } from '../state.js';
import type { ViewRegistry } from '../views/registry.js';
import type { BuildContext, Line, ListView, Row } from '../views/types.js';

export interface ListScreen {
  kind: 'list';
  spec: ListView;
  rows: Row[];
  total: number;
  cols: PlacedColumn[];
  sortCol: string;
  sortDesc: boolean;
  filterError?: string;
  keyed: KeyedRows;
  /** Every row of the list, filter or not (marks of rows that left it are dropped). */
  all: KeyedRows;
}

export interface LinesScreen {
  kind: 'lines';
  lines: Line[];
  /** The object shown is gone from the snapshot. */
  missing: boolean;
  keyed: KeyedRows;
}

export type Screen = ListScreen | LinesScreen;

const NO_ROWS: Row[] = [];
const NO_LINES: Line[] = [];
const NO_WIDTHS: number[] = [];

export function useScreen(views: ViewRegistry, state: UiState, snap: Snapshot, ctx: BuildContext, width: number): Screen {
  const frame = top(state);
  const spec = views.list(frame.view);
  const ui = frame.ui;

  // ---- list pipeline (hooks run unconditionally; cheap when spec is undefined) ----
  const base = useMemo(() => (spec ? spec.build(snap, ctx) : NO_ROWS), [spec, snap, ctx]);
  const sort = ui.sort ?? spec?.defaultSort;
  const sortIdx =
    spec && sort
      ? Math.max(
          0,
          spec.columns.findIndex((c) => c.id === sort.col),
        )
      : 0;
  // Sorted first, then filtered (the order is total, so this equals sorting the filtered rows): a
  // snapshot patches the order with the rows it changed, and a filter keystroke sorts nothing.
  const sorters = useRef(new WeakMap<ListView, SortedRows>());
  const ordered = useMemo(() => {
    if (!spec) return NO_ROWS;
    let sorter = sorters.current.get(spec);
    if (!sorter) sorters.current.set(spec, (sorter = new SortedRows()));
    return sorter.update(base, sortIdx, sort?.desc ?? false);
  }, [spec, base, sortIdx, sort?.desc]);
  const filtered = useMemo(
    () => filterRows(ordered, state.cluster, ui.filter, state.namespace),
    [ordered, state.cluster, ui.filter, state.namespace],
  );
  // On the view's own order, rows with an alert come first; an order the operator chose (o / O) is kept as chosen.
  const problems = spec?.problems && !ui.sort ? spec.problems(snap) : undefined;
  const sorted = useMemo(() => (problems ? problemsFirst(filtered, problems) : filtered), [filtered, problems]);
  // Patched with the rows a snapshot changed, per view (natural-widths.ts), as the order is.
  const measures = useRef(new WeakMap<ListView, NaturalWidths>());
  const natural = useMemo(() => {
    if (!spec) return NO_WIDTHS;
    let m = measures.current.get(spec);
    if (!m) measures.current.set(spec, (m = new NaturalWidths()));
    return m.update(spec.columns, base);
  }, [spec, base]);
  // Keyed by the widths' values: a snapshot that leaves them as they were keeps the same columns
  // (the same array), so the table's row memo still holds for every unchanged row.
  const naturalKey = natural.join(',');
  const cols = useMemo(
    () => (spec ? fitColumns(spec.columns, naturalKey ? naturalKey.split(',').map(Number) : [], width) : []),
    [spec, naturalKey, width],
  );
  const listKeyed = useMemo(() => keyed(sorted), [sorted]);
  const allKeyed = useMemo(() => keyed(base), [base]);
  const filterError = useMemo(() => compileFilter(ui.filter).error, [ui.filter]);

  // ---- detail and help ----
  const detailSpec = spec ? undefined : views.detail(frame.view);
  const detail = useMemo(() => (detailSpec ? detailSpec.build(snap, frame.key, ctx) : null), [detailSpec, snap, frame.key, ctx]);
  const detailLines = useMemo<Line[]>(
    () =>
      detail?.lines ?? [
        {
          key: 'gone',
          segs: [{ text: `  ${t('console.screen.gone')}`, token: 'warn' }],
        },
      ],
    [detail],
  );
  const detailKeyed = useMemo(() => keyed(detailLines), [detailLines]);
  // Built when '?' opens, not on every start: its hundred-odd messages are formatted on first use
  // (~a fifth of the first frame's render, measured with --cpu-prof).
  const help = useMemo(() => (state.help ? helpLines(views) : NO_LINES), [state.help, views]);
  const helpKeyed = useMemo(() => keyed(help), [help]);

  if (state.help) return { kind: 'lines', lines: help, missing: false, keyed: helpKeyed };
  if (spec) {
    return {
      kind: 'list',
      spec,
      rows: sorted,
      total: base.length,
      cols,
      sortCol: sort?.col ?? '',
      sortDesc: sort?.desc ?? false,
      filterError,
      keyed: listKeyed,
      all: allKeyed,
    };
  }
  return { kind: 'lines', lines: detailLines, missing: detail === null, keyed: detailKeyed };
}
