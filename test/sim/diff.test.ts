// zonectl diff against the simulator: the demo config repo reports exactly the drift it introduced.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeTargets, type KubeTargets } from '../../source/gitops/kube-targets.js';
import { DryRunCache } from '../../source/gitops/predict.js';
import { markdownReport, textReport } from '../../source/gitops/report.js';
import { runGitDiff } from '../../source/gitops/run.js';
import { writeDemoRepo, type DemoRepo } from '../../source/sim/demo-repo.js';
import { startDiffWorld, type DiffWorld } from './diff-world.js';

describe('diff against the simulator (demo repo)', () => {
  let w: DiffWorld;
  let repo: DemoRepo;
  let dir: string;
  let targets: KubeTargets;
  beforeAll(async () => {
    w = await startDiffWorld();
    dir = mkdtempSync(join(tmpdir(), 'zonectl-demo-repo-'));
    repo = await writeDemoRepo(dir, w.world);
    targets = kubeTargets(w.kc);
  });
  afterAll(async () => {
    targets?.close();
    await w?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports exactly the drift the demo repo introduced, nothing else', async () => {
    const r = await runGitDiff({ repo: dir }, targets);
    expect(r.errors).toEqual([]);
    for (const a of r.apps) expect(a.error, `${a.app}: ${a.error}`).toBeUndefined();
    const drifted = r.apps.flatMap((a) =>
      a.objects
        .filter((o) => o.status !== 'Synced')
        .map((o) => ({ app: a.app, cluster: a.cluster, kind: o.kind, namespace: o.namespace, name: o.name, status: o.status })),
    );
    const expected = repo.drift.map(({ what: _w, ...d }) => d);
    const key = (d: { app: string; name: string; namespace: string }) => `${d.app}/${d.namespace}/${d.name}`;
    expect(drifted.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(expected.sort((a, b) => key(a).localeCompare(key(b))));
    const synced = r.apps.flatMap((a) => a.objects).filter((o) => o.status === 'Synced');
    expect(synced.length).toBeGreaterThan(0);
    // every pair was predicted by the server's dry-run
    for (const o of r.apps.flatMap((a) => a.objects).filter((x) => x.status === 'Synced' || x.status === 'Modified')) {
      expect(o.predictedBy).toBe('server-dry-run');
      expect(o.approximate).toBe(false);
    }
  });

  it('shows the image change in the diff and masks the changed password on both sides', async () => {
    const r = await runGitDiff({ repo: dir }, targets);
    const objs = r.apps.flatMap((a) => a.objects);
    const img = objs.find((o) => o.status === 'Modified' && o.diff.includes('defaultImage'))!;
    expect(img.diff).toMatch(/-\s+defaultImage: registry\.example\.com\/project1\/service:1\.8\.2/);
    expect(img.diff).toMatch(/\+\s+defaultImage: registry\.example\.com\/project1\/service:1\.9\.0/);
    const pwd = objs.find((o) => o.status === 'Modified' && o.diff.includes('pwd'))!;
    expect(pwd.diff).toMatch(/\+\s+pwd: "?\*\*\*\(hmac:[0-9a-f]{8}\)"?/);
    const text = textReport(r) + markdownReport(r) + JSON.stringify(r);
    expect(text).not.toContain('demo-password-rotated');
    expect(markdownReport(r)).toMatch(/\| zones-shanghai \| shanghai \| 🟢 success \|/);
  });

  it('--validate-new dry-runs objects that do not exist yet; they stay Missing', async () => {
    const r = await runGitDiff({ repo: dir, validateMissing: true }, targets);
    const motd = r.apps.flatMap((a) => a.objects).find((o) => o.name === 'zone-motd')!;
    expect(motd.status).toBe('Missing');
    expect(motd.dryRun).toEqual({ ok: true, message: undefined });
  });

  it('re-uses dry-run results on refresh (cache keyed by resourceVersion + desired hash)', async () => {
    const cache = new DryRunCache();
    const a = await runGitDiff({ repo: dir }, targets, cache);
    const b = await runGitDiff({ repo: dir }, targets, cache);
    expect(a.stats.dryRuns).toBeGreaterThan(0);
    expect(b.stats.dryRuns).toBe(0);
    expect(b.stats.dryRunCacheHits).toBe(a.stats.dryRuns);
  });

  it('an owned live object with no Git counterpart is Extra; the viewer gets the approximate fallback', async () => {
    const store = w.world.stores.get('shanghai')!;
    const cm = store.typeFor('v1', 'ConfigMap')!;
    const zoneNs = String(store.list(store.typeFor('apps.example.com/v1alpha1', 'GameZone')!).items[0]!.metadata.namespace);
    store.create(cm, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'leftover', namespace: zoneNs, labels: { 'app.kubernetes.io/instance': 'zones-shanghai' } },
      data: { a: '1' },
    });
    store.create(cm, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'not-ours', namespace: zoneNs }, data: { a: '1' } });
    try {
      const r = await runGitDiff({ repo: dir, apps: ['zones-shanghai'] }, targets);
      const objs = r.apps[0]!.objects;
      expect(objs.find((o) => o.name === 'leftover')?.status).toBe('Extra');
      expect(objs.find((o) => o.name === 'not-ours')).toBeUndefined();
      const viewer = await runGitDiff(
        { repo: dir, apps: ['zones-shanghai'] },
        { ...targets, client: (c) => targets.client(`${c}-viewer`) },
      );
      const pairs = viewer.apps[0]!.objects.filter((o) => o.status === 'Synced' || o.status === 'Modified');
      expect(pairs.length).toBeGreaterThan(0);
      for (const o of pairs) {
        expect(o.approximate).toBe(true);
        expect(o.note).toMatch(/client-side \(approximate\): no permission to dry-run/);
      }
      // the same drift is found client-side
      expect(
        viewer.apps[0]!.objects.filter((o) => o.status !== 'Synced')
          .map((o) => o.name)
          .sort(),
      ).toEqual(
        objs
          .filter((o) => o.status !== 'Synced')
          .map((o) => o.name)
          .sort(),
      );
    } finally {
      store.delete(cm, zoneNs, 'leftover');
      store.delete(cm, zoneNs, 'not-ours');
    }
  });
});
