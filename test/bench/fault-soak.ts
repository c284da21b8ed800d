// Fault soak (issue 16): zonectl's console session (store, informers, fleet states — what `zonectl`
// runs) follows two simulated clusters for N minutes while shanghai's link, through the TCP fault
// proxy (fault-soak-sim.ts, its own process), cycles through flapping resets, a stall, a cut and a
// delay, and both clusters get a write every 250 ms. This process is zonectl's side only, so its
// file descriptors, sockets and RSS are zonectl's: sampled after a warm-up and at the end (after a GC,
// faults ended, the session recovered) and every 10 s in between. At the end every object the session
// shows is compared with a direct list of the cluster (lost changes). Fails (exit 1) when fds or
// sockets grow by more than 8, RSS by more than 64 MiB, or a change is lost.
//
//   node --expose-gc --experimental-transform-types --no-warnings --import ./test/bench/ts-hooks.mjs test/bench/fault-soak.ts [--minutes 10]
//   npm run bench:fault-soak -- --minutes 2
import { spawn } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { openSession } from '../../source/app/session.js';
import { typeKey } from '../../source/kube/discovery.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const minutes = process.argv.includes('--minutes') ? Number(process.argv[process.argv.indexOf('--minutes') + 1]) : 10;
if (!(minutes > 0 && minutes <= 120)) throw new Error('--minutes: expected a number from 0 to 120');
const nodeArgs = ['--experimental-transform-types', '--no-warnings', '--import', './test/bench/ts-hooks.mjs'];

const sim = spawn(process.execPath, [...nodeArgs, 'test/bench/fault-soak-sim.ts'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const messages: Array<Record<string, any>> = [];
let wake: (() => void) | undefined;
const phases = new Map<string, number>();
createInterface({ input: sim.stdout! }).on('line', (l) => {
  const m = JSON.parse(l) as Record<string, any>;
  if (m.phase) phases.set(m.phase, (phases.get(m.phase) ?? 0) + 1);
  else messages.push(m);
  wake?.();
});
async function next(): Promise<Record<string, any>> {
  while (messages.length === 0) await new Promise<void>((r) => (wake = r));
  return messages.shift()!;
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(pred: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) return false;
    await sleep(20);
  }
  return true;
}

interface Sample {
  fds: number;
  sockets: number;
  rssMiB: number;
  heapMiB: number;
}
function sample(gc = false): Sample {
  if (gc) (globalThis as { gc?: () => void }).gc?.();
  let fds = 0;
  let sockets = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      fds++;
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) sockets++;
    } catch {
      // closed meanwhile
    }
  }
  const m = process.memoryUsage();
  return { fds, sockets, rssMiB: m.rss / 1048576, heapMiB: m.heapUsed / 1048576 };
}
const fmt = (s: Sample) => `fds ${s.fds}, sockets ${s.sockets}, RSS ${s.rssMiB.toFixed(1)} MiB, heap ${s.heapMiB.toFixed(1)} MiB`;

const ready = await next();
process.env.ZONECTL_CONFIG = '/nonexistent/zonectl-soak-config.yaml';
const session = openSession(
  { kubeconfig: ready.kubeconfig, context: ['shanghai', 'nanjing'], allNamespaces: true, requestTimeout: 1_500 },
  ['zones', 'rollouts'],
  {
    intervalMs: 66,
    informer: { watchProbeAfterMs: 1_000, backoffInitialMs: 100, backoffMaxMs: 1_000 },
    retryMs: 500,
  },
);
const direct = openSession({ kubeconfig: ready.kubeconfig, context: ['shanghai-direct'], allNamespaces: true }, ['zones']);
session.store.start();
let renders = 0;
session.store.subscribe(() => renders++); // a subscriber, as the console has: snapshots are derived and published
const state = (c: string) => session.fleet.member(c)!.info.state;
let marks = 0;
let last = 'ready';
const watcher = setInterval(() => {
  const s = state('shanghai');
  if (s !== 'ready' && last === 'ready') marks++;
  last = s;
}, 10);
await until(() => state('nanjing') === 'ready', 30_000);
await sleep(10_000); // warm-up: connections, caches and JIT settle (the faults already run)
const start = sample(true);
console.log(`[soak] ${minutes} min of faults on shanghai (flapping resets, stall, cut, delay), writes every 250 ms on both clusters`);
console.log(`[soak] start: ${fmt(start)}; load ${loadavg()[0]!.toFixed(2)}`);
const t0 = Date.now();
let peak = start;
let nanjingDown = 0;
while (Date.now() - t0 < minutes * 60_000) {
  await sleep(10_000);
  const s = sample();
  if (s.rssMiB > peak.rssMiB) peak = { ...peak, rssMiB: s.rssMiB };
  if (s.fds > peak.fds) peak = { ...peak, fds: s.fds };
  if (s.sockets > peak.sockets) peak = { ...peak, sockets: s.sockets };
  if (state('nanjing') !== 'ready') nanjingDown++;
  const min = (Date.now() - t0) / 60_000;
  if (Math.abs(min - Math.round(min)) < 10 / 60 / 2 + 0.001)
    console.log(`[soak] ${min.toFixed(1)} min: ${fmt(s)}; shanghai marked ${marks} times; load ${loadavg()[0]!.toFixed(2)}`);
}

