// Benchmark (DESIGN §8 "logs vs stern, same run"): `zonectl logs -f` and stern following the same 100 streams
// of one simulated cluster at the same time (logs-sim-server.ts over TLS, since client-go sends tokens only over
// TLS). Each follower's stdout is checked stream by stream (sequence numbers: lost, repeated); reported per
// follower: lines/s delivered, CPU (% of a core and lines per CPU-second) and peak RSS, and the ratios.
// Budget: zonectl's rate ≥ stern's and its peak RSS ≤ 1.5× stern's (exit 1 when missed).
//
//   npm run build && npm run bench:logs-vs-stern
//
// Flags (each also read from its env variable): --streams N (BENCH_STREAMS, 100); --rate L, lines/s per
// stream (1000 / BENCH_LINE_INTERVAL_MS; default 100, i.e. 10,000/s per follower: a rate both keep up with
// on 2 cores while the simulator serves both; DESIGN §8's full run is --rate 1000); --seconds S
// (BENCH_SECONDS, 20); --baseline DIR: also follow with DIR/bin/zonectl (an older build: copy dist/, bin/ and
// package.json there and link node_modules) in the same run, for before/after figures under the same load.
// stern is the peer tier's build (test/peers/tools/build.sh, cached in ~/.cache/zonectl-tools).
//
//   node scripts/bench.mjs logs-vs-stern --rate 1000 --seconds 10 --baseline /tmp/zonectl-old
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { peerTool } from '../peers/peers.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const args = parseArgs({
  options: { streams: { type: 'string' }, rate: { type: 'string' }, seconds: { type: 'string' }, baseline: { type: 'string' } },
}).values;
const seconds = Number(args.seconds ?? process.env.BENCH_SECONDS ?? 20);
const interval = args.rate ? String(1000 / Number(args.rate)) : (process.env.BENCH_LINE_INTERVAL_MS ?? '10');
const streamsWanted = args.streams ?? process.env.BENCH_STREAMS ?? '100';
const stern = peerTool('stern'); // the peer tier's build, cached outside the repo
const bin = join(root, 'bin/zonectl');

const nodeArgs = ['--experimental-transform-types', '--no-warnings', '--import', './test/bench/ts-hooks.mjs'];
const sim = spawn(process.execPath, [...nodeArgs, 'test/bench/logs-sim-server.ts'], {
  cwd: root,
  env: { ...process.env, BENCH_CLUSTERS: '1', BENCH_TLS: '1', BENCH_LINE_INTERVAL_MS: interval, BENCH_STREAMS: streamsWanted },
  stdio: ['pipe', 'pipe', 'inherit'],
});
const simMessages: any[] = [];
let simWaiter: (() => void) | undefined;
createInterface({ input: sim.stdout! }).on('line', (l) => {
  simMessages.push(JSON.parse(l));
  simWaiter?.();
});
async function nextSim(): Promise<any> {
  while (simMessages.length === 0) await new Promise<void>((r) => (simWaiter = r));
  return simMessages.shift();
}
const ready = await nextSim();
const context: string = ready.contexts[0];
const streams: number = ready.pods;
console.log(`simulator: ${streams} pods in ${context}, ${1000 / Number(interval)} lines/s per stream offered to each follower`);

interface Follower {
  name: string;
  proc: ChildProcess;
  lines: number;
  seen: Map<string, { first: number; last: number; count: number; repeats: number }>;
  peakRssKiB: number;
}

