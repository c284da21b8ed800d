// The version matrix: what runs (pods, else the workload), what is asked (GameZone, Federated), mixed
// and drift, and the filters.
import { describe, expect, test } from 'vitest';
import type { FederatedInfo, PodInfo, RolloutStatus, WorkloadInfo, ZoneInfo } from '../../../source/model/types.js';
import { versionFilter } from '../../../source/model/version-filter.js';
import { filterVersions, imageRepository, PREVIOUS, runningText, versionMatrix } from '../../../source/model/versions.js';
import { versionColumns, versionRows } from '../../../source/model/columns/versions.js';

const REPO = 'registry.example.com/project1/service';

function rollout(o: Partial<RolloutStatus> = {}): RolloutStatus {
  return {
    strategy: 'InplaceUpdate',
    replicas: 3,
    updated: 3,
    updatedReady: 3,
    ready: 3,
    steps: [],
    phase: 'complete',
    paused: false,
    message: '',
    hookConditions: [],
    actions: [],
    ...o,
  };
}

function workload(name: string, image: string, o: Partial<WorkloadInfo> = {}): WorkloadInfo {
  return {
    cluster: 'shanghai',
    namespace: 'zone-101',
    name,
    kind: 'GameDeployment' as WorkloadInfo['kind'],
    apiVersion: 'tkex.tencent.com/v1alpha1',
    uid: `uid-${name}`,
    resourceVersion: '1',
    labels: {},
    zone: '101',
    service: name,
    containers: [{ name: 'main', image }],
    rollout: rollout(),
    ...o,
  };
}

function pod(owner: string, i: number, image: string, runningImage?: string, ownerKind = 'GameDeployment'): PodInfo {
  return {
    cluster: 'shanghai',
    namespace: 'zone-101',
    name: `${owner}-${i}`,
    uid: `pod-${owner}-${i}`,
    resourceVersion: '1',
    phase: 'Running',
    ready: true,
    restarts: 0,
    owner: { kind: ownerKind, name: owner },
    labels: {},
    containers: [
      { name: 'sidecar', image: 'envoy:1.0', ready: true, restartCount: 0 },
      { name: 'main', image, ready: true, restartCount: 0, ...(runningImage ? { runningImage } : {}) },
    ],
  };
}

function zone(services: Array<{ type: string; id: string; image?: string; workload?: string }>, o: Partial<ZoneInfo> = {}): ZoneInfo {
  return {
    cluster: 'shanghai',
    namespace: 'zone-101',
    zoneId: '101',
    name: 'zone101',
    source: 'GameZone',
    defaultImage: `${REPO}:1.8.2`,
    services,
    servicesReady: services.length,
    servicesTotal: services.length,
    rollout: 'complete',
    rolloutMessage: 'up to date',
    ...o,
  };
}

