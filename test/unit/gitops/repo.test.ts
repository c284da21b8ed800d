import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RepoError, openRepo } from '../../../source/gitops/repo.js';
import { redactUrl } from '../../../source/gitops/git-env.js';
import { fixtureRepo, type FixtureRepo } from './git-fixture.js';

describe('repo reader', () => {
  let repo: FixtureRepo;
  let first: string;
  let cache: string;
  const prevCache = process.env.XDG_CACHE_HOME;
  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'zonectl-cache-'));
    process.env.XDG_CACHE_HOME = cache;
    repo = await fixtureRepo({
      'zones/a.yaml': 'kind: A\n',
      'u.yaml': 'name: ümlaut ä\n',
      'charts/c/bin.tgz': Buffer.from([0, 1, 2, 0xff, 0x0a, 0x0a, 3]),
    });
    first = (await openRepo(repo.dir)).commit;
    await repo.tag('v1');
    await repo.commit({ 'zones/a.yaml': 'kind: B\n', 'zones/b.yaml': 'kind: C\n' }, 'second');
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(cache, { recursive: true, force: true });
    if (prevCache === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = prevCache;
  });

  it('reads every file at HEAD with exact bytes (binary and UTF-8)', async () => {
    const r = await openRepo(repo.dir);
    expect(r.list()).toEqual(['charts/c/bin.tgz', 'u.yaml', 'zones/a.yaml', 'zones/b.yaml']);
    expect(r.text('u.yaml')).toBe('name: ümlaut ä\n');
    expect([...r.files.get('charts/c/bin.tgz')!]).toEqual([0, 1, 2, 0xff, 0x0a, 0x0a, 3]);
    expect(r.text('zones/a.yaml')).toBe('kind: B\n');
    expect(r.list('zones')).toEqual(['zones/a.yaml', 'zones/b.yaml']);
  });

  it('reads an older ref (tag and commit) without touching the working tree', async () => {
    writeFileSync(join(repo.dir, 'zones/a.yaml'), 'kind: UNCOMMITTED\n');
    const byTag = await openRepo(repo.dir, 'v1');
    expect(byTag.commit).toBe(first);
    expect(byTag.text('zones/a.yaml')).toBe('kind: A\n');
    expect(byTag.files.has('zones/b.yaml')).toBe(false);
    const byCommit = await openRepo(repo.dir, first.slice(0, 10));
    expect(byCommit.commit).toBe(first);
    // the working tree is as the user left it
    expect(readFileSync(join(repo.dir, 'zones/a.yaml'), 'utf8')).toBe('kind: UNCOMMITTED\n');
  });

  it('clones a URL once into the cache and fetches on the next open', async () => {
    const url = `file://${repo.dir}`;
    const a = await openRepo(url, 'main');
    expect(a.text('zones/b.yaml')).toBe('kind: C\n');
    const cacheDirs = join(cache, 'zonectl', 'repos');
    expect(existsSync(cacheDirs)).toBe(true);
    const next = await repo.commit({ 'zones/c.yaml': 'kind: D\n' }, 'third');
    const b = await openRepo(url, 'main');
    expect(b.commit).toBe(next);
    expect(b.text('zones/c.yaml')).toBe('kind: D\n');
    const old = await openRepo(url, first);
    expect(old.text('zones/a.yaml')).toBe('kind: A\n');
  });

  it('names a missing ref and never prints credentials', async () => {
    await expect(openRepo(repo.dir, 'no-such-branch')).rejects.toThrow(/ref "no-such-branch" not found/);
    const err = await openRepo('https://user:s3cr3t-token@127.0.0.1:1/x.git').catch((e: unknown) => e as Error);
    expect(err).toBeInstanceOf(RepoError);
    expect(String((err as Error).message)).not.toContain('s3cr3t-token');
    expect(redactUrl('fatal: https://u:p@h/x.git')).toBe('fatal: https://h/x.git');
  });
});
