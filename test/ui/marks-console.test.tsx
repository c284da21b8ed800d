// Marks in the console (issue 17): space / ctrl+space / mark all / ctrl+\ on the Rollouts list, the
// count on the title line, `*` in the gutter, marks kept while rows update, and every action key on
// the marked rows: one batch plan, one card, one confirmation (typed contexts when protected), the
// result on the status line and the marks cleared. The actions port is scripted (fake-actions.ts);
// the console is real. The same flow against the demo simulator is test/sim/console-marks.test.tsx.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { Snapshot } from '../../source/store/types.js';
import { expectFits, rowWith } from './assert-frame.js';
import { FakeActions } from './fake-actions.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

const CTRL_SPACE = '\u0000';
const CTRL_A = '\u0001';
const CTRL_BACKSLASH = '\u001c';
const footer = (f: string) => f.split('\n').at(-1) ?? '';
const title = (f: string) => f.split('\n')[1] ?? '';
const marked = (f: string) => f.split('\n').filter((l) => /^[> ]\*/.test(l));

async function rollouts(o: { port?: FakeActions; snap?: Snapshot; columns?: number } = {}) {
  const snap = o.snap ?? makeSnapshot();
  const port = o.port ?? new FakeActions(() => h.source.snapshot());
  const h = await renderApp(snap, { view: 'rollouts', columns: o.columns ?? 80, rows: 24, actions: port });
  return { h, port };
}

describe('marks on the Rollouts list', () => {
  test('space marks and moves down, ctrl+space marks a range, ctrl+a what the filter shows, ctrl+\\ clears; * and the count show', async () => {
    const { h } = await rollouts();
    await h.press('A'); // every workload: 36 rows
    await h.waitFor((f) => /^Rollouts {2}\[36\]/.test(title(f)), 'all workloads');
    await h.press(' ', ' ');
    let f = h.frame();
    expect(title(f)).toMatch(/^Rollouts {2}\[36\] {2}all workloads {2}2 marked {2}sort:/);
    expect(marked(f)).toHaveLength(2);
    const body = f.split('\n').filter((l) => /^[> ][ *]\S+-prod-/.test(l));
    expect(body.slice(0, 3).map((l) => l.slice(0, 2))).toEqual([' *', ' *', '> ']); // the cursor moved down past both
    expectFits(f, 80, 24);
    // ctrl+space from the row marked last (row 2) to the cursor, two rows further down.
    await h.press('j', 'j', CTRL_SPACE);
    f = h.frame();
    expect(title(f)).toContain('5 marked');
    expect(marked(f).map((l) => l.slice(0, 2))).toEqual([' *', ' *', ' *', ' *', '>*']);
    // Filter, then mark all it shows: 12 rows of zones 1001..1004 (3 of them marked already).
    await h.press('/');
    await h.type('game-100');
    await h.press(KEYS.enter);
    await h.waitFor((f2) => /\[12\/36\]/.test(title(f2)), 'the filter');
    await h.press(CTRL_A);
    f = await h.waitFor((f2) => /12 marked/.test(title(f2)), 'all shown marked');
    // The marks outside the filter are kept, not acted on; the title says so.
    expect(title(f)).toMatch(/12 marked \(\+\d hidden\)/);
    await h.press(KEYS.esc); // clear the filter
    f = await h.waitFor((f2) => /\[36\]/.test(title(f2)), 'the filter cleared');
    const n = Number(/(\d+) marked/.exec(title(f))![1]);
    expect(n).toBeGreaterThan(12);
    expect(marked(f).length).toBeGreaterThan(0);
    await h.press(CTRL_BACKSLASH);
    f = h.frame();
    expect(title(f)).not.toContain('marked');
    expect(marked(f)).toEqual([]);
    // * also works for mark all.
    await h.press('*');
    expect(title(h.frame())).toContain('36 marked');
  });

  test('marks stay on their rows while rows update and re-sort; a row that leaves the list drops out', async () => {
    const { h } = await rollouts();
    await h.press(' ', ' ', ' ');
    expect(title(h.frame())).toContain('3 marked');
    const snap = h.source.snapshot();
    // An update: every row changes (new resourceVersions), one leaves (finished, not listed without A).
    const done = snap.workloads.find((w) => w.namespace === 'game-1002' && w.name === 'game-1')!;
    h.source.publish({
      ...snap,
      workloads: snap.workloads.map((w) =>
        w === done
          ? { ...w, resourceVersion: '9999', rollout: { ...w.rollout, phase: 'complete', paused: false, message: 'up to date' } }
          : { ...w, resourceVersion: `${w.resourceVersion}1` },
      ),
    });
    const f = await h.waitFor((x) => /\[2\]/.test(title(x)), 'the finished row gone');
    expect(title(f)).toContain('2 marked');
    expect(marked(f)).toHaveLength(2);
    // Shown with A again, it is no longer marked (its mark was dropped when it left).
    await h.press('A');
    const all = await h.waitFor((x) => /\[36\]/.test(title(x)), 'all workloads');
    expect(rowWith(all, 'game-1002  game-1')).toMatch(/^[ >] /);
    expect(title(all)).toContain('2 marked');
  });

  test('zones are marked only to compare them: the action keys do not act on them; the help lists the mark keys', async () => {
    const port = new FakeActions(() => makeSnapshot());
    const h = await renderApp(makeSnapshot(), { columns: 100, rows: 200, actions: port }); // the whole help in one screen
    await h.press(' ');
    expect(title(h.frame())).toContain('1 marked');
    expect(marked(h.frame())).toHaveLength(1);
    await h.press('a');
    expect(port.calls.plan).toEqual([]);
    expect(port.calls.planMany).toEqual([]);
    await h.press('?');
    const f = await h.waitFor((x) => x.includes('Marks (Zones, Rollouts, Clusters, Alerts lists)'), 'the marks section of the help');
    expect(f).toMatch(/= +Compare the two marked rows/);
    expect(f).toMatch(/<space> +Mark the row \(or unmark it\) and move down/);
    expect(f).toMatch(/<ctrl-space> +Mark the rows from the one marked last to the cursor/);
    expect(f).toMatch(/<ctrl-a> \* +Mark every row the filter shows/);
    expect(f).toMatch(/<ctrl-\\> +Clear all marks/);
  });
});

