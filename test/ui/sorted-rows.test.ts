// The list view's order kept across snapshots (sorted-rows.ts), the change walk it rests on
// (list-diff.ts) and the key index patched the same way: whatever they reuse, each result must equal
// the one built from scratch (the same rows in the same order, the same map), over random changes
// shaped like a store's (rows replaced in place, inserted, removed, a relist), with many equal sort
// values and rows whose sort values are equal but whose keys differ.
import { describe, expect, it } from 'vitest';
import { listDiff } from '../../source/model/list-diff.js';
import { KeyIndex, keyField, sharedListDiff } from '../../source/ui/list-diff.js';
import { sortRows } from '../../source/ui/list-model.js';
import { SortedRows } from '../../source/ui/sorted-rows.js';
import type { Row } from '../../source/ui/views/types.js';
import { makeRow } from '../../source/ui/views/types.js';

function rng(seed: number): (n: number) => number {
  let s = seed;
  return (n) => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return (s >>> 8) % n; // the high bits: the low ones of this generator repeat with a short period
  };
}

const STATES = ['paused', 'progressing', 'failed', 'complete'];
// Sort values that tie often (a few states, a few numbers, ids numeric collation would call equal),
// and keys that repeat a prefix.
function row(rand: (n: number) => number, key: string): Row {
  return makeRow(key, `c${rand(3)}`, [
    { text: STATES[rand(STATES.length)]! },
    { text: String(rand(5)), sort: rand(5) },
    { text: ['01', '1', '001', '2'][rand(4)]! },
  ]);
}

/** A store-like change batch: a few rows replaced in place, inserted or removed; sometimes a relist. */
function change(rand: (n: number) => number, list: readonly Row[], next: () => string): Row[] {
  if (rand(40) === 0) return [...list].reverse().map((r) => (rand(2) ? row(rand, r.key) : r)); // a relist in another order
  const out = [...list];
  const n = 1 + rand(6);
  for (let c = 0; c < n; c++) {
    const at = rand(out.length + 1);
    const what = rand(4);
    if (what === 0 || out.length === 0) out.splice(at, 0, row(rand, next()));
    else if (what === 1) out.splice(Math.min(at, out.length - 1), 1);
    else out[Math.min(at, out.length - 1)] = row(rand, out[Math.min(at, out.length - 1)]!.key);
  }
  return out;
}

describe('SortedRows', () => {
  it('random changes: every order equals a sort from scratch, on every column and direction', () => {
    const rand = rng(7);
    let seq = 0;
    const next = () => `ns/${String(rand(3000)).padStart(4, '0')}-${seq++}`;
    let list: Row[] = Array.from({ length: 400 }, () => row(rand, next()));
    const sorter = new SortedRows();
    for (let step = 0; step < 600; step++) {
      const col = Math.floor(step / 200); // each column for 200 snapshots
      const desc = step % 100 >= 50;
      sorter.update(list, col, desc);
      list = change(rand, list, next);
      const got = sorter.update(list, col, desc);
      const fresh = sortRows(list, col, desc);
      expect(got.map((r) => r.key)).toEqual(fresh.map((r) => r.key));
      expect(got.every((r, i) => r === fresh[i])).toBe(true);
    }
    // Relists (1 in 40) and new orders sort again; the other few-row batches are patched.
    expect(sorter.sorts).toBeLessThan(60);
  });

  it('rows equal in sort value and key keep the order a stable sort gives', () => {
    const a = makeRow('same', 'c', [{ text: 'x' }]);
    const b = makeRow('same', 'c', [{ text: 'x' }]);
    const c = makeRow('other', 'c', [{ text: 'y' }]);
    const sorter = new SortedRows();
    sorter.update([a, c], 0, false);
    const got = sorter.update([b, a, c], 0, false);
    expect(got).toEqual(sortRows([b, a, c], 0, false));
    expect(got[0]).toBe(b);
  });

  it('keeps the same array while the rows do not change, and patches without a sort when one row changes', () => {
    const rows = Array.from({ length: 1000 }, (_, i) => makeRow(`k${String(i).padStart(4, '0')}`, 'c', [{ text: String(i % 7) }]));
    const sorter = new SortedRows();
    const first = sorter.update(rows, 0, false);
    expect(sorter.update(rows, 0, false)).toBe(first);
    expect(sorter.update([...rows], 0, false)).toBe(first);
    const changed = [...rows];
    changed[500] = makeRow('k0500', 'c', [{ text: '0' }]);
    const got = sorter.update(changed, 0, false);
    expect(got).toEqual(sortRows(changed, 0, false));
    expect(sorter.sorts).toBe(1);
  });

  it('patches the large batch of a late snapshot (600 of 10,000 rows changed) without sorting again', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => makeRow(`k${String(i).padStart(5, '0')}`, 'c', [{ text: String(i % 7) }]));
    const sorter = new SortedRows();
    sorter.update(rows, 0, false);
    const changed = rows.map((r, i) => (i % 16 === 3 && i < 9600 ? makeRow(r.key, 'c', [{ text: String((i + 1) % 7) }]) : r));
    const got = sorter.update(changed, 0, false);
    expect(got).toEqual(sortRows(changed, 0, false));
    expect(sorter.sorts).toBe(1);
  });
});

