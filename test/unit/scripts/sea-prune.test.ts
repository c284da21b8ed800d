// The single executable's cache of unpacked builds (scripts/sea-main.cjs pruneBuilds): a new build's
// first start removes other builds' folders but the newest of them, and half-written ones a day old;
// never the current build, a folder not named as a build, a link, or a build still being unpacked.
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const { pruneBuilds } = createRequire(import.meta.url)('../../../scripts/sea-main.cjs') as {
  pruneBuilds(root: string, keep: string, now?: number): string[];
};

const roots: string[] = [];
afterEach(() => {
  for (const r of roots.splice(0)) rmSync(r, { recursive: true, force: true });
});

/** A build folder unpacked `ageH` hours ago (its `complete` file's time). */
function build(root: string, hash: string, ageH: number, complete = true): void {
  mkdirSync(join(root, hash, 'bundle'), { recursive: true });
  writeFileSync(join(root, hash, 'bundle', 'cli.mjs'), '');
  if (!complete) return;
  const file = join(root, hash, 'complete');
  writeFileSync(file, `${hash}\n`);
  const t = (Date.now() - ageH * 3_600_000) / 1000;
  utimesSync(file, t, t);
}

describe('pruneBuilds', () => {
  it('keeps the current build and the newest other one; removes older builds and old half-written folders', () => {
    const root = mkdtempSync(join(tmpdir(), 'zonectl-prune-'));
    roots.push(root);
    build(root, 'aaaaaaaaaaaaaaaa', 0); // current
    build(root, 'bbbbbbbbbbbbbbbb', 2); // newest other: kept
    build(root, 'cccccccccccccccc', 30);
    build(root, 'dddddddddddddddd', 400);
    build(root, 'eeeeeeeeeeeeeeee', 50, false); // being unpacked by another start: kept
    mkdirSync(join(root, '.ffffffffffffffff-old1'));
    const old = (Date.now() - 2 * 86_400_000) / 1000;
    utimesSync(join(root, '.ffffffffffffffff-old1'), old, old);
    mkdirSync(join(root, '.ffffffffffffffff-new1')); // may be another start unpacking now
    mkdirSync(join(root, 'notes')); // not a build's name
    writeFileSync(join(root, '1234567890abcdef'), 'a file named like a build');
    const elsewhere = mkdtempSync(join(tmpdir(), 'zonectl-prune-target-'));
    roots.push(elsewhere);
    symlinkSync(elsewhere, join(root, '0000000000000000')); // a link named like a build: never followed
    const removed = pruneBuilds(root, 'aaaaaaaaaaaaaaaa').map((p) => p.slice(root.length + 1));
    expect(removed.sort()).toEqual(['.ffffffffffffffff-old1', 'cccccccccccccccc', 'dddddddddddddddd']);
    expect(readdirSync(root).sort()).toEqual([
      '.ffffffffffffffff-new1',
      '0000000000000000',
      '1234567890abcdef',
      'aaaaaaaaaaaaaaaa',
      'bbbbbbbbbbbbbbbb',
      'eeeeeeeeeeeeeeee',
      'notes',
    ]);
    expect(readdirSync(elsewhere)).toEqual([]);
  });

  it('a missing cache folder: nothing to do', () => {
    expect(pruneBuilds(join(tmpdir(), 'zonectl-prune-none-', String(process.pid)), 'aaaaaaaaaaaaaaaa')).toEqual([]);
  });
});