describe('what runs', () => {
  test('from the pods when they were read: the container of the workload, its status image during an in-place update', () => {
    const z = zone([{ type: 'game', id: '1', image: `${REPO}:1.9.0`, workload: 'game-1' }]);
    const w = workload('game-1', `${REPO}:1.9.0`, { rollout: rollout({ updated: 1, phase: 'progressing' }) });
    // Pod 0 is updated; pod 1's spec says 1.9.0 but its container still runs 1.8.2 (in place, not restarted yet).
    const pods = [pod('game-1', 0, `${REPO}:1.9.0`), pod('game-1', 1, `${REPO}:1.9.0`, `${REPO}:1.8.2`), pod('game-1', 2, `${REPO}:1.8.2`)];
    const [m] = versionMatrix({ zones: [z], workloads: [w], pods });
    const s = m!.services[0]!;
    expect(s.source).toBe('pods');
    expect(s.running).toEqual([
      { version: '1.8.2', image: `${REPO}:1.8.2`, pods: 2 },
      { version: '1.9.0', image: `${REPO}:1.9.0`, pods: 1 },
    ]);
    expect(s.mixed).toBe(true);
    expect(s.drift).toBe(true);
    expect(s.desired).toEqual({ version: '1.9.0', image: `${REPO}:1.9.0`, from: 'GameZone' });
    expect(runningText(s)).toBe('1.8.2×2 1.9.0×1');
    expect(m!.mixed).toBe(true);
    expect(m!.mixedReason).toBe('game-1 runs 1.8.2 and 1.9.0');
    expect(m!.versions).toEqual(['1.8.2', '1.9.0']);
  });

  test('from the workload without pods: the spec image on the updated pods, "previous" on the rest', () => {
    const z = zone([{ type: 'game', id: '1', workload: 'game-1' }]);
    const w = workload('game-1', `${REPO}:1.9.0`, { rollout: rollout({ replicas: 10, updated: 3, phase: 'paused' }) });
    const [m] = versionMatrix({ zones: [z], workloads: [w] });
    const s = m!.services[0]!;
    expect(s.source).toBe('workload');
    expect(s.running).toEqual([
      { version: PREVIOUS, pods: 7 },
      { version: '1.9.0', image: `${REPO}:1.9.0`, pods: 3 },
    ]);
    expect(s.mixed).toBe(true);
    // The zone asks for its default (1.8.2): the updated pods run something else.
    expect(s.drift).toBe(true);
    expect(runningText(s)).toBe('1.9.0 on 3/10');
    expect(m!.versions).toEqual(['1.9.0']);
  });

  test('pods listed but none of this workload (scaled to 0, or not yet created): the workload says', () => {
    const z = zone([{ type: 'db', id: '1', workload: 'db-1' }]);
    const [m] = versionMatrix({ zones: [z], workloads: [workload('db-1', `${REPO}:1.8.2`)], pods: [pod('other', 0, 'x:1')] });
    expect(m!.services[0]).toMatchObject({ source: 'workload', running: [{ version: '1.8.2', pods: 3 }], mixed: false, drift: false });
  });

  test("a Deployment's pods belong to it through their ReplicaSet", () => {
    const z = zone([{ type: 'web', id: '1', workload: 'web-1' }], { source: 'label', defaultImage: undefined });
    const w = workload('web-1', 'nginx:1.27', { kind: 'Deployment' as WorkloadInfo['kind'] });
    const pods = [
      pod('web-1-5d8f9c', 0, 'nginx:1.26', undefined, 'ReplicaSet'),
      pod('web-1-7b4c2a', 1, 'nginx:1.27', undefined, 'ReplicaSet'),
    ];
    const [m] = versionMatrix({ zones: [z], workloads: [w], pods });
    expect(runningText(m!.services[0]!)).toBe('1.26×1 1.27×1');
    expect(m!.services[0]!.desired).toBeUndefined();
  });

  test('a service without a workload is missing; a rollout controller (workloadRef) is not a service', () => {
    const z = zone([
      { type: 'auth', id: '1' },
      { type: 'game', id: '1', workload: 'game-1' },
    ]);
    const ctl = workload('game-1', 'argo:1', {
      kind: 'Rollout' as WorkloadInfo['kind'],
      workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'game-1' },
    });
    const [m] = versionMatrix({ zones: [z], workloads: [ctl, workload('game-1', `${REPO}:1.8.2`)] });
    expect(m!.services.map((s) => [s.service, s.source, runningText(s)])).toEqual([
      ['auth-1', 'none', '-'],
      ['game-1', 'workload', '1.8.2'],
    ]);
  });
});

describe('what is asked for', () => {
  test("a kubefed member: its Federated object's template, or this cluster's override", () => {
    const z = zone([{ type: 'login', id: '', workload: 'login' }], { source: 'label', defaultImage: undefined });
    const owner = { kind: 'kubefed' as const, name: 'login', reverts: 'on the next propagation', owns: 'spec' as const };
    const fed: FederatedInfo = {
      cluster: 'fed-host',
      namespace: 'zone-101',
      name: 'login',
      kind: 'FederatedGameDeployment',
      targetKind: 'GameDeployment',
      uid: 'f',
      resourceVersion: '1',
      placement: ['shanghai', 'nanjing'],
      template: { spec: { template: { spec: { containers: [{ name: 'login', image: 'login:2.3.0' }] } } } },
      clusters: [
        {
          name: 'nanjing',
          status: '',
          overrides: [{ op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'login:2.3.1' }],
        },
      ],
      propagation: { status: 'Propagated' },
    };
    const sh = workload('login', 'login:2.3.0', { owner });
    const nj = workload('login', 'login:2.3.0', { owner, cluster: 'nanjing' });
    const [a, b] = versionMatrix({ zones: [z, { ...z, cluster: 'nanjing' }], workloads: [sh, nj], federated: [fed] });
    expect(a!.services[0]).toMatchObject({ desired: { version: '2.3.0', from: 'Federated' }, drift: false });
    expect(b!.services[0]).toMatchObject({ desired: { version: '2.3.1', from: 'Federated' }, drift: true });
  });
});

