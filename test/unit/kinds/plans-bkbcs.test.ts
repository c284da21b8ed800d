import { describe, expect, it } from 'vitest';
import { planAction } from '../../../source/kinds/plans.js';
import { readHookRun } from '../../../source/kinds/hookrun.js';
import { HOLD_ANNOTATION, parseHold } from '../../../source/kinds/shared/hold.js';
import { planOf, reasonOf } from './plan-view.js';
import type { KubeObject } from '../../../source/kube/object.js';
import {
  gdComplete,
  gdHookInconclusive,
  gdHookRunning,
  gdPausedAtPauseStep,
  gdTimedPause,
  gstsHookFailed,
  gstsInPlace,
  stepHookRun,
  T0,
} from './fixtures-bkbcs.js';

const NOW = T0 + 60_000;

const GD = { group: 'tkex.tencent.com', version: 'v1alpha1', resource: 'gamedeployments', kind: 'GameDeployment', namespace: 'zone-101' };
const GSTS = { ...GD, resource: 'gamestatefulsets', kind: 'GameStatefulSet' };

function controllerRevision(name: string, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name,
      namespace: 'zone-101',
      ownerReferences: [{ apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment', name: 'test-gd', uid: 'u', controller: true }],
    },
    revision: 3,
    data: {
      spec: {
        template: {
          $patch: 'replace',
          metadata: { labels: { app: 'test-gd' } },
          spec: {
            containers: [
              { name: 'main', image },
              { name: 'sidecar', image: 'registry.example.com/infra/agent:1.4' },
            ],
          },
        },
      },
    },
  };
}

