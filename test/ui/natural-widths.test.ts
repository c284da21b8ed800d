// The natural column widths kept across snapshots (natural-widths.ts) must equal the widths measured
// over every row from scratch (columns.ts naturalWidths), over store-shaped random changes: rows
// replaced in place, inserted, removed, the widest row leaving, a relist; wide (CJK) text included.
import { describe, expect, it } from 'vitest';
import { type Column, naturalWidths } from '../../source/ui/columns.js';
import { NaturalWidths } from '../../source/ui/natural-widths.js';
import type { Row } from '../../source/ui/views/types.js';
import { makeRow } from '../../source/ui/views/types.js';

function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s >>> 8) % n;
  };
}

const columns: Column[] = [
  { id: 'a', title: 'CLUSTER', priority: 0 },
  { id: 'b', title: 'NAME', priority: 1, least: 6 },
  { id: 'c', title: 'STATE', priority: 2 },
];

function row(rand: (n: number) => number, key: string): Row {
  const word = (n: number) => 'x'.repeat(1 + rand(n));
  return makeRow(key, 'c0', [{ text: word(12) }, { text: rand(5) === 0 ? '区服'.repeat(1 + rand(6)) : word(20) }, { text: word(3) }]);
}

describe('NaturalWidths', () => {
  it('random changes: the widths always equal a measure of every row', () => {
    const rand = rng(11);
    let seq = 0;
    let list: Row[] = Array.from({ length: 300 }, () => row(rand, `k${seq++}`));
    const m = new NaturalWidths();
    for (let step = 0; step < 500; step++) {
      expect(m.update(columns, list)).toEqual(naturalWidths(columns, list));
      if (rand(50) === 0) {
        list = [...list].reverse().map((r) => (rand(2) ? row(rand, r.key) : r)); // a relist
        continue;
      }
      const out = [...list];
      for (let c = 1 + rand(5); c > 0; c--) {
        const at = rand(out.length);
        const what = rand(3);
        if (what === 0) out.splice(at, 0, row(rand, `k${seq++}`));
        else if (what === 1 && out.length > 1) out.splice(at, 1);
        else out[at] = row(rand, out[at]!.key);
      }
      // Now and then the widest row of a column leaves: its width must fall back to the next widest.
      if (rand(10) === 0) {
        const widest = out.reduce((a, r) => (r.cells[1]!.length > a.cells[1]!.length ? r : a));
        out.splice(out.indexOf(widest), 1);
      }
      list = out;
    }
  });

  it('is the same array while the widths stay, and the header is a floor', () => {
    const m = new NaturalWidths();
    const rows = [makeRow('a', 'c0', [{ text: 'c0' }, { text: 'n' }, { text: 'ok' }])];
    const first = m.update(columns, rows);
    expect(first).toEqual([7, 6, 5]);
    const next = [makeRow('a', 'c0', [{ text: 'c1' }, { text: 'm' }, { text: 'no' }])];
    expect(m.update(columns, next)).toBe(first);
    expect(m.update(columns, [])).toEqual([7, 6, 5]);
  });
});