describe('mixed zones', () => {
  const services = [
    { type: 'game', id: '1', workload: 'game-1' },
    { type: 'db', id: '1', workload: 'db-1' },
  ];

  test('two services of one image repository on different tags, one not as asked: mixed', () => {
    const [m] = versionMatrix({
      zones: [zone(services)],
      workloads: [workload('game-1', `${REPO}:1.9.0`), workload('db-1', `${REPO}:1.8.2`)],
    });
    expect(m!.mixed).toBe(true);
    expect(m!.mixedReason).toBe('game-1 runs 1.9.0, db-1 runs 1.8.2');
  });

  test('a hotfix the GameZone entry pins on purpose is not mixed; different repositories never are', () => {
    const pinned = [{ ...services[0]!, image: `${REPO}:1.8.2-hotfix1` }, services[1]!];
    const [m] = versionMatrix({
      zones: [zone(pinned)],
      workloads: [workload('game-1', `${REPO}:1.8.2-hotfix1`), workload('db-1', `${REPO}:1.8.2`)],
    });
    expect(m!.mixed).toBe(false);
    const label = zone(services, { source: 'label', defaultImage: undefined });
    const [n] = versionMatrix({ zones: [label], workloads: [workload('game-1', 'game:2.0'), workload('db-1', 'mysql:8.0')] });
    expect(n!.mixed).toBe(false);
  });

  test('imageRepository drops the tag and digest, not a registry port', () => {
    expect(imageRepository('registry:5000/a/b:1.2@sha256:abc')).toBe('registry:5000/a/b');
    expect(imageRepository('registry:5000/a/b')).toBe('registry:5000/a/b');
  });
});

describe('filters and rows', () => {
  const zones = [
    zone([
      { type: 'game', id: '1', workload: 'game-1' },
      { type: 'db', id: '1', workload: 'db-1' },
    ]),
    zone([{ type: 'game', id: '1', workload: 'game-1' }], { zoneId: '102', namespace: 'zone-102', name: 'zone102' }),
  ];
  const workloads = [
    workload('game-1', `${REPO}:1.9.0`),
    workload('db-1', `${REPO}:1.8.2`),
    workload('game-1', `${REPO}:1.9.0`, { namespace: 'zone-102', zone: '102' }),
  ];
  const matrix = versionMatrix({ zones, workloads });

  test('--version keeps the services running a matching version, and their zones', () => {
    const old = filterVersions(matrix, { version: versionFilter('1.8.x') });
    expect(old.map((z) => [z.zoneId, z.services.map((s) => s.service)])).toEqual([['101', ['db-1']]]);
    expect(filterVersions(matrix, { version: versionFilter('>=1.9') }).map((z) => z.zoneId)).toEqual(['101', '102']);
  });

  test('--mixed keeps the mixed zones whole', () => {
    expect(filterVersions(matrix, { mixed: true }).map((z) => [z.zoneId, z.services.length])).toEqual([['101', 2]]);
  });

  test('one row per zone and service; the table cells say what runs, what is asked and the state', () => {
    const rows = versionRows(matrix);
    const cells = rows.map((r) => versionColumns.filter((c) => c.table === 'table').map((c) => c.cell(r, { now: 0 }).text));
    expect(cells).toEqual([
      ['shanghai', '101', 'game-1', '1.9.0', '1.8.2', 'drift: wants 1.8.2'],
      ['shanghai', '101', 'db-1', '1.8.2', '1.8.2', 'zone mixed'],
      ['shanghai', '102', 'game-1', '1.9.0', '1.8.2', 'drift: wants 1.8.2'],
    ]);
  });
});
