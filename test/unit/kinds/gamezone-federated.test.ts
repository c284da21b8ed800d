import { describe, expect, it } from 'vitest';
import { readGameZone } from '../../../source/kinds/gamezone.js';
import { readFederated } from '../../../source/kinds/federated.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { zone1 } from './fixtures-zone.js';

describe('readGameZone', () => {
  it('reads the seed-004 GameZone', () => {
    const z = readGameZone('rke2', zone1());
    expect(z).toMatchObject({
      cluster: 'rke2',
      namespace: 'zone-101',
      zoneId: '101',
      name: 'zone1',
      source: 'GameZone',
      version: '0.1.0',
      defaultImage: 'registry.example.com/project1/service:0.1.0',
      createdAt: '2023-02-21T15:03:29Z',
    });
    expect(z.services).toEqual([
      { type: 'game', id: '1', image: 'registry.example.com/project1/service:0.2.0' },
      { type: 'db', id: '1' },
      { type: 'gateway', id: '1', endId: '2' },
      { type: 'auth', id: '2' },
    ]);
    expect(z.invalid).toBeUndefined();
    expect(JSON.stringify(z)).not.toContain('password1');
  });

  it('zoneId may be a string', () => {
    const o = zone1();
    o.spec.gameZone.zoneId = 'cn-101';
    expect(readGameZone('c', o).zoneId).toBe('cn-101');
  });

  it.each([
    ['no zoneId', (o: any) => delete o.spec.gameZone.zoneId, 'spec.gameZone.zoneId: missing'],
    ['zoneId is an object', (o: any) => (o.spec.gameZone.zoneId = { id: 1 }), 'spec.gameZone.zoneId: expected an id'],
    [
      'service without type',
      (o: any) => (o.spec.gameZone.serviceConfig = [{ id: 1 }]),
      'spec.gameZone.serviceConfig[0]: expected {type, id}',
    ],
    ['serviceConfig is a map', (o: any) => (o.spec.gameZone.serviceConfig = { game: 1 }), 'spec.gameZone.serviceConfig: expected a list'],
    ['fractional endId', (o: any) => (o.spec.gameZone.serviceConfig = [{ type: 'gateway', id: 1, endId: 2.5 }]), 'endId: expected an id'],
  ])('malformed (%s) -> invalid row keyed by name', (_n, mutate, reason) => {
    const o = zone1();
    mutate(o);
    const z = readGameZone('c', o);
    expect(z.invalid).toContain(reason);
    expect(z).toMatchObject({ zoneId: 'zone1', rollout: 'invalid' });
  });
});

function fedGd(): KubeObject {
  return {
    apiVersion: 'types.kubefed.io/v1beta1',
    kind: 'FederatedGameDeployment',
    metadata: { name: 'gateway', namespace: 'zone-101', uid: 'f1', resourceVersion: '21' },
    spec: {
      template: {
        metadata: { labels: { app: 'gateway' } },
        spec: { replicas: 2, template: { spec: { containers: [{ name: 'gw', image: 'registry.example.com/project1/service:0.2.0' }] } } },
      },
      placement: { clusters: [{ name: 'member-sh' }, { name: 'member-gz' }, { name: 'member-bj' }] },
      overrides: [
        {
          clusterName: 'member-gz',
          clusterOverrides: [
            { path: '/spec/replicas', value: 4 },
            { op: 'add', path: '/metadata/labels/region', value: 'gz' },
          ],
        },
        { clusterName: 'member-sh', clusterOverrides: [{ op: 'remove', path: '/spec/template/spec/containers/0/resources' }] },
      ],
    },
    status: {
      observedGeneration: 3,
      conditions: [{ type: 'Propagation', status: 'False', reason: 'CheckClusters', lastUpdateTime: '2024-05-01T10:00:00Z' }],
      clusters: [{ name: 'member-sh' }, { name: 'member-gz', status: 'UpdateFailed' }],
    },
  };
}

describe('readFederated', () => {
  it('placement, per-cluster overrides and propagation status', () => {
    const f = readFederated('host', fedGd());
    expect(f).toMatchObject({
      kind: 'FederatedGameDeployment',
      targetKind: 'GameDeployment',
      placement: ['member-sh', 'member-gz', 'member-bj'],
      propagation: { status: 'False', reason: 'CheckClusters' },
    });
    expect(f.clusters).toEqual([
      { name: 'member-sh', status: '', overrides: [{ op: 'remove', path: '/spec/template/spec/containers/0/resources' }] },
      {
        name: 'member-gz',
        status: 'UpdateFailed',
        overrides: [
          { op: 'replace', path: '/spec/replicas', value: 4 },
          { op: 'add', path: '/metadata/labels/region', value: 'gz' },
        ],
      },
      { name: 'member-bj', status: 'Pending', overrides: [] },
    ]);
    expect((f.template as any).spec.replicas).toBe(2);
  });

  it('clusters wins over clusterSelector; clusterSelector {} selects all; matchLabels kept', () => {
    const o = fedGd();
    o.spec.placement.clusterSelector = { matchLabels: { env: 'prod' } };
    expect(readFederated('h', o).placement).toEqual(['member-sh', 'member-gz', 'member-bj']);
    o.spec.placement = { clusterSelector: {} };
    o.status.clusters = [];
    expect(readFederated('h', o).placement).toEqual(['*']);
    o.spec.placement = { clusterSelector: { matchLabels: { env: 'prod' } } };
    const f = readFederated('h', o);
    expect(f.placement).toEqual([]);
    expect(f.clusterSelector).toEqual({ env: 'prod' });
    o.spec.placement = {};
    expect(readFederated('h', o).placement).toEqual([]);
  });

  it.each([
    ['no template', (o: any) => delete o.spec.template, 'spec.template: missing'],
    ['placement cluster without name', (o: any) => (o.spec.placement.clusters = ['member-sh']), 'spec.placement.clusters[0]'],
    [
      'override without path',
      (o: any) => (o.spec.overrides = [{ clusterName: 'a', clusterOverrides: [{ value: 1 }] }]),
      'spec.overrides[0].clusterOverrides[0]',
    ],
    ['status.clusters is a map', (o: any) => (o.status.clusters = { a: 1 }), 'status.clusters: expected a list'],
  ])('malformed (%s) -> invalid', (_n, mutate, reason) => {
    const o = fedGd();
    mutate(o);
    const f = readFederated('h', o);
    expect(f.invalid).toContain(reason);
    expect(f.targetKind).toBe('GameDeployment');
  });
});
