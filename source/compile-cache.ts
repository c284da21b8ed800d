// V8's compiled code for zonectl's modules, kept on disk between runs (Node >= 22.1): later starts skip
// most of the parse and compile of the bundle (undici, Ink and React, i18next). Kept in zonectl's own
// cache folder, next to the single executable's unpacked builds, and pruned there: Node's default
// (os.tmpdir()/node-compile-cache, shared by every Node program) only ever grows, one entry per module
// path per Node build, so every copy of zonectl run from a new folder (upgrades, CI checkouts) added
// ~2.5 MB that nothing removed. Import-light: cli.ts calls this before anything heavy loads.
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

const DAY_MS = 24 * 60 * 60 * 1000;
/** An entry no run has read for this long belongs to a folder that is gone or to a replaced build. */
const STALE_MS = 14 * DAY_MS;
/** Pruning looks at the folder at most this often (one stat per start otherwise). */
const PRUNE_EVERY_MS = DAY_MS;
const STAMP = '.pruned';

/**
 * The folder: NODE_COMPILE_CACHE when the person running zonectl set it (Node's own convention; not
 * pruned, it is theirs), else $XDG_CACHE_HOME/zonectl/compile-cache or ~/.cache/zonectl/compile-cache.
 */
export function compileCacheRoot(env: NodeJS.ProcessEnv = process.env): { dir: string; ours: boolean } | undefined {
  if (env.NODE_COMPILE_CACHE) return { dir: env.NODE_COMPILE_CACHE, ours: false };
  const xdg = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : undefined;
  const home = env.HOME || homedir();
  const base = xdg ?? (home && isAbsolute(home) ? join(home, '.cache') : undefined);
  return base ? { dir: join(base, 'zonectl', 'compile-cache'), ours: true } : undefined;
}

/**
 * Removes what no run has read for two weeks: entries in this Node build's folder (Node names them by
 * a hash of the module's path; relatime updates their access time at most daily when read) and the
 * folders of other Node builds (an upgraded runtime never reads them again). Returns what it removed.
 */
export function pruneCompileCache(root: string, current: string | undefined, now = Date.now()): string[] {
  const removed: string[] = [];
  const stale = (path: string, time: 'atimeMs' | 'mtimeMs'): boolean => {
    try {
      return now - statSync(path)[time] > STALE_MS;
    } catch {
      return false;
    }
  };
  let builds: string[];
  try {
    builds = readdirSync(root);
  } catch {
    return removed;
  }
  for (const name of builds) {
    if (name === STAMP) continue;
    const path = join(root, name);
    if (path !== current) {
      if (stale(path, 'mtimeMs')) {
        rmSync(path, { recursive: true, force: true });
        removed.push(path);
      }
      continue;
    }
    let entries: string[] = [];
    try {
      entries = readdirSync(path);
    } catch {
      // unreadable: leave it
    }
    for (const entry of entries) {
      const file = join(path, entry);
      if (stale(file, 'atimeMs')) {
        rmSync(file, { force: true });
        removed.push(file);
      }
    }
  }
  return removed;
}

/** Whether a day has passed since the last prune (and marks this one), in one stat. */
function pruneDue(root: string, now: number): boolean {
  const stamp = join(root, STAMP);
  try {
    if (now - statSync(stamp).mtimeMs < PRUNE_EVERY_MS) return false;
  } catch {
    // first run in this folder: due
  }
  try {
    writeFileSync(stamp, '');
    return true;
  } catch {
    return false;
  }
}

/** Turns the cache on; when due, prunes it as the process exits (never on the way to the first line). */
export function enableCompileCache(env: NodeJS.ProcessEnv = process.env): void {
  if (!module.enableCompileCache) return;
  const root = compileCacheRoot(env);
  const result = root ? module.enableCompileCache(root.dir) : undefined;
  if (!root || !result || result.status === module.constants.compileCacheStatus.FAILED) {
    // No folder of ours can be written (read-only HOME): Node's default, as before.
    module.enableCompileCache();
    return;
  }
  if (!root.ours || result.status !== module.constants.compileCacheStatus.ENABLED) return;
  if (!pruneDue(root.dir, Date.now())) return;
  const current = module.getCompileCacheDir?.();
  process.once('exit', () => {
    try {
      pruneCompileCache(root.dir, current);
    } catch {
      // a cache: losing a prune costs nothing
    }
  });
}
