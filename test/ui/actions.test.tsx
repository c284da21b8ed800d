// Operator actions in the console: which keys are enabled and why not, the confirmation card,
// typed names on protected contexts, cancel, and the result / failure lines. The actions port below
// the console is scripted (fake-actions.ts); the console itself is real.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { Snapshot } from '../../source/store/types.js';
import { expectFits, rowWith } from './assert-frame.js';
import { FakeActions } from './fake-actions.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

const PAUSED = { cluster: 'sh-prod-1', kind: 'GameStatefulSet', namespace: 'game-1001', name: 'game-1' };
const footer = (f: string) => f.split('\n').at(-1) ?? '';
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rollouts list with the paused rollout selected (the failed one sorts first) and its keys checked. */
async function onPaused(o: { columns?: number; rows?: number; snap?: Snapshot; port?: FakeActions; readOnly?: boolean } = {}) {
  const snap = o.snap ?? makeSnapshot();
  const port = o.port ?? new FakeActions(() => h.source.snapshot());
  const h = await renderApp(snap, { view: 'rollouts', columns: o.columns ?? 80, rows: o.rows ?? 24, actions: port, readOnly: o.readOnly });
  await h.press('j');
  expect(rowWith(h.frame(), '> ')).toContain('game-1001');
  if (!o.readOnly)
    await h.waitFor(
      (f) => /^a approve( |\(|$)/.test(footer(f)) && port.calls.available.some((t) => t.namespace === 'game-1001'),
      "the paused rollout's keys",
    );
  return { h, port };
}

describe('action keys', () => {
  test('enabled keys first, disabled ones with a short reason; a disabled key flashes the whole reason and plans nothing', async () => {
    const port = new FakeActions(() => makeSnapshot());
    port.denied.set('reject', 'not allowed to patch gamestatefulsets.tkex.tencent.com game-1001/game-1');
    const { h } = await onPaused({ columns: 160, port });
    await h.waitFor((f) => footer(f).includes('x reject(denied: forbidden)'), 'the denial');
    expect(footer(h.frame())).toBe(
      'a approve  u hot update  h hold  x reject(denied: forbidden)  r retry(n/a)  s skip hook(n/a)  <enter> open  <esc> back  / filter  c cluster  ? help  q quit',
    );
    await h.press('x');
    expect(footer(h.frame())).toBe('reject: not allowed to patch gamestatefulsets.tkex.tencent.com game-1001/game-1');
    await h.press('s');
    expect(footer(h.frame())).toBe('skip hook: the current step has no hook');
    await h.press('r');
    expect(footer(h.frame())).toBe('retry: no failed pre-delete / pre-inplace / post-inplace hooks');
    expect(port.calls.plan).toEqual([]);
    // At 80 columns the enabled keys still show; help and quit always do.
    h.unmount();
    const narrow = await onPaused({ columns: 80, port });
    await narrow.h.waitFor((f) => footer(f).includes('x reject(denied: forbidden)'), 'the denial at 80 columns');
    expect(footer(narrow.h.frame())).toMatch(/^a approve {2}u hot update {2}h hold {2}x reject\(denied: forbidden\) .*\? help {2}q quit$/);
    expectFits(narrow.h.frame(), 80, 24);
  });

  test('read-only mode: every action key is disabled with the reason and the port is not asked', async () => {
    const { h, port } = await onPaused({ readOnly: true });
    await pause(250);
    expect(h.lines()[0]).toContain('READ-ONLY');
    expect(footer(h.frame())).toMatch(/^a\/x\/u\/r\/s\/h\(read-only\) {2}/);
    await h.press('a');
    expect(footer(h.frame())).toBe('approve: read-only mode');
    await h.press('u');
    expect(footer(h.frame())).toBe('hot update: read-only mode');
    expect(port.calls.available).toEqual([]);
    expect(port.calls.plan).toEqual([]);
  });

  test('availability is asked once per workload and resourceVersion, debounced; a new version asks again', async () => {
    const { h, port } = await onPaused();
    const asked = () => port.calls.available.filter((t) => t.namespace === 'game-1001').length;
    expect(asked()).toBe(1);
    // Passing over rows quickly asks only for the row the selection stops on.
    await h.press('jk');
    await pause(300);
    expect(port.calls.available.filter((t) => t.namespace === 'game-1002')).toEqual([]);
    await h.press('k');
    await h.waitFor(() => port.calls.available.some((t) => t.namespace === 'game-1101'), 'the failed rollout asked');
    await h.press('j');
    await pause(300);
    expect(asked()).toBe(1);
    // The workload changes: its keys are checked again.
    const snap = h.source.snapshot();
    h.source.publish({
      ...snap,
      workloads: snap.workloads.map((w) => (w.namespace === 'game-1001' && w.name === 'game-1' ? { ...w, resourceVersion: '99999' } : w)),
    });
    await h.waitFor(() => asked() === 2, 'a second check for the new resourceVersion');
  });

  test('the rollout detail lists every action key with the live verdict', async () => {
    const port = new FakeActions(() => makeSnapshot());
    port.denied.set('hold', 'not allowed to patch gamestatefulsets.tkex.tencent.com game-1001/game-1');
    const { h } = await onPaused({ columns: 120, rows: 60, port });
    await h.press(KEYS.enter);
    const f = await h.waitFor((x) => /h hold +not possible: not allowed to patch/.test(x), 'the denial in the detail');
    expect(f).toMatch(/^ {4}a approve {5}possible: continues to step 3\/4$/m);
    expect(f).toMatch(/^ {4}x reject {6}possible: restores revision game-1-7c9f5d$/m);
    expect(f).toMatch(/^ {4}u hot update {2}possible: containers restart in place; pods keep their identity$/m);
    expect(f).toMatch(/^ {4}s skip hook {3}not possible: the current step has no hook$/m);
    expect(f).toMatch(/^ {4}h hold {8}not possible: not allowed to patch gamestatefulsets.tkex.tencent.com game-1001\/game-1$/m);
    expect(footer(f)).toMatch(
      /^a approve {2}x reject {2}u hot update {2}r retry\(n\/a\) {2}s skip hook\(n\/a\) {2}h hold\(denied: forbidden\)/,
    );
  });
});

describe('confirmation card', () => {
  test('a builds the plan (working...), shows the approval card and the writes; y runs it (working...), then the result', async () => {
    const port = new FakeActions(() => makeSnapshot());
    port.holdPlan = true;
    port.holdRun = true;
    port.result = { ok: true, message: 'approve GameStatefulSet game-1001/game-1 on sh-prod-1: done' };
    const { h } = await onPaused({ port });
    await h.press('a');
    expect(footer(h.frame())).toBe('working... building the plan  <esc> cancel');
    expect(h.frame()).toContain('working... reading the workload and checking access');
    expect(port.calls.plan).toEqual([{ target: PAUSED, action: 'approve' }]);
    port.releasePlan();
    const f = await h.waitFor((x) => x.includes('Writes:'), 'the card');
    expectFits(f, 80, 24);
    expect(h.lines()[1]).toBe('Rollouts > Approve');
    const body = h.lines().slice(3, -1).join('\n');
    expect(body).toContain(
      'Approve GameStatefulSet/game-1\n  cluster     sh-prod-1\n  namespace   game-1001\n  workload    GameStatefulSet/game-1',
    );
    expect(body).toContain('  revision    game-1-7c9f5d -> game-1-8d0a6e\n  step        2/4 (pause (manual))\n  updated     33% (1/3)');
    // The images line is wrapped, not cut: both the old and the new image are readable at 80 columns.
    expect(body).toContain(
      '  images      main: registry.example.com/game/game:v1.4.2 ->\n              registry.example.com/game/game:v1.5.0',
    );
    expect(body).toContain('  hook        none\n  acting as   ops-alice\nPlan:');
    expect(body).toContain('Writes:\n  PATCH gamestatefulsets.tkex.tencent.com game-1001/game-1 (merge patch):');
    expect(body).toContain('  reason      (none: <tab> to type one for the audit trail)');
    expect(footer(f)).toBe('y/<enter> confirm  n/<esc> cancel  <tab> reason');

    await h.press('y');
    expect(h.frame()).not.toContain('Writes:');
    expect(footer(h.frame())).toBe('working... approve GameStatefulSet/game-1 on sh-prod-1');
    expect(port.calls.run).toEqual([{ plan: { target: PAUSED, action: 'approve' } }]);
    // Rendering goes on while the cluster answers; a second action waits for the first.
    await h.press('x');
    expect(h.lines().slice(-2).join('\n')).toBe(
      'reject: another action is running (working... approve GameStatefulSet/game-1 on\n  sh-prod-1)',
    );
    port.releaseRun();
    await h.waitFor((x) => footer(x) === 'approve GameStatefulSet game-1001/game-1 on sh-prod-1: done', 'the result line');
    expect(port.calls.run).toHaveLength(1);
  });

  test('Enter confirms too; a reason typed on the card goes with the run (audit trail)', async () => {
    const { h, port } = await onPaused();
    await h.press('a');
    await h.waitFor((x) => x.includes('Writes:'), 'the card');
    await h.press(KEYS.tab);
    await h.type('canary ok, players fine');
    expect(h.frame()).toContain('> reason      canary ok, players fine_');
    expect(footer(h.frame())).toBe('<enter> confirm  <esc> cancel  <tab> done');
    await h.press(KEYS.backspace, KEYS.enter);
    await h.waitFor((x) => footer(x) === 'done', 'the result');
    expect(port.calls.run).toEqual([{ plan: { target: PAUSED, action: 'approve' }, opts: { reason: 'canary ok, players fin' } }]);
  });

  test('a protected context needs the workload name typed: y is text there, a wrong name runs nothing', async () => {
    const port = new FakeActions(() => makeSnapshot());
    port.protectedClusters.add('sh-prod-1');
    const { h } = await onPaused({ port });
    await h.press('a');
    const f = await h.waitFor((x) => x.includes('Writes:'), 'the card');
    expect(f).toContain('  cluster     sh-prod-1 (protected)');
    expect(f).toContain('> type name   _  protected context: type game-1');
    expect(footer(f)).toBe('<enter> confirm  <esc> cancel  <tab> next field');
    await h.press('y');
    expect(h.frame()).toContain('> type name   y_');
    await h.press(KEYS.enter);
    expect(h.frame()).toContain('protected context: type game-1 to confirm');
    expect(port.calls.run).toEqual([]);
    await h.press(KEYS.backspace);
    await h.type('game-1');
    await h.press(KEYS.tab);
    await h.type('release 1.5');
    await h.press(KEYS.enter);
    await h.waitFor((x) => footer(x) === 'done', 'the result');
    expect(port.calls.run).toEqual([{ plan: { target: PAUSED, action: 'approve' }, opts: { reason: 'release 1.5' } }]);
  });

  test('cancel: n or Esc closes the card and nothing runs; a plan that arrives after Esc is dropped', async () => {
    const { h, port } = await onPaused();
    await h.press('a');
    await h.waitFor((x) => x.includes('Writes:'), 'the card');
    await h.press('n');
    expect(footer(h.frame())).toBe('cancelled: nothing was written');
    expect(h.lines()[1]).toMatch(/^Rollouts {2}\[3\]/);
    await h.press('a');
    await h.waitFor((x) => x.includes('Writes:'), 'the card again');
    await h.press(KEYS.esc);
    expect(footer(h.frame())).toBe('cancelled: nothing was written');
    port.holdPlan = true;
    await h.press('a', KEYS.esc);
    port.releasePlan();
    await pause(100);
    expect(h.frame()).not.toContain('Writes:');
    expect(port.calls.plan).toHaveLength(3);
    expect(port.calls.run).toEqual([]);
  });

  test('failures are one line naming the cluster: a plan that cannot be built, a run the cluster refused', async () => {
    const port = new FakeActions(() => makeSnapshot());
    port.planError = 'sh-prod-1: conflict: GameStatefulSet game-1001/game-1 changed since it was read (step 2/4 -> 3/4)';
    const { h } = await onPaused({ port });
    await h.press('a');
    await h.waitFor((x) => x.includes('conflict'), 'the plan error');
    // Longer than the screen is wide: two footer rows, nothing cut, the frame still fits.
    expect(h.lines().slice(-2)).toEqual([
      'sh-prod-1: conflict: GameStatefulSet game-1001/game-1 changed since it was read',
      '  (step 2/4 -> 3/4)',
    ]);
    expectFits(h.frame(), 80, 24);
    port.planError = 'not paused at a canary step';
    await h.press('a');
    await h.waitFor((x) => footer(x).includes('not paused'), 'the plan error without a cluster');
    expect(footer(h.frame())).toBe('approve GameStatefulSet/game-1 on sh-prod-1: not paused at a canary step');
    port.planError = undefined;
    port.result = { ok: false, message: 'sh-prod-1: not allowed to patch gamestatefulsets.tkex.tencent.com game-1001/game-1' };
    await h.press('x');
    await h.waitFor((x) => x.includes('Writes:'), 'the reject card');
    await h.press('y');
    await h.waitFor((x) => x.includes('sh-prod-1: not allowed'), 'the refused run');
    expect(h.lines().slice(-2)).toEqual(['sh-prod-1: not allowed to patch gamestatefulsets.tkex.tencent.com', '  game-1001/game-1']);
  });

  test('a card taller than the screen scrolls; the reason field and footer stay on screen', async () => {
    const { h } = await onPaused({ rows: 16 });
    await h.press('a');
    const f = await h.waitFor((x) => x.includes('more lines (<down> scrolls)'), 'the scroll marker');
    expectFits(f, 80, 16);
    expect(f).toContain('Approve GameStatefulSet/game-1');
    expect(f).toContain('  reason      (none');
    await h.press(KEYS.down, KEYS.down);
    expect(h.frame()).not.toContain('Approve GameStatefulSet/game-1');
    expect(h.frame()).toContain('  workload    GameStatefulSet/game-1');
    for (let i = 0; i < 10; i++) await h.press(KEYS.down);
    expect(h.frame()).toContain('spec.updateStrategy.paused=false');
    expect(h.frame()).toContain('(end; <up> scrolls back)');
    expectFits(h.frame(), 80, 16);
  });
});
