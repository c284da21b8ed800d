// Client-side prediction (rule 19) and tracking/ownership rules (4, 5, 7, 20).
import { describe, expect, it } from 'vitest';
import { predictClientSide } from '../../../source/gitops/fallback.js';
import { removeDotted } from '../../../source/gitops/predict.js';
import { excludedReason, injectTracking, isExtraCandidate, normalizeLiveTracking, wouldPrune } from '../../../source/gitops/tracking.js';
import { DEFAULT_SETTINGS } from '../../../source/gitops/types.js';
import type { KubeObject } from '../../../source/kube/object.js';

const dep = (containers: unknown[], extra: Record<string, unknown> = {}): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'n' },
  spec: { replicas: 2, template: { spec: { containers } }, ...extra },
});

describe('client-side prediction', () => {
  it('three-way with last-applied: removed fields go, Git wins, live-only defaults stay, containers merge by name', () => {
    const last = dep([{ name: 'a', image: 'i:1', env: [{ name: 'X', value: '1' }] }], { paused: false });
    const live = dep(
      [
        { name: 'a', image: 'i:1', env: [{ name: 'X', value: '1' }], imagePullPolicy: 'IfNotPresent' },
        { name: 'sidecar', image: 's' },
      ],
      { paused: false, revisionHistoryLimit: 10 },
    );
    live.metadata.annotations = { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify(last) };
    const git = dep([{ name: 'a', image: 'i:2' }]);
    const p = predictClientSide(git, live, 'kubectl');
    expect(p.by).toBe('client-three-way');
    expect(p.predicted.spec.paused).toBeUndefined(); // applied before, gone from Git
    expect(p.predicted.spec.revisionHistoryLimit).toBe(10); // server default kept
    expect(p.predicted.spec.template.spec.containers).toEqual([
      { name: 'a', image: 'i:2', imagePullPolicy: 'IfNotPresent' },
      { name: 'sidecar', image: 's' },
    ]);
  });
  it('managedFields of our Apply manager: owned fields gone from Git are removed (Service port key with a defaulted protocol)', () => {
    const live: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 's',
        managedFields: [
          {
            manager: 'argocd-controller',
            operation: 'Apply',
            fieldsV1: {
              'f:metadata': { 'f:labels': { 'f:old': {} } },
              'f:spec': {
                'f:ports': { 'k:{"port":80,"protocol":"TCP"}': { '.': {}, 'f:port': {} }, 'k:{"port":81,"protocol":"TCP"}': { '.': {} } },
              },
            },
          },
        ],
        labels: { old: 'x' },
      },
      spec: {
        clusterIP: '10.0.0.1',
        ports: [
          { port: 80, protocol: 'TCP', targetPort: 80 },
          { port: 81, protocol: 'TCP', targetPort: 81 },
        ],
      },
    };
    const git: KubeObject = { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { ports: [{ port: 80 }] } };
    const p = predictClientSide(git, live, 'argocd-controller');
    expect(p.by).toBe('client-managed-fields');
    expect(p.predicted.metadata.labels).toEqual({});
    expect(p.predicted.spec).toEqual({ clusterIP: '10.0.0.1', ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
  });
  it('two-way overlay otherwise, saying removals are undetectable; CR lists are atomic', () => {
    const live: KubeObject = {
      apiVersion: 'apps.example.com/v1alpha1',
      kind: 'GameZone',
      metadata: { name: 'z' },
      spec: {
        gameZone: {
          serviceConfig: [
            { type: 'game', id: 1 },
            { type: 'db', id: 1 },
          ],
          extra: 1,
        },
      },
    };
    const git: KubeObject = {
      apiVersion: 'apps.example.com/v1alpha1',
      kind: 'GameZone',
      metadata: { name: 'z' },
      spec: { gameZone: { serviceConfig: [{ type: 'game', id: 1 }] } },
    };
    const p = predictClientSide(git, live, 'x');
    expect(p.by).toBe('client-two-way');
    expect(p.note).toMatch(/cannot be detected/);
    expect(p.predicted.spec.gameZone).toEqual({ serviceConfig: [{ type: 'game', id: 1 }], extra: 1 });
  });
  it("removeDotted drops the paths of the server's unknown-field warnings", () => {
    const o = { spec: { containers: [{ name: 'a', imagePullPolicyy: 'x' }] }, datta: {} };
    removeDotted(o, 'spec.containers[0].imagePullPolicyy');
    removeDotted(o, 'datta');
    expect(o).toEqual({ spec: { containers: [{ name: 'a' }] } });
  });
});

