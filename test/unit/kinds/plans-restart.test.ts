// Restart plans (issue 12): the KindSpec's restart capability, exact writes, strategy-aware lines and
// warnings, and refusals below owners that would put the template back.
import { describe, expect, it } from 'vitest';
import { planAction } from '../../../source/kinds/plans.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { gdPausedAtPauseStep, gstsInPlace } from './fixtures-bkbcs.js';
import { deploy, sts } from './fixtures-native.js';
import { argo, kruise } from './fixtures-rollouts.js';

const NOW = Date.parse('2026-12-03T10:00:00Z');
const AT = '2026-12-03T10:00:00Z';
const restart = (obj: KubeObject, cluster = 'shanghai') => planAction({ action: 'restart' }, { cluster, obj, now: NOW });

function planned(obj: KubeObject) {
  const r = restart(obj);
  if (!r.ok) throw new Error(r.reason);
  return r.plan;
}

describe('restart: the template annotation (kubectl rollout restart)', () => {
  it('Deployment: adds the annotations map with restartedAt, guarded by the resourceVersion', () => {
    const p = planned(deploy());
    expect(p.action).toBe('restart');
    expect(p.steps).toHaveLength(1);
    expect(p.steps[0].target).toEqual({
      cluster: 'shanghai',
      type: expect.objectContaining({ resource: 'deployments' }),
      namespace: 'zone-101',
      name: 'auth-2',
    });
    expect(p.steps[0].patchType).toBe('json');
    expect(p.steps[0].body).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '10' },
      { op: 'add', path: '/spec/template/metadata', value: { annotations: { 'kubectl.kubernetes.io/restartedAt': AT } } },
    ]);
    expect(p.summary).toBe('restart Deployment zone-101/auth-2 on shanghai');
    expect(p.details).toEqual([
      `set spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"] = ${AT}`,
      'RollingUpdate: a new ReplicaSet replaces the pods (new names) within maxSurge / maxUnavailable',
    ]);
    expect(p.warnings).toEqual([]);
    expect(p.requiresForce).toBeUndefined();
    expect(p.access).toEqual([{ verb: 'patch', group: 'apps', resource: 'deployments', namespace: 'zone-101', name: 'auth-2' }]);
  });

  it('an existing annotation is replaced in place (JSON pointer escapes the slash) and the old value is said', () => {
    const d = deploy();
    d.spec.template.metadata = { annotations: { 'kubectl.kubernetes.io/restartedAt': '2026-01-01T00:00:00Z', other: 'x' } };
    const p = planned(d);
    expect(p.steps[0].body).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '10' },
      { op: 'add', path: '/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt', value: AT },
    ]);
    expect(p.details[0]).toBe(
      `set spec.template.metadata.annotations["kubectl.kubernetes.io/restartedAt"] = ${AT} (was 2026-01-01T00:00:00Z)`,
    );
  });

  it('Deployment with Recreate: needs explicit confirmation', () => {
    const d = deploy();
    d.spec.strategy = { type: 'Recreate' };
    const p = planned(d);
    expect(p.requiresForce).toBe(true);
    expect(p.warnings).toEqual(['Recreate: the Deployment has no running pod until the new ones are ready']);
  });

  it('StatefulSet: recreated from the highest ordinal, names kept; a partition limits which restart', () => {
    const p = planned(sts());
    expect(p.details[1]).toBe('RollingUpdate: pods are recreated one at a time from the highest ordinal; each keeps its name and volumes');
    expect(p.warnings).toEqual(['partition 1: only ordinals 1..2 restart']);
  });

  it('GameStatefulSet under InplaceUpdate: says the research (no container restart) and needs --force', () => {
    const p = planned(gstsInPlace());
    expect(p.steps[0].body).toEqual([
      { op: 'test', path: '/metadata/resourceVersion', value: '1234' },
      { op: 'add', path: '/spec/template/metadata/annotations', value: { 'kubectl.kubernetes.io/restartedAt': AT } },
    ]);
    expect(p.details[1]).toBe(
      'InplaceUpdate: the controller applies a template metadata change to the pods in place; the pods stay and their containers are probably not restarted (research/crds.md §6)',
    );
    expect(p.warnings).toEqual([
      'partition 2: only ordinals 2..4 restart',
      'InplaceUpdate probably restarts no container; to restart one pod, delete it (zonectl delete pod/NAME): its controller recreates it',
    ]);
    expect(p.requiresForce).toBe(true);
  });

  it('GameDeployment with canary steps: the restart goes through them', () => {
    const p = planned(gdPausedAtPauseStep());
    expect(p.warnings).toContain('the change goes through the canary steps: it stops at each pause step for approval');
  });
});

describe('restart: Argo Rollouts and Kruise', () => {
  it('Argo Rollout: spec.restartAt by merge patch with the resourceVersion', () => {
    const p = planned(argo());
    expect(p.steps[0].patchType).toBe('merge');
    expect(p.steps[0].body).toEqual({ metadata: { resourceVersion: '9' }, spec: { restartAt: AT } });
    expect(p.details).toEqual([
      `set spec.restartAt = ${AT}`,
      'Argo Rollouts evicts the pods created before restartAt one at a time within maxUnavailable; no new revision',
    ]);
  });

  it('Kruise Rollout: refused, naming the workload to restart', () => {
    const r = restart(kruise());
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.reason).toMatch(
        /^cannot restart KruiseRollout .* a Kruise Rollout has no pods of its own: restart the workload it drives \(\w+\/[\w-]+\)$/,
      );
  });
});

describe('restart below owners', () => {
  it('kubefed: refused (the host would put the template back and roll the pods twice)', () => {
    const d = deploy();
    d.metadata.labels = { ...d.metadata.labels, 'kubefed.io/managed': 'true' };
    const r = restart(d);
    expect(r).toEqual({
      ok: false,
      reason:
        "cannot restart Deployment zone-101/auth-2 on shanghai: kubefed FederatedDeployment zone-101/auth-2 propagates the template to this cluster and would put it back on the next propagation from the host cluster (within seconds), rolling the pods a second time: restart it on the kubefed host (the Federated object's template)",
    });
  });

  it('Argo CD: refused', () => {
    const d = deploy();
    d.metadata.annotations = { ...d.metadata.annotations, 'argocd.argoproj.io/tracking-id': 'lobby:apps/Deployment:zone-101/auth-2' };
    const r = restart(d);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain('Argo CD Application lobby owns the spec and would revert the template annotation');
  });

  it('Helm: planned with a warning; GameZone: planned, the annotation stays', () => {
    const d = deploy();
    d.metadata.labels = { ...d.metadata.labels, 'app.kubernetes.io/managed-by': 'Helm' };
    d.metadata.annotations = { ...d.metadata.annotations, 'meta.helm.sh/release-name': 'auth' };
    expect(planned(d).warnings).toEqual([
      'Helm release zone-101/auth: the next helm upgrade drops the annotation (and rolls the pods again)',
    ]);
    const g = gstsInPlace();
    g.metadata.ownerReferences = [
      { apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone', name: 'zone101', uid: 'gz', controller: true },
    ];
    expect(planned(g).details).toContain('GameZone zone-101/zone101 sets only the image and the replicas: the annotation stays');
  });
});