describe('action keys on the marked rows', () => {
  test('approve: one batch plan, one card, the protected contexts typed once, the result on the status line, marks cleared', async () => {
    const port = new FakeActions(() => makeSnapshot());
    port.protectedClusters.add('sh-prod-1');
    port.result = { ok: true, message: 'approve 2: 2 done; batch 0a1b2c3d' };
    const { h } = await rollouts({ port });
    await h.press('j', ' ', ' '); // the paused and the progressing rollout of sh-prod-1
    await h.waitFor((f) => /2 marked/.test(title(f)) && /^a approve/.test(footer(f)), 'two marked, the keys on');
    await h.press('a');
    let f = await h.waitFor((x) => x.includes('approve 2 workloads'), 'the batch card');
    expect(port.calls.plan).toEqual([]);
    expect(port.calls.planMany).toHaveLength(1);
    expect(port.calls.planMany[0]).toMatchObject({
      action: 'approve',
      targets: [
        { cluster: 'sh-prod-1', namespace: 'game-1001', kind: 'GameStatefulSet', name: 'game-1' },
        { cluster: 'sh-prod-1', namespace: 'game-1002', kind: 'GameStatefulSet', name: 'game-1' },
      ],
    });
    expect(title(f)).toMatch(/^Rollouts > Approve/);
    expect(f).toMatch(/^> contexts {4}_ {2}protected context: type sh-prod-1$/m);
    expectFits(f, 80, 24);
    // y is text while the contexts are typed; Enter without them asks for them.
    await h.press(KEYS.enter);
    f = h.frame();
    expect(f).toContain('protected context: type sh-prod-1 to confirm');
    expect(port.calls.run).toEqual([]);
    await h.type('sh-prod-1');
    await h.press(KEYS.tab);
    await h.type('batch from the console');
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes('approve 2: 2 done; batch 0a1b2c3d'), 'the result');
    expect(port.calls.run).toHaveLength(1);
    expect(port.calls.run[0]).toMatchObject({ plan: { action: 'approve' }, opts: { reason: 'batch from the console' } });
    expect(port.calls.run[0]!.plan.targets).toHaveLength(2);
    // The marks are cleared once the batch ran.
    expect(title(f)).not.toContain('marked');
    expect(marked(f)).toEqual([]);
  });

  test('cancel keeps the marks; a key pressed while the batch runs says so', async () => {
    const port = new FakeActions(() => makeSnapshot());
    port.holdRun = true;
    const { h } = await rollouts({ port });
    await h.press(' ', ' ');
    await h.press('x');
    await h.waitFor((x) => x.includes('reject 2 workloads'), 'the batch card');
    await h.press('n');
    let f = h.frame();
    expect(footer(f)).toBe('cancelled: nothing was written');
    expect(title(f)).toContain('2 marked');
    await h.press('x');
    await h.waitFor((x) => x.includes('reject 2 workloads'), 'the batch card again');
    await h.press('y');
    f = await h.waitFor((x) => footer(x).includes('working... reject 2 marked workloads'), 'working');
    await h.press('a');
    expect(footer(h.frame())).toMatch(/^approve: another action is running \(working\.\.\. reject 2 marked workloads\)$/);
    port.releaseRun();
    f = await h.waitFor((x) => footer(x) === 'done', 'the result');
    expect(title(f)).not.toContain('marked');
  });

  test('hot update with marks: the form offers the containers of the marked rows and plans all of them', async () => {
    const { h, port } = await rollouts();
    await h.press('A');
    await h.press('/');
    await h.type('game-1001');
    await h.press(KEYS.enter);
    await h.waitFor((f) => /\[3\/36\]/.test(title(f)), 'zone 1001');
    await h.press(CTRL_A);
    await h.press('u');
    let f = await h.waitFor((x) => x.includes('Hot update 3 marked workloads'), 'the form');
    expect(f).toMatch(/^Hot update 3 marked workloads {2}in sh-prod-1$/m);
    expect(f).toMatch(/^ {2}now running {3}main: registry\.example\.com\/game\/\S+ \(first marked\)$/m);
    expectFits(f, 80, 24);
    await h.press('\u0015'); // ctrl+u clears the image
    await h.type('registry.example.com/game/all:v2');
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes('hotupdate 3 workloads'), 'the batch card');
    expect(port.calls.planMany[0]).toMatchObject({
      action: 'hotupdate',
      input: { container: 'main', image: 'registry.example.com/game/all:v2' },
    });
    expect(port.calls.planMany[0]!.targets!.map((t) => t.name).sort()).toEqual(['db-1', 'game-1', 'gateway-1']);
  });
});
