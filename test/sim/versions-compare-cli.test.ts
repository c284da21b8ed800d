// `zonectl versions`, `zonectl compare` and zone ids that find their namespace, as a user runs them
// (the built program, child processes) against `zonectl demo`. The demo moves (its hot update goes on),
// so what runs is checked against itself (pods against the table, filters against the whole), not
// against a frozen list.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { writeDemoRepo } from '../../source/sim/demo-repo.js';
import { cliOnDemo } from './cli-fixture.js';

const f = cliOnDemo();
const zonectl = f.zonectl;

interface Service {
  service: string;
  source: string;
  mixed: boolean;
  drift: boolean;
  running: Array<{ version: string; pods: number }>;
  desired?: { version: string; from: string };
}
interface ZoneVersions {
  cluster: string;
  namespace: string;
  zoneId: string;
  mixed: boolean;
  services: Service[];
}

async function matrix(args: string[]): Promise<ZoneVersions[]> {
  const r = await zonectl(['versions', '-A', '--all-contexts', '-o', 'json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  const doc = JSON.parse(r.stdout) as { kind: string; items: ZoneVersions[] };
  expect(doc.kind).toBe('ZoneVersionsList');
  return doc.items;
}

describe('zonectl versions', () => {
  it('every zone of the demo with its services; what runs read from the pods; the GameZone asks', async () => {
    const all = await matrix([]);
    const zones = await zonectl(['zones', '-A', '--all-contexts', '-o', 'name']);
    expect(all.map((z) => `${z.cluster}/${z.namespace}/${z.zoneId}`).sort()).toEqual(zones.stdout.trim().split('\n').sort());
    const services = all.flatMap((z) => z.services);
    expect(services.length).toBeGreaterThan(all.length * 5);
    for (const s of services.filter((x) => x.source !== 'none')) {
      expect(s.source).toBe('pods');
      expect(s.running.reduce((n, r) => n + r.pods, 0)).toBeGreaterThan(0);
      expect(s.mixed).toBe(s.running.length > 1);
      expect(s.desired?.from).toBe('GameZone');
    }
    // The demo's story: a zone whose GameZone asks for a newer image than one service runs (drift).
    expect(services.some((s) => s.drift && !s.mixed)).toBe(true);
  });

  it('--version and --mixed keep what matches; the table says the same; --no-pods reads the workloads', async () => {
    const all = await matrix([]);
    const old = await matrix(['--version', '1.8.x']);
    expect(old.length).toBeGreaterThan(0);
    for (const z of old) for (const s of z.services) expect(s.running.some((r) => /^1\.8(\.|$|-)/.test(r.version))).toBe(true);
    const newer = await matrix(['--version', '>=1.9']);
    for (const z of newer) for (const s of z.services) expect(s.running.some((r) => r.version.startsWith('1.9'))).toBe(true);
    const mixed = await matrix(['--mixed']);
    expect(mixed.every((z) => z.mixed)).toBe(true);
    expect(mixed.length).toBe(all.filter((z) => z.mixed).length);
    const table = await zonectl(['versions', '-A', '--all-contexts', '--version', '1.8.x']);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]).toMatch(/^CLUSTER +ZONE +SERVICE +RUNNING +DESIRED +STATE$/);
    expect(table.stdout.trim().split('\n').length - 1).toBe(old.reduce((n, z) => n + z.services.length, 0));
    const fromWorkloads = await matrix(['--no-pods']);
    expect(fromWorkloads.flatMap((z) => z.services).every((s) => s.source !== 'pods')).toBe(true);
  });

  it('a malformed --version is a usage error; no match is said on stderr, exit 0; one cluster down is exit 3', async () => {
    const bad = await zonectl(['versions', '-A', '--all-contexts', '--version', '>=']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('error: --version ">=": ">=": a version is missing after >=\n');
    const none = await zonectl(['versions', '-A', '--all-contexts', '--version', '=0.0.1']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe('');
    expect(none.stderr).toBe('No zone matches.\n');
    const partial = await zonectl(['versions', '-A', '--context', 'shanghai', '--context', 'leaky-down', '--request-timeout', '3000'], {
      KUBECONFIG: `${f.env().KUBECONFIG}:${f.leakyKubeconfig()}`,
    });
    expect(partial.code).toBe(3);
    expect(partial.stdout).toMatch(/^shanghai +101 /m);
    expect(partial.stderr).toMatch(/^error: leaky-down: cannot reach/m);
  });
});

describe('zonectl versions --repo', () => {
  it('the demo\'s config repo: the GIT column, "git wants" where Git asks another image than live; a bad repo is exit 2', async () => {
    const repo = join(f.dir(), 'config-repo');
    await writeDemoRepo(repo, f.demo().world);
    const r = await zonectl(['versions', '-A', '--all-contexts', '--repo', repo, '-o', 'wide']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/ STATE +GIT +FROM /);
    // The demo repo asks a newer default image of one shanghai GameZone than it runs.
    const wants = r.stdout.split('\n').filter((l) => /git wants /.test(l));
    expect(wants.length).toBeGreaterThan(0);
    for (const l of wants) expect(l).toMatch(/^shanghai /);
    const bad = await zonectl(['versions', '-A', '--repo', join(f.dir(), 'nothing-here')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^error: --repo \S+nothing-here: .*no such directory/);
  }, 90_000);
});

describe('zonectl compare', () => {
  it('two zones: the differences (exit 1 with --exit-code), the same zone twice none (exit 0); json names both', async () => {
    const diff = await zonectl(['compare', 'zone/101', 'zone/102', '--all-contexts', '--exit-code']);
    expect(diff.code, diff.stderr).toBe(1);
    expect(diff.stdout).toMatch(/^A: shanghai\/zone-101\/zone 101\nB: shanghai\/zone-102\/zone 102\n {4}SECTION +KEY +A +B\n/);
    expect(diff.stdout).toMatch(/^\| +config +mysqlConfig\.database +zone_101 +zone_102$/m);
    const same = await zonectl(['compare', 'zone/101', 'shanghai/zone/101', '--all-contexts', '--exit-code']);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stderr).toBe('No differences.\n');
    const json = await zonectl(['compare', 'shanghai/zone/101', 'nanjing/zone/201', '-o', 'json', '--all']);
    expect(json.code, json.stderr).toBe(0);
    const doc = JSON.parse(json.stdout) as { kind: string; a: string; b: string; differences: number; lines: Array<{ state: string }> };
    expect(doc).toMatchObject({ kind: 'Comparison', a: 'shanghai/zone-101/zone 101', b: 'nanjing/zone-201/zone 201' });
    expect(doc.lines.filter((l) => l.state !== 'same').length).toBe(doc.differences);
    expect(doc.lines.some((l) => l.state === 'same')).toBe(true);
  });

  it('two clusters: zone ids on each side and the versions per service across their zones', async () => {
    const r = await zonectl(['compare', '--context', 'shanghai', '--context', 'singapore', '-o', 'yaml']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^kind: Comparison$/m);
    expect(r.stdout).toMatch(/section: zones\n +key: zone 101\n +a: zone101 \(zone-101\)\n +state: only-a/);
    expect(r.stdout).toMatch(/section: versions \(zones\)/);
  });

  it('usage: one zone, a zone nowhere, one or three contexts, not a zone, a format it has not', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['compare', 'zone/101'], /^error: compare needs two zones, got 1: zone\/101$/m],
      [
        ['compare', '--context', 'shanghai', '--context', 'nanjing', '--context', 'singapore'],
        /^error: compare needs two zones \(zone\/101 zone\/201\) or two clusters/,
      ],
      [
        ['compare', 'zone/101', 'zone/999', '--all-contexts'],
        /^error: zone\/999 not found in the selected clusters; --all-contexts searches/,
      ],
      [['compare', '--context', 'shanghai'], /^error: compare needs two zones \(zone\/101 zone\/201\) or two clusters/],
      [['compare', 'pod/x', 'zone/1'], /^error: "pod\/x": expected zone\/ID or CLUSTER\/zone\/ID$/m],
      [['compare', 'zone/101', 'zone/102', '-o', 'wide'], /^error: -o wide: expected table, json or yaml$/m],
    ];
    for (const [args, want] of cases) {
      const r = await zonectl(args);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toMatch(want);
    }
  });
});

describe('a zone id finds its namespace', () => {
  it('logs zone/101 needs no -n (the zones live in zone-* namespaces); a pod without -n keeps the default namespace', async () => {
    const r = await zonectl(['logs', 'zone/101', '--all-contexts', '--tail', '1']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shanghai\/zone-101\/\S+\/\S+ /m);
    const pod = await zonectl(['logs', 'pod/game-1-0', '--context', 'shanghai', '--tail', '1']);
    expect(pod.code).toBe(2);
    expect(pod.stderr).toMatch(/pod\/game-1-0 not found/);
  });

  it("--zone selects in every namespace without -n (a dry run plans the zone's workloads)", async () => {
    const r = await zonectl(['hold', '--zone', '104', '--context', 'shanghai', '--dry-run', '--yes']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shanghai +zone-104 +gamestatefulset\/game-1 /m);
    expect(r.stdout).not.toMatch(/zone-10[1-3]/);
  });
});
