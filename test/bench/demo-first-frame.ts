// Benchmark (DESIGN §8): `zonectl demo` start to the first full zones frame, measured as a user sees
// it: the real binary in tmux (80x24 and 120x40), capture-pane polled every 10 ms until the zones
// table shows every cluster's zones. Also: `zonectl --version` wall time, and the bytes per second
// the console writes to the terminal while the demo is live and nobody types (tmux pipe-pane).
// With each frame, the CPU time (user + system) the zonectl process had used when the frame showed:
// steadier than wall time when other work loads the machine (it includes the in-process simulator).
// `--baseline DIR`: another checkout's build (its bin/zonectl) runs in the same rounds, interleaved.
// `--rounds N` (default 3) frames per size and build; `--frames-only` skips the 40 s bytes measurement.
// Run: npm run build && node scripts/bench.mjs demo-first-frame [--rounds N] [--baseline DIR] [--frames-only]
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { cpuMsOf } from './proc-cpu.js';

const root = resolve(import.meta.dirname, '..', '..');
const bin = resolve(root, 'bin/zonectl');
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const baseline = arg('--baseline') === undefined ? undefined : resolve(arg('--baseline')!, 'bin/zonectl');
const rounds = Number(arg('--rounds') ?? 3);
const framesOnly = process.argv.includes('--frames-only');
const socket = `zonectl-bench-${process.pid}`;
const tmux = (...a: string[]): string => {
  try {
    return execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    // The previous run's server may still be shutting down on this socket: the new client then
    // reaches a dying server. Once it has gone, the same command starts a fresh one.
    if (!String((e as { stderr?: unknown }).stderr).includes('server exited unexpectedly')) throw e;
    spawnSync('sleep', ['0.5']);
    return execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
  }
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

/** The pane's program: the shell tmux started runs `bin/zonectl`, which execs node (Linux /proc). */
function programPid(): number | undefined {
  const shell = tmux('list-panes', '-t', 'b', '-F', '#{pane_pid}').trim();
  try {
    const kids = readFileSync(`/proc/${shell}/task/${shell}/children`, 'utf8').trim().split(/\s+/);
    return kids[0] ? Number(kids[0]) : undefined;
  } catch {
    return undefined;
  }
}

function versionMs(): number {
  const t0 = performance.now();
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
}

async function firstFrame(cmd: string, cols: number, rows: number): Promise<{ ms: number; cpuMs: number }> {
  const t0 = performance.now();
  tmux(
    'new-session',
    '-d',
    '-s',
    'b',
    '-x',
    String(cols),
    '-y',
    String(rows),
    '-c',
    root,
    `${cmd} demo --seed 1 2>/tmp/zonectl-bench-demo.err; sleep 5`,
  );
  let pid: number | undefined;
  try {
    for (;;) {
      pid ??= programPid();
      const s = tmux('capture-pane', '-p', '-t', 'b');
      if (/Zones\s+\[12\]/.test(s) && /zone101/.test(s) && /q quit/.test(s)) return { ms: performance.now() - t0, cpuMs: cpuMsOf(pid) };
      if (performance.now() - t0 > 30_000) throw new Error(`no zones frame after 30 s:\n${s}`);
      await new Promise((r) => setTimeout(r, 10));
    }
  } finally {
    tmux('send-keys', '-t', 'b', 'q');
    await new Promise((r) => setTimeout(r, 300));
    try {
      tmux('kill-server');
    } catch {
      /* gone */
    }
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const v = [versionMs(), versionMs(), versionMs(), versionMs(), versionMs()].sort((a, b) => a - b);
console.log(`load before: ${load()}`);
console.log(`zonectl --version: median ${v[2]!.toFixed(0)} ms (min ${v[0]!.toFixed(0)}, max ${v[4]!.toFixed(0)}) over 5 runs`);
const builds: Array<[string, string]> = [['zonectl', bin]];
if (baseline) builds.push(['baseline', baseline]);
for (const [c, r] of [
  [80, 24],
  [120, 40],
] as const) {
  const runs = new Map<string, Array<{ ms: number; cpuMs: number }>>(builds.map(([n]) => [n, []]));
  for (let i = 0; i < rounds; i++)
    for (const [n, cmd] of i % 2 ? [...builds].reverse() : builds) runs.get(n)!.push(await firstFrame(cmd, c, r));
  for (const [n, xs] of runs)
    console.log(
      `${n} demo -> first full zones frame at ${c}x${r}: median ${median(xs.map((x) => x.ms)).toFixed(0)} ms, CPU ${median(xs.map((x) => x.cpuMs)).toFixed(0)} ms (runs: ${xs.map((x) => `${x.ms.toFixed(0)}/${x.cpuMs.toFixed(0)}`).join(', ')} ms wall/CPU)`,
    );
}
console.log(`load after: ${load()}`);
if (framesOnly) process.exit(0);

// Bytes written while nobody types: the demo keeps changing (ages, an in-place update, logs).
{
  const out = `/tmp/zonectl-bench-bytes-${process.pid}`;
  tmux('new-session', '-d', '-s', 'b', '-x', '120', '-y', '40', '-c', root, `${bin} demo --seed 1 2>/dev/null; sleep 5`);
  const { statSync, rmSync } = await import('node:fs');
  for (const [view, key] of [
    ['zones', '1'],
    ['rollouts', '2'],
  ] as const) {
    tmux('send-keys', '-t', 'b', key);
    await new Promise((r) => setTimeout(r, 4000));
    rmSync(out, { force: true });
    tmux('pipe-pane', '-t', 'b', '-o', `cat >> ${out}`);
    await new Promise((r) => setTimeout(r, 20_000));
    tmux('pipe-pane', '-t', 'b');
    const bytes = statSync(out).size;
    console.log(`live demo, nobody typing, ${view} view at 120x40: ${bytes} bytes in 20 s = ${(bytes / 20).toFixed(0)} B/s`);
  }
  rmSync(out, { force: true });
  tmux('send-keys', '-t', 'b', 'q');
  await new Promise((r) => setTimeout(r, 500));
  try {
    tmux('kill-server');
  } catch {
    /* gone */
  }
}
