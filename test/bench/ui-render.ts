// Console rendering figures through the real Ink render path (CONSOLE_RENDER_OPTIONS: alternate
// screen, incremental rendering, Ink's frame cap out of the way) on a fake 120x40 / 80x24 TTY that counts bytes.
//   (a) bytes written when one row changes, vs a full redraw
//   (b) keypress -> frame latency on a 10,000-row list (isolated keypresses, and held-key bursts)
// Run (compiles to a temp dir like sim-scale.ts):
//   rm -rf /tmp/zonectl-uibench && npx tsc --ignoreConfig --outDir /tmp/zonectl-uibench --module nodenext --moduleResolution nodenext \
//     --target es2023 --jsx react-jsx --resolveJsonModule --skipLibCheck --types node --rootDir . test/bench/ui-render.ts \
//     && echo '{"type":"module"}' > /tmp/zonectl-uibench/package.json && ln -sfn $PWD/node_modules /tmp/zonectl-uibench/node_modules \
//     && node /tmp/zonectl-uibench/test/bench/ui-render.js [--keys]
// --keys runs (b) alone, for before/after runs repeated back to back. Ink's own render time per key is
// reported apart: Ink draws each frame from scratch, so that part is the floor a change in zonectl's
// components cannot go under.
// No JSX here (and none in run.tsx): a hoisted react/jsx-runtime import would load React before prod-env.
import { cpus, loadavg } from 'node:os';
import type { Snapshot } from '../../source/store/types.js';
import { FakeStdin, FakeStdout } from '../ui/fake-tty.js';
import { MemorySource, NOW, bigSnapshot, makeSnapshot } from '../ui/fixtures.js';

process.env['FORCE_COLOR'] = process.env['FORCE_COLOR'] ?? '1'; // measure with colour, as on a real terminal
delete process.env['NO_COLOR'];
delete process.env['CI'];

await import('../../source/ui/prod-env.js'); // as runConsole does, before Ink/React load
const { render } = await import('ink');
const { createElement } = await import('react');
const { App } = await import('../../source/ui/app.js');
const { CONSOLE_RENDER_OPTIONS } = await import('../../source/ui/run.js');
const { resolveTheme } = await import('../../source/ui/theme/theme.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Term {
  stdout: FakeStdout;
  stdin: FakeStdin;
  source: MemorySource;
  unmount(): void;
}

/** Ink's own time per frame (laying the tree out to text, before writing): what a React-side change cannot remove. */
let inkRenderMs: number[] = [];

function mount(snap: Snapshot, columns: number, rows: number, incremental = true): Term {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const source = new MemorySource(snap);
  const inst = render(
    createElement(App, {
      source,
      theme: resolveTheme('dark', {}),
      fleetLabel: 'bench',
      user: 'ops-alice',
      readOnly: false,
      now: () => NOW,
      clockMs: 0,
      onExit: () => undefined,
    }),
    {
      ...CONSOLE_RENDER_OPTIONS,
      incrementalRendering: incremental,
      onRender: ({ renderTime }: { renderTime: number }) => inkRenderMs.push(renderTime),
      interactive: true,
      stdout: stdout as unknown as NodeJS.WriteStream,
      stdin: stdin as unknown as NodeJS.ReadStream,
      stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    },
  );
  return { stdout, stdin, source, unmount: () => inst.unmount() };
}

/** Resolves on the next write to stdout after now (a frame), with the time it took. */
function nextWrite(out: FakeStdout, timeoutMs = 2000, start = out.writes, what = 'frame'): Promise<number> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const poll = () => {
      if (out.writes > start) return resolve(performance.now() - t0);
      if (performance.now() - t0 > timeoutMs) return reject(new Error(`no ${what} within ${timeoutMs} ms`));
      setImmediate(poll);
    };
    poll();
  });
}

