import { describe, expect, it } from 'vitest';
import { readDeployment } from '../../../source/kinds/deployment.js';
import { readStatefulSet } from '../../../source/kinds/statefulset.js';
import { HOLD_ANNOTATION } from '../../../source/kinds/shared/hold.js';
import type { WorkloadInfo } from '../../../source/model/types.js';
import type { ActionName } from '../../../source/model/action-types.js';
import { deploy, sts } from './fixtures-native.js';

const act = (w: WorkloadInfo, a: ActionName) => w.rollout.actions.find((x) => x.action === a)!;

describe('readDeployment', () => {
  it('rolling update in progress', () => {
    const w = readDeployment('c', deploy());
    expect(w.zone).toBe('101');
    expect(w.rollout).toMatchObject({
      strategy: 'RollingUpdate',
      replicas: 4,
      updated: 2,
      updatedReady: 2,
      ready: 4,
      available: 4,
      phase: 'progressing',
      message: 'updating 2/4',
      updateRevision: '5',
      steps: [],
    });
    expect(act(w, 'approve').possible).toBe(false);
    expect(act(w, 'hotupdate')).toMatchObject({ possible: true, reason: expect.stringMatching(/^warning: Deployment recreates pods/) });
    expect(act(w, 'hold')).toMatchObject({ possible: true, reason: 'pauses the Deployment (spec.paused=true)' });
  });

  it('old pods draining, then complete', () => {
    const o = deploy();
    o.status.updatedReplicas = 4;
    expect(readDeployment('c', o).rollout.message).toBe('removing 1 old pods');
    o.status.replicas = 4;
    expect(readDeployment('c', o).rollout).toMatchObject({ phase: 'complete', message: 'up to date' });
  });

  it('progress deadline exceeded -> failed', () => {
    const o = deploy();
    o.status.conditions = [
      {
        type: 'Progressing',
        status: 'False',
        reason: 'ProgressDeadlineExceeded',
        message: 'ReplicaSet "auth-2-5d" has timed out progressing.',
      },
    ];
    expect(readDeployment('c', o).rollout).toMatchObject({
      phase: 'failed',
      message: 'failed: ProgressDeadlineExceeded: ReplicaSet "auth-2-5d" has timed out progressing.',
    });
  });

  it('paused: manual vs held by zonectl', () => {
    const o = deploy();
    o.spec.paused = true;
    let w = readDeployment('c', o);
    expect(w.rollout).toMatchObject({ phase: 'paused', pauseReason: 'Manual', message: 'paused: spec.paused' });
    expect(act(w, 'hold').possible).toBe(false);
    expect(act(w, 'release').possible).toBe(false);
    o.metadata.annotations![HOLD_ANNOTATION] = JSON.stringify({ previous: false, at: '2024-01-01T00:00:00Z' });
    w = readDeployment('c', o);
    expect(w.rollout).toMatchObject({ pauseReason: 'Held', pausedSince: '2024-01-01T00:00:00Z' });
    expect(act(w, 'release')).toMatchObject({ possible: true });
  });

  it('malformed -> invalid', () => {
    const o = deploy();
    o.spec.paused = 'yes';
    expect(readDeployment('c', o).invalid).toBe('spec.paused: expected a boolean, got string');
    expect(readDeployment('c', { metadata: {} } as never).invalid).toBe('metadata.name: missing');
  });
});

describe('readStatefulSet', () => {
  it('partition (ordinal) reached: paused by partition', () => {
    const w = readStatefulSet('c', sts());
    expect(w.rollout).toMatchObject({
      partition: 1,
      updated: 2,
      updatedReady: 2,
      phase: 'paused',
      pauseReason: 'Partition',
      currentRevision: 'db-1-7d9',
      updateRevision: 'db-1-8e0',
    });
    expect(w.rollout.message).toBe('paused: partition 1 keeps ordinals below 1 on the old revision');
    expect(act(w, 'hold')).toMatchObject({ possible: true, reason: 'sets partition to 3: no further pods are updated' });
  });

  it('updating below the partition target: progressing', () => {
    const o = sts();
    o.status.updatedReplicas = 1;
    o.status.readyReplicas = 2;
    expect(readStatefulSet('c', o).rollout).toMatchObject({ phase: 'progressing', message: 'updating 1/3' });
  });

  it('OnDelete: progressing, hold not possible', () => {
    const o = sts();
    o.spec.updateStrategy = { type: 'OnDelete' };
    const w = readStatefulSet('c', o);
    expect(w.rollout.message).toBe('OnDelete: 2/3 updated, pods update when deleted');
    expect(act(w, 'hold')).toMatchObject({ possible: false, reason: 'OnDelete strategy ignores the partition' });
  });

  it('complete when revisions match', () => {
    const o = sts();
    o.status = {
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 3,
      updatedReplicas: 3,
      currentRevision: 'db-1-8e0',
      updateRevision: 'db-1-8e0',
    };
    o.spec.updateStrategy.rollingUpdate.partition = 0;
    expect(readStatefulSet('c', o).rollout.phase).toBe('complete');
  });

  it('held by zonectl with the previous partition recorded', () => {
    const o = sts();
    o.metadata.annotations = { [HOLD_ANNOTATION]: JSON.stringify({ previous: 1 }) };
    o.spec.updateStrategy.rollingUpdate.partition = 3;
    const w = readStatefulSet('c', o);
    expect(w.rollout).toMatchObject({ phase: 'paused', pauseReason: 'Held' });
    expect(act(w, 'release')).toMatchObject({ possible: true, reason: 'restores partition 1' });
  });

  it('malformed -> invalid', () => {
    const o = sts();
    o.status.updatedReplicas = '2';
    expect(readStatefulSet('c', o).invalid).toBe('status.updatedReplicas: expected a number, got string');
  });
});
