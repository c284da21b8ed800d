// Exec credential plugins (kubeconfig users[].user.exec) under the request deadline (issue 16 #1):
// a plugin that never answers fails as its cluster's error within one request timeout (zones,
// rollouts, clusters, logs, approve), next to a healthy cluster whose rows still print; a plugin that
// exits non-zero shows the first line of its stderr and never a token; a working plugin runs once
// per process (its token cached until expirationTimestamp). The real program (built from the
// sources) against the simulator; the plugins are small shell scripts.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { buildCli, type BuiltCli, runCliTimed } from './cli-process.js';

let demo: Demo;
let built: BuiltCli;
let dir: string;
let kubeconfig: string;
/** Every plugin process (and its sleep) writes its pid here, so the test can end what outlived it. */
let pids: string;
let okRuns: string;

const TIMEOUT = 2_000;

function script(name: string, body: string): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-exec-'));
  pids = join(dir, 'pids');
  okRuns = join(dir, 'ok-runs');
  writeFileSync(pids, '');
  writeFileSync(okRuns, '');
  [built, demo] = await Promise.all([buildCli(), startDemo({ zones: 3, podsPerService: 1, clusters: ['shanghai'] })]);
  const kc = parse(readFileSync(demo.kubeconfigPath, 'utf8')) as {
    users: Array<{ name: string; user: Record<string, unknown> }>;
    contexts: Array<{ name: string; context: { cluster: string; user: string; namespace?: string } }>;
  };
  const token = (kc.users.find((u) => u.name === 'shanghai-admin')!.user as { token: string }).token;
  // Hangs (a shell whose child sleeps: the whole process group must go), fails, or answers.
  const hang = script('hang-plugin.sh', `echo $$ >> '${pids}'\nsleep 25 &\necho $! >> '${pids}'\nwait`);
  const fail = script(
    'fail-plugin.sh',
    `echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"leaked-stdout-t0ken"}}'\n` +
      `echo 'login failed: invalid_grant (refresh token expired)' >&2\necho 'Authorization: Bearer leaked-stderr-t0ken' >&2\nexit 1`,
  );
  const expires = new Date(Date.now() + 3_600_000).toISOString();
  const ok = script(
    'ok-plugin.sh',
    `echo run >> '${okRuns}'\n` +
      `test "$(printf %s "$KUBERNETES_EXEC_INFO" | grep -c ExecCredential)" = 1 || { echo 'no KUBERNETES_EXEC_INFO' >&2; exit 2; }\n` +
      `echo '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"${token}","expirationTimestamp":"${expires}"}}'`,
  );
  const exec = (command: string) => ({
    exec: { apiVersion: 'client.authentication.k8s.io/v1', command, interactiveMode: 'Never' },
  });
  kc.users.push({ name: 'hang', user: exec(hang) }, { name: 'fail', user: exec(fail) }, { name: 'ok', user: exec(ok) });
  const sh = kc.contexts.find((c) => c.name === 'shanghai')!;
  for (const u of ['hang', 'fail', 'ok']) kc.contexts.push({ name: `plugin-${u}`, context: { ...sh.context, user: u } });
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, stringify(kc), { mode: 0o600 });
}, 60_000);