// End the faults; the session must recover and show every object as the cluster holds it.
sim.stdin!.write('pass\n');
const passed = await next();
const t1 = Date.now();
async function lost(): Promise<number> {
  let diff = 0;
  for (const cluster of ['shanghai', 'nanjing']) {
    const client = cluster === 'shanghai' ? direct.fleet.member('shanghai-direct')!.client : session.fleet.member('nanjing')!.client;
    for (const inf of session.store.informers(cluster)) {
      const truth = await client.list(inf.type, {});
      const want = new Map(truth.items.map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o.metadata.resourceVersion]));
      const seen = new Map(
        [...session.store.cache.bucket(cluster, typeKey(inf.type)).values()].map((o) => [
          `${o.metadata.namespace}/${o.metadata.name}`,
          o.metadata.resourceVersion,
        ]),
      );
      for (const [k, rv] of want) if (seen.get(k) !== rv) diff++;
      for (const k of seen.keys()) if (!want.has(k)) diff++;
    }
  }
  return diff;
}
let lostNow = -1;
for (let i = 0; i < 100; i++) {
  if (state('shanghai') === 'ready' && (lostNow = await lost()) === 0) break;
  await sleep(200);
}
const recoverMs = Date.now() - t1;
await sleep(5_000);
const end = sample(true);
clearInterval(watcher);
const stats = session.store
  .informers('shanghai')
  .reduce(
    (a, i) => ({ watches: a.watches + i.stats.watches, lists: a.lists + i.stats.lists, reconnects: a.reconnects + i.stats.reconnects }),
    { watches: 0, lists: 0, reconnects: 0 },
  );
console.log(`[soak] end (faults over, recovered in ${(recoverMs / 1000).toFixed(2)} s): ${fmt(end)}; load ${loadavg()[0]!.toFixed(2)}`);
console.log(
  `[soak] start -> end: fds ${start.fds} -> ${end.fds}, sockets ${start.sockets} -> ${end.sockets}, RSS ${start.rssMiB.toFixed(1)} -> ${end.rssMiB.toFixed(1)} MiB ` +
    `(peak ${peak.rssMiB.toFixed(1)}), heap ${start.heapMiB.toFixed(1)} -> ${end.heapMiB.toFixed(1)} MiB; peak fds ${peak.fds}, sockets ${peak.sockets}`,
);
console.log(
  `[soak] shanghai marked ${marks} times; its informers: ${stats.lists} lists, ${stats.watches} watches, ${stats.reconnects} reconnects; ` +
    `nanjing not ready in ${nanjingDown} of the 10 s samples; ${passed.writes} writes, ${lostNow} lost; ${renders} snapshots published; ` +
    `proxy: ${passed.proxy.accepted} connections, ${passed.proxy.broken} broken, ${passed.proxy.flaps} flaps; phases ${[...phases].map(([k, n]) => `${k}×${n}`).join(' ')}`,
);
await session.close();
await direct.close();
sim.stdin!.write('stop\n');
await new Promise((r) => sim.once('exit', r));
const failed: string[] = [];
if (end.fds > start.fds + 8) failed.push(`fds grew ${start.fds} -> ${end.fds}`);
if (end.sockets > start.sockets + 8) failed.push(`sockets grew ${start.sockets} -> ${end.sockets}`);
if (end.rssMiB > start.rssMiB + 64) failed.push(`RSS grew ${start.rssMiB.toFixed(1)} -> ${end.rssMiB.toFixed(1)} MiB`);
if (lostNow !== 0) failed.push(`${lostNow} objects differ from the cluster after recovery`);
if (nanjingDown > 0) failed.push(`nanjing (no fault) was not ready in ${nanjingDown} samples`);
if (marks === 0) failed.push('shanghai was never marked: the faults did not bite');
console.log(failed.length ? `[soak] FAIL: ${failed.join('; ')}` : '[soak] ok: flat fds, sockets and RSS; nothing lost');
process.exit(failed.length ? 1 : 0);
