// Benchmark (DESIGN §8, issue 14): start-up and memory of zonectl beside kubectl, in one run, the
// commands interleaved round by round so machine load hits them alike. Against `zonectl demo --serve`
// (HTTPS, its own process), on one small cluster (shanghai: 4 zones):
//   - a bare runtime start (`node -e 0`, the pinned Node) and `zonectl --version` / `--help` over it
//     (budget: <= 30 ms over the bare start);
//   - `zonectl zones -A --context shanghai` and `kubectl get <the same kinds> -A` (kubectl's discovery
//     cache warm, as on an operator's machine): wall and peak RSS (budget: wall ratio <= 1.0, RSS <= 1.3x);
//   - the console's first full frame on that cluster (`zonectl -A --context shanghai` in tmux at
//     120x40, from its exec to the zones view with its rows; budget <= 400 ms), with the CPU its process
//     had used by then.
// zonectl runs as bin/zonectl (the bundle on the pinned Node) and, when dist/zonectl-linux-<arch>
// exists (npm run package), as the single executable too. Peak RSS from GNU time (%M). Prints the
// machine's load average with the figures.
// `--baseline DIR`: another checkout's build (its bin/zonectl) runs in the same rounds, for a before/after.
// `--only zones`: only the list command (zonectl, the baseline's, the single file's) beside kubectl and the
// bare runtime, with no --version/--help and no console frames: quicker rounds while working on it.
// Every executable runs from a cp copy in the bench's folder (the runtime, the single file, kubectl): see
// exec-copy.ts for why.
// `--instructions N`: after the timed rounds, each zonectl `zones -A` case (and the baseline's) runs N more
// times under valgrind's callgrind, interleaved, and the median count of instructions executed is printed:
// unlike wall or CPU time it hardly moves with the machine's load, so a before/after of a few percent
// shows while other work runs (each run takes ~20 s; valgrind from Debian's package).
// Run: npm run build && node scripts/bench.mjs startup [--rounds 15] [--baseline DIR] [--only zones] [--instructions 3]   (kubectl: npm run test:tools)
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { copiedExecutable, installedCheckout } from './exec-copy.js';
import { cpuMsOf } from './proc-cpu.js';

const root = resolve(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'zonectl-bench-startup-'));
const env = { ...process.env, HOME: join(work, 'home'), XDG_CACHE_HOME: join(work, 'cache'), NO_COLOR: '1' };

const node = copiedExecutable(resolve(root, 'node_modules/node/bin/node'), work, 'runtime/node')!;
const install = (checkout: string, as: string) => installedCheckout(checkout, node, work, as);
const bin = install(root, 'zonectl');
const single = copiedExecutable(resolve(root, `dist/zonectl-linux-${process.arch}`), work, 'single/zonectl');
const roundsArg = process.argv.indexOf('--rounds');
const rounds = roundsArg > 0 ? Number(process.argv[roundsArg + 1]) : 15;
const baselineArg = process.argv.indexOf('--baseline');
const baseline = baselineArg > 0 ? install(resolve(process.argv[baselineArg + 1]!), 'baseline') : undefined;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
if (only !== undefined && only !== 'zones') throw new Error(`--only ${only}: the one case that can run alone is "zones"`);
const instructionsArg = process.argv.indexOf('--instructions');
const instructionRounds = instructionsArg > 0 ? Number(process.argv[instructionsArg + 1]) : 0;
/** The --version/--help cases and the console's first frames (left out by `--only zones`). */
const all = only === undefined;
const toolsCache = process.env['ZONECTL_TOOLS_CACHE'] ?? join(homedir(), '.cache/zonectl-tools');
const kubectl = copiedExecutable(join(toolsCache, 'kubectl-v1.36.4/kubectl'), work, 'kubectl/kubectl');
/** What `zonectl zones` lists (kindsToWatch({ views: ['zones'] }) in source/kinds/registry.ts). */
const ZONE_KINDS = [
  'gamezones.apps.example.com',
  'gamestatefulsets.tkex.tencent.com',
  'gamedeployments.tkex.tencent.com',
  'statefulsets.apps',
  'deployments.apps',
  'gameserversets.game.kruise.io',
  'rollouts.argoproj.io',
  'rollouts.rollouts.kruise.io',
].join(',');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

