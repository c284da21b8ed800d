// The hot update form (container, image, partition or one pod first), the hold / release toggle, and
// the Rollout detail following a hot update as the snapshot changes. The actions port is scripted.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { WorkloadInfo } from '../../source/model/types.js';
import type { Snapshot } from '../../source/store/types.js';
import { expectFits } from './assert-frame.js';
import { FakeActions } from './fake-actions.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

const footer = (f: string) => f.split('\n').at(-1) ?? '';
const isPaused = (w: WorkloadInfo) => w.cluster === 'sh-prod-1' && w.namespace === 'game-1001' && w.name === 'game-1';

function withPaused(snap: Snapshot, f: (w: WorkloadInfo) => WorkloadInfo): Snapshot {
  return { ...snap, workloads: snap.workloads.map((w) => (isPaused(w) ? f(w) : w)) };
}

/** The paused game-1 with a second container (a sidecar) so the form has a choice. */
function twoContainers(): Snapshot {
  return withPaused(makeSnapshot(), (w) => ({
    ...w,
    containers: [...w.containers, { name: 'agent', image: 'registry.example.com/ops/agent:2.3' }],
  }));
}

async function openPaused(snap: Snapshot, port?: FakeActions, size = { columns: 80, rows: 24 }) {
  const p = port ?? new FakeActions(() => h.source.snapshot());
  const h = await renderApp(snap, { view: 'rollouts', ...size, actions: p });
  await h.press('j', KEYS.enter);
  expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1');
  await h.waitFor((f) => /^a approve /.test(footer(f)), 'the keys checked');
  return { h, port: p };
}

describe('hot update form', () => {
  test('u opens the form; choose the container, type the image and a partition; Enter plans with them and shows the card', async () => {
    const { h, port } = await openPaused(twoContainers());
    await h.press('u');
    let f = h.frame();
    expectFits(f, 80, 24);
    expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1 > Hot update');
    expect(f).toContain('Hot update GameStatefulSet/game-1 in sh-prod-1  namespace game-1001');
    expect(f).toContain('> container     < main >  1 of 2, <left>/<right> choose');
    expect(f).toContain('  image         registry.example.com/game/game:v1.5.0');
    expect(f).toContain('  now running   main: registry.example.com/game/game:v1.5.0');
    expect(footer(f)).toBe('<enter> plan  <esc> cancel  <tab>/<down> next field  <right> choose');

    await h.press(KEYS.right);
    expect(h.frame()).toContain('> container     < agent >  2 of 2');
    expect(h.frame()).toContain('  image         registry.example.com/ops/agent:2.3');
    await h.press(KEYS.tab);
    expect(h.frame()).toContain('> image         registry.example.com/ops/agent:2.3_');
    // Enter with the image unchanged says what to do instead of planning a no-op.
    await h.press(KEYS.enter);
    expect(h.frame()).toContain('agent already runs registry.example.com/ops/agent:2.3: type the new image');
    expect(port.calls.plan).toEqual([]);
    await h.press(KEYS.backspace, KEYS.backspace, KEYS.backspace);
    await h.type('2.4');
    await h.press(KEYS.tab);
    await h.type('2x');
    f = h.frame();
    expect(f).toContain('> partition     2_  1 of 3 pods updated');
    expect(f).toContain('partition is a number of pods (kept on the old revision)');
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('Writes:'), 'the card');
    expect(port.calls.plan).toEqual([
      {
        target: { cluster: 'sh-prod-1', kind: 'GameStatefulSet', namespace: 'game-1001', name: 'game-1' },
        action: 'hotupdate',
        input: { container: 'agent', image: 'registry.example.com/ops/agent:2.4', partition: 2 },
      },
    ]);
    expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1 > Hot update');
    expect(h.frame()).toContain(
      '  images      agent: registry.example.com/ops/agent:2.3 ->\n              registry.example.com/ops/agent:2.4',
    );
    expectFits(h.frame(), 80, 24);
    await h.press('y');
    await h.waitFor((x) => footer(x) === 'done', 'the result');
    expect(port.calls.run.map((r) => r.plan.action)).toEqual(['hotupdate']);
  });

  test('one pod first; Ctrl-U clears the image; a plan error returns to the form with the reason; Esc cancels', async () => {
    const snap = makeSnapshot();
    const port = new FakeActions(() => snap);
    const { h } = await openPaused(snap, port);
    await h.press('u');
    expect(h.frame()).toContain('> image         registry.example.com/game/game:v1.5.0_');
    await h.press('\u0015');
    expect(h.frame()).toContain('> image         _');
    await h.press(KEYS.enter);
    expect(h.frame()).toContain('type the new image');
    await h.type('registry.example.com/game/game:v1.5.1');
    await h.press(KEYS.down, KEYS.down, ' ');
    expect(h.frame()).toContain('> one pod first [x]  partition 2: one pod is updated first');
    port.planError = 'sh-prod-1: hot update: container "main" changed since it was read';
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('changed since it was read'), 'the error in the form');
    expect(h.frame()).toContain('> one pod first [x]');
    expect(h.frame()).toContain('  image         registry.example.com/game/game:v1.5.1');
    expect(port.calls.plan.at(-1)?.input).toEqual({ container: 'main', image: 'registry.example.com/game/game:v1.5.1', onePodFirst: true });
    await h.press(KEYS.esc);
    expect(footer(h.frame())).toBe('cancelled: nothing was written');
    expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1');
    expect(port.calls.run).toEqual([]);
  });

  test('a strategy that recreates pods is flagged in the form before anything is planned', async () => {
    const snap = withPaused(makeSnapshot(), (w) => ({
      ...w,
      rollout: {
        ...w.rollout,
        strategy: 'RollingUpdate',
        actions: w.rollout.actions.map((a) =>
          a.action === 'hotupdate'
            ? { ...a, reason: 'warning: RollingUpdate recreates pods; set InplaceUpdate or HotPatchUpdate to update in place' }
            : a,
        ),
      },
    }));
    const { h } = await openPaused(snap);
    await h.press('u');
    expect(h.frame()).toContain('warning: RollingUpdate recreates pods; set InplaceUpdate or HotPatchUpdate');
  });
});

