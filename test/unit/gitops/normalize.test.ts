// One test per normalisation rule (research/diff.md §7 rules 10-16) and the canonical compare.
import { describe, expect, it } from 'vitest';
import { canonicalJson, removePointer } from '../../../source/gitops/canonical.js';
import {
  applyIgnoreRules,
  normalizeKnownKinds,
  normalizeObject,
  normalizeQuantities,
  normalizeSecret,
  stripMetadataNoise,
  stripStatus,
  LAST_APPLIED,
} from '../../../source/gitops/normalize.js';
import { canonicalQuantity } from '../../../source/gitops/quantity.js';
import type { KubeObject } from '../../../source/kube/object.js';

const obj = (o: Partial<KubeObject> & Record<string, unknown>): KubeObject => ({ metadata: { name: 'x' }, ...o }) as KubeObject;

describe('rule 10: metadata noise and status', () => {
  it('removes server-written metadata and the last-applied annotation, keeps other annotations', () => {
    const o = obj({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'a',
        namespace: 'n',
        uid: 'u',
        resourceVersion: '5',
        generation: 3,
        creationTimestamp: '2024-01-01T00:00:00Z',
        selfLink: '/x',
        managedFields: [{ manager: 'm' }],
        annotations: { [LAST_APPLIED]: '{}', keep: 'yes' },
        labels: {},
      },
    });
    stripMetadataNoise(o);
    expect(o.metadata).toEqual({ name: 'a', namespace: 'n', annotations: { keep: 'yes' } });
  });
  it('drops an annotations map left empty', () => {
    const o = obj({ metadata: { name: 'a', annotations: { [LAST_APPLIED]: '{}' } } });
    stripMetadataNoise(o);
    expect(o.metadata.annotations).toBeUndefined();
  });
  it('status: all (default), crd only, none', () => {
    const dep = () => obj({ apiVersion: 'apps/v1', kind: 'Deployment', status: { replicas: 1 } });
    const crd = () => obj({ apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', status: { x: 1 } });
    const a = dep();
    stripStatus(a);
    expect(a.status).toBeUndefined();
    const b = dep();
    stripStatus(b, 'crd');
    expect(b.status).toEqual({ replicas: 1 });
    const c = crd();
    stripStatus(c, 'crd');
    expect(c.status).toBeUndefined();
    const d = dep();
    stripStatus(d, 'none');
    expect(d.status).toEqual({ replicas: 1 });
  });
});

describe('rule 11: Secrets', () => {
  it('moves stringData into base64 data and turns null values into ""', () => {
    const s = obj({ apiVersion: 'v1', kind: 'Secret', data: { a: 'YQ==', n: null }, stringData: { b: 'hello', c: 'ü' } });
    normalizeSecret(s);
    expect(s.stringData).toBeUndefined();
    expect(s.data).toEqual({ a: 'YQ==', n: '', b: 'aGVsbG8=', c: Buffer.from('ü').toString('base64') });
  });
  it('leaves a CR named Secret in another group alone', () => {
    const s = obj({ apiVersion: 'example.com/v1', kind: 'Secret', stringData: { b: 'x' } });
    normalizeSecret(s);
    expect(s.stringData).toEqual({ b: 'x' });
  });
});

describe('rule 12: known kinds', () => {
  it("Role rules: [] is the same as no rules; aggregated ClusterRole rules are the controller's", () => {
    const r = obj({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', rules: [] });
    normalizeKnownKinds(r);
    expect('rules' in r).toBe(false);
    const agg = obj({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      aggregationRule: { clusterRoleSelectors: [] },
      rules: [{ verbs: ['get'] }],
    });
    normalizeKnownKinds(agg);
    expect('rules' in agg).toBe(false);
  });
  it('Endpoints: default protocol TCP and sorted subsets', () => {
    const e = obj({
      apiVersion: 'v1',
      kind: 'Endpoints',
      subsets: [
        { addresses: [{ ip: '10.0.0.2' }], ports: [{ port: 80 }] },
        { addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'UDP' }] },
      ],
    });
    normalizeKnownKinds(e);
    expect(e.subsets).toEqual([
      { addresses: [{ ip: '10.0.0.1' }], ports: [{ port: 80, protocol: 'UDP' }] },
      { addresses: [{ ip: '10.0.0.2' }], ports: [{ port: 80, protocol: 'TCP' }] },
    ]);
  });
  it('HPA: duplicate metrics are dropped', () => {
    const m = { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } };
    const h = obj({ apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', spec: { metrics: [m, structuredClone(m)] } });
    normalizeKnownKinds(h);
    expect(h.spec.metrics).toEqual([m]);
  });
});

describe('rule 15: quantities', () => {
  it.each([
    ['1000m', '1'],
    ['0.1', '100m'],
    ['1.5', '1500m'],
    ['3072Mi', '3Gi'],
    ['1.5Gi', '1536Mi'],
    ['1000M', '1G'],
    ['2000', '2k'],
    ['1024', '1024'],
    ['0', '0'],
    ['0.5Ki', '512'],
    ['100Mi', '100Mi'],
    ['1e3', '1e3'],
    ['0.0000000001', '1n'],
    ['-1500m', '-1500m'],
    [3072, '3072'],
    [0.5, '500m'],
  ])('%s -> %s', (input, out) => {
    expect(canonicalQuantity(input as string)).toBe(out);
  });
  it('is not fooled by non-quantities', () => {
    expect(canonicalQuantity('abc')).toBeUndefined();
    expect(canonicalQuantity('1Qi')).toBeUndefined();
  });
  it('canonicalises resources in pod templates, CRs embedding them, quotas and configured paths', () => {
    const d = obj({
      apiVersion: 'tkex.tencent.com/v1alpha1',
      kind: 'GameDeployment',
      spec: {
        template: {
          spec: { containers: [{ name: 'c', resources: { requests: { cpu: '1000m', memory: '1024Mi' }, limits: { cpu: 2 } } }] },
        },
        extra: { size: '2048Mi' },
      },
    });
    normalizeQuantities(d, [{ group: 'tkex.tencent.com', kind: 'GameDeployment', paths: ['/spec/extra/size'] }]);
    expect(d.spec.template.spec.containers[0].resources).toEqual({ requests: { cpu: '1', memory: '1Gi' }, limits: { cpu: '2' } });
    expect(d.spec.extra.size).toBe('2Gi');
    const q = obj({ apiVersion: 'v1', kind: 'ResourceQuota', spec: { hard: { 'requests.cpu': '4000m', pods: '10' } } });
    normalizeQuantities(q);
    expect(q.spec.hard).toEqual({ 'requests.cpu': '4', pods: '10' });
  });
});

describe('rule 13: ignore rules by JSON pointer', () => {
  it('removes pointers (with ~1 escapes and * wildcards) on matching group/kind/name only; missing paths are no-ops', () => {
    const mk = () =>
      obj({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'web', namespace: 'n', annotations: { 'example.com/x': '1', keep: '2' } },
        spec: {
          replicas: 3,
          template: {
            spec: {
              containers: [
                { name: 'a', image: 'i' },
                { name: 'b', image: 'j' },
              ],
            },
          },
        },
      });
    const a = mk();
    applyIgnoreRules(a, [
      {
        group: 'apps',
        kind: 'Deploy*',
        jsonPointers: ['/spec/replicas', '/metadata/annotations/example.com~1x', '/spec/template/spec/containers/*/image', '/no/such/path'],
      },
    ]);
    expect(a.spec.replicas).toBeUndefined();
    expect(a.metadata.annotations).toEqual({ keep: '2' });
    expect(a.spec.template.spec.containers).toEqual([{ name: 'a' }, { name: 'b' }]);
    const b = mk();
    applyIgnoreRules(b, [{ group: 'apps', kind: 'Deployment', name: 'other', jsonPointers: ['/spec/replicas'] }]);
    expect(b.spec.replicas).toBe(3);
    const c = { list: [1, 2, 3] };
    removePointer(c, '/list/1');
    expect(c.list).toEqual([1, 3]);
  });
});

describe('rule 8/16: canonical compare', () => {
  it('ignores key order and int/float spelling', () => {
    expect(canonicalJson({ b: 1.0, a: [{ y: 2, x: 1 }] })).toBe(canonicalJson({ a: [{ x: 1, y: 2 }], b: 1 }));
    expect(canonicalJson({ a: [1, 2] })).not.toBe(canonicalJson({ a: [2, 1] }));
  });
  it('normalizeObject applies all rules so a server-defaulted, re-serialised object equals Git', () => {
    const git = obj({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's', namespace: 'n' }, stringData: { k: 'v' }, type: 'Opaque' });
    const live = obj({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 's', namespace: 'n', uid: '1', resourceVersion: '2', creationTimestamp: 't', managedFields: [] },
      data: { k: 'dg==' },
      type: 'Opaque',
    });
    expect(canonicalJson(normalizeObject(git))).toBe(canonicalJson(normalizeObject(live)));
  });
});