describe('bk-bcs plans', () => {
  it('approve: merge patch spec.updateStrategy.paused=false on the main resource, rv in the body', () => {
    const p = planOf(planAction({ action: 'approve' }, { cluster: 'prod', obj: gdPausedAtPauseStep(), now: NOW }));
    expect(p.target).toEqual({ ...GD, name: 'test-gd' });
    expect(p.subresource).toBeUndefined();
    expect(p.patchType).toBe('merge');
    expect(p.body).toEqual({ metadata: { resourceVersion: '1234' }, spec: { updateStrategy: { paused: false } } });
    expect(p.preconditions).toEqual({ resourceVersion: '1234', stepIndex: 1, revision: 'test-gd-9d78dd5db' });
    expect(p.summary).toEqual([
      'approve GameDeployment zone-101/test-gd on prod',
      'at step 2/3 (pause (manual)), 1/4 updated (25%), revision test-gd-9d78dd5db',
      'continues to step 3/3',
    ]);
  });

  it('approve is refused for a timed pause and when not paused', () => {
    expect(reasonOf(planAction({ action: 'approve' }, { cluster: 'c', obj: gdTimedPause(), now: NOW, utc: true }))).toBe(
      'cannot approve GameDeployment zone-101/test-gd on c: timed pause: pause ends at 08:51:36',
    );
    expect(reasonOf(planAction({ action: 'approve' }, { cluster: 'c', obj: gdComplete() }))).toContain('no canary steps');
  });

  it('approve after an Inconclusive hook is the same patch, with the skip noted', () => {
    const run = readHookRun('c', stepHookRun('Inconclusive'));
    const p = planOf(planAction({ action: 'approve' }, { cluster: 'c', obj: gdHookInconclusive(), hookRuns: [run] }));
    expect(p.body).toEqual({ metadata: { resourceVersion: '1234' }, spec: { updateStrategy: { paused: false } } });
    expect(p.summary.join('\n')).toContain('continues past hook check-online (Inconclusive)');
  });

  it('reject: JSON patch restoring the previous ControllerRevision template ($patch stripped)', () => {
    const revs = [
      controllerRevision('test-gd-67864c6f65', 'registry.example.com/project1/service:0.1.0'),
      controllerRevision('test-gd-9d78dd5db', 'registry.example.com/project1/service:0.2.0'),
    ];
    const p = planOf(planAction({ action: 'reject' }, { cluster: 'c', obj: gdPausedAtPauseStep(), revisions: revs }));
    expect(p.patchType).toBe('json');
    expect(p.body).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '1234' },
      {
        op: 'replace',
        path: '/spec/template',
        value: {
          metadata: { labels: { app: 'test-gd' } },
          spec: {
            containers: [
              { name: 'main', image: 'registry.example.com/project1/service:0.1.0' },
              { name: 'sidecar', image: 'registry.example.com/infra/agent:1.4' },
            ],
          },
        },
      },
    ]);
    expect(p.summary).toContain('  main: registry.example.com/project1/service:0.2.0 -> registry.example.com/project1/service:0.1.0');
    expect(p.warnings[0]).toContain('skips all canary steps');
    expect(revs[0].data).toHaveProperty('spec.template.$patch'); // input untouched
  });

  it('reject needs the revision loaded; nothing to reject when up to date', () => {
    expect(reasonOf(planAction({ action: 'reject' }, { cluster: 'c', obj: gdPausedAtPauseStep() }))).toContain(
      'ControllerRevision test-gd-67864c6f65 is not loaded',
    );
    expect(reasonOf(planAction({ action: 'reject' }, { cluster: 'c', obj: gdComplete() }))).toContain('nothing to roll back');
  });

  it('skip-hook: terminate the running step HookRun (merge patch on the HookRun, its rv)', () => {
    const run = readHookRun('c', stepHookRun('Running'));
    const p = planOf(planAction({ action: 'skip-hook' }, { cluster: 'c', obj: gdHookRunning(), hookRuns: [run] }));
    expect(p.target).toEqual({
      group: 'tkex.tencent.com',
      version: 'v1alpha1',
      resource: 'hookruns',
      kind: 'HookRun',
      namespace: 'zone-101',
      name: 'canary-test-gd-9d78dd5db-1-check-online',
    });
    expect(p.body).toEqual({ metadata: { resourceVersion: '77' }, spec: { terminate: true } });
    expect(p.preconditions).toEqual({ resourceVersion: '77', stepIndex: 1, revision: 'test-gd-9d78dd5db' });
    expect(reasonOf(planAction({ action: 'skip-hook' }, { cluster: 'c', obj: gdHookRunning() }))).toContain(
      'no hook run for check-online yet',
    );
    expect(reasonOf(planAction({ action: 'skip-hook' }, { cluster: 'c', obj: gdPausedAtPauseStep() }))).toContain(
      'the current step has no hook',
    );
  });

  it('retry-hooks: retry=true on each failed hook kind', () => {
    const o = gstsHookFailed();
    o.status.preDeleteHookCondition = [{ podName: 'game-1-4', phase: 'Error' }];
    const p = planOf(planAction({ action: 'retry-hooks' }, { cluster: 'c', obj: o }));
    expect(p.target).toEqual({ ...GSTS, name: 'game-1' });
    expect(p.body).toEqual({
      metadata: { resourceVersion: '1234' },
      spec: { preDeleteUpdateStrategy: { retry: true }, preInplaceUpdateStrategy: { retry: true } },
    });
    expect(p.summary).toContain('  pre-inplace Failed on game-1-2');
    expect(reasonOf(planAction({ action: 'retry-hooks' }, { cluster: 'c', obj: gstsInPlace() }))).toContain('no failed');
  });

  it('hotupdate GameDeployment: test old image, replace, optional partition (pods kept old)', () => {
    const p = planOf(
      planAction(
        { action: 'hotupdate', container: 'main', image: 'registry.example.com/project1/service:0.2.1', partition: 2 },
        { cluster: 'c', obj: gdComplete() },
      ),
    );
    expect(p.patchType).toBe('json');
    expect(p.body).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '1234' },
      { op: 'test', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/project1/service:0.2.0' },
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/project1/service:0.2.1' },
      { op: 'add', path: '/spec/updateStrategy/partition', value: 2 },
    ]);
    expect(p.summary).toContain('partition 2: 1 of 3 pods take the new image, 2 stay old');
    expect(p.warnings[0]).toMatch(/^RollingUpdate recreates pods/);
  });

  it('hotupdate GameStatefulSet: partition is rollingUpdate.partition (ordinal); sidecar index 1', () => {
    const p = planOf(
      planAction(
        { action: 'hotupdate', container: 'sidecar', image: 'registry.example.com/infra/agent:1.5', partition: 3 },
        { cluster: 'c', obj: gstsInPlace() },
      ),
    );
    expect((p.body as unknown[]).slice(1)).toEqual([
      { op: 'test', path: '/spec/template/spec/containers/1/image', value: 'registry.example.com/infra/agent:1.4' },
      { op: 'replace', path: '/spec/template/spec/containers/1/image', value: 'registry.example.com/infra/agent:1.5' },
      { op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: 3 },
    ]);
    expect(p.summary).toContain('partition 3: ordinals 3..4 take the new image (highest first), ordinals below 3 stay old');
    expect(p.warnings.join(' ')).toContain('a rollout is in progress');
    const noRolling = gstsInPlace();
    delete noRolling.spec.updateStrategy.rollingUpdate;
    const q = planOf(planAction({ action: 'hotupdate', container: 'main', image: 'x:1', partition: 9 }, { cluster: 'c', obj: noRolling }));
    expect((q.body as unknown[]).at(-1)).toEqual({ op: 'add', path: '/spec/updateStrategy/rollingUpdate', value: { partition: 5 } });
  });

  it('hotupdate refusals: unknown container, same image, GameDeployment partition with steps', () => {
    expect(reasonOf(planAction({ action: 'hotupdate', container: 'nope', image: 'x:1' }, { cluster: 'c', obj: gdComplete() }))).toContain(
      'no container named nope (containers: main, sidecar)',
    );
    expect(
      reasonOf(
        planAction(
          { action: 'hotupdate', container: 'main', image: 'registry.example.com/project1/service:0.2.0' },
          { cluster: 'c', obj: gdComplete() },
        ),
      ),
    ).toContain('already runs');
    expect(
      reasonOf(
        planAction({ action: 'hotupdate', container: 'main', image: 'x:1', partition: 1 }, { cluster: 'c', obj: gdPausedAtPauseStep() }),
      ),
    ).toContain('canary steps');
  });

  it('hold and release round-trip: GameDeployment partition path + annotation', () => {
    const hold = planOf(
      planAction({ action: 'hold' }, { cluster: 'c', obj: gdComplete(), now: Date.parse('2024-05-01T10:00:00Z'), by: 'ops@prod' }),
    );
    expect(hold.body).toEqual({
      metadata: {
        resourceVersion: '1234',
        annotations: { [HOLD_ANNOTATION]: '{"previous":null,"at":"2024-05-01T10:00:00.000Z","by":"ops@prod"}' },
      },
      spec: { updateStrategy: { partition: 3 } },
    });
    // Apply it like the API server would (merge patch) and plan the release from the result.
    const held = gdComplete();
    held.metadata.annotations = { [HOLD_ANNOTATION]: (hold.body as any).metadata.annotations[HOLD_ANNOTATION] };
    held.spec.updateStrategy.partition = 3;
    expect(parseHold(held.metadata.annotations)).toMatchObject({ previous: null, by: 'ops@prod' });
    expect(reasonOf(planAction({ action: 'hold' }, { cluster: 'c', obj: held }))).toContain('already held by zonectl');
    const rel = planOf(planAction({ action: 'release' }, { cluster: 'c', obj: held }));
    expect(rel.body).toEqual({
      metadata: { resourceVersion: '1234', annotations: { [HOLD_ANNOTATION]: null } },
      spec: { updateStrategy: { partition: null } },
    });
    expect(reasonOf(planAction({ action: 'release' }, { cluster: 'c', obj: gdComplete() }))).toContain('not held by zonectl');
  });

  it('hold and release on GameStatefulSet use rollingUpdate.partition and restore the old ordinal', () => {
    const hold = planOf(planAction({ action: 'hold' }, { cluster: 'c', obj: gstsInPlace() }));
    expect(hold.body).toEqual({
      metadata: { resourceVersion: '1234', annotations: { [HOLD_ANNOTATION]: '{"previous":2}' } },
      spec: { updateStrategy: { rollingUpdate: { partition: 5 } } },
    });
    const held = gstsInPlace();
    held.metadata.annotations = { [HOLD_ANNOTATION]: '{"previous":2}' };
    held.spec.updateStrategy.rollingUpdate.partition = 5;
    const rel = planOf(planAction({ action: 'release' }, { cluster: 'c', obj: held }));
    expect(rel.body).toEqual({
      metadata: { resourceVersion: '1234', annotations: { [HOLD_ANNOTATION]: null } },
      spec: { updateStrategy: { rollingUpdate: { partition: 2 } } },
    });
    expect(rel.summary).toContain('restore spec.updateStrategy.rollingUpdate.partition = 2');
  });

  it('invalid objects and unknown kinds get no plan', () => {
    const bad = gdComplete();
    bad.spec.replicas = 'x';
    expect(reasonOf(planAction({ action: 'hold' }, { cluster: 'c', obj: bad }))).toContain('object is invalid');
    expect(
      reasonOf(planAction({ action: 'approve' }, { cluster: 'c', obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } } })),
    ).toContain('not a workload');
  });
});
