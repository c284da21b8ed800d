import { describe, expect, it } from 'vitest';
import { readArgoRollout } from '../../../source/kinds/argo-rollout.js';
import { readKruiseRollout } from '../../../source/kinds/kruise-rollout.js';
import { HOLD_ANNOTATION } from '../../../source/kinds/shared/hold.js';
import type { WorkloadInfo } from '../../../source/model/types.js';
import type { ActionName } from '../../../source/model/action-types.js';
import { argo, kruise } from './fixtures-rollouts.js';

const act = (w: WorkloadInfo, a: ActionName) => w.rollout.actions.find((x) => x.action === a)!;
const NOW = Date.parse('2024-05-01T10:05:00Z');
const ctx = { now: NOW, utc: true };

describe('readArgoRollout', () => {
  it('paused at a manual pause step', () => {
    const w = readArgoRollout('prod', argo(), ctx);
    expect(w.invalid).toBeUndefined();
    expect(w.kind).toBe('Rollout');
    const r = w.rollout;
    expect(r.strategy).toBe('Canary');
    expect(r.steps.map((s) => [s.kind, s.summary])).toEqual([
      ['partition', 'weight 20%'],
      ['pause', 'pause (manual)'],
      ['hook', 'analysis success-rate'],
      ['partition', 'weight 60%'],
      ['pause', 'pause 10m'],
    ]);
    expect(r).toMatchObject({
      stepIndex: 1,
      phase: 'paused',
      pauseReason: 'CanaryPauseStep',
      pausedSince: '2024-05-01T10:00:00Z',
      message: 'paused: awaiting approval',
    });
    expect(r).toMatchObject({
      currentRevision: '5c9f7d6b8',
      stableRevision: '5c9f7d6b8',
      updateRevision: '6d4f8c7b9',
      replicas: 10,
      updated: 2,
    });
    expect(w.observedGeneration).toBe(4); // Argo writes it as a string
    expect(act(w, 'approve')).toMatchObject({ possible: true, reason: 'promotes to step 3/5' });
    expect(act(w, 'reject')).toMatchObject({ possible: true });
    expect(act(w, 'retry-hooks').possible).toBe(false);
    expect(act(w, 'hold')).toMatchObject({ possible: true, reason: 'pauses the rollout (spec.paused=true)' });
  });

  it('timed pause: promote can end it early; pauseEndsAt computed from the Go duration', () => {
    const o = argo();
    o.status.currentStepIndex = 4;
    o.status.pauseConditions = [{ reason: 'CanaryPauseStep', startTime: '2024-05-01T10:00:00Z' }];
    const w = readArgoRollout('c', o, ctx);
    expect(w.rollout.pauseEndsAt).toBe('2024-05-01T10:10:00.000Z');
    expect(w.rollout.message).toBe('paused: timed pause, ends at 10:10:00');
    expect(act(w, 'approve').reason).toContain('ending the timed pause early');
  });

  it('paused by an inconclusive analysis', () => {
    const o = argo();
    o.status.currentStepIndex = 2;
    o.status.pauseConditions = [{ reason: 'InconclusiveAnalysisRun', startTime: '2024-05-01T10:02:00Z' }];
    o.status.canary = { currentStepAnalysisRunStatus: { name: 'lobby-6d4f8c7b9-2-2', status: 'Inconclusive' } };
    const w = readArgoRollout('c', o, ctx);
    expect(w.rollout.message).toBe('paused: analysis lobby-6d4f8c7b9-2-2 Inconclusive');
    expect(w.rollout.hookPhase).toBe('Inconclusive');
    expect(act(w, 'skip-hook').possible).toBe(false);
  });

  it('running analysis: skip-hook terminates it', () => {
    const o = argo();
    o.status.currentStepIndex = 2;
    o.status.pauseConditions = [];
    o.status.phase = 'Progressing';
    o.status.canary = { currentStepAnalysisRunStatus: { name: 'lobby-6d4f8c7b9-2-2', status: 'Running' } };
    const w = readArgoRollout('c', o, ctx);
    expect(w.rollout.phase).toBe('progressing');
    expect(w.rollout.message).toBe('updating 2/10, analysis lobby-6d4f8c7b9-2-2 Running');
    expect(act(w, 'skip-hook')).toMatchObject({ possible: true, reason: 'terminates AnalysisRun lobby-6d4f8c7b9-2-2' });
    expect(act(w, 'approve')).toMatchObject({ possible: false, reason: 'not paused' });
  });

  it('aborted: failed; reject impossible, retry possible', () => {
    const o = argo();
    o.status.abort = true;
    o.status.abortedAt = '2024-05-01T10:03:00Z';
    o.status.phase = 'Degraded';
    o.status.message = 'RolloutAborted: Rollout aborted update to revision 3';
    o.status.pauseConditions = [];
    const w = readArgoRollout('c', o, ctx);
    expect(w.rollout.phase).toBe('failed');
    expect(w.rollout.message).toBe('failed: aborted: RolloutAborted: Rollout aborted update to revision 3');
    expect(act(w, 'reject')).toMatchObject({ possible: false, reason: 'already aborted' });
    expect(act(w, 'retry-hooks')).toMatchObject({ possible: true });
    expect(act(w, 'approve').possible).toBe(false);
  });

  it('degraded without abort: failed', () => {
    const o = argo();
    o.status.pauseConditions = [];
    o.status.phase = 'Degraded';
    o.status.message = 'ProgressDeadlineExceeded: ReplicaSet "lobby-6d4f8c7b9" has timed out progressing.';
    expect(readArgoRollout('c', o, ctx).rollout.message).toMatch(/^failed: degraded: ProgressDeadlineExceeded/);
  });

  it('healthy with workloadRef: complete; hot update targets the Deployment', () => {
    const o = argo();
    delete o.spec.template;
    o.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'lobby' };
    o.status = {
      phase: 'Healthy',
      replicas: 10,
      updatedReplicas: 10,
      readyReplicas: 10,
      availableReplicas: 10,
      currentStepIndex: 5,
      stableRS: 'abc',
      currentPodHash: 'abc',
    };
    const w = readArgoRollout('c', o, ctx);
    expect(w.containers).toEqual([]);
    expect(w.workloadRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'lobby' });
    expect(w.rollout).toMatchObject({ phase: 'complete', stepIndex: 5, message: 'up to date' });
    expect(act(w, 'reject').possible).toBe(false);
    expect(act(w, 'hotupdate').reason).toContain('Deployment lobby');
  });

  it('held by zonectl: release possible, approve refers to release', () => {
    const o = argo();
    o.metadata.annotations = { [HOLD_ANNOTATION]: JSON.stringify({ previous: false }) };
    o.spec.paused = true;
    o.status.pauseConditions = [];
    const w = readArgoRollout('c', o, ctx);
    expect(w.rollout).toMatchObject({ phase: 'paused', pauseReason: 'Held', message: 'paused: held by zonectl' });
    expect(act(w, 'release').possible).toBe(true);
    expect(act(w, 'approve')).toMatchObject({ possible: false, reason: 'held by zonectl: use release' });
  });

  it.each([
    [
      'pause duration garbage',
      (o: any) => (o.spec.strategy.canary.steps = [{ pause: { duration: 'soon' } }]),
      'pause.duration: not a duration',
    ],
    ['workloadRef without name', (o: any) => (o.spec.workloadRef = { kind: 'Deployment' }), 'spec.workloadRef'],
    ['abort as string', (o: any) => (o.status.abort = 'true'), 'status.abort: expected a boolean'],
    ['steps not a list', (o: any) => (o.spec.strategy.canary.steps = 5), 'spec.strategy.canary.steps'],
  ])('malformed (%s) -> invalid', (_n, mutate, reason) => {
    const o = argo();
    mutate(o);
    const w = readArgoRollout('c', o, ctx);
    expect(w.invalid).toContain(reason);
    expect(w.rollout.phase).toBe('invalid');
  });
});

