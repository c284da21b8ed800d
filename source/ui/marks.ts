// Marks on a list's rows, as k9s has them (space marks the row and moves down, ctrl+space marks from
// the row marked last to the cursor, ctrl+\ clears) plus marking every row the filter shows. Pure
// transitions on a list's state. Marks are row keys (cluster/namespace/kind/name for workloads), so
// they stay on their rows while rows update, move and re-sort; a row that leaves the list drops out
// of the marks (pruneMarks); a marked row the filter hides is kept but not acted on (only what is
// shown is: what you see is what the action keys act on).
import type { KeyedRows, ListUi, UiState } from './state.js';
import { move, selectedIndex } from './state.js';
import type { ListViewId } from './views/types.js';

const NONE: ReadonlySet<string> = new Set();

export function marksOf(ui: ListUi): ReadonlySet<string> {
  return ui.marks ?? NONE;
}

function withMarks(ui: ListUi, marks: Set<string>, anchor: string | undefined): ListUi {
  const { marks: _m, markAnchor: _a, ...rest } = ui;
  return {
    ...rest,
    ...(marks.size ? { marks } : {}),
    ...(marks.size && anchor !== undefined && marks.has(anchor) ? { markAnchor: anchor } : {}),
  };
}

/** space: marks the cursor row (or unmarks a marked one), then moves down. */
export function toggleMark(ui: ListUi, rows: KeyedRows, height: number): ListUi {
  const i = selectedIndex(ui, rows);
  if (i < 0) return ui;
  const key = rows.keyAt(i);
  const marks = new Set(marksOf(ui));
  const on = !marks.has(key);
  if (on) marks.add(key);
  else marks.delete(key);
  return move(withMarks({ ...ui, selIdx: i, selKey: key }, marks, on ? key : ui.markAnchor), rows, 'down', height);
}

/**
 * ctrl+space: marks every row from the row marked last to the cursor (both included), as k9s's span
 * mark; with no marked row in the list it marks the cursor row. The cursor does not move.
 */
export function markRange(ui: ListUi, rows: KeyedRows): ListUi {
  const i = selectedIndex(ui, rows);
  if (i < 0) return ui;
  const a = ui.markAnchor !== undefined && marksOf(ui).has(ui.markAnchor) ? rows.indexOf(ui.markAnchor) : -1;
  const from = a < 0 ? i : Math.min(a, i);
  const to = a < 0 ? i : Math.max(a, i);
  const marks = new Set(marksOf(ui));
  for (let k = from; k <= to; k++) marks.add(rows.keyAt(k));
  return withMarks(ui, marks, rows.keyAt(i));
}

/** Marks every row shown (the filter's and the cluster filter's rows); marks already made stay. */
export function markAll(ui: ListUi, rows: KeyedRows): ListUi {
  if (rows.length === 0) return ui;
  const marks = new Set(marksOf(ui));
  for (let k = 0; k < rows.length; k++) marks.add(rows.keyAt(k));
  return withMarks(ui, marks, ui.markAnchor);
}

export function clearMarks(ui: ListUi): ListUi {
  return ui.marks || ui.markAnchor !== undefined ? withMarks(ui, new Set(), undefined) : ui;
}

/** Drops the marks of rows that are no longer in the list at all (`all`: every row, filter or not). */
export function pruneMarks(ui: ListUi, all: KeyedRows): ListUi {
  const marks = marksOf(ui);
  if (marks.size === 0) return ui;
  const kept = new Set([...marks].filter((k) => all.indexOf(k) >= 0));
  return kept.size === marks.size ? ui : withMarks(ui, kept, ui.markAnchor);
}

export interface MarkSummary {
  /** Marked rows shown, in row order: what the action keys act on. */
  shown: string[];
  /** Marked rows in the list that the filter hides (kept, not acted on). */
  hidden: number;
  /** Marks of rows that left the list (pruneMarks drops them). */
  gone: number;
}

export function markSummary(marks: ReadonlySet<string>, shown: KeyedRows, all: KeyedRows): MarkSummary {
  const out: Array<[number, string]> = [];
  let hidden = 0;
  let gone = 0;
  for (const k of marks) {
    const i = shown.indexOf(k);
    if (i >= 0) out.push([i, k]);
    else if (all.indexOf(k) >= 0) hidden++;
    else gone++;
  }
  out.sort((a, b) => a[0] - b[0]);
  return { shown: out.map(([, k]) => k), hidden, gone };
}

/**
 * After a batch on a list's marks ran: the marks are cleared. (k9s keeps them; here an action changes
 * the rows' state — approved rollouts move on — so pressing a key again on the same marks would act a
 * second time on rows that are no longer what the operator chose; the status line names the batch.)
 */
export function clearListMarks(s: UiState, view: ListViewId): UiState {
  const root = s.stack[0];
  if (root.view === view) return { ...s, stack: [{ ...root, ui: clearMarks(root.ui) }, ...s.stack.slice(1)] };
  const ui = s.roots[view];
  return ui ? { ...s, roots: { ...s.roots, [view]: clearMarks(ui) } } : s;
}
