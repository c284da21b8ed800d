// Benchmark (issue 12): the cost of alert derivation at 10 clusters x 100k pods (50k workloads,
// 5k zones), against the console's frame budget (66 ms a snapshot at 15 fps).
//  A. the console's snapshot: workloads, zones, clusters, federated objects; no pods (the console
//     watches pods only for the screen in front): the first derivation (every row read), a snapshot
//     with nothing changed, and a snapshot where one workload row changed (the store's usual case).
//  B. the worst case: all 100k pods in the snapshot too (as if every pod were watched).
// Rows are made by the product's own readers (readGameDeployment, readPod) from objects shaped like
// the simulator's; about 1% of them have a problem (paused, not ready, crash-looping pods).
// Prints median and p95 per case; exits 1 when the console's snapshot misses the budget at p95, or
// the all-pods case at its median.
// Run: node --experimental-transform-types --no-warnings --import ./test/bench/ts-hooks.mjs test/bench/alerts-derive.ts [--pods 100000]
import { loadavg } from 'node:os';
import { DEFAULT_ALERT_THRESHOLDS } from '../../source/config/alerts.js';
import { readGameDeployment } from '../../source/kinds/gamedeployment.js';
import { readPod } from '../../source/kinds/pod.js';
import type { KubeObject } from '../../source/kube/object.js';
import { AlertEngine, type AlertInput } from '../../source/model/alerts/engine.js';
import type { ClusterInfo, PodInfo, WorkloadInfo, ZoneInfo } from '../../source/model/types.js';

const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const PODS = arg('pods', 100_000);
const CLUSTERS = 10;
const PODS_PER_WORKLOAD = 2;
const SERVICES = 10;
const BUDGET_MS = 66;
const RUNS = arg('runs', 30);
const NOW = Date.parse('2026-12-03T10:00:00Z');
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();

function gameDeployment(cluster: string, ns: string, name: string, zone: string, i: number): KubeObject {
  const paused = i % 200 === 7;
  const notReady = i % 150 === 3;
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameDeployment',
    metadata: {
      name,
      namespace: ns,
      uid: `${cluster}-${ns}-${name}`,
      resourceVersion: '1',
      generation: 2,
      labels: { 'zonectl.io/zone': zone, app: name },
    },
    spec: {
      replicas: PODS_PER_WORKLOAD,
      selector: { matchLabels: { app: name } },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name: 'main', image: `registry.example.com/game/service:1.8.${paused ? 3 : 2}` }] },
      },
      updateStrategy: { type: 'InplaceUpdate', ...(paused ? { canary: { steps: [{ partition: 1 }, { pause: {} }] } } : {}) },
    },
    status: {
      observedGeneration: 2,
      replicas: PODS_PER_WORKLOAD,
      readyReplicas: notReady ? 1 : PODS_PER_WORKLOAD,
      availableReplicas: notReady ? 1 : PODS_PER_WORKLOAD,
      updatedReplicas: paused ? 1 : PODS_PER_WORKLOAD,
      updatedReadyReplicas: paused ? 1 : PODS_PER_WORKLOAD,
      currentRevision: paused ? 'r1' : 'r2',
      updateRevision: 'r2',
      ...(paused ? { currentStepIndex: 1, pauseConditions: [{ reason: 'PausedByCanaryPauseStep', startTime: iso(45 * 60_000) }] } : {}),
    },
  };
}

function podObject(cluster: string, ns: string, owner: string, n: number, i: number): KubeObject {
  const crash = i % 1000 === 11;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${owner}-${n}`,
      namespace: ns,
      uid: `${cluster}-${ns}-${owner}-${n}`,
      resourceVersion: '1',
      labels: { app: owner },
      ownerReferences: [{ apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment', name: owner, uid: 'x', controller: true }],
    },
    spec: { nodeName: 'node-1', containers: [{ name: 'main', image: 'registry.example.com/game/service:1.8.2' }] },
    status: {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: crash ? 'False' : 'True' }],
      containerStatuses: [
        {
          name: 'main',
          image: 'registry.example.com/game/service:1.8.2',
          ready: !crash,
          restartCount: crash ? 7 : 0,
          state: crash ? { waiting: { reason: 'CrashLoopBackOff' } } : { running: { startedAt: iso(3_600_000) } },
          ...(crash ? { lastState: { terminated: { reason: 'Error' } } } : {}),
        },
      ],
    },
  };
}

// ---- the fleet ----
const t0 = performance.now();
const clusters: ClusterInfo[] = [];
const workloads: WorkloadInfo[] = [];
const pods: PodInfo[] = [];
const zones: ZoneInfo[] = [];
const workloadsPerCluster = PODS / PODS_PER_WORKLOAD / CLUSTERS;
let wi = 0;
let pi = 0;
for (let c = 0; c < CLUSTERS; c++) {
  const cluster = `cluster-${c}`;
  clusters.push({ name: cluster, server: `https://${cluster}`, user: 'admin', state: c === 9 ? 'degraded' : 'ready' });
  for (let z = 0; z < workloadsPerCluster / SERVICES; z++) {
    const zone = String(1000 + z);
    const ns = `zone-${zone}`;
    const services: ZoneInfo['services'] = [];
    for (let s = 0; s < SERVICES; s++) {
      const name = `game-${s + 1}`;
      const w = readGameDeployment(cluster, gameDeployment(cluster, ns, name, zone, wi++), { hookRuns: [], zoneLabel: 'zonectl.io/zone' });
      workloads.push(w);
      services.push({ type: 'game', id: String(s + 1), image: w.containers[0]!.image, workload: name });
      for (let n = 0; n < PODS_PER_WORKLOAD; n++) pods.push(readPod(cluster, podObject(cluster, ns, name, n, pi++)));
    }
    zones.push({
      cluster,
      namespace: ns,
      zoneId: zone,
      name: `zone${zone}`,
      source: 'label',
      services,
      servicesReady: SERVICES,
      servicesTotal: SERVICES,
      rollout: 'complete',
      rolloutMessage: '',
    });
  }
}
const buildS = (performance.now() - t0) / 1000;

