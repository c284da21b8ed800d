// Benchmark: `zonectl logs -f` (the real command, -o raw) across 100 streams of a simulated fleet.
// Three processes: the simulator (logs-sim-server.ts), zonectl, and this script, which reads
// zonectl's stdout, checks every stream's sequence numbers and prints lines/s and the lost count.
//
//   node --experimental-transform-types --no-warnings --import ./test/bench/ts-hooks.mjs test/bench/logs-throughput.ts
//
// Env: BENCH_STREAMS (100), BENCH_CLUSTERS (2), BENCH_LINE_INTERVAL_MS (1 -> 1,000 lines/s per
// stream offered), BENCH_SECONDS (10).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { followArgs } from './logs-follow-args.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const nodeArgs = ['--experimental-transform-types', '--no-warnings', '--import', './test/bench/ts-hooks.mjs'];

const sim = spawn(process.execPath, [...nodeArgs, 'test/bench/logs-sim-server.ts'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
const simOut = createInterface({ input: sim.stdout! });
const simMessages: any[] = [];
let simWaiter: (() => void) | undefined;
simOut.on('line', (l) => {
  simMessages.push(JSON.parse(l));
  simWaiter?.();
});
async function nextSim(): Promise<any> {
  while (simMessages.length === 0) await new Promise<void>((r) => (simWaiter = r));
  return simMessages.shift();
}

const ready = await nextSim();
const streams: number = ready.pods;
console.log(
  `simulator: ${streams} pods in ${ready.contexts.length} clusters, ${ready.source} log source, ${1000 / Number(process.env.BENCH_LINE_INTERVAL_MS ?? 1)} lines/s per stream offered`,
);

interface Stream {
  first: number;
  last: number;
  count: number;
  gaps: number;
  repeats: number;
}
const seen = new Map<string, Stream>();
let lines = 0;
let joined = 0;
const contextArgs = (ready.contexts as string[]).flatMap((c) => ['--context', c]);
const zonectl = spawn(process.execPath, [...nodeArgs, 'source/cli.ts', ...followArgs(contextArgs, streams)], {
  cwd: root,
  env: { ...process.env, KUBECONFIG: ready.kubeconfig, NO_COLOR: '1' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
createInterface({ input: zonectl.stderr! }).on('line', (l) => {
  if (l.startsWith('+ ')) joined++;
  else if (!l.startsWith('- ') && !l.startsWith('~ ')) console.error(`zonectl: ${l}`);
});
const SEQ = / seq=(\d+) /;
createInterface({ input: zonectl.stdout! }).on('line', (l) => {
  lines++;
  // zonectl's prefix is cluster/namespace/pod/container; the simulator names a stream cluster/pod/container.
  const [cluster, , pod, container] = l.slice(0, l.indexOf(' ')).split('/');
  const key = `${cluster}/${pod}/${container}`;
  const m = SEQ.exec(l);
  if (!m) throw new Error(`line without a sequence number: ${l}`);
  const seq = Number(m[1]);
  const s = seen.get(key);
  if (!s) {
    seen.set(key, { first: seq, last: seq, count: 1, gaps: 0, repeats: 0 });
    return;
  }
  if (seq <= s.last) s.repeats++;
  else {
    if (seq !== s.last + 1) s.gaps += seq - s.last - 1;
    s.last = seq;
    s.count++;
  }
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cpuOf = (pid: number): number => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, clock ticks (100 Hz) -> s
};
for (let i = 0; i < 300 && seen.size < streams; i++) await sleep(100);
if (seen.size < streams) console.error(`only ${seen.size} of ${streams} streams delivered lines (joined: ${joined})`);
await sleep(1000); // warm-up
const l0 = lines;
const c0 = cpuOf(zonectl.pid!);
const t0 = performance.now();
await sleep(seconds * 1000);
const l1 = lines;
const c1 = cpuOf(zonectl.pid!);
const t1 = performance.now();

// Stop writing, then let zonectl drain everything the simulator wrote.
sim.stdin!.write('freeze\n');
const { last } = (await nextSim()) as { last: Record<string, number> };
const caughtUp = () => Object.entries(last).every(([k, v]) => (seen.get(k)?.last ?? 0) >= v);
const drainStart = performance.now();
for (let i = 0; i < 600 && !caughtUp(); i++) await sleep(100);
const drainMs = performance.now() - drainStart;

let lost = 0;
let repeats = 0;
let expected = 0;
for (const [k, finalSeq] of Object.entries(last)) {
  const s = seen.get(k);
  if (!s) {
    lost += finalSeq;
    continue;
  }
  const want = finalSeq - s.first + 1;
  expected += want;
  lost += Math.max(0, want - s.count);
  repeats += s.repeats;
}
const zonectlExit = new Promise<number | null>((r) => zonectl.once('exit', (code) => r(code)));
zonectl.kill('SIGINT');
const exitCode = await zonectlExit;
const simExit = new Promise((r) => sim.once('exit', r));
sim.stdin!.end();
await simExit;

const rate = ((l1 - l0) / (t1 - t0)) * 1000;
console.log(`streams followed:      ${seen.size} / ${streams}`);
console.log(`throughput:            ${Math.round(rate).toLocaleString('en-US')} lines/s over ${seconds} s (zonectl stdout, raw)`);
console.log(
  `zonectl CPU:           ${(((c1 - c0) / ((t1 - t0) / 1000)) * 100).toFixed(0)}% of one core (${Math.round((l1 - l0) / Math.max(0.01, c1 - c0)).toLocaleString('en-US')} lines per CPU-second)`,
);
console.log(`drain after freeze:    ${Math.round(drainMs)} ms${caughtUp() ? '' : ' (did not catch up!)'}`);
console.log(`lines checked:         ${expected.toLocaleString('en-US')}`);
console.log(`lost:                  ${lost}`);
console.log(`repeated:              ${repeats}`);
console.log(`zonectl exit code:     ${exitCode} (after SIGINT)`);
process.exitCode = lost === 0 && repeats === 0 && seen.size === streams && rate >= 50_000 ? 0 : 1;
