// npm run package: zonectl as one file per platform, dist/zonectl-linux-<arch> (+ .sha256), a Node
// single executable application: the pinned Node 22 runtime with scripts/sea-main.cjs as its main and
// the built bundle (dist/bundle, dist/build-info.json) as SEA assets, unpacked once per build into a
// cache folder on first start (see sea-main.cjs). Needs `npm run build` first (npm run package runs it).
//
//   node scripts/package.mjs [--arch x64|arm64] [--node PATH]
//
// The runtime is node_modules/node/bin/node (the pinned one) for the machine's own arch; for another
// arch, --node with that arch's binary of the same Node version, else the npm package
// node-linux-<arch>@<version> (what the `node` package installs on that arch), fetched once with
// `npm pack` into ~/.cache/zonectl-build. The blob is made by the running Node, which must be that same
// version; the V8 code cache of the main is only made for the machine's own arch (Node's docs: a code
// cache made on another platform crashes the executable). Debug symbols are stripped from the runtime
// when `strip` (for arm64: aarch64-linux-gnu-strip, Debian's binutils-aarch64-linux-gnu) can read it
// (x64: 125 MB -> 107 MB). Injection uses postject.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { arch: { type: 'string', default: process.arch }, node: { type: 'string' } } });
const arch = values.arch;
if (arch !== 'x64' && arch !== 'arm64') throw new Error(`--arch ${arch}: x64 or arm64`);
const native = arch === process.arch;
const runtime = resolve(values.node ?? (native ? join(root, 'node_modules/node/bin/node') : foreignNode()));
const name = `zonectl-linux-${arch}`;
const out = join(root, 'dist', name);
const work = join(root, 'dist', `sea-${arch}`);

/** Another arch's runtime of this Node version: the npm package node-linux-<arch>, fetched once with npm pack into a cache. */
function foreignNode() {
  const pkg = `node-linux-${arch}@${process.version.slice(1)}`;
  const dir = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'zonectl-build', pkg);
  const bin = join(dir, 'package/bin/node');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const tgz = execFileSync('npm', ['pack', pkg, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').at(-1);
  execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  rmSync(join(dir, tgz));
  return bin;
}

const runtimeVersion = execFileSync(native ? runtime : process.execPath, ['--version'], { encoding: 'utf8' }).trim();
if (native && runtimeVersion !== process.version) {
  throw new Error(`the runtime ${runtime} is ${runtimeVersion} but the blob would be made by ${process.version}: run with that node`);
}

// The assets: the bundle (modules and their source maps, for bug reports) and the build info.
const bundle = join(root, 'dist/bundle');
if (!existsSync(join(bundle, 'cli.mjs')) || !existsSync(join(root, 'dist/build-info.json'))) {
  throw new Error('dist/bundle or dist/build-info.json is missing: run `npm run build` first');
}
const files = [
  ...readdirSync(bundle)
    .filter((f) => f.endsWith('.mjs') || f.endsWith('.mjs.map'))
    .sort()
    .map((f) => `bundle/${f}`),
  'build-info.json',
];
const hash = createHash('sha256');
for (const f of files)
  hash
    .update(`${f}\0`)
    .update(readFileSync(join(root, 'dist', f)))
    .update('\0');
hash.update(`${process.version}\0${arch}`);
const manifest = { hash: hash.digest('hex').slice(0, 16), files };

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
writeFileSync(join(work, 'manifest.json'), JSON.stringify(manifest));
const config = {
  main: join(root, 'scripts/sea-main.cjs'),
  output: join(work, 'sea-prep.blob'),
  disableExperimentalSEAWarning: true,
  useCodeCache: native,
  assets: Object.fromEntries([['manifest.json', join(work, 'manifest.json')], ...files.map((f) => [f, join(root, 'dist', f)])]),
};
writeFileSync(join(work, 'sea-config.json'), JSON.stringify(config, null, 2));
const prep = spawnSync(process.execPath, ['--experimental-sea-config', join(work, 'sea-config.json')], { encoding: 'utf8' });
if (prep.status !== 0) throw new Error(`node --experimental-sea-config failed:\n${prep.stdout}${prep.stderr}`);

// The runtime, stripped of its debug symbols where this machine's strip reads it, then the blob injected.
rmSync(out, { force: true });
const strips = native ? ['strip'] : [`${arch === 'arm64' ? 'aarch64' : 'x86_64'}-linux-gnu-strip`, 'strip'];
const stripped = strips.some((tool) => spawnSync(tool, ['-o', out, runtime], { stdio: 'ignore' }).status === 0);
if (!stripped) copyFileSync(runtime, out);
chmodSync(out, 0o755);
let postject;
try {
  postject = createRequire(import.meta.url).resolve('postject/dist/cli.js');
} catch {
  throw new Error('postject is not installed (a devDependency: npm install)');
}
const inject = spawnSync(
  process.execPath,
  [postject, out, 'NODE_SEA_BLOB', config.output, '--sentinel-fuse', 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2'],
  { encoding: 'utf8' },
);
// LIEF's notes about the note sections it rewrites are expected (the executable works); anything else is shown.
const noise =
  /^warning: Can't find string offset for section name '\.note(\.\d+)?'$|^Start injection of NODE_SEA_BLOB|Injection done|^\s*$/;
const said = `${inject.stdout}\n${inject.stderr}`.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
for (const line of said) if (!noise.test(line)) process.stderr.write(`postject: ${line}\n`);
if (inject.status !== 0) throw new Error(`postject failed (exit ${inject.status})`);

// postject writes the executable in one call, so this machine's page cache holds it in large folios, and
// the kernel maps a whole folio into a process on its first touch: run from that file, `zones -A` peaked
// at 110 MiB against 83 MiB for the same bytes copied with cp (which an operator's copy is). Copying it
// once (copy_file_range) leaves the cache as a copied file's, so the tests and benchmarks that run it
// here measure what a jump host sees.
copyFileSync(out, `${out}.copy`);
renameSync(`${out}.copy`, out);
chmodSync(out, 0o755);

const digest = createHash('sha256').update(readFileSync(out)).digest('hex');
writeFileSync(`${out}.sha256`, `${digest}  ${name}\n`);
rmSync(work, { recursive: true, force: true });
const mb = (readFileSync(out).length / 1e6).toFixed(1);
process.stdout.write(
  `${name}: ${mb} MB, ${files.length} assets (build ${manifest.hash}), runtime ${runtimeVersion}${stripped ? ' stripped' : ''}\nsha256 ${digest}\n`,
);
