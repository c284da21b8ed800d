import { describe, expect, it } from 'vitest';
import { readGameStatefulSet } from '../../../source/kinds/gamestatefulset.js';
import { readGameDeployment } from '../../../source/kinds/gamedeployment.js';
import type { WorkloadInfo } from '../../../source/model/types.js';
import type { ActionName } from '../../../source/model/action-types.js';
import { gstsHookFailed, gstsInPlace, T0 } from './fixtures-bkbcs.js';

const act = (w: WorkloadInfo, a: ActionName) => w.rollout.actions.find((x) => x.action === a)!;
const ctx = { now: T0, utc: true };

describe('readGameStatefulSet', () => {
  it('in-place update in progress: partition read from rollingUpdate.partition (ordinal)', () => {
    const w = readGameStatefulSet('prod-gz', gstsInPlace(), ctx);
    expect(w.invalid).toBeUndefined();
    expect(w.kind).toBe('GameStatefulSet');
    const r = w.rollout;
    expect(r.strategy).toBe('InplaceUpdate');
    expect(r.partition).toBe(2);
    expect(r.steps).toEqual([]);
    expect(r.stepIndex).toBeUndefined();
    expect(r.available).toBeUndefined();
    expect(r.phase).toBe('progressing');
    expect(r.message).toBe('updating 1/5, pre-inplace hook Running on game-1-3');
    expect(r.hookConditions).toEqual([{ type: 'pre-inplace', podName: 'game-1-3', phase: 'Running', startTime: '2020-11-10T08:40:00Z' }]);
    expect(act(w, 'hold')).toMatchObject({ possible: true, reason: 'sets partition to 5: no further pods are updated' });
    expect(act(w, 'retry-hooks').possible).toBe(false);
    expect(act(w, 'reject')).toMatchObject({ possible: true, reason: 'restores revision game-1-6b8f7d9c5' });
  });

  it('the GameDeployment path is ignored for a GameStatefulSet and vice versa', () => {
    const o = gstsInPlace();
    o.spec.updateStrategy.partition = 4; // a GameDeployment field: not read for GameStatefulSet
    expect(readGameStatefulSet('c', o, ctx).rollout.partition).toBe(2);
    const asGd = { ...o, kind: 'GameDeployment' };
    expect(readGameDeployment('c', asGd, ctx).rollout.partition).toBe(4);
  });

  it('failed pre-inplace hook: failed with the pod named, retry-hooks possible', () => {
    const w = readGameStatefulSet('c', gstsHookFailed(), ctx);
    expect(w.rollout.phase).toBe('failed');
    expect(w.rollout.message).toBe('failed: pre-inplace hook Failed on game-1-2');
    expect(act(w, 'retry-hooks')).toEqual({ action: 'retry-hooks', possible: true, reason: 're-runs 1 failed pre-inplace hook' });
  });

  it('several failed pod hooks are counted', () => {
    const o = gstsHookFailed();
    o.status.preDeleteHookCondition = [{ podName: 'game-1-4', phase: 'Error', startTime: '2020-11-10T08:46:00Z' }];
    const w = readGameStatefulSet('c', o, ctx);
    expect(w.rollout.message).toBe('failed: pre-delete hook Error on game-1-4 (+1 more)');
    expect(act(w, 'retry-hooks').reason).toBe('re-runs 2 failed pre-delete, pre-inplace hooks');
  });

  it('canary steps on a GameStatefulSet: no hold by partition while a step runs (bk-bcs takes the step partition)', () => {
    const o = gstsInPlace();
    o.spec.updateStrategy.canary = { steps: [{ partition: 4 }, { pause: {} }] };
    o.status.currentStepIndex = 0;
    const w = readGameStatefulSet('c', o, ctx);
    expect(w.rollout.partition).toBe(4);
    expect(w.rollout.stepIndex).toBe(0);
    expect(act(w, 'hold')).toMatchObject({ possible: false, reason: expect.stringContaining('bk-bcs ignores rollingUpdate.partition') });
  });

  it('held at a waiting step: approve, skip-hook and hot update are refused until release, which lifts only the hold', () => {
    const o = gstsInPlace();
    o.spec.updateStrategy.canary = { steps: [{ partition: 4 }, { pause: {} }] };
    o.status.currentStepIndex = 1;
    o.status.pauseConditions = [{ reason: 'PausedByCanaryPauseStep', startTime: '2026-12-02T10:00:00Z' }];
    o.metadata.annotations = { 'zonectl.io/hold': '{"previous":null,"at":"2026-12-02T10:01:00Z","by":"alice","on":"step"}' };
    const w = readGameStatefulSet('c', o, ctx);
    expect(act(w, 'approve')).toEqual({ action: 'approve', possible: false, reason: 'held by alice: release it first' });
    expect(act(w, 'hotupdate')).toMatchObject({ possible: false, reason: 'held by alice: release it first' });
    expect(act(w, 'reject').possible).toBe(true);
    expect(act(w, 'release')).toEqual({ action: 'release', possible: true, reason: 'lifts the hold: the step can be approved again' });
  });

  it('HotPatchUpdate and OnDelete hot-update notes', () => {
    const o = gstsInPlace();
    o.spec.updateStrategy.type = 'HotPatchUpdate';
    expect(act(readGameStatefulSet('c', o, ctx), 'hotupdate').reason).toContain('without a restart');
    o.spec.updateStrategy.type = 'OnDelete';
    expect(act(readGameStatefulSet('c', o, ctx), 'hotupdate').reason).toMatch(/^warning: OnDelete/);
  });

  it.each([
    [
      'rollingUpdate.partition is a bool',
      (o: any) => (o.spec.updateStrategy.rollingUpdate.partition = true),
      'spec.updateStrategy.rollingUpdate.partition',
    ],
    [
      'hook condition without podName',
      (o: any) => (o.status.preInplaceHookCondition = [{ phase: 'Failed' }]),
      'status.preInplaceHookCondition[0]',
    ],
    [
      'step hook without templateName',
      (o: any) => (o.spec.updateStrategy.canary = { steps: [{ hook: {} }] }),
      'hook.templateName: missing',
    ],
    ['labels with a number value', (o: any) => (o.metadata.labels = { a: 1 }), 'metadata.labels.a'],
    ['bad creationTimestamp', (o: any) => (o.metadata.creationTimestamp = 'yesterday'), 'metadata.creationTimestamp: not a timestamp'],
  ])('malformed (%s) -> invalid', (_n, mutate, reason) => {
    const o = gstsInPlace();
    mutate(o);
    const w = readGameStatefulSet('c', o, ctx);
    expect(w.invalid).toContain(reason);
    expect(w.rollout.phase).toBe('invalid');
    expect(w.name).toBe('game-1');
  });
});