afterAll(async () => {
  // Plugin processes a failing run left behind (they were started for this test).
  for (const pid of readFileSync(pids, 'utf8').split('\n').filter(Boolean)) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  await demo?.stop();
  built?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs zonectl; wall time, and how long the process lived after its last output. */
const timed = (args: string[]) =>
  runCliTimed(
    built.cli,
    [...args, '--kubeconfig', kubeconfig],
    { XDG_STATE_HOME: join(dir, 'state'), ZONECTL_CONFIG: join(dir, 'none.yaml') },
    40_000,
  );

/** The error line (logs marks a cluster's failure with "! " instead of "error: "). */
const HUNG_LINE = new RegExp(`^(?:error:|!) plugin-hang: credential plugin "hang-plugin\\.sh" did not answer within ${TIMEOUT} ms$`, 'm');

/** Processes still running (not ended, not a zombie) among those the plugins recorded. */
function alivePluginPids(): number[] {
  return readFileSync(pids, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map(Number)
    .filter((pid) => {
      try {
        return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    });
}

/** The recorded plugin processes still running after up to `ms` (a signal takes a moment). */
async function pluginsLeft(ms = 1_000): Promise<number[]> {
  const end = Date.now() + ms;
  let left = alivePluginPids();
  while (left.length > 0 && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 50));
    left = alivePluginPids();
  }
  return left;
}

describe('an exec credential plugin that never answers', () => {
  it.each([['zones'], ['rollouts']])(
    '%s: the healthy rows, the plugin named, exit 3 within one timeout',
    async (cmd) => {
      const r = await timed([cmd, '-A', '--context', 'shanghai', '--context', 'plugin-hang', '--request-timeout', String(TIMEOUT)]);
      console.log(`${cmd}: exit ${r.code} in ${Math.round(r.ms)} ms; stderr: ${JSON.stringify(r.err)}`);
      expect(r.code, r.err).toBe(3);
      if (cmd === 'zones') expect(r.out).toMatch(/^shanghai +zone-101 /m);
      expect(r.err).toMatch(HUNG_LINE);
      expect(r.ms).toBeLessThan(TIMEOUT + 2_500);
      expect(r.afterOutputMs).toBeLessThan(500);
      expect(await pluginsLeft()).toEqual([]); // the plugin and its child are ended, not left to run
    },
    60_000,
  );

  it('clusters: bounded, the plugin named, exit 3', async () => {
    const r = await timed(['clusters', '--context', 'shanghai', '--context', 'plugin-hang', '--request-timeout', String(TIMEOUT)]);
    console.log(`clusters: exit ${r.code} in ${Math.round(r.ms)} ms; stderr: ${JSON.stringify(r.err)}`);
    expect(r.code, r.err).toBe(3);
    expect(r.out).toMatch(/^shanghai +ready /m);
    expect(r.err).toMatch(HUNG_LINE);
    expect(r.ms).toBeLessThan(TIMEOUT + 2_500);
  }, 60_000);

  it.each([
    ['logs', ['logs', 'gsts/game-1', '-n', 'zone-101']],
    ['approve', ['approve', 'gsts/game-1', '-n', 'zone-101', '--yes']],
  ])(
    '%s: one timeout, not one per request, exit 3',
    async (name, args) => {
      const r = await timed([...args, '--context', 'plugin-hang', '--request-timeout', String(TIMEOUT)]);
      console.log(`${name}: exit ${r.code} in ${Math.round(r.ms)} ms; stderr: ${JSON.stringify(r.err)}`);
      expect(r.code, r.err).toBe(3);
      expect(r.err).toMatch(HUNG_LINE);
      expect(r.ms).toBeLessThan(TIMEOUT + 2_500);
      expect(r.afterOutputMs).toBeLessThan(500);
    },
    60_000,
  );
});

describe('an exec credential plugin that fails or works', () => {
  it('a failing plugin: its stderr first line as the cluster error, exit 3, never a token', async () => {
    const r = await timed(['zones', '-A', '--context', 'shanghai', '--context', 'plugin-fail', '--request-timeout', String(TIMEOUT)]);
    console.log(`failing plugin: exit ${r.code} in ${Math.round(r.ms)} ms; stderr: ${JSON.stringify(r.err)}`);
    expect(r.code, r.err).toBe(3);
    expect(r.out).toMatch(/^shanghai +zone-101 /m);
    expect(r.err).toMatch(
      /^error: plugin-fail: credential plugin "fail-plugin\.sh" failed \(exit 1\): login failed: invalid_grant \(refresh token expired\)$/m,
    );
    expect(r.out + r.err).not.toMatch(/leaked-(stdout|stderr)-t0ken/);
    // Alone: still 3 (the cluster could not be read), not 4 (forbidden).
    const alone = await timed(['zones', '-A', '--context', 'plugin-fail', '--request-timeout', String(TIMEOUT)]);
    console.log(`failing plugin alone: exit ${alone.code}; stderr: ${JSON.stringify(alone.err)}`);
    expect(alone.code, alone.err).toBe(3);
  }, 60_000);

  it('a working plugin runs once per process (token cached until it expires)', async () => {
    writeFileSync(okRuns, '');
    const r = await timed(['zones', '-A', '--context', 'plugin-ok', '--request-timeout', String(TIMEOUT)]);
    const runs = readFileSync(okRuns, 'utf8').split('\n').filter(Boolean).length;
    console.log(`working plugin: exit ${r.code}, plugin runs ${runs}; stderr: ${JSON.stringify(r.err)}`);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^plugin-ok +zone-101 /m);
    expect(runs).toBe(1);
  }, 60_000);
});