const SEQ = / seq=(\d+) /;
function follow(name: string, cmd: string, args: string[], keyOf: (line: string) => string): Follower {
  const proc = spawn(cmd, args, {
    cwd: root,
    env: { ...process.env, KUBECONFIG: ready.kubeconfig, NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const f: Follower = { name, proc, lines: 0, seen: new Map(), peakRssKiB: 0 };
  createInterface({ input: proc.stderr! }).on('line', (l) => {
    if (name !== 'stern' && /^[+~-] /.test(l)) return; // stream joins and leaves
    if (name === 'stern' && /^[+-] /.test(l)) return;
    console.error(`${name}: ${l}`);
  });
  createInterface({ input: proc.stdout! }).on('line', (l) => {
    if (!l) return;
    const m = SEQ.exec(l);
    if (!m) return;
    f.lines++;
    const key = keyOf(l);
    const seq = Number(m[1]);
    const s = f.seen.get(key);
    if (!s) f.seen.set(key, { first: seq, last: seq, count: 1, repeats: 0 });
    else if (seq <= s.last) s.repeats++;
    else {
      s.last = seq;
      s.count++;
    }
  });
  return f;
}

const zonectlArgs = [
  'logs',
  '-l',
  'zonectl.io/zone',
  '-A',
  '--context',
  context,
  '-f',
  '--tail',
  '0',
  '--max-streams',
  String(streams),
  '-o',
  'raw',
];
const streamKey = (l: string) => l.slice(0, l.indexOf(' ')); // cluster/namespace/pod/container
const zonectl = follow('zonectl', bin, zonectlArgs, streamKey);
const baseline = args.baseline ? follow('baseline', join(resolve(args.baseline), 'bin/zonectl'), zonectlArgs, streamKey) : undefined;
const sternF = follow(
  'stern',
  stern,
  [
    '-l',
    'zonectl.io/zone',
    '-A',
    '--context',
    context,
    '--tail',
    '0',
    '--max-log-requests',
    String(streams * 2),
    '--color',
    'never',
    '--template',
    `${context}/{{.PodName}}/{{.ContainerName}} {{.Message}}{{"\\n"}}`,
  ],
  (l) => l.slice(0, l.indexOf(' ')),
);
const all = baseline ? [zonectl, sternF, baseline] : [zonectl, sternF];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** CPU seconds and RSS of a running follower; NaN and 0 once it has exited (its own messages say why). */
const statOf = (pid: number) => {
  try {
    const cpu = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpuS: (Number(cpu[11]) + Number(cpu[12])) / 100, rssKiB: Number(rss?.[1] ?? 0) };
  } catch {
    return { cpuS: NaN, rssKiB: 0 };
  }
};
for (let i = 0; i < 300 && all.some((f) => f.seen.size < streams); i++) await sleep(100);
for (const f of all) if (f.seen.size < streams) console.error(`${f.name}: only ${f.seen.size} of ${streams} streams delivered lines`);
await sleep(2_000); // warm-up
const start = all.map((f) => ({ lines: f.lines, cpu: statOf(f.proc.pid!).cpuS }));
const t0 = performance.now();
const sampler = setInterval(() => {
  for (const f of all) f.peakRssKiB = Math.max(f.peakRssKiB, statOf(f.proc.pid!).rssKiB);
}, 250);
await sleep(seconds * 1000);
clearInterval(sampler);
const t1 = performance.now();
const end = all.map((f) => ({ lines: f.lines, cpu: statOf(f.proc.pid!).cpuS }));

sim.stdin!.write('freeze\n');
const { last } = (await nextSim()) as { last: Record<string, number> };
const caughtUp = (f: Follower) => Object.entries(last).every(([k, v]) => (f.seen.get(k)?.last ?? 0) >= v);
for (let i = 0; i < 300 && !all.every(caughtUp); i++) await sleep(100);

const results = all.map((f, i) => {
  let lost = 0;
  let repeats = 0;
  for (const [k, finalSeq] of Object.entries(last)) {
    const s = f.seen.get(k);
    if (!s) continue;
    lost += Math.max(0, finalSeq - s.first + 1 - s.count);
    repeats += s.repeats;
  }
  const secs = (t1 - t0) / 1000;
  const lines = end[i].lines - start[i].lines;
  const cpu = end[i].cpu - start[i].cpu;
  return {
    name: f.name,
    rate: lines / secs,
    cpuPct: (cpu / secs) * 100,
    perCpuS: lines / Math.max(0.01, cpu),
    rssMiB: f.peakRssKiB / 1024,
    lost,
    repeats,
    streams: f.seen.size,
  };
});
for (const f of all) f.proc.kill('SIGINT');
sim.stdin!.end();
await Promise.all([...all.map((f) => new Promise((r) => f.proc.once('exit', r))), new Promise((r) => sim.once('exit', r))]);

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
for (const r of results) {
  console.log(
    `${r.name.padEnd(8)} ${fmt(r.rate)} lines/s, CPU ${r.cpuPct.toFixed(0)}% of a core (${fmt(r.perCpuS)} lines per CPU-second), peak RSS ${r.rssMiB.toFixed(0)} MiB, streams ${r.streams}/${streams}, lost ${r.lost}, repeated ${r.repeats}`,
  );
}
const [z, s, b] = results;
if (b)
  console.log(
    `zonectl / baseline: peak RSS ${(z.rssMiB / b.rssMiB).toFixed(2)}×, CPU per line ${(b.perCpuS / z.perCpuS).toFixed(2)}×, rate ${(z.rate / b.rate).toFixed(2)}×`,
  );
console.log(
  `zonectl / stern: rate ${(z.rate / s.rate).toFixed(2)}×, CPU per line ${(s.perCpuS / z.perCpuS).toFixed(2)}×, peak RSS ${(z.rssMiB / s.rssMiB).toFixed(2)}× (load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')})`,
);
const ok = z.lost === 0 && z.repeats === 0 && z.streams === streams && z.rate >= s.rate * 0.98 && z.rssMiB <= s.rssMiB * 1.5;
if (!ok) console.log('budget missed (rate ≥ stern within 2 %, RSS ≤ 1.5× stern, nothing lost or repeated)');
process.exitCode = ok ? 0 : 1;
