// The executor's side of a plan, straight from the planners: the primary object (the workload the
// operator looked at), preconditions, access reviews, the approval card and --force for hot updates
// whose strategy recreates pods. Expected values are what the former actions/bridge.ts produced.
import { describe, expect, it } from 'vitest';
import { readHookRun } from '../../../source/kinds/hookrun.js';
import { KINDS } from '../../../source/kinds/registry.js';
import { planAction, type Intent, type PlanInput } from '../../../source/kinds/plans.js';
import type { Plan } from '../../../source/kinds/plan/types.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { gdComplete, gdHookRunning, gdPausedAtPauseStep, stepHookRun } from './fixtures-bkbcs.js';
import { deploy } from './fixtures-native.js';
import { argo, kruise } from './fixtures-rollouts.js';

const plan = (intent: Intent, input: PlanInput): Plan => {
  const r = planAction(intent, input);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
};

function controllerRevision(name: string, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: { name, namespace: 'zone-101' },
    data: {
      spec: {
        template: {
          $patch: 'replace',
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

const cloneSet = (type: string): KubeObject => ({
  apiVersion: 'apps.kruise.io/v1alpha1',
  kind: 'CloneSet',
  metadata: { name: 'gateway', namespace: 'zone-7', resourceVersion: '300' },
  spec: { replicas: 4, updateStrategy: { type }, template: { spec: { containers: [{ name: 'gw', image: 'r/gw:2.0' }] } } },
});

describe('composed plans', () => {
  it('bk-bcs approve: the workload is primary, guarded by rv + step + revision; the card shows the revision images', () => {
    const revs = [
      controllerRevision('test-gd-67864c6f65', 'registry.example.com/project1/service:0.1.0'),
      controllerRevision('test-gd-9d78dd5db', 'registry.example.com/project1/service:0.2.0'),
    ];
    const p = plan({ action: 'approve' }, { cluster: 'c', obj: gdPausedAtPauseStep(), revisions: revs });
    expect(p.primary).toEqual({ cluster: 'c', type: KINDS.GameDeployment, namespace: 'zone-101', name: 'test-gd' });
    expect(p.preconditions).toEqual({ resourceVersion: '1234', generation: 3, stepIndex: 1, updateRevision: 'test-gd-9d78dd5db' });
    expect(p.summary).toBe('approve GameDeployment zone-101/test-gd on c');
    expect(p.details).toEqual(['at step 2/3 (pause (manual)), 1/4 updated (25%), revision test-gd-9d78dd5db', 'continues to step 3/3']);
    expect(p.steps.map((s) => s.describe)).toEqual(['spec.updateStrategy.paused = false']);
    expect(p.access).toEqual([
      { verb: 'patch', group: 'tkex.tencent.com', resource: 'gamedeployments', namespace: 'zone-101', name: 'test-gd' },
    ]);
    expect(p.card).toEqual({
      cluster: 'c',
      namespace: 'zone-101',
      kind: 'GameDeployment',
      name: 'test-gd',
      revision: 'test-gd-67864c6f65 -> test-gd-9d78dd5db',
      step: '2/3 (pause: pause (manual))',
      percentUpdated: '25% (1/4 updated, 1 ready)',
      images: [
        { container: 'main', from: 'registry.example.com/project1/service:0.1.0', to: 'registry.example.com/project1/service:0.2.0' },
      ],
    });
    expect(p.requiresForce).toBeUndefined();
    // Without the ControllerRevisions the card has no images (nothing else changes).
    expect(plan({ action: 'approve' }, { cluster: 'c', obj: gdPausedAtPauseStep() }).card.images).toBeUndefined();
  });

  it('bk-bcs skip-hook: the workload stays primary, the HookRun is the write and named in the preconditions', () => {
    const p = plan({ action: 'skip-hook' }, { cluster: 'c', obj: gdHookRunning(), hookRuns: [readHookRun('c', stepHookRun('Running'))] });
    expect(p.primary.name).toBe('test-gd');
    expect(p.preconditions).toEqual({
      resourceVersion: '1234',
      generation: 3,
      stepIndex: 1,
      updateRevision: 'test-gd-9d78dd5db',
      hookRunName: 'canary-test-gd-9d78dd5db-1-check-online',
    });
    expect(p.access).toEqual([
      {
        verb: 'patch',
        group: 'tkex.tencent.com',
        resource: 'hookruns',
        namespace: 'zone-101',
        name: 'canary-test-gd-9d78dd5db-1-check-online',
      },
    ]);
    expect(p.card.hook).toBe('canary-test-gd-9d78dd5db-1-check-online Running (online=0 Running)');
  });

  it('Argo promote of a paused rollout: status then spec, one access review each', () => {
    const o = argo();
    o.spec.paused = true;
    const p = plan({ action: 'approve' }, { cluster: 'c', obj: o });
    expect(p.steps.map((s) => [s.subresource ?? 'main', s.describe])).toEqual([
      ['status', 'status.pauseConditions = null'],
      ['main', 'spec.paused = false'],
    ]);
    expect(p.access).toEqual([
      { verb: 'patch', group: 'argoproj.io', resource: 'rollouts', namespace: 'zone-7', name: 'lobby', subresource: 'status' },
      { verb: 'patch', group: 'argoproj.io', resource: 'rollouts', namespace: 'zone-7', name: 'lobby' },
    ]);
    expect(p.preconditions).toEqual({ resourceVersion: '9', generation: 4, stepIndex: 1, updateRevision: '6d4f8c7b9' });
  });

  it('hot update via a workloadRef: the rollout is primary (rv + revision), the workload is written; --force when pods are recreated', () => {
    const ref = argo();
    delete ref.spec.template;
    ref.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auth-2' };
    const d = deploy();
    d.metadata.namespace = 'zone-7';
    const p = plan(
      { action: 'hotupdate', container: 'auth', image: 'registry.example.com/project1/service:0.3.0' },
      { cluster: 'c', obj: ref, workloadObj: d },
    );
    expect(p.primary).toEqual({ cluster: 'c', type: KINDS.Rollout, namespace: 'zone-7', name: 'lobby' });
    expect(p.preconditions).toEqual({ resourceVersion: '9', generation: 4, updateRevision: '6d4f8c7b9' });
    expect(p.access).toEqual([{ verb: 'patch', group: 'apps', resource: 'deployments', namespace: 'zone-7', name: 'auth-2' }]);
    expect(p.card.images).toEqual([
      { container: 'auth', from: 'registry.example.com/project1/service:0.2.0', to: 'registry.example.com/project1/service:0.3.0' },
    ]);
    expect(p.requiresForce).toBe(true);
    // On the Rollout itself only its resourceVersion guards the write.
    expect(
      plan({ action: 'hotupdate', container: 'lobby', image: 'registry.example.com/game/lobby:2.1.1' }, { cluster: 'c', obj: argo() })
        .preconditions,
    ).toEqual({ resourceVersion: '9' });
  });

  it('Kruise reject and hot update write the CloneSet; its strategy warning does not need --force', () => {
    const rev: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'gateway-5b8d4c', labels: { 'controller-revision-hash': '5b8d4c' } },
      data: { spec: { template: { spec: { containers: [{ name: 'gw', image: 'r/gw:1.9' }] } } } },
    };
    const r = plan({ action: 'reject' }, { cluster: 'c', obj: kruise(), workloadObj: cloneSet('InPlaceIfPossible'), revisions: [rev] });
    expect(r.primary).toEqual({ cluster: 'c', type: KINDS.KruiseRollout, namespace: 'zone-7', name: 'gate-rollout' });
    expect(r.preconditions).toEqual({ resourceVersion: '5', generation: 2, updateRevision: '7f9c6d' });
    expect(r.access).toEqual([{ verb: 'patch', group: 'apps.kruise.io', resource: 'clonesets', namespace: 'zone-7', name: 'gateway' }]);
    expect(r.card.images).toEqual([{ container: 'gw', from: 'r/gw:2.0', to: 'r/gw:1.9' }]);
    const h = plan(
      { action: 'hotupdate', container: 'gw', image: 'r/gw:2.1' },
      { cluster: 'c', obj: kruise(), workloadObj: cloneSet('ReCreate') },
    );
    expect(h.warnings).toEqual(['CloneSet gateway recreates pods (no InPlaceIfPossible update policy)']);
    expect(h.requiresForce).toBeUndefined();
  });

  it('bk-bcs hot update with RollingUpdate needs --force; the card names the image change', () => {
    const p = plan(
      { action: 'hotupdate', container: 'main', image: 'registry.example.com/project1/service:0.2.1', partition: 2 },
      { cluster: 'c', obj: gdComplete() },
    );
    expect(p.requiresForce).toBe(true);
    expect(p.card).toMatchObject({
      revision: 'gateway-1-5f6d7c8b9 (current)',
      percentUpdated: '100% (3/3 updated, 3 ready)',
      images: [
        { container: 'main', from: 'registry.example.com/project1/service:0.2.0', to: 'registry.example.com/project1/service:0.2.1' },
      ],
    });
    expect(p.steps[0].describe).toBe(
      'replace /spec/template/spec/containers/0/image = "registry.example.com/project1/service:0.2.1", add /spec/updateStrategy/partition = 2',
    );
  });
});
