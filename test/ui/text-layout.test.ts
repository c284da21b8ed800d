import { describe, expect, test } from 'vitest';
import { fitColumns, naturalWidths, type Column } from '../../source/ui/columns.js';
import { compileFilter } from '../../source/ui/filter.js';
import { age, imageTag, shortDuration } from '../../source/model/format.js';
import stringWidth from 'string-width';
import { ASCII_OR_WIDE_CJK, displayWidth, fit, truncate } from '../../source/ui/text/width.js';

describe('display width', () => {
  test('CJK characters take two cells, ASCII one', () => {
    expect(displayWidth('game-1')).toBe(6);
    expect(displayWidth('华东一区')).toBe(8);
    expect(displayWidth('华东一区 风云')).toBe(13);
  });
  test('the CJK fast path agrees with string-width on every code point it takes', () => {
    let taken = 0;
    for (let cp = 0x20; cp <= 0xffff; cp++) {
      const ch = String.fromCharCode(cp);
      if (!ASCII_OR_WIDE_CJK.test(ch)) continue;
      taken++;
      expect([cp.toString(16), displayWidth(`a${ch}b`)]).toEqual([cp.toString(16), stringWidth(`a${ch}b`)]);
    }
    expect(taken).toBe(39_004); // ASCII 95 + CJK punctuation 57 + ideographs 27,584 + Hangul 11,172 + fullwidth 96
    expect(displayWidth('华东一区，版本 1.8')).toBe(stringWidth('华东一区，版本 1.8'));
    expect(displayWidth('e\u0301')).toBe(1); // a combining mark is not taken by the fast path
  });
  test('truncate never exceeds the width and never splits a wide character', () => {
    for (let w = 1; w <= 14; w++) {
      const t = truncate('华东一区 风云', w);
      expect(displayWidth(t)).toBeLessThanOrEqual(w);
    }
    expect(truncate('华东一区', 5)).toBe('华东~'); // 4 cells + marker
    expect(truncate('华东一区', 4)).toBe('华 ~'); // a wide char that does not fit leaves a pad cell
    expect(truncate('abcdef', 4)).toBe('abc~');
    expect(truncate('abc', 4)).toBe('abc');
  });
  test('fit pads to exactly the width, left or right', () => {
    expect(fit('江南', 6)).toBe('江南  ');
    expect(displayWidth(fit('江南二区龙腾', 7))).toBe(7);
    expect(fit('3/3', 5, 'right')).toBe('  3/3');
  });
});

describe('format', () => {
  test('ages like kubectl', () => {
    expect(shortDuration(45)).toBe('45s');
    expect(shortDuration(12 * 60)).toBe('12m');
    expect(shortDuration(3 * 3600)).toBe('3h');
    expect(shortDuration(3 * 86400)).toBe('3d');
    expect(age(undefined, 0)).toBe('');
    expect(age('2026-01-01T00:00:00Z', Date.parse('2026-01-01T00:10:00Z'))).toBe('10m');
  });
  test('image tags', () => {
    expect(imageTag('registry.example.com:5000/game/game:v1.5.0')).toBe('v1.5.0');
    expect(imageTag('registry.example.com:5000/game/game')).toBe('latest');
  });
});

describe('filter', () => {
  test('substring, case-insensitive', () => {
    const f = compileFilter('PAUSED');
    expect(f.test('sh-prod-1 game-1 paused: awaiting approval')).toBe(true);
    expect(f.test('up to date')).toBe(false);
  });
  test('/regex/ and its error fallback', () => {
    const f = compileFilter('/^sh-.*100[12]/');
    expect(f.regex).toBe(true);
    expect(f.test('sh-prod-1 1001')).toBe(true);
    expect(f.test('sh-prod-1 1003')).toBe(false);
    expect(f.test('nj-prod-1 1001')).toBe(false);
    const bad = compileFilter('/([/');
    expect(bad.regex).toBe(false);
    expect(bad.error).toBeTruthy();
    expect(bad.test('x /([/ y')).toBe(true);
  });
  test('! inverts both forms; empty matches all', () => {
    expect(compileFilter('!up to date').test('up to date')).toBe(false);
    expect(compileFilter('!up to date').test('paused')).toBe(true);
    expect(compileFilter('!/^sh/').test('sh-prod-1')).toBe(false);
    expect(compileFilter('').test('anything')).toBe(true);
    expect(compileFilter('华东').test('1001 华东一区')).toBe(true);
  });
});

describe('columns', () => {
  const cols: Column[] = [
    { id: 'a', title: 'CLUSTER', priority: 0 },
    { id: 'ns', title: 'NAMESPACE', priority: 5 },
    { id: 'name', title: 'NAME', priority: 0, flex: true, min: 6 },
    { id: 'ver', title: 'VERSION', priority: 2 },
    { id: 'age', title: 'AGE', priority: 3 },
  ];
  const rows = [{ cells: ['sh-prod-1', 'game-1001', '华东一区 风云 超长的名字在这里', 'v1.4.2', '30d'] }];
  const nat = naturalWidths(cols, rows);
  test('natural widths use display width', () => {
    expect(nat).toEqual([9, 9, displayWidth('华东一区 风云 超长的名字在这里'), 7, 3]);
  });
  test('everything fits when wide', () => {
    expect(fitColumns(cols, nat, 200).map((c) => c.column.id)).toEqual(['a', 'ns', 'name', 'ver', 'age']);
  });
  test('optional columns drop first (highest priority number first), then flex shrinks', () => {
    const placed = fitColumns(cols, nat, 50);
    expect(placed.map((c) => c.column.id)).toEqual(['a', 'name', 'ver']);
    const total = 2 + placed.reduce((a, c) => a + c.width, 0) + 2 * (placed.length - 1);
    expect(total).toBeLessThanOrEqual(50);
  });
  test('a flexible column cut by its max takes the room left on a wide terminal, up to its natural width', () => {
    const capped: Column[] = cols.map((c) => (c.id === 'name' ? { ...c, max: 10 } : c));
    const n = naturalWidths(capped, rows);
    const long = displayWidth('华东一区 风云 超长的名字在这里');
    expect(n[2]).toBe(long); // natural widths are not capped; fitColumns applies max
    const nameAt = (w: number) => fitColumns(capped, n, w).find((c) => c.column.id === 'name')!.width;
    expect(nameAt(200)).toBe(long);
    // 2 + 9 + 9 + 10 + 7 + 3 + 4 gaps of 2 = 48 at the cap: every cell above that goes to the name
    expect(nameAt(52)).toBe(14);
    expect(nameAt(48)).toBe(10);
    for (const w of [40, 48, 52, 60, 200]) {
      const placed = fitColumns(capped, n, w);
      expect(2 + placed.reduce((a, c) => a + c.width, 0) + 2 * (placed.length - 1), `width ${w}`).toBeLessThanOrEqual(w);
    }
  });
  test('never wider than the terminal, even when tiny', () => {
    for (const w of [20, 30, 40, 60, 80]) {
      const placed = fitColumns(cols, nat, w);
      const total = 2 + placed.reduce((a, c) => a + c.width, 0) + 2 * (placed.length - 1);
      expect(total, `width ${w}`).toBeLessThanOrEqual(w);
      expect(placed.some((c) => c.column.id === 'a')).toBe(true);
    }
  });
});