describe('listDiff', () => {
  const key = (x: { k: string }) => x.k;
  it('finds replaced, inserted and removed objects', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((k) => ({ k }));
    const b2 = { k: 'b' };
    const e = { k: 'e' };
    expect(listDiff([a, b, c, d], [a, b2, e, c], key, 10)).toEqual({ removed: [b, d], added: [b2, e] });
    expect(listDiff([a, b, c], [a, b, c], key, 10)).toEqual({ removed: [], added: [] });
  });
  it('gives up past its limit; a reorder within it is no change', () => {
    const xs = Array.from({ length: 40 }, (_, i) => ({ k: `k${i}` }));
    expect(listDiff(xs, [...xs].reverse(), key, 60)).toBeUndefined();
    expect(listDiff(xs, [...xs].reverse(), key, 100)).toEqual({ removed: [], added: [] });
    expect(
      listDiff(
        xs,
        xs.map((x) => ({ ...x })),
        key,
        10,
      ),
    ).toBeUndefined();
  });
  it('random changes: removed and added are exactly the set differences', () => {
    const rand = rng(11);
    let seq = 0;
    let list = Array.from({ length: 200 }, () => ({ k: `k${seq++}` }));
    for (let step = 0; step < 500; step++) {
      const next = [...list];
      for (let c = 1 + rand(5); c > 0; c--) {
        const at = rand(next.length);
        const what = rand(3);
        if (what === 0) next.splice(at, 0, { k: `k${seq++}` });
        else if (what === 1) next.splice(at, 1);
        else next[at] = { k: next[at]!.k };
      }
      const d = listDiff(list, next, key, 64);
      if (d) {
        const inNext = new Set(next);
        const inPrev = new Set(list);
        expect(new Set(d.removed)).toEqual(new Set(list.filter((x) => !inNext.has(x))));
        expect(new Set(d.added)).toEqual(new Set(next.filter((x) => !inPrev.has(x))));
      }
      list = next;
    }
  });
});

describe('KeyIndex', () => {
  it('random changes: every index equals one built from scratch', () => {
    const rand = rng(5);
    let seq = 0;
    const key = (x: { k: string }) => x.k;
    let list = Array.from({ length: 300 }, () => ({ k: `k${seq++}` }));
    const index = new KeyIndex(key);
    for (let step = 0; step < 400; step++) {
      const next = [...list];
      for (let c = 1 + rand(5); c > 0; c--) {
        const at = rand(next.length);
        const what = rand(5);
        if (what === 0) next.splice(at, 0, { k: `k${seq++}` });
        else if (what === 1) next.splice(at, 1);
        else if (what === 2)
          next.splice(at, 0, { k: next[rand(next.length)]!.k }); // a second object under one key
        else next[at] = { k: next[at]!.k };
      }
      list = next;
      const fresh = new Map(list.map((x) => [key(x), x]));
      const got = index.of(list);
      expect(got.size).toBe(fresh.size);
      for (const [k, v] of fresh) expect(got.get(k)).toBe(v);
    }
  });
});

describe('sharedListDiff', () => {
  it('answers the same pair of lists once, and any other pair with a walk of its own', () => {
    const rand = rng(5);
    let seq = 0;
    const next = () => `k${seq++}`;
    const a: Row[] = Array.from({ length: 200 }, () => row(rand, next()));
    const b = change(rand, a, next);
    const first = sharedListDiff(a, b, keyField, 64);
    expect(first).toEqual(listDiff(a, b, keyField, 64));
    expect(sharedListDiff(a, b, keyField, 64)).toBe(first); // the second asker gets the same answer
    const c = change(rand, a, next);
    expect(sharedListDiff(a, c, keyField, 64)).toEqual(listDiff(a, c, keyField, 64));
    expect(sharedListDiff(a, c, keyField, 8)).toEqual(listDiff(a, c, keyField, 8)); // another limit: walked again
  });
});
