// The built program against `zonectl demo`, as a user runs it (child processes, 127.0.0.1 only): bad
// timeouts (flags, config file) and names or namespaces that would change the request path ("..", ".",
// "/", "%", empty) are one usage line, exit 2, before any request — never a hang or a stack trace.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliOnDemo, expectUsageLine } from './cli-fixture.js';

const f = cliOnDemo();
const zonectl = f.zonectl;
const requests = f.requests;

describe('timeouts (item 4)', () => {
  it('--request-timeout abc | 1e12 | 2147483648 | -5 | 0: one usage line, exit 2, at once', async () => {
    const bad = ['abc', '1e12', '2147483648', '-5', '0'];
    const started = Date.now();
    const runs = await Promise.all(bad.map((v) => zonectl(['zones', '-A', '--all-contexts', `--request-timeout=${v}`])));
    for (const r of runs)
      expectUsageLine(r, /^error: --request-timeout .+: expected a whole number of milliseconds from 1 to 600000 \(10 minutes\)$/);
    const logs = await zonectl(['logs', 'zone/101', '-A', '--request-timeout', '1e12']);
    expectUsageLine(logs, /^error: --request-timeout 1e12: expected/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it('requestTimeoutMs: 1e12 in the config file: one config line, exit 2', async () => {
    const cfg = join(f.dir(), 'bad-config');
    mkdirSync(join(cfg, 'zonectl'), { recursive: true });
    writeFileSync(join(cfg, 'zonectl', 'config.yaml'), 'requestTimeoutMs: 1e12\n');
    const r = await zonectl(['zones', '-A'], { XDG_CONFIG_HOME: cfg });
    expectUsageLine(
      r,
      /^error: config .+config\.yaml: "requestTimeoutMs" must be a whole number of milliseconds from 1 to 600000 \(10 minutes\)$/,
    );
  });

  it('--timeout 999999h | 2147483648 | 0 on an action: one usage line, exit 2, nothing written', async () => {
    for (const v of ['999999h', '2147483648', '0']) {
      const r = await zonectl(['approve', 'gsts/game-1', '-n', 'zone-101', '--context', 'shanghai', '--yes', '--wait', '--timeout', v]);
      expectUsageLine(r, /^error: --timeout .+: expected a duration from 1ms to 24h/);
    }
  });
});

describe('"." and ".." as names or namespaces (item 9)', () => {
  it.each([
    [
      ['approve', 'gsts/..', '-n', 'zone-101', '--context', 'shanghai', '--yes'],
      /^error: shanghai: gamestatefulset\/\.\.: invalid name "\.\.": may not be '\.\.'$/,
    ],
    [['reject', 'gsts/.', '-n', 'zone-101', '--context', 'shanghai', '--yes'], /invalid name "\.": may not be '\.'$/],
    [
      ['hotupdate', 'gsts/a%2f', '-n', 'zone-101', '--context', 'shanghai', '--container', 'game', '--image', 'x:1', '--yes'],
      /invalid name "a%2f": may not contain '%'$/,
    ],
    [
      ['approve', 'gsts/game-1', '-n', '..', '--context', 'shanghai', '--yes'],
      /^error: -n "\.\.": not a namespace name \(may not be '\.\.'\)$/,
    ],
    [['rollouts', '-n', '..', '--context', 'shanghai'], /^error: -n "\.\.": not a namespace name/],
    [['hookruns', '-n', 'a/b', '--all-contexts'], /^error: -n "a\/b": not a namespace name \(may not contain '\/'\)$/],
    [['zones', '-n', ''], /^error: -n "": not a namespace name \(may not be empty\)$/],
    [['logs', 'pod/..', '-n', 'zone-101', '--context', 'shanghai'], /^error: pod\/\.\.: not a valid object name$/],
    [['logs', 'gsts/game-1', '-n', '..', '--context', 'shanghai'], /^error: -n "\.\.": not a namespace name/],
  ])('zonectl %j: one usage line, exit 2, no request', async (args, pattern) => {
    const before = requests.length;
    expectUsageLine(await zonectl(args), pattern);
    expect(requests.slice(before)).toEqual([]);
  });

  it('a batch target cluster/../kind/name is refused (exit 2), never run against the normalised path', async () => {
    const before = requests.length;
    const r = await zonectl(['approve', 'shanghai/../gsts/game-1', '--yes']);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toMatch(/invalid namespace "\.\.": may not be '\.\.'/);
    // Nothing was written anywhere, and no request addressed shanghai's gamestatefulsets without a namespace.
    expect(requests.slice(before).filter((l) => !l.includes(' GET ') && !l.includes('selfsubject'))).toEqual([]);
    expect(requests.slice(before).filter((l) => /\/apis\/tkex\.tencent\.com\/v1alpha1\/gamestatefulsets\/game-1/.test(l))).toEqual([]);
  });
});
