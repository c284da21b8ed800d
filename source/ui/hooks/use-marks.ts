// The marks of the list in front (when its rows are workloads): which marked rows it shows — what the
// action keys act on — and how many the filter hides. Marks of rows that left the list are dropped
// as the rows update (a rollout that finished and left the Rollouts list is no longer marked).
import { useEffect, useMemo } from 'react';
import { type MarkSummary, markSummary, pruneMarks } from '../marks.js';
import type { UiState } from '../state.js';
import { top } from '../state.js';
import type { ViewRegistry } from '../views/registry.js';
import type { Screen } from './use-screen.js';

export function useMarks(
  views: ViewRegistry,
  state: UiState,
  screen: Screen,
  update: (f: (s: UiState) => UiState) => void,
): MarkSummary | undefined {
  const frame = top(state);
  const marks = frame.ui.marks;
  const list = views.list(frame.view);
  const on = !state.help && screen.kind === 'list' && (list?.actions !== undefined || list?.compare === true);
  const summary = useMemo(
    () => (on && marks?.size && screen.kind === 'list' ? markSummary(marks, screen.keyed, screen.all) : undefined),
    [on, marks, screen],
  );
  const gone = summary?.gone ?? 0;
  useEffect(() => {
    if (gone === 0 || screen.kind !== 'list') return;
    const view = frame.view;
    update((s) => {
      const t = top(s);
      if (s.help || t.view !== view) return s;
      const ui = pruneMarks(t.ui, screen.all);
      return ui === t.ui ? s : { ...s, stack: [...s.stack.slice(0, -1), { ...t, ui }] };
    });
  }, [gone, screen, frame.view, update]);
  return summary;
}
