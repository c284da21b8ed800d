import { describe, expect, it } from 'vitest';
import { T } from '../../source/sim/controllers/kinds.js';
import { gameDeployment, gameStatefulSet, harness, hookTemplate, setImage } from './controllers-helpers.js';

const STEPS = [{ partition: 3 }, { pause: {} }, { partition: 1 }, { pause: { duration: 60 } }, { partition: 0 }];

describe('GameDeployment canary (bk-bcs 2022 semantics)', () => {
  it('creates pods, revisions and a released status on first creation', () => {
    const h = harness();
    h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps: STEPS } }));
    h.advance(10_000);
    const gd = h.gd('gw');
    const pods = h.pods('gw');
    expect(pods).toHaveLength(4);
    expect(gd.status.readyReplicas).toBe(4);
    expect(gd.status.updatedReadyReplicas).toBe(4);
    expect(gd.status.updateRevision).toMatch(/^gw-[a-z2-9]+$/);
    expect(gd.status.canary.revision).toBe(gd.status.updateRevision);
    expect(gd.status.currentStepIndex).toBe(STEPS.length);
    for (const p of pods) {
      expect(p.metadata.labels!['controller-revision-hash']).toBe(gd.status.updateRevision);
      expect(p.metadata.labels!['tkex.bkbcs.tencent.com/gamedeployment-instance-id']).toBe(p.metadata.name!.slice('gw-'.length));
      expect(p.status.phase).toBe('Running');
      expect(p.status.containerStatuses[0].containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    }
    const revs = h.store.list(T.controllerRevision, { namespace: 'game' }).items;
    expect(revs).toHaveLength(1);
    expect(revs[0].metadata.name).toBe(gd.status.updateRevision);
    expect(revs[0].revision).toBe(1);
    expect((revs[0].data as any).spec.template.spec.containers[0].image).toBe('reg/gw:v1');
  });

  it('stops at a pause step, approve (paused=false) moves to the next step, timed pause cannot be skipped', () => {
    const h = harness();
    h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps: STEPS } }));
    h.advance(10_000);
    setImage(h, 'gd', 'gw', 'reg/gw:v2');
    h.advance(20_000);
    let gd = h.gd('gw');
    expect(gd.status.currentStepIndex).toBe(1);
    expect(gd.status.updatedReadyReplicas).toBe(1);
    expect(gd.status.pauseConditions).toEqual([{ reason: 'PausedByCanaryPauseStep', startTime: expect.any(String) }]);
    expect(gd.spec.updateStrategy.paused).toBe(true);
    // waiting longer changes nothing
    h.advance(60_000, 1000);
    expect(h.gd('gw').status.currentStepIndex).toBe(1);
    // approve
    h.patchSpec('gd', 'gw', (s) => (s.updateStrategy.paused = false));
    h.advance(20_000);
    gd = h.gd('gw');
    expect(gd.status.currentStepIndex).toBe(3); // step 2 (partition 1) reached, now at the timed pause
    expect(gd.status.updatedReadyReplicas).toBe(3);
    expect(gd.status.pauseConditions[0].reason).toBe('PausedByCanaryPauseStep');
    expect(gd.spec.updateStrategy.paused).toBe(true);
    // approving a timed pause does not skip it: the controller re-asserts paused=true
    h.patchSpec('gd', 'gw', (s) => (s.updateStrategy.paused = false));
    h.advance(5_000);
    gd = h.gd('gw');
    expect(gd.status.currentStepIndex).toBe(3);
    expect(gd.spec.updateStrategy.paused).toBe(true);
    // after the duration the rollout completes
    h.advance(80_000, 1000);
    gd = h.gd('gw');
    expect(gd.status.currentStepIndex).toBe(5);
    expect(gd.status.updatedReadyReplicas).toBe(4);
    expect(gd.status.canary.revision).toBe(gd.status.updateRevision);
    expect(gd.status.pauseConditions).toBeUndefined();
    expect(gd.spec.updateStrategy.paused).toBe(false);
  });

  it('rolling back to status.canary.revision skips every step', () => {
    const h = harness();
    h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps: STEPS } }));
    h.advance(10_000);
    const v1 = h.gd('gw').status.updateRevision;
    setImage(h, 'gd', 'gw', 'reg/gw:v2');
    h.advance(20_000);
    expect(h.gd('gw').status.currentStepIndex).toBe(1);
    // reject: restore the old template
    setImage(h, 'gd', 'gw', 'reg/gw:v1');
    h.advance(20_000);
    const gd = h.gd('gw');
    expect(gd.status.updateRevision).toBe(v1);
    expect(gd.status.currentStepIndex).toBe(STEPS.length);
    expect(gd.status.updatedReadyReplicas).toBe(4);
    expect(gd.status.pauseConditions).toBeUndefined();
    const revs = h.store.list(T.controllerRevision, { namespace: 'game' }).items;
    expect(revs.find((r) => r.metadata.name === v1)!.revision).toBe(3);
  });

  it('editing the steps mid-rollout restarts the canary at step 0', () => {
    const h = harness();
    h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps: STEPS } }));
    h.advance(10_000);
    setImage(h, 'gd', 'gw', 'reg/gw:v2');
    h.advance(20_000);
    expect(h.gd('gw').status.currentStepIndex).toBe(1);
    const hash = h.gd('gw').status.currentStepHash;
    h.patchSpec('gd', 'gw', (s) => (s.updateStrategy.canary.steps = [{ partition: 2 }, { pause: {} }, { partition: 0 }]));
    h.advance(20_000);
    const gd = h.gd('gw');
    expect(gd.status.currentStepHash).not.toBe(hash);
    expect(gd.status.currentStepIndex).toBe(1);
    expect(gd.status.updatedReadyReplicas).toBe(2);
  });

  it('a step hook that comes back Inconclusive pauses; approve continues', () => {
    const h = harness();
    h.store.create(
      T.hookTemplate,
      hookTemplate('check-online', { successCondition: 'asInt(result) == 0', failureCondition: 'asInt(result) > 5' }),
    );
    const steps = [
      { partition: 2 },
      { hook: { templateName: 'check-online', args: [{ name: 'SimResult', value: '3' }] } },
      { partition: 0 },
    ];
    h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps } }));
    h.advance(10_000);
    setImage(h, 'gd', 'gw', 'reg/gw:v2');
    h.advance(20_000);
    let gd = h.gd('gw');
    const rev = gd.status.updateRevision;
    const runName = `canary-${rev}-1-check-online`;
    expect(gd.status.currentStepIndex).toBe(1);
    expect(gd.status.canary.currentStepHookRun).toBe(runName);
    expect(gd.status.pauseConditions[0].reason).toBe('PausedByStepBasedHook');
    expect(gd.spec.updateStrategy.paused).toBe(true);
    const hr = h.store.get(T.hookRun, 'game', runName)!;
    expect(hr.status.phase).toBe('Inconclusive');
    expect(hr.metadata.labels).toMatchObject({ 'workload-revision': rev, 'hookrun-type': 'canary-step', 'canary-step-index': '1' });
    expect(hr.metadata.ownerReferences![0]).toMatchObject({ kind: 'GameDeployment', name: 'gw', controller: true });
    expect(hr.spec.args).toContainEqual({ name: 'HostIP', value: expect.any(String) });
    expect(hr.status.metricResults[0]).toMatchObject({ name: 'check', phase: 'Inconclusive', count: 1, inconclusive: 1 });
    expect(hr.status.metricResults[0].measurements[0].value).toBe('3');
    h.patchSpec('gd', 'gw', (s) => (s.updateStrategy.paused = false));
    h.advance(20_000);
    gd = h.gd('gw');
    expect(gd.status.currentStepIndex).toBe(3);
    expect(gd.status.updatedReadyReplicas).toBe(4);
    expect(gd.status.canary.revision).toBe(rev);
  });

  it('a successful step hook completes its step by itself', () => {
    const h = harness();
    h.store.create(T.hookTemplate, hookTemplate('check-online', { successCondition: 'asInt(result) == 0', interval: '5s', count: 2 }));
    const steps = [{ partition: 2 }, { hook: { templateName: 'check-online' } }, { partition: 0 }];
    h.store.create(T.gameDeployment, gameDeployment('gw', 4, 'reg/gw:v1', { type: 'RollingUpdate', canary: { steps } }));
    h.advance(10_000);
    setImage(h, 'gd', 'gw', 'reg/gw:v2');
    h.advance(40_000);
    const gd = h.gd('gw');
    expect(gd.status.currentStepIndex).toBe(3);
    const runs = h.hookRuns().filter((r) => r.metadata.labels?.['hookrun-type'] === 'canary-step');
    expect(runs).toHaveLength(1);
    expect(runs[0].status.phase).toBe('Successful');
    expect(runs[0].status.metricResults[0].count).toBe(2);
  });
});

describe('GameStatefulSet partition is an ordinal, highest first', () => {
  it('updates ordinals >= partition from the top', () => {
    const h = harness();
    h.store.create(
      T.gameStatefulSet,
      gameStatefulSet('game-1', 4, 'reg/game:v1', { type: 'RollingUpdate', rollingUpdate: { partition: 2, maxUnavailable: 1 } }),
    );
    h.advance(10_000);
    setImage(h, 'gsts', 'game-1', 'reg/game:v2');
    h.advance(30_000);
    const s = h.gsts('game-1');
    const byName = Object.fromEntries(h.pods('game-1').map((p) => [p.metadata.name, p.spec.containers[0].image]));
    expect(byName).toEqual({ 'game-1-0': 'reg/game:v1', 'game-1-1': 'reg/game:v1', 'game-1-2': 'reg/game:v2', 'game-1-3': 'reg/game:v2' });
    expect(s.status.updatedReplicas).toBe(2);
    expect(s.status.currentReplicas).toBe(2);
    expect(s.status.currentRevision).not.toBe(s.status.updateRevision);
  });
});
