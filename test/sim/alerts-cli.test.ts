// `zonectl alerts` as a child process on the demo federation: the list and its exit codes, the
// severity filter, a cluster that cannot be reached (alert + exit 3), and --watch -o json streaming
// one JSON object a line until interrupted.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NODE } from './cli-process.js';
import { cliOnDemo, expectUsageLine } from './cli-fixture.js';

const fx = cliOnDemo();

describe('zonectl alerts', () => {
  it('-o json lists the open alerts (the demo failed rollout is critical) and exits 1', async () => {
    const r = await fx.zonectl(['alerts', '--context', 'shanghai', '-A', '-o', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const env = JSON.parse(r.stdout) as { kind: string; items: Array<Record<string, unknown>>; errors: unknown[] };
    expect(env.kind).toBe('AlertList');
    expect(env.errors).toEqual([]);
    const hook = env.items.find((a) => a.rule === 'hook-failed');
    expect(hook).toMatchObject({ severity: 'critical', cluster: 'shanghai', object: { kind: 'GameDeployment', name: 'auth-1' } });
    expect(Object.keys(hook!).sort()).toEqual([
      'cluster',
      'fixes',
      'id',
      'message',
      'namespace',
      'object',
      'rule',
      'severity',
      'since',
      'workload',
      'zone',
    ]);
  });

  it('the table has the console columns; --severity filters and sets the exit code; a bad one is a usage error', async () => {
    const r = await fx.zonectl(['alerts', '--context', 'shanghai', '-A', '--severity', 'critical']);
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^SEVERITY +CLUSTER +OBJECT +RULE +AGE +MESSAGE +FIX$/);
    expect(r.stdout).toMatch(/critical +shanghai +GameDeployment\/auth-1 +hook-failed/);
    expect(r.stdout).not.toMatch(/^(warning|info) /m);
    expectUsageLine(await fx.zonectl(['alerts', '--severity', 'urgent']), /--severity urgent: expected critical, warning or info/);
  });

  it('a cluster that cannot be reached: its alert, an error line and exit 3', async () => {
    const r = await fx.zonectl([
      'alerts',
      '--kubeconfig',
      fx.leakyKubeconfig(),
      '--context',
      'leaky-up',
      '--context',
      'leaky-down',
      '-A',
      '--request-timeout',
      '2000',
      '-o',
      'name',
    ]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^cluster-unreachable\/leaky-down\/\/Cluster\/leaky-down$/m);
    expect(r.stderr).toMatch(/^error: .*leaky-down/m);
    expect(r.stdout + r.stderr).not.toContain('s3rv3r-pa55');
  });

  it('--watch -o json: the open alerts as raised events, one JSON object a line, until SIGINT (exit 0)', async () => {
    const child = spawn(NODE, [fx.cli(), 'alerts', '--watch', '-o', 'json', '--context', 'shanghai', '-A'], {
      env: { ...process.env, NO_COLOR: '1', ...fx.env() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const first = new Promise<string>((resolve) => {
      child.stdout.on('data', (d) => {
        out += String(d);
        if (out.includes('\n')) resolve(out);
      });
    });
    let err = '';
    child.stderr.on('data', (d) => (err += String(d)));
    const code = new Promise<string>((resolve) => child.on('close', (c, sig) => resolve(`${c} ${sig} ${err}`)));
    const lines = (await first).trimEnd().split('\n');
    const events = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.every((e) => e.event === 'raised')).toBe(true);
    expect(events.some((e) => e.rule === 'hook-failed' && e.cluster === 'shanghai')).toBe(true);
    child.kill('SIGINT'); // at once: the handler must be there before the first line
    expect(await code).toBe('0 null ');
  }, 40_000);
});
