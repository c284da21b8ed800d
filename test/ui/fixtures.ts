// Test data for the console: realistic fleet snapshots built from model objects (the UI's input),
// and a tiny in-memory SnapshotSource.
import type {
  ClusterInfo,
  FederatedInfo,
  FedClusterInfo,
  HookRunInfo,
  PodInfo,
  RolloutStatus,
  RolloutStep,
  WorkloadInfo,
  ZoneInfo,
} from '../../source/model/types.js';
import type { WorkloadKind } from '../../source/model/workload-kinds.js';
import type { Snapshot, SnapshotSource } from '../../source/store/types.js';

export const NOW = Date.parse('2026-05-01T12:00:00Z');
export const iso = (msAgo: number): string => new Date(NOW - msAgo).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export const CLUSTERS: ClusterInfo[] = [
  { name: 'sh-prod-1', server: 'https://10.0.1.1:6443', user: 'ops-alice', state: 'ready', version: 'v1.30.4', latencyMs: 12 },
  { name: 'nj-prod-1', server: 'https://10.0.2.1:6443', user: 'ops-alice', state: 'ready', version: 'v1.30.4', latencyMs: 18.4 },
  {
    name: 'sg-prod-1',
    server: 'https://10.0.3.1:6443',
    user: 'ops-alice',
    state: 'unreachable',
    version: 'v1.29.8',
    lastError: 'dial tcp 10.0.3.1:6443: connect: connection refused',
  },
  { name: 'fed-host', server: 'https://10.0.0.1:6443', user: 'ops-alice', state: 'ready', version: 'v1.30.4', latencyMs: 9 },
];

const ZONE_NAMES = ['华东一区 风云', '江南二区', '新加坡一区', 'Test zone', '华北三区 龙腾'];

const STEPS: RolloutStep[] = [
  { index: 0, kind: 'partition', partition: 2, summary: 'partition 2' },
  { index: 1, kind: 'pause', summary: 'pause (manual)' },
  { index: 2, kind: 'hook', hookTemplate: 'check-online', summary: 'hook check-online' },
  { index: 3, kind: 'partition', partition: 0, summary: 'partition 0' },
];

function rollout(kind: 'complete' | 'paused' | 'progressing' | 'failed', replicas: number): RolloutStatus {
  const base: RolloutStatus = {
    strategy: 'InplaceUpdate',
    currentRevision: 'game-1-7c9f5d',
    updateRevision: 'game-1-7c9f5d',
    replicas,
    updated: replicas,
    updatedReady: replicas,
    ready: replicas,
    steps: STEPS,
    stepIndex: STEPS.length,
    phase: 'complete',
    paused: false,
    message: 'up to date',
    hookConditions: [],
    actions: [{ action: 'hotupdate', possible: true }],
  };
  switch (kind) {
    case 'complete':
      return base;
    case 'paused':
      return {
        ...base,
        updateRevision: 'game-1-8d0a6e',
        updated: 1,
        updatedReady: 1,
        stepIndex: 1,
        phase: 'paused',
        paused: true,
        pauseReason: 'PausedByCanaryPauseStep',
        pausedSince: iso(12 * MIN),
        message: 'paused: awaiting approval',
        partition: 2,
        actions: [
          { action: 'approve', possible: true, reason: 'continues to step 3/4' },
          { action: 'reject', possible: true, reason: 'restores revision game-1-7c9f5d' },
          { action: 'skip-hook', possible: false, reason: 'the current step has no hook' },
          { action: 'retry-hooks', possible: false, reason: 'no failed pre-delete / pre-inplace / post-inplace hooks' },
          { action: 'hotupdate', possible: true, reason: 'containers restart in place; pods keep their identity' },
          { action: 'hold', possible: true, reason: 'sets partition to 3: no further pods are updated' },
          { action: 'release', possible: false, reason: 'not held by zonectl' },
        ],
      };
    case 'progressing':
      return {
        ...base,
        updateRevision: 'game-1-8d0a6e',
        updated: 2,
        updatedReady: 1,
        stepIndex: 2,
        phase: 'progressing',
        hookRunName: 'game-1-check-online-2',
        hookPhase: 'Running',
        message: 'hook check-online running',
        hookConditions: [{ type: 'pre-inplace', podName: 'game-1-1', phase: 'Running', startTime: iso(MIN) }],
      };
    case 'failed':
      return {
        ...base,
        updateRevision: 'game-1-8d0a6e',
        updated: 1,
        updatedReady: 0,
        ready: replicas - 1,
        stepIndex: 2,
        phase: 'failed',
        hookRunName: 'game-1-check-online-2',
        hookPhase: 'Failed',
        message: 'hook check-online failed',
      };
  }
}

