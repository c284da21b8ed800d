// Benchmark (DESIGN §8): watch events absorbed without UI lag (budget >= 5,000 events/s).
// A child process serves one simulated cluster with 2,000 GameDeployments and rewrites their
// `bench-t` label (the write time, ms) at a target rate. This process runs zonectl's real store
// (informer -> cache -> kind readers -> coalesced snapshots at 15/s) and, per published snapshot, measures
// how far behind the newest write it is. Reports events/s absorbed and snapshot lag p50/p99/max.
// Run: npm run build && node test/bench/watch-rate.ts [--rate 5000] [--seconds 10]
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const arg = (n: string, d: number) => (process.argv.includes(`--${n}`) ? Number(process.argv[process.argv.indexOf(`--${n}`) + 1]) : d);
const rate = arg('rate', 5000);
const seconds = arg('seconds', 10);
const WORKLOADS = 2000;

const childCode = `
import { MemoryStore } from '${root}/dist/source/sim/store.js';
import { startSimCluster } from '${root}/dist/source/sim/cluster-server.js';
import { writeKubeconfig } from '${root}/dist/source/sim/kubeconfig.js';
const NS = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };
const GD = { group: 'tkex.tencent.com', version: 'v1alpha1', resource: 'gamedeployments', kind: 'GameDeployment', namespaced: true };
const store = new MemoryStore('bench', { historySize: 200000 });
store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'games' } });
for (let i = 0; i < ${WORKLOADS}; i++) store.create(GD, { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment',
  metadata: { name: 'gd-' + i, namespace: 'games', labels: { 'zonectl.io/zone': String(i % 200), 'bench-t': '0' } },
  spec: { replicas: 3, selector: { matchLabels: { app: 'gd-' + i } }, template: { metadata: { labels: { app: 'gd-' + i } }, spec: { containers: [{ name: 'game', image: 'r/game:1' }] } }, updateStrategy: { type: 'InplaceUpdate' } },
  status: { replicas: 3, readyReplicas: 3, updatedReplicas: 3, updatedReadyReplicas: 3 } });
const sim = await startSimCluster({ name: 'bench', store });
console.log('KUBECONFIG ' + writeKubeconfig([sim]));
process.stdin.once('data', () => {
  const start = Date.now(); let n = 0;
  const tick = () => {
    const due = Math.floor(((Date.now() - start) / 1000) * ${rate});
    while (n < due) { const i = n % ${WORKLOADS}; store.mutate(GD, 'games', 'gd-' + i, (o) => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, 'bench-t': String(Date.now()) } } })); n++; }
    if (Date.now() - start < ${seconds * 1000}) setTimeout(tick, 5); else console.log('WROTE ' + n);
  };
  tick();
});
`;

const child = spawn(process.execPath, ['--input-type=module', '-e', childCode], { stdio: ['pipe', 'pipe', 'inherit'] });
let out = '';
const kubeconfig: string = await new Promise((res) =>
  child.stdout!.on('data', (d) => {
    out += d;
    const m = /KUBECONFIG (\S+)/.exec(out);
    if (m) res(m[1]!);
  }),
);

const { openSession } = await import(`${root}/dist/source/app/session.js`);
const s = openSession({ kubeconfig, context: ['bench'], namespace: 'games' }, ['rollouts'], { intervalMs: 66 });
s.store.start();
await s.store.waitForSync(30_000);
const inf = () => s.store.informers('bench').reduce((a: number, i: { stats: { events: number } }) => a + i.stats.events, 0);
const lags: number[] = [];
let snaps = 0;
s.store.subscribe((snap: { workloads: Array<{ labels: Record<string, string> }> }) => {
  snaps++;
  let newest = 0;
  for (const w of snap.workloads) newest = Math.max(newest, Number(w.labels['bench-t'] ?? 0));
  if (newest > 0) lags.push(Date.now() - newest);
});
const e0 = inf();
const t0 = performance.now();
child.stdin!.write('go\n');
await new Promise((r) => setTimeout(r, seconds * 1000 + 1500));
const events = inf() - e0;
const secs = (performance.now() - t0) / 1000 - 1.5;
lags.sort((a, b) => a - b);
const q = (p: number) => lags[Math.min(lags.length - 1, Math.floor(p * lags.length))] ?? NaN;
console.log(
  `offered ${rate} events/s for ${seconds} s to ${WORKLOADS} workloads; absorbed ${events} events = ${(events / secs).toFixed(0)} events/s`,
);
console.log(
  `snapshots published: ${snaps} (${(snaps / (secs + 1.5)).toFixed(1)}/s); lag of the newest write behind each snapshot: p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${lags.at(-1)} ms`,
);
console.log(`zonectl RSS ${(process.memoryUsage().rss / 1048576).toFixed(0)} MiB`);
await s.close();
child.kill('SIGTERM');
