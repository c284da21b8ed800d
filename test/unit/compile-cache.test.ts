// The compile cache (source/compile-cache.ts): where it is kept, and that pruning removes only what no
// run has read for two weeks; then the built CLI end to end: a run fills zonectl's folder, not Node's.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileCacheRoot, pruneCompileCache } from '../../source/compile-cache.js';
import { buildCli, NODE, type BuiltCli } from '../sim/cli-process.js';

const DAY = 24 * 60 * 60 * 1000;
const dirs: string[] = [];
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'zonectl-cc-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A file whose access and modification times are `ageDays` old. */
function aged(path: string, ageDays: number, now: number): void {
  writeFileSync(path, 'x');
  const t = new Date(now - ageDays * DAY);
  utimesSync(path, t, t);
}

describe('the compile cache folder', () => {
  it('is zonectl’s own under XDG_CACHE_HOME or ~/.cache; NODE_COMPILE_CACHE wins and is not ours to prune', () => {
    expect(compileCacheRoot({ XDG_CACHE_HOME: '/x/cache', HOME: '/home/op' })).toEqual({
      dir: '/x/cache/zonectl/compile-cache',
      ours: true,
    });
    expect(compileCacheRoot({ HOME: '/home/op' })).toEqual({ dir: '/home/op/.cache/zonectl/compile-cache', ours: true });
    // A relative XDG_CACHE_HOME is invalid by the XDG spec: ignored.
    expect(compileCacheRoot({ XDG_CACHE_HOME: 'rel', HOME: '/home/op' })).toEqual({
      dir: '/home/op/.cache/zonectl/compile-cache',
      ours: true,
    });
    expect(compileCacheRoot({ NODE_COMPILE_CACHE: '/mine', HOME: '/home/op' })).toEqual({ dir: '/mine', ours: false });
  });

  it('prunes entries unread for two weeks and other Node builds’ folders, and keeps the rest', () => {
    const now = Date.now();
    const root = temp();
    const current = join(root, 'v22.23.3-x64-aaaa-0');
    const oldNode = join(root, 'v22.1.0-x64-bbbb-0');
    const recentNode = join(root, 'v22.22.0-x64-cccc-0');
    for (const d of [current, oldNode, recentNode]) mkdirSync(d);
    aged(join(current, 'fresh'), 1, now);
    aged(join(current, 'stale'), 15, now);
    aged(join(oldNode, 'entry'), 40, now);
    utimesSync(oldNode, new Date(now - 40 * DAY), new Date(now - 40 * DAY));
    aged(join(recentNode, 'entry'), 2, now);
    writeFileSync(join(root, '.pruned'), '');

    const removed = pruneCompileCache(root, current, now);

    expect(removed.sort()).toEqual([join(current, 'stale'), oldNode].sort());
    expect(readdirSync(current)).toEqual(['fresh']);
    expect(readdirSync(root).sort()).toEqual(['.pruned', 'v22.22.0-x64-cccc-0', 'v22.23.3-x64-aaaa-0']);
  });

  it('a missing folder prunes nothing', () => {
    expect(pruneCompileCache(join(temp(), 'none'), undefined)).toEqual([]);
  });
});

describe('the built CLI', () => {
  let built: BuiltCli | undefined;
  beforeAll(async () => {
    built = await buildCli();
  }, 60_000);
  afterAll(() => built?.remove());

  it('keeps its compiled code in ~/.cache/zonectl/compile-cache and prunes it once a day', () => {
    const home = temp();
    const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, NO_COLOR: '1' };
    delete env.XDG_CACHE_HOME;
    delete env.NODE_COMPILE_CACHE;
    // Set by vitest's V8 coverage for its workers' children (this child's coverage is not collected anyway).
    delete env.NODE_DISABLE_COMPILE_CACHE;
    const root = join(home, '.cache', 'zonectl', 'compile-cache');
    // A stale Node build's folder from long ago, and a stale entry of this one planted after the first run.
    const run = (): void => {
      const r = spawnSync(NODE, [built!.cli, 'version'], { env, encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/^zonectl \d/);
    };
    run();
    const builds = readdirSync(root).filter((n) => n !== '.pruned');
    expect(builds).toHaveLength(1);
    const current = join(root, builds[0]!);
    expect(readdirSync(current).length).toBeGreaterThan(0);
    expect(existsSync(join(root, '.pruned'))).toBe(true);

    const now = Date.now();
    const gone = join(root, 'v20.0.0-x64-dead-0');
    mkdirSync(gone);
    utimesSync(gone, new Date(now - 30 * DAY), new Date(now - 30 * DAY));
    aged(join(current, 'stale-entry'), 20, now);
    // Pruned today already: the next run leaves both.
    run();
    expect(existsSync(gone)).toBe(true);
    expect(existsSync(join(current, 'stale-entry'))).toBe(true);
    // A day later the run prunes them as it exits, and keeps what it read.
    utimesSync(join(root, '.pruned'), new Date(now - 2 * DAY), new Date(now - 2 * DAY));
    const kept = readdirSync(current)
      .filter((n) => n !== 'stale-entry')
      .sort();
    run();
    expect(existsSync(gone)).toBe(false);
    expect(existsSync(join(current, 'stale-entry'))).toBe(false);
    expect(readdirSync(current).sort()).toEqual(kept);
  });
});