export interface FleetOptions {
  zonesPerCluster?: number;
  podsPerService?: number;
}

/** A fleet of 3 member clusters (one unreachable) + a kubefed host, with zones, workloads, pods, hooks. */
export function makeSnapshot(opts: FleetOptions = {}): Snapshot {
  const zonesPer = opts.zonesPerCluster ?? 4;
  const podsPer = opts.podsPerService ?? 3;
  const zones: ZoneInfo[] = [];
  const workloads: WorkloadInfo[] = [];
  const pods: PodInfo[] = [];
  const hookRuns: HookRunInfo[] = [];
  let uid = 0;
  const members = CLUSTERS.filter((c) => c.name !== 'fed-host');
  members.forEach((c, ci) => {
    for (let zi = 0; zi < zonesPer; zi++) {
      const zoneId = String(1001 + ci * 100 + zi);
      const ns = `game-${zoneId}`;
      // The first zone of sh-prod-1 is paused, the second progressing; nj's first failed.
      const state = ci === 0 && zi === 0 ? 'paused' : ci === 0 && zi === 1 ? 'progressing' : ci === 1 && zi === 0 ? 'failed' : 'complete';
      const services: Array<{ type: string; id: string; kind: WorkloadKind }> = [
        { type: 'game', id: '1', kind: 'GameStatefulSet' },
        { type: 'db', id: '1', kind: 'GameDeployment' },
        { type: 'gateway', id: '1', kind: 'GameDeployment' },
      ];
      let ready = 0;
      for (const s of services) {
        const name = `${s.type}-${s.id}`;
        const r = rollout(s.type === 'game' ? state : 'complete', podsPer);
        if (r.ready === r.replicas) ready++;
        const tag = r.phase === 'complete' ? 'v1.4.2' : 'v1.5.0';
        const w: WorkloadInfo = {
          cluster: c.name,
          namespace: ns,
          name,
          kind: s.kind,
          apiVersion: 'tkex.tencent.com/v1alpha1',
          uid: `uid-${++uid}`,
          resourceVersion: String(1000 + uid),
          createdAt: iso((10 + zi) * DAY),
          labels: { 'zonectl.io/zone': zoneId },
          zone: zoneId,
          service: name,
          containers: [{ name: 'main', image: `registry.example.com/game/${s.type}:${tag}` }],
          selector: { app: name, zone: zoneId },
          rollout: r,
        };
        workloads.push(w);
        for (let p = 0; p < podsPer; p++) {
          const podName = `${name}-${p}`;
          const isNew = r.updateRevision !== r.currentRevision && p < r.updated;
          pods.push({
            cluster: c.name,
            namespace: ns,
            name: podName,
            uid: `uid-${++uid}`,
            resourceVersion: String(2000 + uid),
            phase: 'Running',
            ready: !(r.phase === 'failed' && p === 0),
            restarts: p === 2 ? 1 : 0,
            node: `node-${(p % 3) + 1}`,
            revision: isNew ? r.updateRevision : r.currentRevision,
            owner: { kind: s.kind, name },
            containers: [{ name: 'main', image: w.containers[0].image, ready: true, restartCount: 0 }],
            createdAt: iso(DAY),
            labels: { app: name, zone: zoneId },
          });
        }
        if (r.hookRunName) {
          hookRuns.push({
            cluster: c.name,
            namespace: ns,
            name: r.hookRunName,
            uid: `uid-${++uid}`,
            resourceVersion: '1',
            phase: r.hookPhase ?? 'Unknown',
            type: 'canary-step',
            terminate: false,
            args: [],
            stepIndex: 2,
            owner: { kind: s.kind, name },
            createdAt: iso(2 * MIN),
            metrics: [
              {
                name: 'online-players',
                phase: r.hookPhase === 'Failed' ? 'Failed' : 'Running',
                count: 3,
                successful: 2,
                failed: r.hookPhase === 'Failed' ? 1 : 0,
                lastValue: '1234',
              },
            ],
          });
        }
      }
      zones.push({
        cluster: c.name,
        namespace: ns,
        zoneId,
        name: ZONE_NAMES[(ci * zonesPer + zi) % ZONE_NAMES.length],
        source: 'GameZone',
        uid: `uid-${++uid}`,
        createdAt: iso((30 + zi) * DAY),
        version: state === 'complete' ? 'v1.4.2' : 'v1.5.0',
        defaultImage: 'registry.example.com/game/game:v1.4.2',
        services: services.map((s) => ({ type: s.type, id: s.id, workload: `${s.type}-${s.id}` })),
        servicesReady: ready,
        servicesTotal: services.length,
        rollout: state,
        rolloutMessage:
          state === 'complete'
            ? 'up to date'
            : state === 'paused'
              ? 'game-1 paused: awaiting approval'
              : state === 'failed'
                ? 'game-1 hook failed'
                : 'game-1 updating 2/3',
      });
    }
  });
  const fedClusters: FedClusterInfo[] = members.map((c) => ({
    cluster: 'fed-host',
    name: c.name,
    apiEndpoint: c.server,
    ready: c.state === 'ready' ? 'True' : 'False',
  }));
  const federated: FederatedInfo[] = [
    {
      cluster: 'fed-host',
      namespace: 'game-1001',
      name: 'gateway-1',
      kind: 'FederatedGameDeployment',
      targetKind: 'GameDeployment',
      uid: 'fed-1',
      resourceVersion: '77',
      placement: ['sh-prod-1', 'nj-prod-1', 'sg-prod-1'],
      template: {
        spec: { replicas: 3, template: { spec: { containers: [{ name: 'main', image: 'registry.example.com/game/gateway:v1.4.2' }] } } },
        data: { dbPassword: 'hunter2' },
      },
      clusters: [
        { name: 'sh-prod-1', status: '', overrides: [] },
        { name: 'nj-prod-1', status: '', overrides: [{ op: 'replace', path: '/spec/replicas', value: 5 }] },
        { name: 'sg-prod-1', status: 'ClusterNotReady', overrides: [] },
      ],
      propagation: { status: 'True', reason: 'CheckClusters' },
    },
  ];
  return {
    seq: 1,
    clusters: CLUSTERS,
    zones,
    workloads,
    hookRuns,
    pods,
    federated,
    fedClusters,
    synced: Object.fromEntries(CLUSTERS.map((c) => [c.name, c.state === 'ready'])),
  };
}

