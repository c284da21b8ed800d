// The built program against `zonectl demo` (child processes, 127.0.0.1 only), hardening item 10: every
// flag is checked before any request — a mistake is one line and exit 2, never a stack trace (exit 10)
// nor silently ignored; a context the kubeconfig cannot make a client for (a missing CA, client
// certificate or key file, a missing cluster) is that context's failure only (exit 3, the others
// listed); nothing matched is said (logs: exit 1), and emptiness is never claimed of a cluster that
// could not be read.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { cliOnDemo, expectUsageLine } from './cli-fixture.js';
import { runCli } from './cli-process.js';

const f = cliOnDemo();
const zonectl = f.zonectl;
const requests = f.requests;

/** Runs zonectl and checks that it made no request to any simulated cluster. */
async function noRequest(args: string[], env: NodeJS.ProcessEnv = {}) {
  const before = requests.length;
  const r = await runCli(f.cli(), args, { ...f.env(), ...env }, 15_000);
  expect(requests.slice(before)).toEqual([]);
  return r;
}

describe('flags: one usage line, exit 2, before any request', () => {
  it.each([
    [['zones', '-n', 'a', '-n', 'b'], /^error: -n\/--namespace given more than once$/],
    [['rollouts', '--kubeconfig', 'a', '--kubeconfig=b'], /^error: --kubeconfig given more than once$/],
    [['rollouts', '-A', '-n'], /^error: -n needs a value$/],
    [['logs', 'zone/101', '-A', '-c', ''], /^error: -c\/--container needs a name or a pattern \(an empty one is not "every container"\)$/],
    [['rollouts', '--context'], /^error: --context needs a value$/],
    [['rollouts', '-A', '--context', '-l', 'app=x'], /^error: --context needs a value$/],
    [['zones', '-A', '-l'], /^error: -l needs a value$/],
    [['zones', '-A', '--kubeconfig'], /^error: --kubeconfig needs a value$/],
    [['logs', 'zone/101', '-A', '--tail', 'ten'], /^error: --tail ten: expected a number$/],
    [['approve', '-A', '--state', 'paused', '--step', 'two', '--yes'], /^error: --step two: expected a number$/],
    [['rollouts', '--context', 'shanghai', '--all-contexts'], /^error: --context and --all-contexts exclude each other$/],
    [
      ['rollouts', '-A', '--kubefed-host', 'fed-host', '--context', 'shanghai'],
      /^error: --kubefed-host selects the fleet \(the host and its members\): it excludes --context and --all-contexts$/,
    ],
    [['zones', '--kubefed-host', 'fed-host', '--all-contexts'], /^error: --kubefed-host selects the fleet/],
    [
      ['zones', '-A', '--all-contexts', '-l', 'a b c!!'],
      /^error: -l "a b c!!": unable to parse requirement: found 'b', expected: in, notin, =, ==, !=, gt, lt$/,
    ],
    [
      ['rollouts', '-A', '-l', 'app in (a,b'],
      /^error: -l "app in \(a,b": unable to parse requirement: found end of selector, expected: , or \)$/,
    ],
    [['logs', '-A', '-l', 'Bad Key=1'], /^error: -l "Bad Key=1": unable to parse requirement/],
    [
      ['approve', '-A', '--all-contexts', '-l', 'zone=a=b', '--yes'],
      /^error: -l "zone=a=b": unable to parse requirement: found '=', expected: ',' or end of selector$/,
    ],
    [['zones', '-A', '-l', `k=${'v'.repeat(64)}`], /^error: -l "k=v+": invalid label value "v+": at most 63 characters$/],
    [
      ['zones', '-A', '-l', 'replicas<-1'],
      /^error: -l "replicas<-1": invalid label value "-1": \[A-Za-z0-9._-\], beginning and ending alphanumeric$/,
    ],
    [['zones', '-A', '-l', 'app,'], /^error: -l "app,": unable to parse requirement: found end of selector, expected: identifier$/],
    [
      ['hotupdate', 'gsts/game-1', '-n', 'zone-101', '--context', 'shanghai', '--container', 'game', '--image', 'bad image!!', '--yes'],
      /^error: --image "bad image!!": not a valid image reference \(\[registry\/\]repository\[:tag\]\[@digest\]\)$/,
    ],
    [
      ['hotupdate', '-A', '--all-contexts', '--state', 'paused', '--container', 'game', '--image', 'Registry/UPPER:1', '--yes'],
      /^error: --image "Registry\/UPPER:1": not a valid image reference/,
    ],
    [['approve', '-A', '--state', 'bogus', '--yes'], /^error: --state bogus: expected paused, failed, updating or complete$/],
    [['approve', '-A', '--step', '0', '--yes'], /^error: --step 0: expected a step number \(a whole number >= 1\)$/],
    [['approve', '-A', '--step', '1.5', '--yes'], /^error: --step 1.5: expected a step number \(a whole number >= 1\)$/],
    [
      ['approve', '-A', '--state', 'paused', '--waves', '10%,x', '--yes'],
      /^error: --waves 10%,x: "x" is not a count \(5\) or a percentage \(10%\)$/,
    ],
    [['rollouts', '-A', '--batch', 'nosuch'], /^error: --batch nosuch: expected a batch id \(8 hex digits\)$/],
    [['demo', '--serve', '--seed', 'foo'], /^error: --seed foo: expected a number$/],
    [['demo', '--serve', '--seed', '1.5'], /^error: --seed must be a whole number >= 0$/],
    [['demo', '--serve', '--theme', 'nosuch'], /^error: --theme nosuch: unknown theme \(choose dark, light, high-contrast, mono\)$/],
    [['demo', '--serve', '--services-per-zone', '0'], /^error: --services-per-zone must be a whole number from 1 to 100$/],
  ])('zonectl %j', async (args, pattern) => {
    expectUsageLine(await noRequest(args), pattern);
  });

  it('good image references and selectors pass the checks (dry run on shanghai)', async () => {
    for (const image of [
      'registry.example.com:5000/project1/service:1.9.1',
      'game',
      'localhost/a_b__c-d/e.f:v1',
      `x@sha256:${'a'.repeat(64)}`,
    ]) {
      const r = await zonectl([
        ...['hotupdate', 'gsts/game-1', '-n', 'zone-101', '--context', 'shanghai', '--container', 'game', '--image', image],
        ...['--dry-run', '--yes'],
      ]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
    }
    for (const sel of [
      'app',
      '!app',
      'app=game,zonectl.io/zone!=101',
      'zonectl.io/zone in (101, 102)',
      'x notin (a)',
      'x notin ()',
      'app==',
      '',
    ]) {
      const r = await zonectl(['rollouts', '-A', '--context', 'shanghai', '-l', sel]);
      expect(r.stderr).not.toMatch(/error/);
      expect(r.code).toBe(0);
    }
  });

  it('--partition beyond the replicas is refused with the replica count, nothing written (exit 2)', async () => {
    const listed = await zonectl(['rollouts', '-n', 'zone-101', '--context', 'shanghai', '--all', '-o', 'json']);
    const doc = JSON.parse(listed.stdout) as { items: Array<{ name: string; rollout: { replicas: number } }> };
    const n = doc.items.find((w) => w.name === 'game-1')!.rollout.replicas;
    const counted = new RegExp(
      `^error: hotupdate --partition ${n + 1}: GameStatefulSet/game-1 has ${n} replicas \\(a partition is 0 to ${n}\\)$`,
    );
    const before = requests.length;
    const r = await zonectl([
      ...['hotupdate', 'gsts/game-1', '-n', 'zone-101', '--context', 'shanghai', '--container', 'game'],
      ...['--image', 'registry.example.com/project1/service:1.9.1', '--partition', String(n + 1), '--yes'],
    ]);
    expectUsageLine(r, counted);
    expect(requests.slice(before).filter((l) => !l.includes(' GET ') && !l.includes('selfsubject'))).toEqual([]);
    const cont = await zonectl([
      'hotupdate',
      'gsts/game-1',
      '-n',
      'zone-101',
      '--context',
      'shanghai',
      '--continue',
      '--partition',
      String(n + 1),
      '--yes',
    ]);
    expectUsageLine(cont, counted);
    // The replica count itself is a partition (every pod kept old): accepted.
    const all = await zonectl([
      ...['hotupdate', 'gsts/game-1', '-n', 'zone-101', '--context', 'shanghai', '--container', 'game'],
      ...['--image', 'registry.example.com/project1/service:1.9.1', '--partition', String(n), '--dry-run', '--yes'],
    ]);
    expect(all.stderr).toBe('');
    expect(all.code).toBe(0);
  });
});

