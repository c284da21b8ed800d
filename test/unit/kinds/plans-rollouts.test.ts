import { describe, expect, it } from 'vitest';
import { planAction } from '../../../source/kinds/plans.js';
import { HOLD_ANNOTATION } from '../../../source/kinds/shared/hold.js';
import { planOf, reasonOf } from './plan-view.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { argo, kruise } from './fixtures-rollouts.js';
import { deploy, sts } from './fixtures-native.js';

const ARGO = { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', kind: 'Rollout', namespace: 'zone-7', name: 'lobby' };
const KRUISE = {
  group: 'rollouts.kruise.io',
  version: 'v1beta1',
  resource: 'rollouts',
  kind: 'Rollout',
  namespace: 'zone-7',
  name: 'gate-rollout',
};

function cloneSet(): KubeObject {
  return {
    apiVersion: 'apps.kruise.io/v1alpha1',
    kind: 'CloneSet',
    metadata: { name: 'gateway', namespace: 'zone-7', resourceVersion: '300' },
    spec: {
      replicas: 4,
      updateStrategy: { type: 'InPlaceIfPossible' },
      template: { spec: { containers: [{ name: 'gw', image: 'r/gw:2.0' }] } },
    },
  };
}

describe('Argo Rollout plans', () => {
  it('approve = promote: status subresource pauseConditions null (rv), then spec.paused=false when paused', () => {
    const o = argo();
    o.spec.paused = true;
    const p = planOf(planAction({ action: 'approve' }, { cluster: 'c', obj: o }));
    expect(p.target).toEqual(ARGO);
    expect(p.subresource).toBe('status');
    expect(p.body).toEqual({ metadata: { resourceVersion: '9' }, status: { pauseConditions: null } });
    expect(p.preconditions).toEqual({ resourceVersion: '9', stepIndex: 1, revision: '6d4f8c7b9' });
    expect(p.also).toEqual([{ cluster: 'c', target: ARGO, patchType: 'merge', body: { spec: { paused: false } }, preconditions: {} }]);
    expect(planOf(planAction({ action: 'approve' }, { cluster: 'c', obj: argo() })).also).toBeUndefined();
  });

  it('approve after an inconclusive analysis with controllerPause: also clears controllerPause and steps on', () => {
    const o = argo();
    o.status.currentStepIndex = 2;
    o.status.pauseConditions = [{ reason: 'InconclusiveAnalysisRun', startTime: '2024-05-01T10:02:00Z' }];
    const p = planOf(planAction({ action: 'approve' }, { cluster: 'c', obj: o }));
    expect(p.body).toEqual({
      metadata: { resourceVersion: '9' },
      status: { pauseConditions: null, controllerPause: false, currentStepIndex: 3 },
    });
    expect(p.warnings).toEqual(['the inconclusive analysis is skipped, not passed']);
  });

  it('reject = abort on the status subresource; retry = abort false', () => {
    const p = planOf(planAction({ action: 'reject' }, { cluster: 'c', obj: argo() }));
    expect([p.subresource, p.patchType, p.body]).toEqual([
      'status',
      'merge',
      { metadata: { resourceVersion: '9' }, status: { abort: true } },
    ]);
    const aborted = argo();
    aborted.status.abort = true;
    aborted.status.pauseConditions = [];
    expect(reasonOf(planAction({ action: 'reject' }, { cluster: 'c', obj: aborted }))).toContain('already aborted');
    const r = planOf(planAction({ action: 'retry-hooks' }, { cluster: 'c', obj: aborted }));
    expect(r.body).toEqual({ metadata: { resourceVersion: '9' }, status: { abort: false } });
  });

  it('skip-hook terminates the running AnalysisRun', () => {
    const o = argo();
    o.status.pauseConditions = [];
    o.status.phase = 'Progressing';
    o.status.currentStepIndex = 2;
    o.status.canary = { currentStepAnalysisRunStatus: { name: 'lobby-6d4f8c7b9-2-2', status: 'Running' } };
    const p = planOf(planAction({ action: 'skip-hook' }, { cluster: 'c', obj: o }));
    expect(p.target).toEqual({
      group: 'argoproj.io',
      version: 'v1alpha1',
      resource: 'analysisruns',
      kind: 'AnalysisRun',
      namespace: 'zone-7',
      name: 'lobby-6d4f8c7b9-2-2',
    });
    expect(p.body).toEqual({ spec: { terminate: true } });
  });

  it('hotupdate: on the Rollout template, or on the workloadRef Deployment', () => {
    const p = planOf(
      planAction(
        { action: 'hotupdate', container: 'lobby', image: 'registry.example.com/game/lobby:2.1.1' },
        { cluster: 'c', obj: argo() },
      ),
    );
    expect(p.target).toEqual(ARGO);
    expect(p.body).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '9' },
      { op: 'test', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/game/lobby:2.1.0' },
      { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/game/lobby:2.1.1' },
    ]);
    const ref = argo();
    delete ref.spec.template;
    ref.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auth-2' };
    expect(reasonOf(planAction({ action: 'hotupdate', container: 'auth', image: 'x:2' }, { cluster: 'c', obj: ref }))).toContain(
      'Deployment auth-2 is not loaded',
    );
    const d = deploy();
    d.metadata.namespace = 'zone-7';
    const q = planOf(
      planAction(
        { action: 'hotupdate', container: 'auth', image: 'registry.example.com/project1/service:0.3.0' },
        { cluster: 'c', obj: ref, workloadObj: d },
      ),
    );
    expect(q.target).toEqual({
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      kind: 'Deployment',
      namespace: 'zone-7',
      name: 'auth-2',
    });
    expect(q.preconditions).toEqual({ resourceVersion: '10' });
    expect(q.summary).toContain('via Deployment auth-2');
  });

  it('hold / release: spec.paused with the hold annotation', () => {
    const o = argo();
    o.status.pauseConditions = [];
    o.status.phase = 'Progressing';
    const h = planOf(planAction({ action: 'hold' }, { cluster: 'c', obj: o }));
    expect(h.body).toEqual({
      metadata: { resourceVersion: '9', annotations: { [HOLD_ANNOTATION]: '{"previous":false}' } },
      spec: { paused: true },
    });
    o.spec.paused = true;
    o.metadata.annotations = { [HOLD_ANNOTATION]: '{"previous":false}' };
    const r = planOf(planAction({ action: 'release' }, { cluster: 'c', obj: o }));
    expect(r.body).toEqual({ metadata: { resourceVersion: '9', annotations: { [HOLD_ANNOTATION]: null } }, spec: { paused: false } });
  });
});

