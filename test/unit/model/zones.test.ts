import { describe, expect, it } from 'vitest';
import { buildZones, serviceInstances } from '../../../source/model/zones.js';
import { readGameZone } from '../../../source/kinds/gamezone.js';
import { readGameDeployment } from '../../../source/kinds/gamedeployment.js';
import { readGameStatefulSet } from '../../../source/kinds/gamestatefulset.js';
import { readDeployment } from '../../../source/kinds/deployment.js';
import { readKruiseRollout } from '../../../source/kinds/kruise-rollout.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { zone1 } from '../kinds/fixtures-zone.js';

const CL = 'rke2';

function gd(
  name: string,
  opts: {
    zone?: string;
    ns?: string;
    image?: string;
    replicas?: number;
    ready?: number;
    paused?: boolean;
    kind?: 'GameDeployment' | 'GameStatefulSet';
  } = {},
): KubeObject {
  const replicas = opts.replicas ?? 2;
  const ready = opts.ready ?? replicas;
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: opts.kind ?? 'GameDeployment',
    metadata: {
      name,
      namespace: opts.ns ?? 'zone-101',
      uid: `u-${name}`,
      resourceVersion: '1',
      labels: { 'zonectl.io/zone': opts.zone ?? '101' },
    },
    spec: {
      replicas,
      template: { spec: { containers: [{ name: 'main', image: opts.image ?? 'registry.example.com/project1/service:0.1.0' }] } },
      updateStrategy: opts.paused
        ? { type: 'InplaceUpdate', paused: true, canary: { steps: [{ partition: 1 }, { pause: {} }] } }
        : { type: 'InplaceUpdate' },
    },
    status: opts.paused
      ? {
          replicas,
          readyReplicas: ready,
          updatedReplicas: 1,
          updatedReadyReplicas: 1,
          currentStepIndex: 1,
          currentRevision: 'a',
          updateRevision: 'b',
          pauseConditions: [{ reason: 'PausedByCanaryPauseStep', startTime: '2024-05-01T10:00:00Z' }],
        }
      : {
          replicas,
          readyReplicas: ready,
          updatedReplicas: replicas,
          updatedReadyReplicas: ready,
          currentRevision: 'a',
          updateRevision: 'a',
        },
  };
}

describe('serviceInstances', () => {
  it('expands id..endId, keeps single ids, refuses absurd ranges', () => {
    expect(serviceInstances({ type: 'gateway', id: '1', endId: '3' }).map((s) => s.id)).toEqual(['1', '2', '3']);
    expect(serviceInstances({ type: 'db', id: '1' })).toEqual([{ type: 'db', id: '1' }]);
    expect(serviceInstances({ type: 'robot', id: '1', endId: '100000' })).toHaveLength(1);
  });
});

