// `zonectl diff` as a command on the simulator: summary table then diffs, -o json, --markdown, --exit-code,
// KUBECTL_EXTERNAL_DIFF, usage/repo errors as exit 2.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { run } from '../../commands/diff.js';
import { writeDemoRepo, type DemoRepo } from '../../source/sim/demo-repo.js';
import { startDiffWorld, type DiffWorld } from './diff-world.js';

async function capture(argv: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = process.stdout.write.bind(process.stdout);
  const e = process.stderr.write.bind(process.stderr);
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  process.stdout.write = ((c: string | Uint8Array) => (out.push(String(c)), true)) as typeof process.stdout.write;
  process.stderr.write = ((c: string | Uint8Array) => (err.push(String(c)), true)) as typeof process.stderr.write;
  try {
    const code = await run(argv);
    return { code, out: out.join(''), err: err.join('') };
  } finally {
    process.stdout.write = o;
    process.stderr.write = e;
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe('zonectl diff (command) on the simulator', () => {
  let w: DiffWorld;
  let dir: string;
  let repo: DemoRepo;
  beforeAll(async () => {
    w = await startDiffWorld();
    dir = mkdtempSync(join(tmpdir(), 'zonectl-diffcli-'));
    repo = await writeDemoRepo(dir, w.world);
  });
  afterAll(async () => {
    await w?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints the summary table then the diffs; exit 0 without --exit-code, 1 with it', async () => {
    const a = await capture(['--repo', dir, '--kubeconfig', w.kubeconfigPath], { KUBECTL_EXTERNAL_DIFF: undefined });
    expect(a.err).toBe('');
    expect(a.code).toBe(0);
    const lines = a.out.split('\n');
    expect(lines[0]).toMatch(/^APP\s+CLUSTER\s+KIND\s+NAMESPACE\s+NAME\s+STATUS$/);
    expect(lines.filter((l) => /^zones-/.test(l))).toHaveLength(repo.drift.length);
    expect(a.out).toMatch(/^zones-shanghai\s+shanghai\s+GameZone\.apps\.example\.com\s+zone-\d+\s+zone\d+\s+Modified$/m);
    expect(a.out).toMatch(/^zones-shanghai\s+shanghai\s+ConfigMap\s+zone-\d+\s+zone-motd\s+Missing$/m);
    expect(a.out).toMatch(/^===== zones-shanghai shanghai apps\.example\.com\/GameZone /m);
    expect(a.out).toMatch(/^\+\s+defaultImage: registry\.example\.com\/project1\/service:1\.9\.0$/m);
    expect(a.out).not.toContain('demo-password-rotated');
    const b = await capture(['--repo', dir, '--kubeconfig', w.kubeconfigPath, '--exit-code', '--app', 'zones-nanjing']);
    expect(b.code).toBe(1);
  });

  it('-o json is the documented schema; --markdown is a PR comment', async () => {
    const j = await capture(['--repo', dir, '--kubeconfig', w.kubeconfigPath, '-o', 'json']);
    const doc = JSON.parse(j.out);
    expect(doc.kind).toBe('DiffReport');
    expect(doc.repo.commit).toBe(repo.commit);
    expect(doc.counts.Modified + doc.counts.Missing).toBe(repo.drift.length);
    expect(doc.apps[0].objects[0]).toHaveProperty('predictedBy');
    const m = await capture(['--repo', dir, '--kubeconfig', w.kubeconfigPath, '--markdown']);
    expect(m.out).toMatch(/^### zonectl diff/);
    expect(m.out).toMatch(/\| Application \| Cluster \| Dry run \| Changes \| Detail \|/);
    expect(m.out).toMatch(/```diff/);
  });

  it('KUBECTL_EXTERNAL_DIFF runs the program on LIVE and MERGED directories', async () => {
    const r = await capture(['--repo', dir, '--kubeconfig', w.kubeconfigPath, '--app', 'zones-shanghai'], {
      KUBECTL_EXTERNAL_DIFF: 'diff -r -u -N',
    });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^APP/);
    expect(r.out).not.toMatch(/^=====/m);
    expect(r.out).toMatch(/^diff -r -u -N .*\/LIVE\/shanghai\.apps\.example\.com\.v1alpha1\.GameZone\.zone-\d+\.zone\d+ /m);
    expect(r.out).toMatch(/^\+\s+defaultImage: registry\.example\.com\/project1\/service:1\.9\.0$/m);
  });

  it('a context whose CA file is missing: its apps fail with the reason, the others are diffed, exit 3 (issue 16 #10)', async () => {
    const kc = YAML.parse(readFileSync(w.kubeconfigPath, 'utf8')) as {
      clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
    };
    const nanjing = kc.clusters.find((c) => c.name === 'nanjing')!.cluster;
    delete nanjing['certificate-authority-data'];
    nanjing['certificate-authority'] = join(dir, 'missing-ca.crt');
    const file = join(dir, 'broken-kubeconfig');
    writeFileSync(file, YAML.stringify(kc), { mode: 0o600 });
    const r = await capture(['--repo', dir, '--kubeconfig', file]);
    expect(r.err).not.toMatch(/internal error|\n {4}at /);
    expect(r.out).toMatch(/^zones-shanghai\s+shanghai\s+GameZone\.apps\.example\.com\s+zone-\d+\s+zone\d+\s+Modified$/m);
    expect(r.out).toMatch(/^zones-nanjing\s+nanjing\s+.*Unknown \(see error\)$/m);
    expect(r.out).toMatch(
      /^error: zones-nanjing \(nanjing\): nanjing: .*kubeconfig: certificate-authority .*\/missing-ca\.crt: no such file$/m,
    );
    expect(r.code).toBe(3);
  });

  it('usage and repo errors exit 2 with one line', async () => {
    expect((await capture(['--kubeconfig', w.kubeconfigPath])).code).toBe(2);
    const bad = await capture(['--repo', dir, '--ref', 'no-such-ref', '--kubeconfig', w.kubeconfigPath]);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/^error: .*ref "no-such-ref" not found/);
    const app = await capture(['--repo', dir, '--app', 'nope', '--kubeconfig', w.kubeconfigPath]);
    expect(app.code).toBe(2);
    expect(app.err).toMatch(/--app nope: no such app/);
  });
});