/**
 * The demo's kubeconfig plus contexts a client cannot be made for: a CA file, a client certificate, a
 * client key that do not exist (each on its own server, so --all-contexts keeps them), and a context
 * whose cluster is not in the file.
 */
function brokenKubeconfig(): string {
  const file = join(f.dir(), 'broken-kubeconfig');
  const kc = YAML.parse(readFileSync(f.env().KUBECONFIG!, 'utf8')) as {
    clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
    users: Array<{ name: string; user: Record<string, unknown> }>;
    contexts: Array<{ name: string; context: Record<string, unknown> }>;
  };
  const shanghai = kc.clusters.find((c) => c.name === 'shanghai')!.cluster;
  const cert = join(f.dir(), 'client.crt');
  writeFileSync(cert, '-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n');
  kc.clusters.push(
    { name: 'no-ca', cluster: { server: 'https://127.0.0.2:1', 'certificate-authority': 'missing/ca.crt' } },
    { name: 'other-a', cluster: { ...shanghai, server: 'https://127.0.0.3:1' } },
    { name: 'other-b', cluster: { ...shanghai, server: 'https://127.0.0.4:1' } },
  );
  kc.users.push(
    { name: 'no-cert', user: { 'client-certificate': join(f.dir(), 'missing.crt'), 'client-key': join(f.dir(), 'missing.key') } },
    { name: 'no-key', user: { 'client-certificate': cert, 'client-key': join(f.dir(), 'missing.key') } },
  );
  kc.contexts.push(
    { name: 'bad-ca', context: { cluster: 'no-ca', user: 'shanghai-admin' } },
    { name: 'bad-cert', context: { cluster: 'other-a', user: 'no-cert' } },
    { name: 'bad-key', context: { cluster: 'other-b', user: 'no-key' } },
    { name: 'ghost', context: { cluster: 'no-such-cluster', user: 'shanghai-admin' } },
  );
  mkdirSync(f.dir(), { recursive: true });
  writeFileSync(file, YAML.stringify(kc), { mode: 0o600 });
  return file;
}

