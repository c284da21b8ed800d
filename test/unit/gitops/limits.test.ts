// Input limits for `zonectl diff` (issue 16 #8): a config repo is input from pull requests, so a huge
// file, a huge value or a huge diff must cost neither gigabytes nor a report past a PR comment.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cutLine, MAX_DIFF_LINE, unifiedDiff } from '../../../source/gitops/diff-text.js';
import { MAX_FILE_BYTES, openRepo } from '../../../source/gitops/repo.js';
import { markdownReport, MD_LIMIT } from '../../../source/gitops/report.js';
import type { DiffReport } from '../../../source/gitops/types.js';
import { fixtureRepo, type FixtureRepo } from './git-fixture.js';

describe('a huge file in the config repo', () => {
  let repo: FixtureRepo;
  const prevCache = process.env.XDG_CACHE_HOME;
  let cache: string;
  beforeAll(async () => {
    cache = mkdtempSync(join(tmpdir(), 'zonectl-cache-'));
    process.env.XDG_CACHE_HOME = cache;
    const huge = `kind: ConfigMap\ndata:\n  blob: "${'x'.repeat(MAX_FILE_BYTES + 10)}"\n`;
    repo = await fixtureRepo({ 'apps/a/small.yaml': 'kind: A\n', 'apps/a/huge.yaml': huge });
  });
  afterAll(() => {
    repo.cleanup();
    rmSync(cache, { recursive: true, force: true });
    if (prevCache === undefined) delete process.env.XDG_CACHE_HOME;
    else process.env.XDG_CACHE_HOME = prevCache;
  });

  it('is not read; it is listed, and reading it is one line naming it and the limit', async () => {
    const before = process.memoryUsage().rss;
    const r = await openRepo(repo.dir);
    expect(r.files.has('apps/a/huge.yaml')).toBe(false);
    expect(r.oversized.get('apps/a/huge.yaml')).toBeGreaterThan(MAX_FILE_BYTES);
    expect(r.list('apps/a')).toEqual(['apps/a/huge.yaml', 'apps/a/small.yaml']);
    expect(r.text('apps/a/small.yaml')).toBe('kind: A\n');
    expect(() => r.text('apps/a/huge.yaml')).toThrow(/: apps\/a\/huge\.yaml is 8\.0 MiB, over the 8 MiB limit for one file: not read$/);
    // Not read into memory (the 8 MiB blob would be at least that much more RSS).
    expect(process.memoryUsage().rss - before).toBeLessThan(MAX_FILE_BYTES);
  });
});

describe('huge values and diffs', () => {
  it('a diff line over the cap is cut with how much was left out', () => {
    expect(cutLine('abc', 2)).toBe('ab… (1 more characters)');
    const d = unifiedDiff('v1/ConfigMap x', `v: ${'a'.repeat(50_000)}\n`, 'v: b\n');
    expect(Math.max(...d.split('\n').map((l) => l.length))).toBeLessThanOrEqual(MAX_DIFF_LINE + 40);
    expect(d).toMatch(/… \(45\d\d\d more characters\)/);
  });

  it('the markdown report stays under a PR comment (65,536 characters) and says what it left out', () => {
    const diff = Array.from({ length: 400 }, (_, i) => `+line ${i} ${'z'.repeat(100)}`).join('\n') + '\n';
    const report = {
      repo: { source: 'r', ref: 'main', commit: 'a'.repeat(40) },
      apps: Array.from({ length: 30 }, (_, i) => ({
        app: `app-${i}`,
        cluster: 'shanghai',
        objects: [{ group: '', kind: 'ConfigMap', namespace: 'ns', name: `c${i}`, status: 'Modified', diff, warnings: [] }],
      })),
      errors: [],
    } as unknown as DiffReport;
    const md = markdownReport(report);
    expect(md.length).toBeLessThanOrEqual(MD_LIMIT);
    expect(md).toMatch(/^> \d+ more change\(s\) not shown: the report is kept under a PR comment's 65536 characters/m);
    expect(md.split('\n').filter((l) => l.startsWith('| app-')).length).toBe(30); // the summary table is whole
    expect(md).toMatch(/more characters of this diff/);
  });
});
