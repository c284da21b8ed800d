// Runs the benchmarks in test/bench/, each the way its header says, one after another, and exits
// non-zero if any failed (a benchmark that checks a budget exits 1 when it misses it).
//
//   node scripts/bench.mjs [name...] [--flag value...]   (npm run bench = build, then all; npm run bench:<name> = one)
//
// Each runs at its header's default size: all of them take about 3-4 minutes on the quiet 2-core
// machine. Needs `npm run build` first (several benchmarks run dist/).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
  // The ambient declarations of source/ (undici's deep imports) are not imported by anything, so name them.
  const ambient = ['source/kube/undici-parts.d.ts'].filter((f) => existsSync(resolve(root, f)));
  args.push(...extra, '--skipLibCheck', '--types', 'node', '--rootDir', '.', ...ambient, `test/bench/${name}.ts`);
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`tsc of test/bench/${name}.ts failed`);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), '{"type":"module"}\n');
  symlinkSync(resolve(root, 'node_modules'), join(out, 'node_modules'));
  return join(out, 'test/bench', `${name}.js`);
}

/** name -> the node arguments that run it (logs-sim-server.ts and fault-soak-sim.ts are children, not benchmarks). */
const BENCHES = {
  'demo-first-frame': () => [...tsHooks, 'test/bench/demo-first-frame.ts'],
  'demo-rss': () => ['test/bench/demo-rss.ts'],
  'diff-1000': () => [...tsHooks, 'test/bench/diff-1000.ts'],
  'fleet-zones': () => ['test/bench/fleet-zones.ts'],
  'fleet-scale': () => [compiled('fleet-scale', ['--jsx', 'react-jsx', '--resolveJsonModule'])],
  'fleet-actions': () => [...tsHooks, 'test/bench/fleet-actions.ts'],
  'heap-per-object': () => [...tsHooks, 'test/bench/heap-per-object.ts'],
  'alerts-derive': () => [...tsHooks, 'test/bench/alerts-derive.ts'],
  'fault-soak': () => ['--expose-gc', ...tsHooks, 'test/bench/fault-soak.ts'],
  'logs-throughput': () => [...tsHooks, 'test/bench/logs-throughput.ts'],
  'logs-vs-stern': () => [...tsHooks, 'test/bench/logs-vs-stern.ts'],
  'sim-scale': () => [compiled('sim-scale')],
  'sim-serve-rss': () => ['test/bench/sim-serve-rss.ts'],
  startup: () => [...tsHooks, 'test/bench/startup.ts'],
  'ui-render': () => [compiled('ui-render', ['--jsx', 'react-jsx', '--resolveJsonModule'])],
  'watch-rate': () => ['test/bench/watch-rate.ts'],
};

// Arguments from the first `--flag` on are passed to the benchmark(s): `npm run bench:fleet-scale -- --minutes 1`.
const argv = process.argv.slice(2);
const firstFlag = argv.findIndex((a) => a.startsWith('--'));
const names = firstFlag < 0 ? argv : argv.slice(0, firstFlag);
const passed = firstFlag < 0 ? [] : argv.slice(firstFlag);
for (const n of names) if (!BENCHES[n]) throw new Error(`no benchmark "${n}" (have: ${Object.keys(BENCHES).join(', ')})`);
/** Run only when named: the soak and the console memory run take 10 minutes each at their default size. */
const ON_REQUEST = new Set(['fault-soak', 'demo-rss']);

const results = [];
for (const name of names.length > 0 ? names : Object.keys(BENCHES).filter((n) => !ON_REQUEST.has(n))) {
  const args = [...BENCHES[name](), ...passed];
  console.log(`\n[bench] ${name}`);
  const t0 = performance.now();
  const r = spawnSync(node, args, { cwd: root, stdio: 'inherit' });
  const s = (performance.now() - t0) / 1000;
  results.push({ name, ok: r.status === 0, s, code: r.status ?? r.signal });
}

console.log('\n[bench] summary');
for (const r of results)
  console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name.padEnd(18)} ${r.s.toFixed(1).padStart(6)} s${r.ok ? '' : `  (exit ${r.code})`}`);
process.exitCode = results.every((r) => r.ok) ? 0 : 1;
