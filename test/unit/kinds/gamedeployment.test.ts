import { describe, expect, it } from 'vitest';
import { readGameDeployment } from '../../../source/kinds/gamedeployment.js';
import { readHookRun } from '../../../source/kinds/hookrun.js';
import { HOLD_ANNOTATION } from '../../../source/kinds/shared/hold.js';
import type { WorkloadInfo } from '../../../source/model/types.js';
import type { ActionName } from '../../../source/model/action-types.js';
import { gdComplete, gdHookInconclusive, gdHookRunning, gdPausedAtPauseStep, gdTimedPause, stepHookRun, T0 } from './fixtures-bkbcs.js';

const act = (w: WorkloadInfo, a: ActionName) => w.rollout.actions.find((x) => x.action === a)!;
const ctx = { now: T0 + 60_000, utc: true };

describe('readGameDeployment', () => {
  it('reads the crds.md §1.5 paused example: step 2/3 pause, awaiting approval', () => {
    const w = readGameDeployment('prod-sh', gdPausedAtPauseStep(), ctx);
    expect(w.invalid).toBeUndefined();
    expect(w).toMatchObject({
      cluster: 'prod-sh',
      namespace: 'zone-101',
      name: 'test-gd',
      kind: 'GameDeployment',
      zone: '101',
      service: 'test-gd',
    });
    expect(w.containers.map((c) => c.image)).toEqual([
      'registry.example.com/project1/service:0.2.0',
      'registry.example.com/infra/agent:1.4',
    ]);
    const r = w.rollout;
    expect(r.strategy).toBe('InplaceUpdate');
    expect(r.steps.map((s) => [s.kind, s.summary])).toEqual([
      ['partition', 'partition 3'],
      ['pause', 'pause (manual)'],
      ['partition', 'partition 2'],
    ]);
    expect(r.stepIndex).toBe(1);
    expect(r.partition).toBe(3); // nearest earlier step with a partition
    expect(r.currentRevision).toBe('test-gd-67864c6f65');
    expect(r.updateRevision).toBe('test-gd-9d78dd5db');
    expect(r.stableRevision).toBe('test-gd-67864c6f65');
    expect([r.replicas, r.updated, r.updatedReady, r.ready, r.available]).toEqual([4, 1, 1, 4, 4]);
    expect(r.phase).toBe('paused');
    expect(r.paused).toBe(true);
    expect(r.pauseReason).toBe('PausedByCanaryPauseStep');
    expect(r.pausedSince).toBe('2020-11-10T08:41:36Z');
    expect(r.pauseEndsAt).toBeUndefined();
    expect(r.message).toBe('paused: awaiting approval');
    expect(act(w, 'approve')).toEqual({ action: 'approve', possible: true, reason: 'continues to step 3/3' });
    expect(act(w, 'reject').possible).toBe(true);
    expect(act(w, 'reject').reason).toContain('test-gd-67864c6f65');
    expect(act(w, 'skip-hook').possible).toBe(false);
    expect(act(w, 'retry-hooks').possible).toBe(false);
    expect(act(w, 'hotupdate')).toMatchObject({ possible: true, reason: expect.stringContaining('in place') });
    // Waiting at a manual pause step: the only hold bk-bcs honours (its steps set the partition).
    expect(act(w, 'hold')).toMatchObject({ possible: true, reason: expect.stringContaining('waits at this step') });
    expect(act(w, 'release')).toMatchObject({ possible: false, reason: 'not held by zonectl' });
  });

  it('timed pause: approve impossible, says when the pause ends', () => {
    const w = readGameDeployment('c', gdTimedPause(), ctx);
    expect(w.rollout.steps[1]).toMatchObject({ kind: 'pause', pauseSeconds: 600, summary: 'pause 10m' });
    expect(w.rollout.pauseEndsAt).toBe('2020-11-10T08:51:36.000Z');
    expect(w.rollout.message).toBe('paused: timed pause, ends at 08:51:36');
    expect(act(w, 'approve')).toEqual({ action: 'approve', possible: false, reason: 'timed pause: pause ends at 08:51:36' });
  });

  it('paused by an Inconclusive step hook: joins the HookRun, approve skips the hook', () => {
    const run = readHookRun('c', stepHookRun('Inconclusive'));
    const w = readGameDeployment('c', gdHookInconclusive(), { ...ctx, hookRuns: [run] });
    const r = w.rollout;
    expect(r.steps[1]).toMatchObject({ kind: 'hook', hookTemplate: 'check-online', summary: 'hook check-online' });
    expect(r.pauseReason).toBe('PausedByStepBasedHook');
    expect(r.hookRunName).toBe('canary-test-gd-9d78dd5db-1-check-online');
    expect(r.hookPhase).toBe('Inconclusive');
    expect(r.hookMetrics?.[0]).toMatchObject({ name: 'online', phase: 'Inconclusive', lastValue: '0' });
    expect(r.message).toBe('paused: hook check-online Inconclusive');
    expect(act(w, 'approve')).toMatchObject({ possible: true, reason: expect.stringContaining('without it succeeding') });
    expect(act(w, 'skip-hook')).toMatchObject({ possible: false, reason: expect.stringContaining('use approve') });
  });

  it('hook run not in ctx: phase Unknown, message still names the hook', () => {
    const w = readGameDeployment('c', gdHookInconclusive(), ctx);
    expect(w.rollout.hookPhase).toBe('Unknown');
    expect(w.rollout.message).toBe('paused: hook check-online did not succeed');
  });

  it('running step hook: progressing, skip-hook possible, approve not', () => {
    const run = readHookRun('c', stepHookRun('Running'));
    const w = readGameDeployment('c', gdHookRunning(), { ...ctx, hookRuns: [run] });
    expect(w.rollout.phase).toBe('progressing');
    expect(w.rollout.message).toBe('updating 1/4, hook check-online Running');
    expect(act(w, 'skip-hook')).toMatchObject({
      possible: true,
      reason: expect.stringContaining('terminates hook run canary-test-gd-9d78dd5db-1-check-online'),
    });
    expect(act(w, 'approve')).toMatchObject({ possible: false, reason: 'not paused at a canary step' });
  });

  it('finds the step hook run by labels when status has not named it yet', () => {
    const o = gdHookRunning();
    delete o.status.canary.currentStepHookRun;
    const run = readHookRun('c', stepHookRun('Running'));
    const other = { ...run, name: 'canary-other-1-check-online', owner: { kind: 'GameDeployment', name: 'other' } };
    const w = readGameDeployment('c', o, { ...ctx, hookRuns: [other, run] });
    expect(w.rollout.hookRunName).toBe(run.name);
    expect(w.rollout.hookPhase).toBe('Running');
  });

  it('complete RollingUpdate workload: nothing to approve or reject; hot update warns; hold possible', () => {
    const w = readGameDeployment('c', gdComplete(), ctx);
    expect(w.rollout).toMatchObject({ phase: 'complete', message: 'up to date', paused: false, partition: 0, steps: [] });
    expect(w.rollout.stepIndex).toBeUndefined();
    expect(act(w, 'approve')).toMatchObject({ possible: false, reason: 'no canary steps: nothing to approve' });
    expect(act(w, 'reject')).toMatchObject({ possible: false, reason: expect.stringContaining('nothing to roll back') });
    expect(act(w, 'hotupdate')).toMatchObject({ possible: true, reason: expect.stringMatching(/^warning: RollingUpdate recreates pods/) });
    expect(act(w, 'hold')).toMatchObject({ possible: true, reason: 'sets partition to 3: no further pods are updated' });
  });

  it('plain partition (pods kept old) at its target: paused by partition', () => {
    const o = gdComplete();
    o.spec.updateStrategy.partition = 2;
    o.status.updateRevision = 'gateway-1-new';
    o.status.updatedReplicas = 1;
    o.status.updatedReadyReplicas = 1;
    const w = readGameDeployment('c', o, ctx);
    expect(w.rollout.partition).toBe(2);
    expect(w.rollout.phase).toBe('paused');
    expect(w.rollout.pauseReason).toBe('Partition');
    expect(w.rollout.message).toBe('paused: partition 2 keeps 2/3 on the old revision');
    expect(act(w, 'approve').possible).toBe(false);
    expect(act(w, 'reject')).toMatchObject({ possible: true, reason: 'restores revision gateway-1-5f6d7c8b9' });
  });

  it('percentage partition rounds up like the controller', () => {
    const o = gdComplete();
    o.spec.replicas = 10;
    o.spec.updateStrategy.partition = '25%';
    expect(readGameDeployment('c', o, ctx).rollout.partition).toBe(3);
  });

  it('held by zonectl: paused, release possible, hold not', () => {
    const o = gdComplete();
    o.metadata.annotations = { [HOLD_ANNOTATION]: JSON.stringify({ previous: null, at: '2020-11-10T08:00:00Z', by: 'ops' }) };
    o.spec.updateStrategy.partition = 3;
    o.status.updateRevision = 'gateway-1-new';
    o.status.updatedReplicas = 0;
    o.status.updatedReadyReplicas = 0;
    const w = readGameDeployment('c', o, ctx);
    expect(w.rollout).toMatchObject({
      phase: 'paused',
      pauseReason: 'Held',
      pausedSince: '2020-11-10T08:00:00Z',
      message: 'paused: held by zonectl (0/3 updated)',
    });
    expect(w.rollout.hold).toEqual({ previous: null, at: '2020-11-10T08:00:00Z', by: 'ops' });
    expect(act(w, 'hold')).toMatchObject({ possible: false, reason: 'already held by zonectl' });
    expect(act(w, 'release')).toMatchObject({ possible: true, reason: 'removes the partition' });
  });

  it('FailedUpdate condition -> failed', () => {
    const o = gdComplete();
    o.status.updateRevision = 'gateway-1-new';
    o.status.updatedReplicas = 1;
    o.status.conditions = [{ type: 'FailedUpdate', status: 'True', message: 'pod gateway-1-abc: FailedUpdatePodInPlace' }];
    const w = readGameDeployment('c', o, ctx);
    expect(w.rollout.phase).toBe('failed');
    expect(w.rollout.message).toBe('failed: FailedUpdate: pod gateway-1-abc: FailedUpdatePodInPlace');
  });

  it('generation not yet observed: progressing, waiting for controller', () => {
    const o = gdComplete();
    o.metadata.generation = 4;
    const w = readGameDeployment('c', o, ctx);
    expect(w.rollout.phase).toBe('progressing');
    expect(w.rollout.message).toBe('waiting for controller (generation 4, observed 3)');
  });

  it('all canary steps done: stepIndex = steps.length, partition 0', () => {
    const o = gdPausedAtPauseStep();
    o.status.currentStepIndex = 3;
    o.status.pauseConditions = [];
    o.status.updatedReplicas = 4;
    o.status.updatedReadyReplicas = 4;
    o.status.currentRevision = o.status.updateRevision;
    o.status.canary.revision = o.status.updateRevision;
    o.spec.updateStrategy.paused = false;
    const w = readGameDeployment('c', o, ctx);
    expect(w.rollout).toMatchObject({ stepIndex: 3, partition: 0, phase: 'complete' });
  });

  it.each([
    ['no metadata', { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment' }, 'metadata: missing'],
    [
      'replicas is a string',
      { ...gdComplete(), spec: { ...gdComplete().spec, replicas: 'three' } },
      'spec.replicas: expected a number, got string',
    ],
    [
      'steps not a list',
      { ...gdComplete(), spec: { ...gdComplete().spec, updateStrategy: { canary: { steps: { partition: 1 } } } } },
      'spec.updateStrategy.canary.steps: expected a list, got object',
    ],
    [
      'partition is an object',
      { ...gdComplete(), spec: { ...gdComplete().spec, updateStrategy: { partition: { x: 1 } } } },
      'spec.updateStrategy.partition: expected an integer or percentage',
    ],
    [
      'pauseConditions item without reason',
      { ...gdComplete(), status: { pauseConditions: [{ startTime: 'x' }] } },
      'status.pauseConditions[0]',
    ],
    ['status is a string', { ...gdComplete(), status: 'broken' }, 'expected an object'],
    [
      'containers not a list',
      { ...gdComplete(), spec: { replicas: 1, template: { spec: { containers: 'main' } } } },
      'spec.template.spec.containers: expected a list',
    ],
  ])('malformed (%s): invalid row, never throws', (_n, obj, reason) => {
    const w = readGameDeployment('c', obj as never, ctx);
    expect(w.invalid).toContain(reason);
    expect(w.rollout.phase).toBe('invalid');
    expect(w.rollout.actions).toHaveLength(7);
    expect(w.rollout.actions.every((a) => !a.possible)).toBe(true);
  });

  it('survives null and non-object input', () => {
    expect(readGameDeployment('c', null as never).invalid).toBe('metadata: missing');
    expect(readGameDeployment('c', 42 as never).rollout.phase).toBe('invalid');
  });
});
