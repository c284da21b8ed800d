// Benchmark (DESIGN §8): `zonectl demo` start to the first full zones frame, measured as a user sees
// it: the real binary in tmux (80x24 and 120x40), capture-pane polled every 10 ms until the zones
// table shows every cluster's zones. Also: `zonectl --version` wall time, and the bytes per second
// the console writes to the terminal while the demo is live and nobody types (tmux pipe-pane).
// Run: npm run build && node test/bench/demo-first-frame.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
const bin = resolve(root, 'bin/zonectl');
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

function versionMs(): number {
  const t0 = performance.now();
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
  return performance.now() - t0;
}

async function firstFrame(cols: number, rows: number): Promise<number> {
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
    `${bin} demo --seed 1 2>/tmp/zonectl-bench-demo.err; sleep 5`,
  );
  try {
    for (;;) {
      const s = tmux('capture-pane', '-p', '-t', 'b');
      if (/Zones\s+\[12\]/.test(s) && /zone101/.test(s) && /q quit/.test(s)) return performance.now() - t0;
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

const v = [versionMs(), versionMs(), versionMs(), versionMs(), versionMs()].sort((a, b) => a - b);
console.log(`zonectl --version: median ${v[2]!.toFixed(0)} ms (min ${v[0]!.toFixed(0)}, max ${v[4]!.toFixed(0)}) over 5 runs`);
for (const [c, r] of [
  [80, 24],
  [120, 40],
] as const) {
  const runs: number[] = [];
  for (let i = 0; i < 3; i++) runs.push(await firstFrame(c, r));
  runs.sort((a, b) => a - b);
  console.log(
    `zonectl demo -> first full zones frame at ${c}x${r}: median ${runs[1]!.toFixed(0)} ms (runs: ${runs.map((x) => x.toFixed(0)).join(', ')})`,
  );
}

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
