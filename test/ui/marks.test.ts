// Marks on a list's rows as pure transitions (source/ui/marks.ts): space marks and moves down,
// ctrl+space marks a range from the row marked last, mark all marks what the filter shows, ctrl+\
// clears; marks follow row keys while rows update; rows that leave the list drop out; a batch's
// marks are cleared when it ran.
import { describe, expect, test } from 'vitest';
import { clearListMarks, clearMarks, markAll, markRange, marksOf, markSummary, pruneMarks, toggleMark } from '../../source/ui/marks.js';
import { initialListUi, initialState, keyed, move, selectedIndex, switchRoot, withUi, type ListUi } from '../../source/ui/state.js';

const rows = (keys: string[]) => keyed(keys.map((key) => ({ key })));
const R = rows(['a', 'b', 'c', 'd', 'e', 'f']);
const marked = (ui: ListUi) => [...marksOf(ui)].sort();

describe('marks', () => {
  test('space toggles the mark on the cursor row and moves down; on the last row it stays', () => {
    let ui = initialListUi();
    ui = toggleMark(ui, R, 10);
    expect(marked(ui)).toEqual(['a']);
    expect(selectedIndex(ui, R)).toBe(1);
    ui = toggleMark(ui, R, 10);
    expect(marked(ui)).toEqual(['a', 'b']);
    expect(ui.markAnchor).toBe('b');
    // Back on a and space again: unmarked, the anchor stays on b.
    ui = toggleMark(move(move(ui, R, 'up', 10), R, 'up', 10), R, 10);
    expect(marked(ui)).toEqual(['b']);
    expect(ui.markAnchor).toBe('b');
    ui = toggleMark(move(ui, R, 'bottom', 10), R, 10);
    expect(marked(ui)).toEqual(['b', 'f']);
    expect(selectedIndex(ui, R)).toBe(5);
    ui = toggleMark(ui, R, 10); // f again: unmarked
    expect(marked(ui)).toEqual(['b']);
    // Unmarking the last marked row leaves no marks and no anchor.
    ui = toggleMark(move(move(ui, R, 'top', 10), R, 'down', 10), R, 10);
    expect(ui.marks).toBeUndefined();
    expect(ui.markAnchor).toBeUndefined();
    expect(selectedIndex(ui, R)).toBe(2);
    expect(toggleMark(initialListUi(), rows([]), 10)).toEqual(initialListUi());
  });

  test('ctrl+space marks from the row marked last to the cursor, either direction; without one it marks the cursor row', () => {
    let ui = toggleMark(move(initialListUi(), R, 'down', 10), R, 10); // b marked, cursor on c
    ui = move(move(ui, R, 'down', 10), R, 'down', 10); // cursor on e
    ui = markRange(ui, R);
    expect(marked(ui)).toEqual(['b', 'c', 'd', 'e']);
    expect(selectedIndex(ui, R)).toBe(4);
    expect(ui.markAnchor).toBe('e');
    // Upwards from the new anchor (e) to a.
    ui = markRange(move(ui, R, 'top', 10), R);
    expect(marked(ui)).toEqual(['a', 'b', 'c', 'd', 'e']);
    // No marked row: only the cursor row.
    const one = markRange(move(initialListUi(), R, 'bottom', 10), R);
    expect(marked(one)).toEqual(['f']);
    // The anchor's row left the list (re-sorted away, filtered out): only the cursor row is added.
    const gone = markRange({ ...one, selKey: 'b', selIdx: 1 }, rows(['a', 'b', 'c']));
    expect(marked(gone)).toEqual(['b', 'f']);
  });

  test('mark all marks every row shown and keeps marks made before; ctrl+\\ clears them all', () => {
    let ui = toggleMark(initialListUi(), R, 10); // a
    ui = markAll(ui, rows(['c', 'd'])); // the filter shows c and d
    expect(marked(ui)).toEqual(['a', 'c', 'd']);
    expect(markAll(ui, rows([]))).toBe(ui);
    const cleared = clearMarks(ui);
    expect(cleared.marks).toBeUndefined();
    expect(cleared.markAnchor).toBeUndefined();
    expect(clearMarks(cleared)).toBe(cleared);
  });

  test('marks follow their rows while rows update and re-sort; rows that leave the list drop out; hidden rows are not acted on', () => {
    let ui = markAll(initialListUi(), rows(['a', 'b', 'c']));
    // The rows re-sort and a new row comes in: the marks stay on their keys.
    const later = rows(['new', 'c', 'b', 'a']);
    expect(markSummary(marksOf(ui), later, later)).toEqual({ shown: ['c', 'b', 'a'], hidden: 0, gone: 0 });
    // b left the list; the filter hides a.
    const all = rows(['new', 'c', 'a']);
    const shown = rows(['new', 'c']);
    expect(markSummary(marksOf(ui), shown, all)).toEqual({ shown: ['c'], hidden: 1, gone: 1 });
    ui = pruneMarks(ui, all);
    expect(marked(ui)).toEqual(['a', 'c']);
    expect(pruneMarks(ui, all)).toBe(ui);
    // Every marked row gone: no marks left, nothing to act on, nothing breaks.
    const none = pruneMarks(ui, rows([]));
    expect(none.marks).toBeUndefined();
    expect(markSummary(marksOf(none), rows([]), rows([]))).toEqual({ shown: [], hidden: 0, gone: 0 });
  });

  test("a batch that ran clears its list's marks, in front or remembered while another view is shown", () => {
    const s0 = withUi(initialState('rollouts', 'Rollouts'), (ui) => markAll(ui, R));
    expect(marksOf(clearListMarks(s0, 'rollouts').stack[0].ui).size).toBe(0);
    const away = switchRoot(s0, 'zones', 'Zones');
    expect(marksOf(away.roots.rollouts!).size).toBe(6);
    const cleared = clearListMarks(away, 'rollouts');
    expect(marksOf(cleared.roots.rollouts!).size).toBe(0);
    expect(clearListMarks(initialState('zones', 'Zones'), 'rollouts')).toEqual(initialState('zones', 'Zones'));
  });
});