function startServe(): Promise<{ child: ChildProcess; kubeconfig: string }> {
  const child = spawn(bin, ['demo', '--serve'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((res, rej) => {
    let out = '';
    const timer = setTimeout(() => rej(new Error(`demo --serve did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /^kubeconfig: (\S+)$/m.exec(out);
      if (m && /Serving until interrupted/.test(out)) {
        clearTimeout(timer);
        res({ child, kubeconfig: m[1]! });
      }
    });
  });
}

interface Sample {
  ms: number;
  /** user + system CPU time: steadier than wall when other work loads the machine. */
  cpuMs: number;
  rssMiB: number;
}

/** One run under GNU time: wall (ms, measured here) and peak RSS. Fails on a non-zero exit. */
function timed(cmd: string, args: string[]): Sample {
  const out = join(work, 'time.txt');
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M %U %S', '-o', out, cmd, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  const [kb, user, sys] = readFileSync(out, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { ms, cpuMs: (user! + sys!) * 1000, rssMiB: kb! / 1024 };
}

let sessions = 0;

/**
 * The console in tmux: ms from its exec to the first bytes of its zones view with rows reaching the
 * terminal, and the CPU its process had used then (steadier than wall when other work loads the machine).
 * The pane's shell waits on a fifo, so tmux's server and the shell start before the clock does; the pane's
 * output goes to a file through pipe-pane, read here in-process (polling with `tmux capture-pane`, a
 * tmux client and a `sleep` spawned every ~10 ms, took CPU from the 2 cores the console was measured on).
 * The shell execs the command (bin/zonectl execs node; the single file is the process): one pid.
 */
function firstFrame(cmd: string, kubeconfig: string): { ms: number; cpuMs: number } {
  const n = ++sessions;
  const sock = `zonectl-bench-${process.pid}-${n}`; // a new server each time: never one still shutting down
  const tmux = (...a: string[]) => spawnSync('tmux', ['-L', sock, ...a], { encoding: 'utf8' });
  const go = join(work, `go-${n}`);
  const out = join(work, `pane-${n}`);
  if (spawnSync('mkfifo', [go]).status !== 0) throw new Error(`mkfifo ${go} failed`);
  writeFileSync(out, '');
  const started = tmux(
    'new-session',
    '-d',
    '-x',
    '120',
    '-y',
    '40',
    `read _ < ${go}; exec ${cmd} -A --context shanghai --kubeconfig ${kubeconfig}`,
  );
  if (started.status !== 0) throw new Error(`tmux new-session: ${started.stderr}`);
  try {
    if (tmux('pipe-pane', '-O', `cat >> ${out}`).status !== 0) throw new Error('tmux pipe-pane failed');
    const pid = Number(tmux('list-panes', '-F', '#{pane_pid}').stdout.trim());
    writeFileSync(go, 'go\n'); // returns once the shell has the line: it execs next
    const t0 = performance.now();
    for (;;) {
      const s = stripVTControlCharacters(readFileSync(out, 'utf8'));
      if (/Zones\s+\[\d+\]/.test(s) && /zone101/.test(s)) return { ms: performance.now() - t0, cpuMs: cpuMsOf(pid) };
      if (performance.now() - t0 > 20_000) throw new Error(`no zones frame:\n${s.slice(-2000)}`);
      if (!existsSync(`/proc/${pid}`)) throw new Error(`the console exited before its zones frame:\n${s.slice(-2000)}`);
      Atomics.wait(pause, 0, 0, 2); // 2 ms between reads of the file
    }
  } finally {
    tmux('kill-server');
  }
}
const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Instructions one run executes (callgrind's count; bin/zonectl is a sh script that execs node: followed).
 * A run ~50 times slower can outlast a timeout of zonectl's on a loaded machine (exit 3): tried again once.
 */
function instructions(cmd: string, args: string[], again = true): number {
  const r = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', '--trace-children=yes', '--smc-check=all-non-file', cmd, ...args],
    {
      env,
      encoding: 'utf8',
    },
  );
  const counts = [...r.stderr.matchAll(/Collected : (\d+)/g)].map((m) => Number(m[1]));
  if (r.status === 0 && counts.length > 0) return counts.reduce((a, b) => a + b, 0);
  if (again) return instructions(cmd, args, false);
  throw new Error(`valgrind ${cmd} ${args.join(' ')}: exit ${r.status}\n${r.stderr.slice(-2000)}`);
}

const signed = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(0)}`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  if (!existsSync(resolve(root, 'dist/bundle/cli.mjs'))) throw new Error('run `npm run build` first');
  const hasKubectl = kubectl !== undefined;
  const hasSingle = single !== undefined;
  console.log(`load before: ${load()}; rounds: ${rounds}; kubectl: ${hasKubectl ? kubectl : 'missing (npm run test:tools)'}`);
  const { child, kubeconfig } = await startServe();
  try {
    const zones = ['zones', '-A', '--context', 'shanghai', '--kubeconfig', kubeconfig];
    const cases: Array<[string, string, string[]]> = [['node -e 0 (bare runtime)', node, ['-e', '0']]];
    if (all) cases.push(['zonectl --version', bin, ['--version']], ['zonectl --help', bin, ['--help']]);
    cases.push(['zonectl zones -A', bin, zones]);
    if (baseline) {
      if (all) cases.push(['baseline --version', baseline, ['--version']], ['baseline --help', baseline, ['--help']]);
      cases.push(['baseline zones -A', baseline, zones]);
    }
    if (hasSingle) {
      if (all) cases.push(['single file --version', single, ['--version']], ['single file --help', single, ['--help']]);
      cases.push(['single file zones -A', single, zones]);
    }
    if (hasKubectl)
      cases.push(['kubectl get <zone kinds> -A', kubectl, ['get', ZONE_KINDS, '-A', '--context', 'shanghai', '--kubeconfig', kubeconfig]]);
    // Warm-up: compile caches, the single file's unpacking, kubectl's discovery cache.
    for (const [, cmd, args] of cases) timed(cmd, args);
    const samples = new Map<string, Sample[]>(cases.map(([n]) => [n, []]));
    for (let i = 0; i < rounds; i++) {
      const order = cases.slice(i % cases.length).concat(cases.slice(0, i % cases.length));
      for (const [n, cmd, args] of order) samples.get(n)!.push(timed(cmd, args));
    }
    const frames: Record<string, Array<{ ms: number; cpuMs: number }>> = { 'bin/zonectl': [] };
    if (hasSingle) frames['single file'] = [];
    if (baseline) frames['baseline'] = [];
    // Warm-up: the console's own modules (Ink, React, the views) in the compile cache, as in daily use.
    if (all) for (const c of [bin, baseline, hasSingle ? single : undefined]) if (c) firstFrame(c, kubeconfig);
    for (let i = 0; all && i < Math.max(3, Math.ceil(rounds / 3)); i++) {
      frames['bin/zonectl']!.push(firstFrame(bin, kubeconfig));
      if (baseline) frames['baseline']!.push(firstFrame(baseline, kubeconfig));
      if (hasSingle) frames['single file']!.push(firstFrame(single, kubeconfig));
    }

    const counted = cases.filter(([n]) => n.endsWith('zones -A') && !n.startsWith('kubectl'));
    const counts = new Map<string, number[]>(counted.map(([n]) => [n, []]));
    for (let i = 0; i < instructionRounds; i++) for (const [n, cmd, args] of counted) counts.get(n)!.push(instructions(cmd, args));

    const med = (n: string) => ({
      ms: median(samples.get(n)!.map((s) => s.ms)),
      cpu: median(samples.get(n)!.map((s) => s.cpuMs)),
      rss: median(samples.get(n)!.map((s) => s.rssMiB)),
    });
    const bare = med('node -e 0 (bare runtime)');
    const kube = hasKubectl ? med('kubectl get <zone kinds> -A') : undefined;
    console.log(`\nload after: ${load()}\n`);
    console.log('| command | wall median | CPU median | peak RSS median | over bare runtime (wall, CPU) | vs kubectl (wall, CPU, RSS) |');
    console.log('|---|---|---|---|---|---|');
    for (const [n] of cases) {
      const m = med(n);
      const overBare =
        n.includes('--version') || n.includes('--help') ? `${signed(m.ms - bare.ms)} ms, ${signed(m.cpu - bare.cpu)} ms` : '';
      const vsKube =
        kube && n.includes('zones')
          ? `${(m.ms / kube.ms).toFixed(2)}x, ${(m.cpu / kube.cpu).toFixed(2)}x, ${(m.rss / kube.rss).toFixed(2)}x`
          : '';
      console.log(`| ${n} | ${m.ms.toFixed(0)} ms | ${m.cpu.toFixed(0)} ms | ${m.rss.toFixed(0)} MiB | ${overBare} | ${vsKube} |`);
    }
    for (const [n, xs] of counts)
      if (xs.length > 0)
        console.log(
          `| ${n}: instructions (callgrind, median of ${xs.length}) | ${(median(xs) / 1e6).toFixed(1)} M (${xs.map((x) => (x / 1e6).toFixed(1)).join(', ')}) | | | | |`,
        );
    for (const [n, xs] of Object.entries(frames))
      if (xs.length > 0)
        console.log(
          `| console first full frame (${n}, 120x40) | ${median(xs.map((x) => x.ms)).toFixed(0)} ms (${xs.map((x) => x.ms.toFixed(0)).join(', ')}) | ${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms (${xs.map((x) => x.cpuMs.toFixed(0)).join(', ')}) | | | |`,
        );
  } finally {
    child.kill('SIGINT');
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
