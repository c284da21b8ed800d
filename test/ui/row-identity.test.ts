// A list view keeps the Row of an object the store did not change (issue 11): the table's row memo
// then skips it, so a snapshot re-renders only the rows that changed.
import { describe, expect, it } from 'vitest';
import { naturalWidths } from '../../source/ui/columns.js';
import { clustersView } from '../../source/ui/views/clusters.js';
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

  it('a snapshot whose rows are all the same objects gives the same list (the sorted order and widths see no change)', () => {
    const s1 = makeSnapshot();
    const c = ctx();
    const a = zonesView.build(s1, c);
    // A new snapshot, new arrays and a new synced record with the same flags, every zone the same object.
    const s2 = { ...s1, seq: s1.seq + 1, synced: { ...s1.synced }, zones: [...s1.zones] };
    expect(zonesView.build(s2, c)).toBe(a);
    // One zone changed in place: a new list, the changed Row new, every other the same Row.
    const s3 = { ...s2, seq: s2.seq + 1, zones: s2.zones.map((z, i) => (i === 1 ? { ...z, version: 'v9.9.9' } : z)) };
    const b = zonesView.build(s3, c);
    expect(b).not.toBe(a);
    b.forEach((row, i) => (i === 1 ? expect(row.cells).toContain('v9.9.9') : expect(row).toBe(a[i])));
    // A synced flag that flips is not the same build context: the rows are looked up again (and kept:
    // no zones cell reads it), and the list built is equal to one built from scratch for that snapshot.
    const s4 = { ...s3, seq: s3.seq + 1, synced: { ...s3.synced, [b[0]!.cluster]: !s3.synced[b[0]!.cluster] } };
    expect(zonesView.build(s4, c)).toEqual(b);
    // The zones moved (one removed at the front): the same Rows, at their new places.
    const s5 = { ...s4, seq: s4.seq + 1, zones: s4.zones.slice(1) };
    expect(zonesView.build(s5, c)).toEqual(b.slice(1));
    zonesView.build(s5, c).forEach((row, i) => expect(row).toBe(b[i + 1]));
  });

  it('a new object whose shown words did not change keeps its Row (a resourceVersion, a label no column shows)', () => {
    const s1 = makeSnapshot();
    const c = ctx();
    const a = rolloutsView.build(s1, c);
    const i = 3;
    const s2 = {
      ...s1,
      seq: s1.seq + 1,
      workloads: s1.workloads.map((w, k) => (k === i ? { ...w, resourceVersion: '999', labels: { ...w.labels, heartbeat: '1' } } : w)),
    };
    // Every Row the same: the same list, so the sorted order, the widths and the table see no change.
    expect(rolloutsView.build(s2, c)).toBe(a);
    // A change a column shows: a new Row for that workload, equal to one built from scratch.
    const s3 = {
      ...s2,
      seq: s2.seq + 1,
      workloads: s2.workloads.map((w, k) => (k === i ? { ...w, rollout: { ...w.rollout, strategy: `${w.rollout.strategy}X` } } : w)),
    };
    const b = rolloutsView.build(s3, c);
    expect(b[i]).not.toBe(a[i]);
    b.forEach((row, k) => k !== i && expect(row).toBe(a[k]));
    // A zone renamed under the same key: its Row is new (the breadcrumb it opens with says the name).
    const z1 = zonesView.build(s1, c);
    const renamed = { ...s1, seq: s1.seq + 1, zones: s1.zones.map((z, k) => (k === 0 ? { ...z, name: `${z.name}-renamed` } : z)) };
    const z2 = zonesView.build(renamed, c);
    expect(z2[0]).not.toBe(z1[0]);
    expect(z2[0]!.drill?.title).toContain('-renamed');
  });

  it('a clock tick builds again only the rows that read the clock, and keeps a Row whose words did not move', () => {
    const s = makeSnapshot();
    const c = ctx();
    const a = rolloutsView.build(s, c);
    expect(rolloutsView.build(s, c)[0]).toBe(a[0]);
    // A new context with the same clock and stale clusters (showAll toggled): nothing to build.
    const toggled = { ...c, showAll: false };
    rolloutsView.build(s, toggled).forEach((row) => expect(a).toContain(row));
    const paused = a.findIndex((r) => r.tails?.some((x) => x));
    expect(paused).toBeGreaterThanOrEqual(0);
    const steady = a.findIndex((r) => !r.tails?.some((x) => x));
    // A second later: no pause length moved a minute, so every Row is the same.
    const second = rolloutsView.build(s, { ...c, now: NOW + 1000 });
    second.forEach((row, i) => expect(row).toBe(a[i]));
    // An hour later: the paused row says so (a new Row); a row that reads no clock is the same Row.
    const hour = rolloutsView.build(s, { ...c, now: NOW + 3_600_000 });
    expect(hour[paused]).not.toBe(a[paused]);
    expect(hour[paused]!.tails).not.toEqual(a[paused]!.tails);
    expect(hour[steady]).toBe(a[steady]);
  });

  it('a cluster going stale or becoming synced builds the rows whose words it changes', () => {
    const s = makeSnapshot();
    const c = ctx();
    const a = rolloutsView.build(s, c);
    const cluster = a[0]!.cluster;
    // The synced flag is a cell of the clusters view only: rollouts rows keep their Row, clusters rows do not.
    const flipped = { ...s, synced: { ...s.synced, [cluster]: !s.synced[cluster] } };
    expect(rolloutsView.build(flipped, c)[0]).toBe(a[0]);
    const stale = rolloutsView.build(s, { ...c, stale: new Set([cluster]) });
    expect(stale[0]).not.toBe(a[0]);
    expect(stale[0]!.cells.join(' ')).toContain('[stale]');
    const k = clustersView.build(s, c).find((r) => r.cluster === cluster)!;
    const k2 = clustersView.build(flipped, c).find((r) => r.cluster === cluster)!;
    expect(k2).not.toBe(k);
    expect(k2.cells).not.toEqual(k.cells);
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
