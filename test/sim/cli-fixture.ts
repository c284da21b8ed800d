// Shared by the CLI tests on the demo: the program built from the sources, a demo federation with a
// HookRun whose probe echoed secrets, a kubeconfig whose servers carry a password, and the run helpers.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { afterAll, beforeAll, expect } from 'vitest';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { T, TKEX } from '../../source/sim/controllers/kinds.js';
import { buildCli, runCli, type BuiltCli, type Ran } from './cli-process.js';

/** Secrets a probe echoed into a HookRun (status message, metric messages and values, args). */
export const HOOK_SECRETS = ['hr-t0ken-1', 'hr-pa55-2', 'hr-bearer-3', 'hr-mysql-4', 'hr-apikey-5', 'hr-redis-6', 'hr-arg-7', 'hr-arg-8'];
export const SERVER_PASSWORD = 's3rv3r-pa55';

export interface CliFixture {
  cli(): string;
  env(): NodeJS.ProcessEnv;
  /** A kubeconfig with contexts leaky-up (reaches shanghai) and leaky-down (nothing listens), servers with user:password@. */
  leakyKubeconfig(): string;
  dir(): string;
  /** Every request any simulated cluster received: "cluster METHOD url". */
  requests: string[];
  /** The running demo (its world: e.g. to write its config repo). */
  demo(): Demo;
  zonectl(args: string[], env?: NodeJS.ProcessEnv): Promise<Ran>;
}

/** Registers beforeAll/afterAll for the file: build, demo, fixtures; everything is removed afterwards. */
export function cliOnDemo(): CliFixture {
  let built: BuiltCli | undefined;
  let demo: Demo | undefined;
  let dir = '';
  let env: NodeJS.ProcessEnv = {};
  const requests: string[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zonectl-cli-'));
    [built, demo] = await Promise.all([buildCli(), startDemo({ seed: 5, onRequest: (c, m, url) => requests.push(`${c} ${m} ${url}`) })]);
    seedLeakyHookRun(demo);
    writeLeakyKubeconfig(demo, join(dir, 'leaky-kubeconfig'));
    mkdirSync(join(dir, 'config'));
    env = { KUBECONFIG: demo.kubeconfigPath, XDG_CONFIG_HOME: join(dir, 'config'), XDG_STATE_HOME: join(dir, 'state') };
  }, 60_000);
  afterAll(async () => {
    await demo?.stop();
    built?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return {
    cli: () => built!.cli,
    env: () => env,
    leakyKubeconfig: () => join(dir, 'leaky-kubeconfig'),
    dir: () => dir,
    requests,
    demo: () => demo!,
    zonectl: (args, more = {}) => runCli(built!.cli, args, { ...env, ...more }),
  };
}

export function seedLeakyHookRun(demo: Demo): void {
  demo.world.stores.get('shanghai')!.create(T.hookRun, {
    apiVersion: TKEX,
    kind: 'HookRun',
    metadata: { name: 'leaky-probe', namespace: 'zone-101' },
    spec: {
      metrics: [{ name: 'web' }, { name: 'redis' }],
      args: [
        { name: 'url', value: 'https://probe.example.com/health?token=hr-arg-7' },
        { name: 'DB_PASSWORD', value: 'hr-arg-8' },
      ],
    },
    status: {
      phase: 'Failed',
      message: 'web probe failed: GET https://probe.example.com/health?token=hr-t0ken-1 returned 401; password=hr-pa55-2',
      metricResults: [
        {
          name: 'web',
          phase: 'Failed',
          message: 'authorization: bearer hr-bearer-3 rejected',
          measurements: [{ phase: 'Failed', value: 'mysql://game:hr-mysql-4@db-1:3306/zone' }],
        },
        {
          name: 'redis',
          phase: 'Error',
          measurements: [{ phase: 'Error', value: '0', message: 'redis AUTH hr-redis-6; api_key=hr-apikey-5' }],
        },
      ],
    },
  });
}

export function writeLeakyKubeconfig(demo: Demo, file: string): void {
  const kc = YAML.parse(readFileSync(demo.kubeconfigPath, 'utf8')) as {
    clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
    contexts: Array<{ name: string; context: Record<string, unknown> }>;
  };
  const shanghai = kc.clusters.find((c) => c.name === 'shanghai')!.cluster;
  const port = new URL(String(shanghai.server)).port;
  kc.clusters.push(
    { name: 'leaky-up', cluster: { ...shanghai, server: `https://zonectl:${SERVER_PASSWORD}@127.0.0.1:${port}` } },
    { name: 'leaky-down', cluster: { ...shanghai, server: `https://zonectl:${SERVER_PASSWORD}@127.0.0.1:1` } },
  );
  kc.contexts.push(
    { name: 'leaky-up', context: { cluster: 'leaky-up', user: 'shanghai-admin' } },
    { name: 'leaky-down', context: { cluster: 'leaky-down', user: 'shanghai-admin' } },
  );
  writeFileSync(file, YAML.stringify(kc), { mode: 0o600 });
}

/** One `error: ...` line on stderr, nothing on stdout, exit 2, no trace and no Node warning. */
export function expectUsageLine(r: Ran, pattern: RegExp): void {
  expect(r.signal).toBeNull();
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr.trimEnd()).toMatch(pattern);
  expect(r.stderr).not.toMatch(/internal error|Warning|\n {4}at /);
  expect(r.code).toBe(2);
}
