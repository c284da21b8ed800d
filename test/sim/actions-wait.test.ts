// --wait against the simulator: the watch follows the workload while the controllers move it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { readGameDeployment } from '../../source/kinds/gamedeployment.js';
import { AccessCache } from '../../source/actions/access.js';
import { execute } from '../../source/actions/execute.js';
import { waitTarget } from '../../source/actions/targets.js';
import { waitFor } from '../../source/actions/wait.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { gameDeployment, gameStatefulSet, setImage } from './controllers-helpers.js';
import { approvePlan, imagePlan, simActions, type SimActions } from './actions-helpers.js';
import { readGameStatefulSet } from '../../source/kinds/gamestatefulset.js';

let s: SimActions;
let ticker: NodeJS.Timeout | undefined;
beforeEach(async () => {
  s = await simActions();
});
afterEach(async () => {
  if (ticker) clearInterval(ticker);
  ticker = undefined;
  await s.close();
});

/** Let virtual time run: 1 s of controller time every 5 ms of wall time. */
const run = () => {
  ticker = setInterval(() => s.h.advance(1_000), 5);
};

describe('waitFor', () => {
  it('follows an approved canary to its next step with progress lines', async () => {
    s.h.store.create(
      T.gameDeployment,
      gameDeployment('gw', 4, 'reg/gw:v1', {
        type: 'RollingUpdate',
        canary: { steps: [{ partition: 3 }, { pause: {} }, { partition: 0 }] },
      }),
    );
    s.h.advance(10_000);
    setImage(s.h, 'gd', 'gw', 'reg/gw:v2');
    s.h.advance(20_000);
    const obj = s.h.gd('gw');
    const before = readGameDeployment('sim-a', obj);
    const plan = approvePlan('sim-a', KINDS.GameDeployment, obj);
    await execute(plan, { client: s.admin, user: 'admin', auditFile: false, access: new AccessCache() });
    const lines: string[] = [];
    const target = waitTarget(plan, before);
    // virtual time starts once the first state is seen, so the first line is the approved step
    const res = await waitFor(plan, target.reached, {
      client: s.admin,
      timeoutMs: 10_000,
      onProgress: (l) => (lines.push(l), ticker ?? run()),
    });
    expect(res.reached).toBe(true);
    expect(res.info?.rollout.stepIndex).toBe(3);
    expect(res.info?.rollout.phase).toBe('complete');
    expect(lines[0]).toMatch(/^updated 1\/4, step 2\/3 \(/);
    expect(lines.at(-1)).toMatch(/^updated \d\/4/);
  });

  it('follows a hot update until every pod runs the new image', async () => {
    s.h.store.create(
      T.gameStatefulSet,
      gameStatefulSet('game-1', 3, 'reg/game:v1', { type: 'InplaceUpdate', rollingUpdate: { partition: 0, maxUnavailable: 1 } }),
    );
    s.h.advance(10_000);
    const obj = s.h.gsts('game-1');
    const plan = imagePlan('hotupdate', 'sim-a', KINDS.GameStatefulSet, obj, 'main', 'reg/game:v2');
    await execute(plan, { client: s.admin, user: 'admin', auditFile: false, access: new AccessCache() });
    const lines: string[] = [];
    const res = await waitFor(plan, waitTarget(plan, readGameStatefulSet('sim-a', obj)).reached, {
      client: s.admin,
      timeoutMs: 10_000,
      onProgress: (l) => (lines.push(l), ticker ?? run()),
    });
    expect(res.reached).toBe(true);
    expect(res.info?.rollout.updatedReady).toBe(3);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.at(-1)).toMatch(/^updated 3\/3/);
  });

  it('gives up at the deadline when the target is not reached', async () => {
    s.h.store.create(
      T.gameDeployment,
      gameDeployment('gw', 2, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps: [{ partition: 1 }, { pause: {} }] } }),
    );
    s.h.advance(10_000);
    setImage(s.h, 'gd', 'gw', 'reg/gw:v2');
    s.h.advance(10_000);
    const obj = s.h.gd('gw');
    const plan = approvePlan('sim-a', KINDS.GameDeployment, obj);
    const t0 = Date.now();
    const res = await waitFor(plan, waitTarget(plan, readGameDeployment('sim-a', obj)).reached, { client: s.admin, timeoutMs: 400 });
    expect(res.reached).toBe(false);
    expect(res.message).toBe('not reached within 0.4 s');
    expect(Date.now() - t0).toBeLessThan(3_000);
  });
});