describe('a context the kubeconfig cannot make a client for is that context failure only', () => {
  const broken = [
    ['bad-ca', /^error: bad-ca: kubeconfig: certificate-authority .+\/missing\/ca\.crt: no such file$/m],
    ['bad-cert', /^error: bad-cert: kubeconfig: client-certificate .+\/missing\.crt: no such file$/m],
    ['bad-key', /^error: bad-key: kubeconfig: client-key .+\/missing\.key: no such file$/m],
    ['ghost', /^error: ghost: kubeconfig: context "ghost" refers to missing cluster "no-such-cluster"$/m],
  ] as const;

  it.each(['zones', 'rollouts', 'clusters', 'hookruns'])(
    '%s -A --all-contexts: the good clusters listed, one line per broken context, exit 3',
    async (cmd) => {
      const r = await zonectl([cmd, '-A', '--all-contexts'], { KUBECONFIG: brokenKubeconfig() });
      expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
      for (const good of ['shanghai', 'nanjing', 'singapore']) expect(r.stdout).toMatch(new RegExp(`^${good} `, 'm'));
      for (const [, line] of broken) expect(r.stderr).toMatch(line);
      expect(
        r.stderr
          .trimEnd()
          .split('\n')
          .filter((l) => l.startsWith('error:')),
      ).toHaveLength(4);
      expect(r.code).toBe(3);
    },
  );

  it.each(broken)('zones --context %s: its one error line, exit 3', async (ctx, line) => {
    const r = await zonectl(['zones', '-A', '--context', ctx], { KUBECONFIG: brokenKubeconfig() });
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toMatch(line);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.code).toBe(3);
  });

  it('logs across every context: the good clusters logs, the broken contexts named, exit 3', async () => {
    const r = await zonectl(['logs', 'zone/101', '-A', '--all-contexts', '--tail', '1'], { KUBECONFIG: brokenKubeconfig() });
    expect(r.stdout).toMatch(/^shanghai\/zone-101\//m);
    // logs marks a cluster's error "! cluster: reason" (as it marks streams joining and leaving).
    for (const [, line] of broken) expect(r.stderr).toMatch(new RegExp(line.source.replace('^error: ', '^! '), 'm'));
    expect(r.stderr).not.toMatch(/internal error|\n {4}at /);
    expect(r.code).toBe(3);
  });

  it('an action on a broken context: one line, exit 2 (a kubeconfig mistake), nothing sent', async () => {
    for (const [ctx, line] of broken) {
      const r = await noRequest(['approve', 'gsts/game-1', '-n', 'zone-101', '--context', ctx, '--yes'], {
        KUBECONFIG: brokenKubeconfig(),
      });
      expectUsageLine(r, line);
    }
  });

  it('--kubefed-host naming a broken context: one line, exit 2', async () => {
    const r = await noRequest(['zones', '-A', '--kubefed-host', 'bad-ca'], { KUBECONFIG: brokenKubeconfig() });
    expectUsageLine(r, broken[0][1]);
  });
});