describe('Kruise Rollout plans', () => {
  it('approve: status canaryStatus.currentStepState=StepReady only from StepPaused', () => {
    const p = planOf(planAction({ action: 'approve' }, { cluster: 'c', obj: kruise() }));
    expect(p.target).toEqual(KRUISE);
    expect([p.subresource, p.patchType]).toEqual(['status', 'merge']);
    expect(p.body).toEqual({ metadata: { resourceVersion: '5' }, status: { canaryStatus: { currentStepState: 'StepReady' } } });
    const up = kruise();
    up.status.canaryStatus.currentStepState = 'StepUpgrade';
    expect(reasonOf(planAction({ action: 'approve' }, { cluster: 'c', obj: up }))).toContain('not paused at a step (state StepUpgrade)');
  });

  it('approve on blue-green writes blueGreenStatus', () => {
    const b = kruise();
    b.spec.strategy = {
      blueGreen: {
        steps: [
          { replicas: '100%', traffic: '0%' },
          { replicas: '100%', traffic: '100%' },
        ],
      },
    };
    b.status = { phase: 'Progressing', blueGreenStatus: { currentStepIndex: 1, currentStepState: 'StepPaused' } };
    expect(planOf(planAction({ action: 'approve' }, { cluster: 'c', obj: b })).body).toEqual({
      metadata: { resourceVersion: '5' },
      status: { blueGreenStatus: { currentStepState: 'StepReady' } },
    });
  });

  it('reject rolls the CloneSet back to the stable ControllerRevision', () => {
    const rev: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name: 'gateway-5b8d4c', labels: { 'controller-revision-hash': '5b8d4c' } },
      data: { spec: { template: { $patch: 'replace', spec: { containers: [{ name: 'gw', image: 'r/gw:1.9' }] } } } },
    };
    expect(reasonOf(planAction({ action: 'reject' }, { cluster: 'c', obj: kruise() }))).toContain('CloneSet gateway is not loaded');
    const p = planOf(planAction({ action: 'reject' }, { cluster: 'c', obj: kruise(), workloadObj: cloneSet(), revisions: [rev] }));
    expect(p.target).toEqual({
      group: 'apps.kruise.io',
      version: 'v1alpha1',
      resource: 'clonesets',
      kind: 'CloneSet',
      namespace: 'zone-7',
      name: 'gateway',
    });
    expect(p.body).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '300' },
      { op: 'replace', path: '/spec/template', value: { spec: { containers: [{ name: 'gw', image: 'r/gw:1.9' }] } } },
    ]);
    expect(p.summary).toContain('  gw: r/gw:2.0 -> r/gw:1.9');
  });

  it('hotupdate via the workload; skip-hook and retry-hooks are refused', () => {
    const p = planOf(
      planAction({ action: 'hotupdate', container: 'gw', image: 'r/gw:2.1' }, { cluster: 'c', obj: kruise(), workloadObj: cloneSet() }),
    );
    expect(p.target.resource).toBe('clonesets');
    expect(p.warnings).toEqual([]);
    expect(reasonOf(planAction({ action: 'skip-hook' }, { cluster: 'c', obj: kruise() }))).toContain('no step hooks');
    expect(reasonOf(planAction({ action: 'retry-hooks' }, { cluster: 'c', obj: kruise() }))).toContain('no pod hooks');
  });

  it('hold / release: spec.strategy.paused', () => {
    const h = planOf(planAction({ action: 'hold' }, { cluster: 'c', obj: kruise() }));
    expect(h.body).toEqual({
      metadata: { resourceVersion: '5', annotations: { [HOLD_ANNOTATION]: '{"previous":false}' } },
      spec: { strategy: { paused: true } },
    });
    const held = kruise();
    held.spec.strategy.paused = true;
    held.metadata.annotations = { [HOLD_ANNOTATION]: '{"previous":false}' };
    expect(planOf(planAction({ action: 'release' }, { cluster: 'c', obj: held })).body).toEqual({
      metadata: { resourceVersion: '5', annotations: { [HOLD_ANNOTATION]: null } },
      spec: { strategy: { paused: false } },
    });
  });
});

