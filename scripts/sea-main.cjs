'use strict';
// The single executable's entry (Node's single executable application "main": a CommonJS script, with
// its V8 code cache in the executable). zonectl itself is the ESM bundle (dist/bundle, code-split,
// top-level await in ink/yoga), which Node 22 cannot run as a SEA main and which the main cannot
// import() itself. So the bundle travels as SEA assets: on the first start of a build they are written
// once to <cache>/<build hash>/ (atomically: a private temp folder renamed into place), and every start
// loads them from there through a real require() of a one-line CommonJS loader that import()s
// bundle/cli.mjs. Cache: $XDG_CACHE_HOME/zonectl, else ~/.cache/zonectl, else <tmp>/zonectl-<uid>;
// a folder is used only when it is ours and nobody else can write it, else a temp folder for this
// run alone. A new build's first start removes older builds' folders but the newest (pruneBuilds).
// Built by scripts/package.mjs (npm run package).
const sea = require('node:sea');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { createRequire, enableCompileCache } = require('node:module');
const { pathToFileURL } = require('node:url');

const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
/** A build's folder name: its hash (scripts/package.mjs: 16 hex digits). */
const BUILD = /^[0-9a-f]{16}$/;
/** A half-written build folder (mkdtemp's `.<hash>-XXXXXX`) left by a start that died while unpacking. */
const PARTIAL = /^\.[0-9a-f]{16}-/;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * After a new build was unpacked into `root`: the folders of other builds are removed but the newest
 * of them (an older zonectl may still be in use, or be run again), and half-written ones a day old.
 * Only folders of ours whose names are builds' are touched (never a link, another user's folder, or
 * anything else in the folder). Returns the paths removed.
 */
function pruneBuilds(root, keep, now = Date.now()) {
  let entries;
  try {
    entries = fs.readdirSync(root);
  } catch {
    return [];
  }
  const builds = [];
  const removed = [];
  const remove = (p) => {
    try {
      fs.rmSync(p, { recursive: true, force: true });
      removed.push(p);
    } catch {
      // in use or not ours to remove: left
    }
  };
  for (const name of entries) {
    if (name === keep || !(BUILD.test(name) || PARTIAL.test(name))) continue;
    const p = path.join(root, name);
    let st;
    try {
      st = fs.lstatSync(p);
    } catch {
      continue;
    }
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid)) continue;
    if (PARTIAL.test(name)) {
      if (now - st.mtimeMs > DAY_MS) remove(p);
      continue;
    }
    let done;
    try {
      done = fs.statSync(path.join(p, 'complete')).mtimeMs;
    } catch {
      continue; // not finished unpacking (another start may be writing it)
    }
    builds.push({ p, done });
  }
  builds.sort((a, b) => b.done - a.done);
  for (const b of builds.slice(1)) remove(b.p);
  return removed;
}

// Outside a single executable (a test) this file only lends its pruning.
if (!sea.isSea()) {
  module.exports = { pruneBuilds };
  return;
}

/** { hash, files } written by scripts/package.mjs: the build's hash and the asset names to extract. */
const manifest = JSON.parse(sea.getAsset('manifest.json', 'utf8'));

/** The folder exists (made if needed), is a real folder of ours and only we can write to it. */
function ours(dir) {
  try {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    const st = fs.lstatSync(dir);
    if (!st.isDirectory() || (uid !== undefined && st.uid !== uid) || (st.mode & 0o022) !== 0) return false;
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function cacheRoot() {
  const { XDG_CACHE_HOME: xdg, HOME: home } = process.env;
  const candidates = [];
  if (xdg && path.isAbsolute(xdg)) candidates.push(path.join(xdg, 'zonectl'));
  if (home && path.isAbsolute(home)) candidates.push(path.join(home, '.cache', 'zonectl'));
  candidates.push(path.join(os.tmpdir(), `zonectl-${uid ?? 'user'}`));
  return candidates.find(ours);
}

/** Writes every asset and the loader into `dir` (a fresh private folder). */
function writeAssets(dir) {
  for (const name of manifest.files) {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    fs.writeFileSync(file, new Uint8Array(sea.getAsset(name)), { mode: 0o600 });
  }
  fs.writeFileSync(path.join(dir, 'loader.cjs'), 'module.exports = (url) => import(url);\n', { mode: 0o600 });
  fs.writeFileSync(path.join(dir, 'complete'), manifest.hash + '\n', { mode: 0o600 });
}

/** The folder holding this build's bundle, extracted on the first start of the build. */
function bundleDir() {
  const root = cacheRoot();
  if (root) {
    const dir = path.join(root, manifest.hash);
    if (fs.existsSync(path.join(dir, 'complete'))) return dir;
    const tmp = fs.mkdtempSync(path.join(root, `.${manifest.hash}-`));
    try {
      writeAssets(tmp);
      fs.renameSync(tmp, dir);
      pruneBuilds(root, manifest.hash);
      return dir;
    } catch (e) {
      fs.rmSync(tmp, { recursive: true, force: true });
      // Another zonectl of this build got there first: use its copy.
      if (fs.existsSync(path.join(dir, 'complete'))) return dir;
      throw e;
    }
  }
  // No folder of ours to keep it in: a private one for this run, removed at exit.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zonectl-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  writeAssets(dir);
  return dir;
}

let dir;
try {
  dir = bundleDir();
} catch (e) {
  process.stderr.write(`zonectl: cannot unpack itself into a cache folder: ${e && e.message ? e.message : e}\n`);
  process.exit(10);
}
// Later starts skip most of the parse and compile of the bundle's modules.
enableCompileCache(path.join(dir, 'compile-cache'));
const load = createRequire(path.join(dir, 'loader.cjs'))('./loader.cjs');
load(pathToFileURL(path.join(dir, 'bundle', 'cli.mjs')).href).then(
  (cli) => cli.start(process.argv.slice(2)),
  (e) => {
    process.stderr.write(`zonectl: internal error (a bug, please report): cannot load ${dir}: ${(e && e.stack) || e}\n`);
    process.exitCode = 10;
  },
);
