// `:diff` and `5` in the console at 80x24: with a diff source the Git-vs-live view opens under the header
// (breadcrumb "... > diff"), Enter shows an object's diff, Esc goes back, q / Esc close it and the console
// is where it was; each opening compares again. Without a source, one line says how to configure one.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import type { DiffReport, ObjectDiff } from '../../source/model/diff-report.js';
import type { DiffPort } from '../../source/ports/diff.js';
import { diffHint } from '../../source/ui/controller.js';
import { expectFits } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

function obj(o: Partial<ObjectDiff> & Pick<ObjectDiff, 'status' | 'kind' | 'name'>): ObjectDiff {
  return {
    app: 'zones-sh-prod-1',
    cluster: 'sh-prod-1',
    group: '',
    apiVersion: 'v1',
    namespace: 'game-1001',
    predictedBy: 'server-dry-run',
    approximate: false,
    warnings: [],
    liveYaml: '',
    predictedYaml: '',
    diff: '',
    ...o,
  };
}

/** A report like the demo repo's: a Modified image, a Modified masked password, a Missing ConfigMap. */
function report(): DiffReport {
  const gz = { group: 'apps.example.com', apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone' };
  return {
    repo: { source: '/srv/config', ref: 'main', commit: '3f2a9c1e5b7d4a6f8e0c2b4d6f8a0c2e4b6d8f0a' },
    apps: [
      {
        app: 'zones-sh-prod-1',
        cluster: 'sh-prod-1',
        namespace: 'default',
        path: 'zones/sh-prod-1',
        tool: 'plain',
        origin: 'zonectl.yaml',
        status: 'OutOfSync',
        warnings: [],
        objects: [
          obj({
            ...gz,
            status: 'Modified',
            name: 'zone1001',
            diff: '--- live\n+++ git\n@@ -3,1 +3,1 @@\n-  defaultImage: registry.example.com/game/game:v1.4.2\n+  defaultImage: registry.example.com/game/game:v1.9.0\n',
          }),
          obj({
            status: 'Missing',
            kind: 'ConfigMap',
            name: 'zone-motd',
            diff: '--- live\n+++ git\n+data:\n+  motd: maintenance tonight\n',
          }),
          obj({ ...gz, status: 'Synced', name: 'zone1002' }),
        ],
      },
      {
        app: 'zones-nj-prod-1',
        cluster: 'nj-prod-1',
        namespace: 'default',
        path: 'zones/nj-prod-1',
        tool: 'plain',
        origin: 'zonectl.yaml',
        status: 'OutOfSync',
        warnings: [],
        objects: [
          obj({
            ...gz,
            app: 'zones-nj-prod-1',
            cluster: 'nj-prod-1',
            namespace: 'game-1101',
            status: 'Modified',
            name: 'zone1101',
            diff: '--- live\n+++ git\n@@ -5,1 +5,1 @@\n-    pwd: "***(hmac:1a2b3c4d)"\n+    pwd: "***(hmac:9f8e7d6c)"\n',
          }),
        ],
      },
    ],
    errors: [],
    durationMs: 412,
    stats: { objects: 4, dryRuns: 3, dryRunCacheHits: 0, liveRequests: 4 },
  };
}

class FakeDiff implements DiffPort {
  readonly title = '/srv/config@main';
  refreshes = 0;
  async refresh(): Promise<DiffReport> {
    this.refreshes++;
    return report();
  }
}

const footer = (f: string) => f.split('\n').at(-1) ?? '';

describe('diff view in the console (80x24)', () => {
  test(':diff opens the report; Enter shows a diff; Esc back; q closes to where we were', async () => {
    const diff = new FakeDiff();
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24, diff });
    await h.press('2');
    await h.press(':');
    await h.type('diff');
    await h.press(KEYS.enter);
    let f = await h.waitFor((x) => x.includes('sh-prod-1  1 app:'), 'the report');
    expectFits(f, 80, 24);
    expect(h.lines()[0]).toMatch(/^zonectl {2}fleet test-fleet/);
    expect(h.lines()[1]).toBe('Rollouts > diff');
    expect(f).toMatch(/^Diff main \(3f2a9c1e\) {2}2 modified, 1 missing, 1 synced {2}412 ms {2}\/srv\/config@main$/m);
    expect(f).toMatch(/^ {2}nj-prod-1 {2}1 app: 1 modified$/m);
    expect(f).toMatch(/^ {2}sh-prod-1 {2}1 app: 1 modified, 1 missing, 1 synced$/m);
    expect(f).toMatch(/^> {5}Modified {2}GameZone\.apps\.example\.com game-1101\/zone1101$/m);
    expect(f).toMatch(/^ {6}Modified {2}GameZone\.apps\.example\.com game-1001\/zone1001$/m);
    expect(f).toMatch(/Missing {3}ConfigMap game-1001\/zone-motd/);
    expect(f).not.toMatch(/Synced {4}GameZone/);
    expect(footer(f)).toContain('enter diff');
    // The nj-prod-1 object (selected first): its masked password diff.
    await h.press(KEYS.enter);
    f = await h.waitFor((x) => x.includes('predicted by'), 'the object diff');
    expectFits(f, 80, 24);
    expect(f).toMatch(/^ {2}zones-nj-prod-1 → nj-prod-1: apps\.example\.com\/GameZone game-1101\/zone1101 /m);
    expect(f).toMatch(/^ {2}\+ {4}pwd: "\*\*\*\(hmac:9f8e7d6c\)"$/m);
    await h.press(KEYS.esc);
    f = await h.waitFor((x) => x.includes('enter diff'), 'the list again');
    expect(h.lines()[1]).toBe('Rollouts > diff');
    // The sh-prod-1 zone: the image Git wants.
    await h.press('j', KEYS.enter);
    f = await h.waitFor((x) => x.includes('predicted by'), 'the second object diff');
    expect(f).toMatch(/^ {2}\+ {2}defaultImage: registry\.example\.com\/game\/game:v1\.9\.0$/m);
    await h.press(KEYS.esc);
    await h.waitFor((x) => x.includes('enter diff'), 'the list again');
    await h.press('q');
    f = await h.waitFor((x) => /^Rollouts {2}\[/m.test(x), 'the rollouts view again');
    expect(h.exits).toEqual([]);
    expect(diff.refreshes).toBe(1);
    // 5 opens it again (a new comparison); Esc closes it.
    await h.press('5');
    await h.waitFor((x) => x.includes('sh-prod-1  1 app:'), 'the report again');
    expect(diff.refreshes).toBe(2);
    await h.press(KEYS.esc);
    await h.waitFor((x) => /^Rollouts {2}\[/m.test(x), 'the rollouts view again');
  });

  test('without a diff source :diff and 5 say how to configure one', async () => {
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    await h.press(':');
    await h.type('diff');
    await h.press(KEYS.enter);
    const f = h.frame();
    expectFits(f, 80, 24);
    expect(f.replace(/\n/g, ' ')).toContain('--diff-repo PATH|URL');
    expect(diffHint()).toMatch(/diff: \{repo: PATH\} to the config file/);
    expect(h.lines()[1]).toMatch(/^Zones {2}\[12\]/);
    await h.press('j');
    await h.press('5');
    expect(h.frame().replace(/\n/g, ' ')).toContain('--diff-repo PATH|URL');
    h.unmount();
    const custom = await renderApp(makeSnapshot(), { columns: 80, rows: 24, diffHint: 'diff: set diff.repo in /etc/zonectl.yaml' });
    await custom.press('5');
    expect(footer(custom.frame())).toBe('diff: set diff.repo in /etc/zonectl.yaml');
  });
});