describe('native workload plans', () => {
  it('Deployment: hotupdate JSON patch, hold/release via spec.paused, approve/reject refused', () => {
    const p = planOf(
      planAction(
        { action: 'hotupdate', container: 'auth', image: 'registry.example.com/project1/service:0.3.0', partition: 1 },
        { cluster: 'c', obj: deploy() },
      ),
    );
    expect(p.target).toEqual({
      group: 'apps',
      version: 'v1',
      resource: 'deployments',
      kind: 'Deployment',
      namespace: 'zone-101',
      name: 'auth-2',
    });
    expect((p.body as unknown[]).length).toBe(3);
    expect(p.warnings).toContain('partition is ignored: Deployments have none');
    expect(planOf(planAction({ action: 'hold' }, { cluster: 'c', obj: deploy() })).body).toMatchObject({ spec: { paused: true } });
    expect(reasonOf(planAction({ action: 'approve' }, { cluster: 'c', obj: deploy() }))).toContain('no canary steps');
    expect(reasonOf(planAction({ action: 'reject' }, { cluster: 'c', obj: deploy() }))).toContain('no staged rollout');
  });

  it('StatefulSet: hold sets partition = replicas recording the old one; release restores it', () => {
    const h = planOf(planAction({ action: 'hold' }, { cluster: 'c', obj: sts() }));
    expect(h.body).toEqual({
      metadata: { resourceVersion: '11', annotations: { [HOLD_ANNOTATION]: '{"previous":1}' } },
      spec: { updateStrategy: { rollingUpdate: { partition: 3 } } },
    });
    const held = sts();
    held.metadata.annotations = { [HOLD_ANNOTATION]: '{"previous":1}' };
    held.spec.updateStrategy.rollingUpdate.partition = 3;
    expect(planOf(planAction({ action: 'release' }, { cluster: 'c', obj: held })).body).toEqual({
      metadata: { resourceVersion: '11', annotations: { [HOLD_ANNOTATION]: null } },
      spec: { updateStrategy: { rollingUpdate: { partition: 1 } } },
    });
    const img = planOf(
      planAction({ action: 'hotupdate', container: 'mysql', image: 'mysql:5.7.44', partition: 2 }, { cluster: 'c', obj: sts() }),
    );
    expect((img.body as unknown[]).at(-1)).toEqual({ op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: 2 });
  });
});
