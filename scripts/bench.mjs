// Runs the benchmarks in test/bench/, each the way its header says, one after another, and exits
// non-zero if any failed (a benchmark that checks a budget exits 1 when it misses it).
//
//   node scripts/bench.mjs [--quick] [name...]      (npm run bench = build + --quick over all of them)
//
// --quick runs the benchmarks whose default size takes minutes on a 2-core machine at a smaller,
// documented size (the `quick` arguments below); without it, each runs at its header's default size
// (npm run bench:<name>). Needs `npm run build` first (several benchmarks run dist/).
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;
const tsHooks = ['--experimental-transform-types', '--no-warnings', '--import', './test/bench/ts-hooks.mjs'];
const tsc = resolve(root, 'node_modules/typescript/bin/tsc');

/** Compiles one benchmark with its imports to a temp dir (as sim-scale.ts and ui-render.ts say) and returns its .js path. */
function compiled(name, extra = []) {
  const out = join(tmpdir(), `zonectl-bench-${name}`);
  rmSync(out, { recursive: true, force: true });
  const args = [tsc, '--ignoreConfig', '--outDir', out, '--module', 'nodenext', '--moduleResolution', 'nodenext', '--target', 'es2023'];
  args.push(...extra, '--skipLibCheck', '--types', 'node', '--rootDir', '.', `test/bench/${name}.ts`);
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tsc of test/bench/${name}.ts failed`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  symlinkSync(resolve(root, 'node_modules'), join(out, 'node_modules'));
  return join(out, 'test/bench', `${name}.js`);
}

/** name -> how to run it: node arguments at the default size, and the smaller size --quick uses. */
const BENCHES = {
  'demo-first-frame': { args: () => ['test/bench/demo-first-frame.ts'] },
  'diff-1000': { args: () => [...tsHooks, 'test/bench/diff-1000.ts'] },
  // Default 10 clusters x 100k pods; quick: 3 clusters x 10k pods.
  'fleet-zones': {
    args: () => ['test/bench/fleet-zones.ts'],
    quick: ['--clusters', '3', '--zones', '100', '--services', '10', '--pods', '10'],
  },
  // Default 10 s at 1,000 lines/s per stream; quick: 5 s.
  'logs-throughput': { args: () => [...tsHooks, 'test/bench/logs-throughput.ts'], quickEnv: { BENCH_SECONDS: '5' } },
  'sim-scale': { args: () => [compiled('sim-scale')] },
  // Default 10 clusters x 100k pods; quick: 3 clusters x 10k pods.
  'sim-serve-rss': {
    args: () => ['test/bench/sim-serve-rss.ts'],
    quick: ['--clusters', '3', '--zones', '100', '--services', '10', '--pods', '10'],
  },
  'ui-render': { args: () => [compiled('ui-render', ['--jsx', 'react-jsx', '--resolveJsonModule'])] },
  // Default 10 s; quick: 5 s at the same rate.
  'watch-rate': { args: () => ['test/bench/watch-rate.ts'], quick: ['--seconds', '5'] },
};

const quick = process.argv.includes('--quick');
const names = process.argv.slice(2).filter((a) => a !== '--quick');
for (const n of names) if (!BENCHES[n]) throw new Error(`no benchmark "${n}" (have: ${Object.keys(BENCHES).join(', ')})`);

const results = [];
for (const name of names.length > 0 ? names : Object.keys(BENCHES)) {
  const b = BENCHES[name];
  const args = [...b.args(), ...(quick ? (b.quick ?? []) : [])];
  const env = { ...process.env, ...(quick ? b.quickEnv : {}) };
  console.log(`\n[bench] ${name}${quick && (b.quick || b.quickEnv) ? ' (quick size)' : ''}`);
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd: root, env, stdio: 'inherit' });
  const s = (performance.now() - t0) / 1000;
  results.push({ name, ok: r.status === 0, s, code: r.status ?? r.signal });
}

console.log('\n[bench] summary');
for (const r of results)
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(18)} ${r.s.toFixed(1).padStart(6)} s${r.ok ? '' : `  (exit ${r.code})`}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