describe('nothing matched, nothing read', () => {
  it('zones on the one cluster, which failed: its error, no "No zones found", exit 3', async () => {
    const r = await zonectl(['zones', '-A', '--context', 'leaky-down'], { KUBECONFIG: f.leakyKubeconfig() });
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toMatch(/^error: leaky-down: cannot reach https:\/\/zonectl:xxxxx@127\.0\.0\.1:1 \(ECONNREFUSED\)$/);
    expect(r.code).toBe(3);
  });

  it('rollouts with one cluster read (nothing found) and one failed: the emptiness is said of the one read', async () => {
    const r = await zonectl(['rollouts', '-n', 'nosuch', '--context', 'leaky-up', '--context', 'leaky-down'], {
      KUBECONFIG: f.leakyKubeconfig(),
    });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^In the 1 of 2 clusters that could be read: no rollout in progress, paused or failed/m);
    expect(r.stderr).toMatch(/^error: leaky-down: cannot reach/m);
    expect(r.code).toBe(3);
  });

  it('logs zone/999: one line, exit 1', async () => {
    const r = await zonectl(['logs', 'zone/999', '-A', '--all-contexts']);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toBe('No pods matched zone/999 in the selected clusters.');
    expect(r.code).toBe(1);
  });

  it('logs -c nomatch: one line naming the pods it looked at, exit 1', async () => {
    const r = await zonectl(['logs', 'zone/101', '-A', '--context', 'shanghai', '-c', 'nomatch']);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd()).toMatch(/^No container matched -c nomatch in the \d+ pods of zone\/101 \(containers: [a-z0-9-, ]+\)\.$/);
    expect(r.code).toBe(1);
  });

  it('logs -l matching nothing: one line, exit 1', async () => {
    const r = await zonectl(['logs', '-l', 'app=nosuch', '-A', '--context', 'shanghai']);
    expect(r.stderr.trimEnd()).toBe('No pods matched -l app=nosuch in the selected clusters.');
    expect(r.code).toBe(1);
  });
});

describe('actions: every exit code is documented', () => {
  it('an unreachable cluster: exit 3, which the action help documents', async () => {
    const r = await zonectl(['approve', 'gsts/game-1', '-n', 'zone-101', '--context', 'leaky-down', '--yes'], {
      KUBECONFIG: f.leakyKubeconfig(),
    });
    expect(r.stderr.trimEnd()).toMatch(/^error: leaky-down: cannot reach https:\/\/zonectl:xxxxx@127\.0\.0\.1:1 \(ECONNREFUSED\)$/);
    expect(r.code).toBe(3);
    const help = await zonectl(['approve', '--help']);
    expect(help.stdout.replace(/\s+/g, ' ')).toMatch(/Exit codes: 0 done, 1 .*, 2 .*, 3 a cluster could not be reached or failed/);
  });

  it('a selection where a cluster failed: its workloads left out, exit 3 (not 0 for "nothing matched")', async () => {
    const r = await zonectl(['approve', '-A', '--context', 'leaky-down', '--state', 'paused', '--yes'], {
      KUBECONFIG: f.leakyKubeconfig(),
    });
    expect(r.stderr).toMatch(/^warning: leaky-down: cannot reach .*; its workloads are not in the batch$/m);
    expect(r.stderr).toMatch(/^approve: no workload matches the selection in the clusters that could be read$/m);
    expect(r.code).toBe(3);
  });
});