function stats(xs: number[]): { median: number; p95: number; max: number; mean: number } {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { median: q(0.5), p95: q(0.95), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

const fmt = (n: number, d = 1) => n.toFixed(d);

// ---------------- (a) bytes per one-row change at 120x40 ----------------
async function bytesPerRowChange(incremental: boolean): Promise<{ firstFrame: number; perChange: number[] }> {
  const snap = makeSnapshot({ zonesPerCluster: 20 });
  const t = mount(snap, 120, 40, incremental);
  await nextWrite(t.stdout, 5000, 0);
  await sleep(200);
  const firstFrame = t.stdout.bytes;
  const perChange: number[] = [];
  let cur = snap;
  for (let i = 0; i < 20; i++) {
    // Change one visible zone's version (nj-prod-1 sorts first: its 20 zones are on screen).
    const visible = cur.zones.filter((z) => z.cluster === 'nj-prod-1');
    const target = visible[i % visible.length];
    cur = { ...cur, zones: cur.zones.map((z) => (z === target ? { ...z, version: i % 2 ? 'v1.6.0' : 'v1.6.1' } : z)) };
    await sleep(120); // isolated keys: nothing else pending
    t.stdout.reset();
    t.source.publish(cur);
    await nextWrite(t.stdout, 2000, 0, `frame after row change ${i} (incremental=${incremental})`);
    await sleep(100);
    perChange.push(t.stdout.bytes);
  }
  t.unmount();
  await sleep(50);
  return { firstFrame, perChange };
}

// ---------------- (b) keypress -> frame on 10,000 rows ----------------
async function keypressLatency(): Promise<{
  isolated: number[];
  isolatedCpu: number[];
  isolatedInk: number[];
  burst: number[];
  filterChar: number[];
  filterCpu: number[];
  buildMs: number;
}> {
  const t0 = performance.now();
  const snap = bigSnapshot(10_000);
  const t = mount(snap, 120, 40);
  await nextWrite(t.stdout, 10_000, 0);
  const buildMs = performance.now() - t0;
  await sleep(300);
  const isolated: number[] = [];
  const isolatedCpu: number[] = [];
  const isolatedInk: number[] = [];
  let down = true;
  for (let i = 0; i < 60; i++) {
    await sleep(90); // a human pace: outside the previous frame's throttle window
    const p = nextWrite(t.stdout, 2000, t.stdout.writes, `frame after key ${i}`);
    // j j j j PgDn j j j j G, then back up with k and PgUp, then g ...
    const key = i % 10 === 9 ? (down ? 'G' : 'g') : i % 10 === 4 ? (down ? '\u001B[6~' : '\u001B[5~') : down ? 'j' : 'k';
    if (i % 10 === 9) down = !down;
    const cpu0 = process.cpuUsage();
    inkRenderMs = [];
    t.stdin.write(key);
    isolated.push(await p);
    const cpu = process.cpuUsage(cpu0);
    isolatedCpu.push((cpu.user + cpu.system) / 1000);
    isolatedInk.push(inkRenderMs.reduce((a, b) => a + b, 0));
  }
  // Held key: presses every 33 ms (auto-repeat ~30/s); frames are capped at 15/s so some wait for the throttle.
  const burst: number[] = [];
  await sleep(200);
  t.stdin.write('g');
  await sleep(200);
  for (let i = 0; i < 40; i++) {
    const p = nextWrite(t.stdout);
    t.stdin.write('j');
    burst.push(await p);
    await sleep(Math.max(0, 33 - burst[burst.length - 1]));
  }
  // Typing a filter re-filters all 10,000 rows per character.
  const filterChar: number[] = [];
  const filterCpu: number[] = [];
  await sleep(200);
  t.stdin.write('/');
  await sleep(200);
  for (const ch of '华东一区 12') {
    await sleep(90);
    const p = nextWrite(t.stdout);
    const cpu0 = process.cpuUsage();
    t.stdin.write(ch);
    filterChar.push(await p);
    const cpu = process.cpuUsage(cpu0);
    filterCpu.push((cpu.user + cpu.system) / 1000);
  }
  t.unmount();
  await sleep(50);
  return { isolated, isolatedCpu, isolatedInk, burst, filterChar, filterCpu, buildMs };
}

// ---------------- idle: nothing changes, clock ticking ----------------
async function idleBytes(): Promise<number> {
  const t = mount(makeSnapshot({ zonesPerCluster: 20 }), 120, 40);
  await nextWrite(t.stdout, 5000, 0);
  await sleep(300);
  t.stdout.reset();
  await sleep(3000);
  const b = t.stdout.bytes;
  t.unmount();
  return b;
}

// --keys: part (b) alone (before/after runs of the key path, repeated).
const keysOnly = process.argv.includes('--keys');
const inc = keysOnly ? undefined : await bytesPerRowChange(true);
const std = keysOnly ? undefined : await bytesPerRowChange(false);
const lat = await keypressLatency();
const idle = keysOnly ? undefined : await idleBytes();

const a = inc && stats(inc.perChange);
console.log('zonectl console rendering figures (Ink 8.0.0, FORCE_COLOR=%s, %s)', process.env['FORCE_COLOR'], process.version);
console.log('');
if (inc && std && a) {
  const b = stats(std.perChange);
  console.log('(a) one row changes, 120x40, zones view (60 rows, 34 visible):');
  console.log(`    first full frame (alt screen + whole view):       ${inc.firstFrame} B`);
  console.log(`    incremental (shipped): median ${a.median} B, max ${a.max} B over ${inc.perChange.length} changes   budget <= 2048 B`);
  console.log(`    standard (full redraw per change): median ${b.median} B, max ${b.max} B`);
  console.log(`    idle 3 s with static data: ${idle} B`);
  console.log('');
}
const i = stats(lat.isolated);
const u = stats(lat.burst);
const f = stats(lat.filterChar);
console.log(`(b) 10,000-row zones list, 120x40 (snapshot -> first frame ${fmt(lat.buildMs, 0)} ms):`);
console.log(
  `    keypress -> frame, isolated (j, PgDn, G):  median ${fmt(i.median)} ms, p95 ${fmt(i.p95)} ms, max ${fmt(i.max)} ms   budget <= 50 ms`,
);
console.log(`    keypress -> frame, held key (30/s):        median ${fmt(u.median)} ms, p95 ${fmt(u.p95)} ms, max ${fmt(u.max)} ms`);
console.log(`    filter keystroke over 10,000 rows:         median ${fmt(f.median)} ms, p95 ${fmt(f.p95)} ms, max ${fmt(f.max)} ms`);
const ic = stats(lat.isolatedCpu);
const fc = stats(lat.filterCpu);
const ik = stats(lat.isolatedInk);
console.log(`    of which Ink's own render (tree -> text; wall): median ${fmt(ik.median)} ms, p95 ${fmt(ik.p95)} ms`);
console.log(`    CPU time per isolated keypress (this process): median ${fmt(ic.median)} ms, p95 ${fmt(ic.p95)} ms`);
console.log(`    CPU time per filter keystroke:                 median ${fmt(fc.median)} ms, p95 ${fmt(fc.p95)} ms`);
const [load1] = loadavg();
console.log(`    machine load average at the end: ${fmt(load1, 2)} on ${cpus().length} CPUs (wall times above include waiting for a core)`);
// k9s parity (DESIGN §8): a single key median <= 10 ms, p95 <= 25 ms; meaningful on a quiet machine only.
const parity = i.median <= 10 && i.p95 <= 25;
console.log(`    single key, k9s parity (median <= 10 ms, p95 <= 25 ms): ${parity ? 'met' : 'not met'} at load ${fmt(load1, 2)}`);
const ok = (a === undefined || a.max <= 2048) && i.median <= 50 && ic.p95 <= 50;
console.log('');
console.log(ok ? 'within budget' : 'OVER BUDGET');
process.exitCode = ok ? 0 : 1;
