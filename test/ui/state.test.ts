import { describe, expect, test } from 'vitest';
import { complete, completions, parseCommand } from '../../source/ui/commands.js';
import { back, initialState, keyed, move, push, selectedIndex, switchRoot, visibleOffset, withUi, top } from '../../source/ui/state.js';

const rows = (n: number, prefix = 'r') => Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}` }));

describe('selection and scrolling', () => {
  test('moves, pages and jumps, keeping the selection in the viewport', () => {
    const r = keyed(rows(100));
    let ui = initialState().stack[0].ui;
    ui = move(ui, r, 'down', 10);
    expect(selectedIndex(ui, r)).toBe(1);
    ui = move(ui, r, 'pgdn', 10);
    expect(selectedIndex(ui, r)).toBe(10);
    expect(ui.offset).toBeGreaterThan(0);
    expect(ui.offset).toBeLessThanOrEqual(10);
    ui = move(ui, r, 'bottom', 10);
    expect(selectedIndex(ui, r)).toBe(99);
    expect(ui.offset).toBe(90);
    ui = move(ui, r, 'top', 10);
    expect(ui).toMatchObject({ selIdx: 0, selKey: 'r0', offset: 0 });
    ui = move(ui, r, 'up', 10);
    expect(selectedIndex(ui, r)).toBe(0);
  });
  test('selection follows the row key when rows are inserted above it', () => {
    const r1 = keyed(rows(20));
    const ui = move(move(initialState().stack[0].ui, r1, 'down', 10), r1, 'down', 10); // r2
    const r2 = keyed([{ key: 'new-a' }, { key: 'new-b' }, ...rows(20)]);
    expect(selectedIndex(ui, r2)).toBe(4);
    expect(r2.keyAt(selectedIndex(ui, r2))).toBe('r2');
  });
  test('the selection is found near its last index without the whole key index, and far from it with it', () => {
    const r1 = keyed(rows(100));
    const ui = { ...initialState().stack[0].ui, selIdx: 50, selKey: 'r50' };
    let built = 0;
    const spy = (items: Array<{ key: string }>) => {
      const k = keyed(items);
      return { ...k, indexOf: (key: string) => (built++, k.indexOf(key)) };
    };
    expect(selectedIndex(ui, spy([...rows(3, 'new'), ...rows(100)]))).toBe(53);
    expect(selectedIndex(ui, spy(rows(100).slice(5)))).toBe(45);
    expect(built).toBe(0);
    expect(selectedIndex(ui, spy([...rows(30, 'new'), ...rows(100)]))).toBe(80);
    expect(built).toBe(1);
    expect(selectedIndex(ui, r1)).toBe(50);
  });
  test('when the selected row disappears the index is kept (clamped)', () => {
    const r1 = keyed(rows(5));
    const ui = move(move(initialState().stack[0].ui, r1, 'bottom', 10), r1, 'up', 10); // r3
    expect(selectedIndex(ui, keyed(rows(3, 'x')))).toBe(2);
    expect(selectedIndex(ui, keyed([]))).toBe(-1);
  });
  test('visibleOffset keeps idx visible and clamps', () => {
    expect(visibleOffset(0, 15, 10, 100)).toBe(6);
    expect(visibleOffset(50, 15, 10, 100)).toBe(15);
    expect(visibleOffset(95, 99, 10, 100)).toBe(90);
    expect(visibleOffset(30, 3, 10, 5)).toBe(0);
  });
});

describe('navigation stack', () => {
  test('push / back / switchRoot remember list state', () => {
    let s = initialState('zones');
    s = withUi(s, (ui) => ({ ...ui, filter: '华东' }));
    s = push(s, 'zone', 'sh/ns/1001', 'zone 1001');
    expect(s.stack.map((f) => f.view)).toEqual(['zones', 'zone']);
    s = back(s);
    expect(top(s).view).toBe('zones');
    s = switchRoot(s, 'rollouts');
    expect(s.stack).toHaveLength(1);
    expect(top(s).ui.filter).toBe('');
    s = switchRoot(s, 'zones');
    expect(top(s).ui.filter).toBe('华东');
  });
});

describe(': commands', () => {
  const clusters = ['nj-prod-1', 'sg-prod-1', 'sh-prod-1'];
  test('parse views, ctx and quit', () => {
    expect(parseCommand('zones', clusters)).toEqual({ kind: 'view', view: 'zones' });
    expect(parseCommand('ro', clusters)).toEqual({ kind: 'view', view: 'rollouts' });
    expect(parseCommand('fed', clusters)).toEqual({ kind: 'view', view: 'fed' });
    expect(parseCommand('ctx sh-prod-1', clusters)).toEqual({ kind: 'ctx', cluster: 'sh-prod-1' });
    expect(parseCommand('ctx sg', clusters)).toEqual({ kind: 'ctx', cluster: 'sg-prod-1' });
    expect(parseCommand('ctx all', clusters)).toEqual({ kind: 'ctx', cluster: null });
    expect(parseCommand('ctx s', clusters)).toMatchObject({ kind: 'error' });
    expect(parseCommand('ctx nope', clusters)).toMatchObject({ kind: 'error', message: 'no cluster named "nope"' });
    expect(parseCommand('q', clusters)).toEqual({ kind: 'quit' });
    expect(parseCommand('frobnicate', clusters)).toMatchObject({ kind: 'error' });
  });
  test('Tab completes commands and cluster names', () => {
    expect(complete('ro', clusters)).toBe('rollouts');
    expect(complete('c', clusters)).toBe('c'); // clusters / ctx: ambiguous
    expect(completions('c', clusters)).toEqual(['clusters', 'ctx ']);
    expect(complete('ct', clusters)).toBe('ctx ');
    expect(complete('ctx n', clusters)).toBe('ctx nj-prod-1');
    expect(complete('ctx s', clusters)).toBe('ctx s');
    expect(completions('ctx s', clusters)).toEqual(['ctx sg-prod-1', 'ctx sh-prod-1']);
  });
});