describe('readKruiseRollout', () => {
  it('StepPaused at step 1/3 (1-based on the wire, 0-based in the model)', () => {
    const w = readKruiseRollout('prod', kruise(), ctx);
    expect(w.invalid).toBeUndefined();
    expect(w.kind).toBe('KruiseRollout');
    expect(w.workloadRef).toEqual({ apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', name: 'gateway' });
    const r = w.rollout;
    expect(r.steps.map((s) => [s.kind, s.summary])).toEqual([
      ['pause', 'replicas 1, pause (manual)'],
      ['pause', 'replicas 50%, pause 5m'],
      ['partition', 'replicas 100%, no pause'],
    ]);
    expect(r).toMatchObject({
      stepIndex: 0,
      phase: 'paused',
      pauseReason: 'StepPaused',
      pausedSince: '2024-05-01T10:00:00Z',
      message: 'paused: awaiting approval',
    });
    expect(r).toMatchObject({ updateRevision: '7f9c6d', stableRevision: '5b8d4c', updated: 1, updatedReady: 1 });
    expect(r.controllerMessage).toContain('BatchRelease');
    expect(act(w, 'approve')).toMatchObject({ possible: true, reason: 'continues to step 2/3' });
    expect(act(w, 'reject')).toMatchObject({ possible: true, reason: 'rolls CloneSet gateway back to 5b8d4c' });
    expect(act(w, 'skip-hook').possible).toBe(false);
    expect(act(w, 'hotupdate')).toMatchObject({ possible: true, reason: "via CloneSet gateway: the rollout's steps apply" });
  });

  it('timed StepPaused: ends lastUpdateTime + duration', () => {
    const o = kruise();
    o.status.canaryStatus.currentStepIndex = 2;
    const w = readKruiseRollout('c', o, ctx);
    expect(w.rollout.pauseEndsAt).toBe('2024-05-01T10:05:00.000Z');
    expect(w.rollout.message).toBe('paused: timed pause over, continuing');
  });

  it('upgrading a step: progressing, approve impossible', () => {
    const o = kruise();
    o.status.canaryStatus.currentStepState = 'StepUpgrade';
    o.status.canaryStatus.currentStepIndex = 2;
    o.status.canaryStatus.canaryReadyReplicas = 0;
    const w = readKruiseRollout('c', o, ctx);
    expect(w.rollout).toMatchObject({ phase: 'progressing', stepIndex: 1, message: 'step 2/3 StepUpgrade, 0/1 canary ready' });
    expect(act(w, 'approve')).toMatchObject({ possible: false, reason: 'not paused at a step (state StepUpgrade)' });
  });

  it('completed / healthy', () => {
    const o = kruise();
    o.status = {
      phase: 'Healthy',
      canaryStatus: { currentStepIndex: 3, currentStepState: 'Completed', stableRevision: '7f9c6d', canaryRevision: '7f9c6d' },
    };
    const w = readKruiseRollout('c', o, ctx);
    expect(w.rollout).toMatchObject({ phase: 'complete', stepIndex: 3 });
    expect(act(w, 'reject').possible).toBe(false);
  });

  it('v1alpha1 objectRef.workloadRef and blue-green status are read', () => {
    const o = kruise();
    o.apiVersion = 'rollouts.kruise.io/v1alpha1';
    delete o.spec.workloadRef;
    o.spec.objectRef = { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'ck-player' } };
    expect(readKruiseRollout('c', o, ctx).workloadRef?.name).toBe('ck-player');
    const b = kruise();
    b.spec.strategy = {
      blueGreen: {
        steps: [
          { replicas: '100%', traffic: '0%' },
          { replicas: '100%', traffic: '100%' },
        ],
      },
    };
    b.status = {
      phase: 'Progressing',
      blueGreenStatus: {
        currentStepIndex: 1,
        currentStepState: 'StepPaused',
        updatedRevision: 'n1',
        stableRevision: 's1',
        updatedReplicas: 4,
        updatedReadyReplicas: 4,
      },
    };
    const w = readKruiseRollout('c', b, ctx);
    expect(w.rollout).toMatchObject({ strategy: 'BlueGreen', phase: 'paused', updated: 4, updateRevision: 'n1' });
    expect(w.rollout.steps[0].summary).toBe('replicas 100%, traffic 0%, pause (manual)');
  });

  it('spec.strategy.paused: paused manually; hold impossible', () => {
    const o = kruise();
    o.spec.strategy.paused = true;
    o.status.canaryStatus.currentStepState = 'StepUpgrade';
    const w = readKruiseRollout('c', o, ctx);
    expect(w.rollout).toMatchObject({ phase: 'paused', pauseReason: 'Manual' });
    expect(act(w, 'hold')).toMatchObject({ possible: false, reason: 'already paused' });
  });

  it.each([
    [
      'step replicas is an object',
      (o: any) => (o.spec.strategy.canary.steps = [{ replicas: {} }]),
      'replicas: expected an integer or percentage',
    ],
    ['canaryStatus is a list', (o: any) => (o.status.canaryStatus = []), 'status.canaryStatus: expected an object'],
    ['lastUpdateTime garbage', (o: any) => (o.status.canaryStatus.lastUpdateTime = 'now'), 'lastUpdateTime: not a timestamp'],
  ])('malformed (%s) -> invalid', (_n, mutate, reason) => {
    const o = kruise();
    mutate(o);
    const w = readKruiseRollout('c', o, ctx);
    expect(w.invalid).toContain(reason);
    expect(w.rollout.phase).toBe('invalid');
    expect(w.kind).toBe('KruiseRollout');
  });
});
