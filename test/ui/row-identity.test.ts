// A list view keeps the Row of an object the store did not change (issue 11): the table's row memo
// then skips it, so a snapshot re-renders only the rows that changed.
import { describe, expect, it } from 'vitest';
import { naturalWidths } from '../../source/ui/columns.js';
import { rolloutsView } from '../../source/ui/views/rollouts.js';
import type { BuildContext } from '../../source/ui/views/types.js';
import { zonesView } from '../../source/ui/views/zones.js';
import { NOW, makeSnapshot } from './fixtures.js';

const ctx = (): BuildContext => ({ now: NOW, stale: new Set(), showAll: true });

describe('list rows keep their identity', () => {
  it('an unchanged zone is the same Row in the next snapshot; a changed one is new', () => {
    const s1 = makeSnapshot();
    const c = ctx();
    const a = zonesView.build(s1, c);
    const target = s1.zones[2]!;
    const s2 = {
      ...s1,
      seq: s1.seq + 1,
      synced: { ...s1.synced },
      zones: s1.zones.map((z) => (z === target ? { ...z, version: 'v9.9.9' } : z)),
    };
    const b = zonesView.build(s2, c);
    expect(b).toHaveLength(a.length);
    b.forEach((row, i) => {
      if (i === 2) {
        expect(row).not.toBe(a[i]);
        expect(row.cells).toContain('v9.9.9');
      } else expect(row).toBe(a[i]);
    });
  });

  it('a new context (clock tick, showAll) or a cluster becoming synced builds the row again', () => {
    const s = makeSnapshot();
    const c = ctx();
    const a = rolloutsView.build(s, c);
    expect(rolloutsView.build(s, c)[0]).toBe(a[0]);
    expect(rolloutsView.build(s, ctx())[0]).not.toBe(a[0]);
    const cluster = a[0]!.cluster;
    const flipped = { ...s, synced: { ...s.synced, [cluster]: !s.synced[cluster] } };
    expect(rolloutsView.build(flipped, c)[0]).not.toBe(a[0]);
  });

  it('natural widths are the same with measured rows reused', () => {
    const s = makeSnapshot();
    const rows = zonesView.build(s, ctx());
    const first = naturalWidths(zonesView.columns, rows);
    expect(naturalWidths(zonesView.columns, rows)).toEqual(first);
    const wide = { ...rows[0]!, cells: rows[0]!.cells.map((x, i) => (i === 2 ? `${x}-a-much-longer-zone-name` : x)) };
    const w = naturalWidths(zonesView.columns, [wide, ...rows.slice(1)]);
    expect(w[2]).toBeGreaterThan(first[2]!);
  });
});