function measure(label: string, input: () => AlertInput, prime: boolean): { median: number; p95: number; alerts: number } {
  const times: number[] = [];
  let alerts = 0;
  for (let r = 0; r < RUNS; r++) {
    const engine = prime ? shared : new AlertEngine(DEFAULT_ALERT_THRESHOLDS);
    const inp = input();
    const t = performance.now();
    alerts = engine.derive(inp, NOW + r * 1000).alerts.length;
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const res = { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]!, alerts };
  console.log(
    `  ${label.padEnd(58)} median ${res.median.toFixed(2).padStart(7)} ms  p95 ${res.p95.toFixed(2).padStart(7)} ms  (${alerts} alerts)`,
  );
  return res;
}

const shared = new AlertEngine(DEFAULT_ALERT_THRESHOLDS);
const console_ = (ws: WorkloadInfo[], ps: PodInfo[] = []): AlertInput => ({ clusters, workloads: ws, pods: ps, zones, federated: [] });
/** One workload row replaced by a changed copy (what the store does on one watch event). */
function oneChanged(ws: WorkloadInfo[], r: number): WorkloadInfo[] {
  const next = ws.slice();
  const i = (r * 7919) % next.length;
  next[i] = { ...next[i]!, resourceVersion: String(r + 2) };
  return next;
}
function onePodChanged(ps: PodInfo[], r: number): PodInfo[] {
  const next = ps.slice();
  const i = (r * 7919) % next.length;
  next[i] = { ...next[i]!, resourceVersion: String(r + 2) };
  return next;
}

console.log(
  `alerts-derive: ${CLUSTERS} clusters, ${workloads.length} workloads, ${zones.length} zones, ${pods.length} pods (built in ${buildS.toFixed(1)} s); ${RUNS} runs each; load ${loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')}`,
);
console.log('A. console snapshot (no pods watched)');
measure('first derivation (fresh engine, every row read)', () => console_(workloads), false);
shared.derive(console_(workloads), NOW);
const warmA = measure('snapshot, nothing changed', () => console_(workloads), true);
let ws = workloads;
let r0 = 0;
const oneA = measure('snapshot, one workload changed', () => console_((ws = oneChanged(ws, r0++))), true);
console.log('B. every pod in the snapshot too (worst case)');
measure('first derivation (fresh engine, every row read)', () => console_(workloads, pods), false);
shared.derive(console_(workloads, pods), NOW);
const warmB = measure('snapshot, nothing changed', () => console_(workloads, pods), true);
let ps = pods;
let r1 = 0;
const oneB = measure('snapshot, one pod changed', () => console_(workloads, (ps = onePodChanged(ps, r1++))), true);
// The console's snapshot must fit the frame budget at p95; the all-pods worst case (never the
// console's configuration) at its median, its p95 is reported (GC pauses of a 100k-row heap).
const consoleP95 = Math.max(warmA.p95, oneA.p95);
const allPodsMedian = Math.max(warmB.median, oneB.median);
const ok = consoleP95 <= BUDGET_MS && allPodsMedian <= BUDGET_MS;
console.log(
  `budget ${BUDGET_MS} ms per snapshot (15 fps): console p95 ${consoleP95.toFixed(2)} ms, all-pods median ${allPodsMedian.toFixed(2)} ms (p95 ${Math.max(warmB.p95, oneB.p95).toFixed(2)} ms) -> ${ok ? 'ok' : 'MISSED'}`,
);
process.exitCode = ok ? 0 : 1;
