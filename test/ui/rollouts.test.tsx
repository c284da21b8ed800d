import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { colOf, expectFits, rowWith, selectedLine } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

describe('rollouts view', () => {
  test('lists only workloads that are progressing, paused or failed; failed first', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 160, rows: 30 });
    const f = h.frame();
    expectFits(f, 160, 30);
    const header = rowWith(f, '  CLUSTER');
    for (const c of ['CLUSTER', 'NAMESPACE', 'WORKLOAD', 'KIND', 'STRATEGY', 'STEP', 'UPDATED', 'STATE', 'HOOK'])
      expect(header).toContain(c);
    expect(h.lines()[1]).toContain('Rollouts  [3]');
    const paused = rowWith(f, 'game-1001');
    // The full kind, as `zonectl rollouts` prints it (was GameSTS in the console).
    expect(paused).toContain('GameStatefulSet');
    expect(paused).toContain('InplaceUpdate');
    expect(paused).toContain('2/4 pause');
    expect(paused).toContain('1/3');
    expect(paused).toContain('paused: awaiting approval 12m');
    expect(rowWith(f, 'game-1002')).toMatch(/3\/4 hook .* Running/);
    expect(selectedLine(f)).toMatch(/nj-prod-1 .*hook check-online failed .*Failed/);
  });

  test('80x24: the pause timer survives narrow columns', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 80, rows: 24 });
    expectFits(h.frame(), 80, 24);
    const paused = rowWith(h.frame(), 'game-1001');
    expect(paused).toMatch(/paused: awaiting a.* 12m$/);
    const header = rowWith(h.frame(), '  CLUSTER');
    expect(colOf(header, 'STATE')).toBeGreaterThan(0);
  });

  test('A toggles workloads that are up to date', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 120, rows: 50 });
    await h.press('A');
    expect(h.lines()[1]).toContain('[36]');
    expect(h.lines()[1]).toContain('all workloads');
    await h.press('A');
    expect(h.lines()[1]).toContain('[3]');
  });

  test('find a paused rollout in a few keys and drill in: steps, timer, revisions, hooks, pods; Esc back', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'zones', columns: 120, rows: 50 });
    await h.press('2', '/');
    await h.type('paused');
    await h.press(KEYS.enter, KEYS.enter);
    const f = h.frame();
    expectFits(f, 120, 50);
    expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1');
    expect(f).toContain('GameStatefulSet game-1001/game-1 in sh-prod-1');
    expect(f).toContain('paused: awaiting approval 12m');
    expect(f).toContain('revision     7c9f5d -> 8d0a6e');
    expect(f).toContain('image main   registry.example.com/game/game:v1.5.0');
    expect(f).toContain('[x] 1. partition 2');
    expect(f).toContain('[>] 2. pause (manual) paused 12m, awaiting approval');
    expect(f).toContain('[ ] 3. hook check-online');
    expect(f).toMatch(/Pods \(3\)/);
    expect(f).toMatch(/game-1-0 rev 8d0a6e \(new\) ready restarts 0/);
    expect(f).toMatch(/game-1-2 rev 7c9f5d ready restarts 1/);
    expect(f).toMatch(/progress +\[#######\.+\] 1\/3 updated, 1 of them ready/);
    // The actions section shows each key with the snapshot's verdict; without an actions port all are
    // disabled (heading and footer say why) and a key press says why.
    expect(f).toContain('Actions (keys) - all disabled: actions are not available in this session (no cluster access)');
    expect(f).toMatch(/a approve +possible: continues to step 3\/4/);
    expect(f).toMatch(/s skip hook +not possible: the current step has no hook/);
    expect(h.lines().at(-1)).toContain('a/x/u/r/s/h(unavailable)');
    await h.press('a');
    expect(h.lines().at(-1)).toBe('approve: actions are not available in this session (no cluster access)');
    await h.press(KEYS.esc);
    expect(h.lines()[1]).toMatch(/^Rollouts {2}\[1\/3\] {2}filter:paused/);
  });

  test('detail of a running hook shows the hook run with metric results and pod hook conditions', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'rollouts', columns: 120, rows: 60 });
    await h.press('/');
    await h.type('game-1002');
    await h.press(KEYS.enter, KEYS.enter);
    const f = h.frame();
    expect(f).toContain('Hook runs (1)');
    expect(f).toMatch(/game-1-check-online-2 canary-step step 3 Running 2m/);
    expect(f).toContain('online-players: Running (ok 2) last=1234');
    expect(f).toMatch(/game-1-1 .* pre-inplace Running/);
  });

  test('a rollout that disappears shows a clear message in its detail view', async () => {
    const snap = makeSnapshot();
    const h = await renderApp(snap, { view: 'rollouts' });
    await h.press(KEYS.enter);
    h.source.publish({ ...snap, workloads: snap.workloads.filter((w) => w.cluster !== 'nj-prod-1') });
    await h.waitFor((f) => f.includes('no longer in the snapshot'), 'gone message');
  });

  test('empty: nothing rolling out', async () => {
    const snap = makeSnapshot();
    const h = await renderApp(
      { ...snap, workloads: snap.workloads.map((w) => ({ ...w, rollout: { ...w.rollout, phase: 'complete' as const } })) },
      { view: 'rollouts' },
    );
    expect(h.frame()).toContain('Nothing is rolling out (36 workloads up to date). A lists them all.');
  });
});
