import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { ZoneInfo } from '../../source/model/types.js';
import { colOf, expectFits, rowWith, selectedLine } from './assert-frame.js';
import { CLUSTERS, iso, makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

describe('zones view', () => {
  test('80x24: header, columns that matter, CJK names aligned, footer keys, fits the terminal', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    const f = h.frame();
    expectFits(f, 80, 24);
    const lines = h.lines();
    // At 80 columns the kubeconfig user gives way to the namespace scope and the clusters health.
    expect(lines[0]).toMatch(/^zonectl {2}fleet test-fleet {2}ns all {2}clusters 3\/4 ready {2}1 not ready$/);
    expect(lines[1]).toMatch(/^Zones {2}\[12\]/);
    const header = rowWith(f, '  CLUSTER');
    for (const col of ['CLUSTER', 'ZONE', 'NAME', 'VERSION', 'SERVICES', 'ROLLOUT']) expect(header).toContain(col);
    // Dropped by priority at 80 columns: NAMESPACE and AGE.
    expect(header).not.toContain('NAMESPACE');
    // CJK zone names: the VERSION column starts at the same display column on every row.
    const verCol = colOf(header, 'VERSION');
    const dataRows = lines.filter((l) => /\bv1\.\d\.\d\b/.test(l));
    expect(dataRows.length).toBe(12);
    for (const l of dataRows) expect(colOf(l, 'v1.'), l).toBe(verCol);
    expect(rowWith(f, '1001')).toContain('华东一区 风云');
    expect(lines[lines.length - 1]).toContain('/ filter');
    expect(lines[lines.length - 1]).toContain('q quit');
  });

  test('200x60 shows every column', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 200, rows: 60 });
    expectFits(h.frame(), 200, 60);
    const header = rowWith(h.frame(), '  CLUSTER');
    for (const col of ['NAMESPACE', 'AGE']) expect(header).toContain(col);
    expect(rowWith(h.frame(), 'game-1001')).toMatch(/30d$/);
  });

  test('stale badge on rows of a cluster that is not ready, and a banner naming it', async () => {
    const h = await renderApp(makeSnapshot());
    expect(rowWith(h.frame(), '1201')).toContain('sg-prod-1 [stale]');
    expect(rowWith(h.frame(), '1001')).not.toContain('[stale]');
    expect(h.frame()).toContain('stale data from sg-prod-1 unreachable');
  });

  test('/ filter: substring, regex, inverted; Esc clears', async () => {
    const h = await renderApp(makeSnapshot());
    await h.press('/');
    await h.type('华东');
    expect(h.frame()).toContain('/华东_');
    expect(h.lines()[1]).toContain('[3/12]');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toContain('filter:华东');
    await h.press('/', KEYS.ctrlC === '' ? '' : '\u0015'); // ctrl+u clears the input
    await h.type('/^sh-prod-1.*100[12]/');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toContain('[2/12]');
    expect(h.frame()).toContain('1001');
    expect(h.frame()).toContain('1002');
    expect(h.frame()).not.toContain('1003');
    await h.press('/', '\u0015');
    await h.type('!up to date');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toContain('[3/12]');
    expect(h.frame()).not.toMatch(/up to date\s*$/m);
    await h.press(KEYS.esc);
    expect(h.lines()[1]).toContain('[12]');
  });

  test('/ then Esc restores the previous filter', async () => {
    const h = await renderApp(makeSnapshot());
    await h.press('/');
    await h.type('nj-');
    await h.press(KEYS.enter);
    await h.press('/');
    await h.type('xyz');
    expect(h.lines()[1]).toContain('[0/12]');
    await h.press(KEYS.esc);
    await h.waitFor((f) => f.split('\n')[1].includes('[4/12]'), 'filter restored');
  });

  test('cluster filter: c cycles, :ctx sets and clears', async () => {
    const h = await renderApp(makeSnapshot());
    await h.press('c');
    expect(h.lines()[1]).toContain('ctx:fed-host');
    await h.press('c');
    expect(h.lines()[1]).toContain('ctx:nj-prod-1');
    expect(h.lines()[1]).toContain('[4/12]');
    await h.press(':');
    await h.type('ctx sh');
    await h.press(KEYS.tab, KEYS.enter);
    expect(h.lines()[1]).toContain('ctx:sh-prod-1');
    expect(h.frame()).not.toContain('nj-prod-1  ');
    await h.press(':');
    await h.type('ctx all');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).not.toContain('ctx:');
  });

  test('order: o moves to the next column, O reverses', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 120, rows: 30 });
    expect(h.lines()[1]).toContain('sort:CLUSTER');
    await h.press('o', 'o');
    expect(h.lines()[1]).toContain('sort:ZONE');
    const zoneOrder = () =>
      h
        .lines()
        .filter((l) => /\b1[0-2]0\d\b/.test(l))
        .map((l) => /\b(1[0-2]0\d)\b/.exec(l)![1]);
    expect(zoneOrder()).toEqual([...zoneOrder()].sort());
    await h.press('O');
    expect(h.lines()[1]).toContain('sort:ZONE desc');
    expect(zoneOrder()).toEqual([...zoneOrder()].sort().reverse());
  });

  test('selection stays on the same zone while rows are added and updated', async () => {
    const snap = makeSnapshot();
    const h = await renderApp(snap);
    await h.press('j', 'j', 'j');
    expect(selectedLine(h.frame())).toContain('1104');
    const extra: ZoneInfo[] = ['1100', '1099'].map((id) => ({
      ...snap.zones[0],
      cluster: 'nj-prod-1',
      namespace: `game-${id}`,
      zoneId: id,
      name: `新区 ${id}`,
      createdAt: iso(60_000),
    }));
    const zones = snap.zones.map((z) => (z.zoneId === '1104' ? { ...z, version: 'v9.9.9' } : z));
    h.source.publish({ ...snap, zones: [...extra, ...zones] });
    await h.waitFor((f) => f.includes('新区 1100'), 'new rows');
    expect(selectedLine(h.frame())).toContain('1104');
    expect(selectedLine(h.frame())).toContain('v9.9.9');
  });

  test('clear empty states', async () => {
    const snap = makeSnapshot();
    const h = await renderApp({ ...snap, zones: [] });
    expect(h.frame()).toContain('No zones found in the fleet (yet).');
    const h2 = await renderApp(snap);
    await h2.press('/');
    await h2.type('no-such-zone');
    expect(h2.frame()).toContain('No zones match the filter "no-such-zone" (12 hidden). Esc clears it.');
  });

  test('j/k/PgDn/g/G move through a long list and the window follows', async () => {
    const h = await renderApp(makeSnapshot({ zonesPerCluster: 30 }), { columns: 100, rows: 24 });
    expectFits(h.frame(), 100, 24);
    await h.press('G');
    const last = selectedLine(h.frame());
    expect(last).toContain('sh-prod-1');
    expect(last).toContain('1030');
    await h.press('g');
    expect(selectedLine(h.frame())).toContain('1101');
    await h.press(KEYS.pgdn);
    const afterPage = selectedLine(h.frame());
    expect(afterPage).not.toContain('1101');
    await h.press('k');
    expect(selectedLine(h.frame())).not.toBe(afterPage);
    expectFits(h.frame(), 100, 24);
  });

  test('Enter opens zone detail: services -> workloads -> pods; Esc goes back to the same row', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 100, rows: 40 });
    await h.press('/');
    await h.type('1001');
    await h.press(KEYS.enter, KEYS.enter);
    const f = h.frame();
    expect(h.lines()[1]).toBe('Zones > zone 1001 华东一区 风云');
    expect(f).toContain('Zone 1001 华东一区 风云 in sh-prod-1/game-1001');
    expect(f).toContain('Services (3)');
    expect(rowWith(f, 'GameSTS/game-1')).toContain('paused: awaiting approval 12m');
    expect(f).toMatch(/game-1-0 ready rev 8d0a6e \(new\)/);
    expect(f).toContain('GameDeploy/db-1');
    expectFits(f, 100, 40);
    await h.press(KEYS.esc);
    expect(h.lines()[1]).toContain('Zones');
    expect(selectedLine(h.frame())).toContain('1001');
  });

  test('the header names a cluster that is not ready when there is room', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 140, rows: 24 });
    expect(h.lines()[0]).toContain('sg-prod-1:unreachable');
    expect(CLUSTERS.length).toBe(4);
  });
});