describe('buildZones', () => {
  it('joins the seed-004 GameZone with its labelled workloads', () => {
    const gz = readGameZone(CL, zone1());
    const ws = [
      readGameStatefulSet(CL, gd('game-1', { kind: 'GameStatefulSet', image: 'registry.example.com/project1/service:0.2.0' })),
      readGameDeployment(CL, gd('db-1')),
      readGameDeployment(CL, gd('gateway-1')),
      readGameDeployment(CL, gd('gateway-2', { ready: 1 })),
      // auth-2 is missing
      readGameDeployment(CL, gd('other-9', { zone: '102' })),
    ];
    const zones = buildZones([gz], ws);
    expect(zones.map((z) => [z.zoneId, z.source])).toEqual([
      ['101', 'GameZone'],
      ['102', 'label'],
    ]);
    const z = zones[0];
    expect(z.services.map((s) => [s.type, s.id, s.workload])).toEqual([
      ['game', '1', 'game-1'],
      ['db', '1', 'db-1'],
      ['gateway', '1', 'gateway-1'],
      ['gateway', '2', 'gateway-2'],
      ['auth', '2', undefined],
    ]);
    expect([z.servicesReady, z.servicesTotal]).toEqual([3, 5]);
    expect(z.version).toBe('0.1.0');
    expect(z.rollout).toBe('complete');
    expect(z.rolloutMessage).toBe('up to date; missing auth-2');
  });

  it('desired vs running: a service whose image is not what the GameZone asks for is drift, named in the zone', () => {
    const gz = readGameZone(CL, zone1());
    const ws = [
      readGameStatefulSet(CL, gd('game-1', { kind: 'GameStatefulSet', image: 'registry.example.com/project1/service:0.3.0' })),
      readGameDeployment(CL, gd('db-1')),
      readGameDeployment(CL, gd('gateway-1')),
      readGameDeployment(CL, gd('gateway-2')),
      readGameDeployment(CL, gd('auth-2', { image: 'registry.example.com/project1/service:0.0.9' })),
    ];
    const z = buildZones([gz], ws)[0]!;
    expect(z.services.filter((x) => x.running).map((x) => [x.workload, x.image, x.running])).toEqual([
      ['game-1', 'registry.example.com/project1/service:0.2.0', 'registry.example.com/project1/service:0.3.0'],
      ['auth-2', undefined, 'registry.example.com/project1/service:0.0.9'],
    ]);
    expect(z.rollout).toBe('complete');
    expect(z.rolloutMessage).toBe('drift: game-1 runs 0.3.0, GameZone asks 0.2.0 (+1 more)');
    // The workloads name their owner (the GameZone generates them).
    const owned = gd('game-1', { kind: 'GameStatefulSet' });
    owned.metadata.ownerReferences = [
      { apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone', name: 'zone1', uid: 'z1', controller: true },
    ];
    expect(readGameStatefulSet(CL, owned).owner).toEqual({
      kind: 'GameZone',
      name: 'zone1',
      namespace: 'zone-101',
      apiVersion: 'apps.example.com/v1alpha1',
      reverts: 'on its next reconcile (any edit of the GameZone)',
      owns: 'image',
    });
  });

  it('roll-up: failed > paused > progressing > complete, with the worst named', () => {
    const ws = [readGameDeployment(CL, gd('game-1', { paused: true })), readGameDeployment(CL, gd('game-2'))];
    let z = buildZones([], ws)[0];
    expect(z).toMatchObject({ source: 'label', rollout: 'paused', rolloutMessage: 'game-1: paused: awaiting approval' });
    const failed = gd('db-1');
    failed.status.preDeleteHookCondition = [{ podName: 'db-1-0', phase: 'Failed' }];
    failed.status.updatedReplicas = 1;
    z = buildZones([], [...ws, readGameDeployment(CL, failed)])[0];
    expect(z).toMatchObject({ rollout: 'failed', rolloutMessage: 'db-1: failed: pre-delete hook Failed on db-1-0 (+1 more)' });
  });

  it('label zones: version is the most common image tag; grouped by cluster and namespace', () => {
    const ws = [
      readGameDeployment(CL, gd('game-1', { zone: '7', ns: 'z7', image: 'r/s:1.2.0' })),
      readGameDeployment(CL, gd('game-2', { zone: '7', ns: 'z7', image: 'r/s:1.2.0' })),
      readGameDeployment(CL, gd('game-3', { zone: '7', ns: 'z7', image: 'r/s:1.3.0' })),
      readGameDeployment('other', gd('game-1', { zone: '7', ns: 'z7', image: 'r/s:1.3.0' })),
    ];
    const zones = buildZones([], ws);
    expect(zones.map((z) => [z.cluster, z.zoneId, z.version, z.servicesTotal])).toEqual([
      ['other', '7', '1.3.0', 1],
      [CL, '7', '1.2.0', 3],
    ]);
    expect(zones[1].services[0]).toEqual({ type: 'game', id: '1', image: 'r/s:1.2.0', workload: 'game-1' });
  });

  it('a Kruise Rollout driving a zone workload contributes its pause to the roll-up', () => {
    const dep: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'auth-2', namespace: 'zone-101', labels: { 'zonectl.io/zone': '101' } },
      spec: { replicas: 2, template: { spec: { containers: [{ name: 'a', image: 'r/a:1' }] } } },
      status: { replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2 },
    };
    const ro: KubeObject = {
      apiVersion: 'rollouts.kruise.io/v1beta1',
      kind: 'Rollout',
      metadata: { name: 'auth-2-rollout', namespace: 'zone-101' },
      spec: {
        workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auth-2' },
        strategy: { canary: { steps: [{ replicas: 1 }] } },
      },
      status: {
        phase: 'Progressing',
        canaryStatus: { currentStepIndex: 1, currentStepState: 'StepPaused', lastUpdateTime: '2024-05-01T10:00:00Z' },
      },
    };
    const z = buildZones([], [readDeployment(CL, dep), readKruiseRollout(CL, ro)])[0];
    expect(z).toMatchObject({
      zoneId: '101',
      servicesTotal: 1,
      servicesReady: 1,
      rollout: 'paused',
      rolloutMessage: 'auth-2: paused: awaiting approval',
    });
  });

  it('an invalid GameZone stays a row; an invalid workload ranks above paused', () => {
    const bad = zone1();
    delete bad.spec.gameZone.zoneId;
    const zs = buildZones([readGameZone(CL, bad)], []);
    expect(zs[0]).toMatchObject({ rollout: 'invalid', invalid: 'spec.gameZone.zoneId: missing' });
    const broken = gd('game-9');
    broken.spec.replicas = 'x';
    const z = buildZones([], [readGameDeployment(CL, gd('game-1', { paused: true })), readGameDeployment(CL, broken)])[0];
    expect(z.rollout).toBe('invalid');
    expect([z.servicesReady, z.servicesTotal]).toEqual([1, 2]); // the invalid one is never ready
  });

  it('cluster-scoped GameZone matches workloads in any namespace of its cluster', () => {
    const o = zone1();
    delete o.metadata.namespace;
    const z = buildZones([readGameZone(CL, o)], [readGameDeployment(CL, gd('db-1', { ns: 'anywhere' }))])[0];
    expect(z.services.find((s) => s.type === 'db')?.workload).toBe('db-1');
  });
});