/** A big snapshot: n zones spread over the member clusters (for 10k-row benchmarks). */
export function bigSnapshot(n: number): Snapshot {
  const base = makeSnapshot({ zonesPerCluster: 1, podsPerService: 1 });
  const zones: ZoneInfo[] = [];
  for (let i = 0; i < n; i++) {
    const c = CLUSTERS[i % 3];
    zones.push({
      cluster: c.name,
      namespace: `game-${i}`,
      zoneId: String(100000 + i),
      name: `${ZONE_NAMES[i % ZONE_NAMES.length]} ${i}`,
      source: 'label',
      createdAt: iso((i % 90) * DAY + HOUR),
      version: `v1.${i % 7}.0`,
      services: [],
      servicesReady: 3,
      servicesTotal: 3,
      rollout: i % 50 === 0 ? 'paused' : 'complete',
      rolloutMessage: i % 50 === 0 ? 'game-1 paused: awaiting approval' : 'up to date',
    });
  }
  return { ...base, zones };
}

/** In-memory SnapshotSource: publish() notifies subscribers synchronously (the UI coalesces). */
export class MemorySource implements SnapshotSource {
  private listeners = new Set<(s: Snapshot) => void>();
  constructor(private current: Snapshot) {}
  snapshot(): Snapshot {
    return this.current;
  }
  subscribe(fn: (s: Snapshot) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }
  publish(next: Snapshot): void {
    this.current = { ...next, seq: this.current.seq + 1 };
    for (const l of this.listeners) l(this.current);
  }
  get subscribers(): number {
    return this.listeners.size;
  }
}