describe('tracking', () => {
  const t = DEFAULT_SETTINGS.tracking;
  const cm = (md: Partial<KubeObject['metadata']>): KubeObject => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: 'c', namespace: 'n', ...md },
  });
  it('extra candidates: our label or a self-referencing tracking id, never with ownerReferences', () => {
    expect(isExtraCandidate(cm({ labels: { 'app.kubernetes.io/instance': 'app' } }), 'app', t)).toBe(true);
    expect(isExtraCandidate(cm({ labels: { 'app.kubernetes.io/instance': 'other' } }), 'app', t)).toBe(false);
    expect(
      isExtraCandidate(
        cm({ labels: { 'app.kubernetes.io/instance': 'app' }, ownerReferences: [{ apiVersion: 'v1', kind: 'X', name: 'x', uid: 'u' }] }),
        'app',
        t,
      ),
    ).toBe(false);
    expect(isExtraCandidate(cm({ annotations: { 'argocd.argoproj.io/tracking-id': 'app:/ConfigMap:n/c' } }), 'app', t)).toBe(true);
    expect(isExtraCandidate(cm({ annotations: { 'argocd.argoproj.io/tracking-id': 'app:/ConfigMap:n/copied-from' } }), 'app', t)).toBe(
      false,
    );
  });
  it('hooks and disabled reconcile are excluded; Prune=false / resource-policy keep are kept on sync', () => {
    expect(excludedReason(cm({ annotations: { 'helm.sh/hook': 'pre-install' } }))).toMatch(/Helm hook/);
    expect(excludedReason(cm({ annotations: { 'helm.sh/hook': 'crd-install' } }))).toBeUndefined();
    expect(excludedReason(cm({ annotations: { 'argocd.argoproj.io/hook': 'PreSync' } }))).toMatch(/Argo CD hook/);
    expect(excludedReason(cm({ annotations: { 'argocd.argoproj.io/hook': 'Skip' } }))).toBeUndefined();
    expect(excludedReason(cm({ annotations: { 'kustomize.toolkit.fluxcd.io/reconcile': 'disabled' } }))).toMatch(/Flux/);
    expect(wouldPrune(cm({ annotations: { 'argocd.argoproj.io/sync-options': 'Prune=false' } }))).toBe(false);
    expect(wouldPrune(cm({ annotations: { 'helm.sh/resource-policy': 'keep' } }))).toBe(false);
    expect(wouldPrune(cm({}))).toBe(true);
  });
  it('injects markers like the GitOps tool (not on CRDs) and normalises live tracking', () => {
    const o = cm({});
    injectTracking(o, 'app', { ...t, inject: 'annotation+label' }, 'n');
    expect(o.metadata.labels).toEqual({ 'app.kubernetes.io/instance': 'app' });
    expect(o.metadata.annotations).toEqual({ 'argocd.argoproj.io/tracking-id': 'app:/ConfigMap:n/c' });
    const crd: KubeObject = { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', metadata: { name: 'x' } };
    injectTracking(crd, 'app', t, 'n');
    expect(crd.metadata.labels).toBeUndefined();
    const live = cm({ labels: { 'app.kubernetes.io/instance': 'app' } });
    normalizeLiveTracking(live, o, { ...t, inject: 'annotation' });
    expect(live.metadata.annotations).toEqual({ 'argocd.argoproj.io/tracking-id': 'app:/ConfigMap:n/c' });
  });
});
