// The fault tier's exec credential plugin (test/faults/exec-plugin.ts) on the simulator: shanghai's
// user gets its token from a plugin whose tokens expire every 2 s, so zonectl runs it again while the
// console's session is open; the plugin is then made to hang, or to fail, and put right. Like the
// proxy faults: time until shanghai is marked, time to recover, zero lost changes, nanjing never
// delayed, `zonectl zones` exit 3 naming the plugin — and no plugin process left running.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Session } from '../../source/app/session.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { buildCli, type BuiltCli } from '../sim/cli-process.js';
import { faultPlugin, type FaultPlugin } from './exec-plugin.js';
import { openFaultSession } from './fault-helpers.js';
import { runScenario, type ScenarioContext } from './scenario.js';

const TIMEOUT = 1_500;
let dir: string;
let demo: Demo;
let built: BuiltCli;
let plugin: FaultPlugin;
let session: Session;
let kubeconfig: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-faults-exec-'));
  process.env.ZONECTL_CONFIG = join(dir, 'no-config.yaml');
  process.env.XDG_STATE_HOME = join(dir, 'state');
  [built, demo] = await Promise.all([
    buildCli(),
    startDemo({ clusters: ['shanghai', 'nanjing'], zones: 4, podsPerService: 1, kubeconfigPath: join(dir, 'demo-kubeconfig') }),
  ]);
  const kc = parse(readFileSync(demo.kubeconfigPath, 'utf8')) as {
    users: Array<{ name: string; user: Record<string, unknown> }>;
    contexts: Array<{ name: string; context: { user: string } }>;
  };
  const admin = kc.users.find((u) => u.name === 'shanghai-admin')!;
  plugin = faultPlugin(dir, admin.user.token as string, { ttlSeconds: 2, stdoutSecret: 'plugin-stdout-t0ken' });
  kc.users.push({
    name: 'shanghai-plugin',
    user: { exec: { apiVersion: 'client.authentication.k8s.io/v1', command: plugin.command, interactiveMode: 'Never' } },
  });
  kc.contexts.find((c) => c.name === 'shanghai')!.context.user = 'shanghai-plugin';
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, stringify(kc), { mode: 0o600 });
  session = await openFaultSession(kubeconfig, TIMEOUT);
}, 90_000);

afterAll(async () => {
  await session?.close();
  plugin?.killLeft();
  await demo?.stop();
  built?.remove();
  process.env = saved;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const ctx = (): ScenarioContext => ({
  demo,
  session,
  cli: built.cli,
  kubeconfig,
  dir,
  faulty: 'shanghai',
  healthy: 'nanjing',
  timeoutMs: TIMEOUT,
});

describe('an exec credential plugin that hangs or fails mid-session (simulator)', () => {
  it('hang: marked within probe + one deadline, its process group ended, recovered, nothing lost', async () => {
    const before = plugin.runs();
    const f = await runScenario(
      ctx(),
      'exec plugin hang',
      { start: () => plugin.set('hang'), end: () => plugin.set('ok') },
      {
        marked: true,
        // The token expires (2 s), then the next request (a watch probe after 1 s of silence) waits one deadline.
        markedWithinMs: 2_000 + 1_000 + TIMEOUT + 1_500,
        exit: [3],
        errorLine: new RegExp(`^error: shanghai: credential plugin "fault-plugin\\.sh" did not answer within ${TIMEOUT} ms$`, 'm'),
        faultMs: 5_000,
      },
    );
    const runs = plugin.runs();
    console.log(`[fault] exec plugin hang: plugin runs ok ${runs.ok - before.ok}, hang ${runs.hang - before.hang}`);
    expect(runs.hang - before.hang).toBeGreaterThanOrEqual(2); // the session's and the program's
    expect(f.cli.ms).toBeLessThan(TIMEOUT + 3_000);
    expect(await hangingPlugins()).toEqual([]);
  }, 60_000);

  it('fail: marked, its stderr line named and never its stdout token, recovered, nothing lost', async () => {
    const f = await runScenario(
      ctx(),
      'exec plugin fail',
      { start: () => plugin.set('fail'), end: () => plugin.set('ok') },
      {
        marked: true,
        markedWithinMs: 2_000 + 1_000 + TIMEOUT + 1_500,
        exit: [3],
        errorLine:
          /^error: shanghai: credential plugin "fault-plugin\.sh" failed \(exit 1\): login failed: invalid_grant \(refresh token expired\)$/m,
        faultMs: 4_000,
      },
    );
    expect(f.cli.out + f.cli.err).not.toContain('plugin-stdout-t0ken');
    expect(session.fleet.member('shanghai')!.info.lastError ?? '').not.toContain('plugin-stdout-t0ken');
  }, 60_000);
});

/** Plugin processes (the shell and its sleep) still running a second after the scenario. */
async function hangingPlugins(): Promise<number[]> {
  const alive = () =>
    readFileSync(join(dir, 'plugin-pids'), 'utf8')
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
  for (let i = 0; i < 20 && alive().length > 0; i++) await new Promise((r) => setTimeout(r, 50));
  return alive();
}