describe('hold / release', () => {
  test('h holds a workload that is free and releases one that is held', async () => {
    const { h, port } = await openPaused(makeSnapshot());
    expect(footer(h.frame())).toContain('h hold');
    await h.press('h');
    await h.waitFor((x) => x.includes('Writes:'), 'the hold card');
    expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1 > Hold');
    await h.press(KEYS.esc);
    const held = withPaused(h.source.snapshot(), (w) => ({
      ...w,
      resourceVersion: '5000',
      rollout: {
        ...w.rollout,
        hold: { previous: 2, by: 'ops-bob' },
        actions: w.rollout.actions.map((a) =>
          a.action === 'hold'
            ? { action: 'hold', possible: false, reason: 'already held by zonectl' }
            : a.action === 'release'
              ? { action: 'release', possible: true, reason: 'restores partition 2' }
              : a,
        ),
      },
    }));
    h.source.publish(held);
    await h.press('G');
    await h.waitFor(
      (x) => /h release( |$)/.test(footer(x)) && x.includes('h release     possible: restores partition 2'),
      'the release key',
    );
    await h.press('h');
    await h.waitFor((x) => x.includes('Writes:'), 'the release card');
    expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1 > Release');
    expect(port.calls.plan.map((p) => p.action)).toEqual(['hold', 'release']);
  });
});

describe('live progress in the rollout detail', () => {
  test("updated x/y, the progress bar and each pod's revision / restarts follow the snapshot while an update runs", async () => {
    const { h } = await openPaused(makeSnapshot(), undefined, { columns: 100, rows: 40 });
    expect(h.frame()).toContain('progress     [#######.............] 1/3 updated, 1 of them ready');
    expect(h.frame()).toMatch(/game-1-1 rev 7c9f5d ready restarts 0/);
    // The controller moves pod game-1-1 to the new revision in place: same pod, restarts + 1.
    const step = (snap: Snapshot, pod: string, ready: boolean): Snapshot => {
      const pods = snap.pods.map((p) =>
        p.cluster === 'sh-prod-1' && p.namespace === 'game-1001' && p.name === pod
          ? {
              ...p,
              revision: 'game-1-8d0a6e',
              ready,
              restarts: ready ? p.restarts : p.restarts + 1,
              inPlaceUpdateState: ready ? undefined : 'updating',
            }
          : p,
      );
      const updated = pods.filter((p) => p.namespace === 'game-1001' && p.owner?.name === 'game-1' && p.revision === 'game-1-8d0a6e');
      return withPaused({ ...snap, pods }, (w) => ({
        ...w,
        rollout: { ...w.rollout, updated: updated.length, updatedReady: updated.filter((p) => p.ready).length },
      }));
    };
    h.source.publish(step(h.source.snapshot(), 'game-1-1', false));
    await h.waitFor((x) => x.includes('2/3 updated, 1 of them ready'), 'pod 1 updating');
    expect(h.frame()).toContain('progress     [#############.......] 2/3 updated, 1 of them ready');
    expect(h.frame()).toMatch(/game-1-1 rev 8d0a6e \(new\) not ready \(Running\) restarts 1 in-place: updating/);
    h.source.publish(step(h.source.snapshot(), 'game-1-1', true));
    await h.waitFor((x) => x.includes('2/3 updated, 2 of them ready'), 'pod 1 ready');
    expect(h.frame()).toMatch(/game-1-1 rev 8d0a6e \(new\) ready restarts 1/);
    expectFits(h.frame(), 100, 40);
  });
});
