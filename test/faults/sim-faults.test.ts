// The fault-injection tier on the simulator (issue 16): the TCP fault proxy (test/faults/proxy.ts)
// stands in front of one demo cluster (shanghai) while another (nanjing) stays healthy, and the
// console's session (store, informers, fleet states, as `zonectl` wires them) and the real program
// (child processes, built from the sources) run through it. For stall, delay, reset, cut after N
// bytes and flap, each scenario asserts and prints: the time until shanghai is marked (its state
// leaves "ready"), the time to recover once the fault ends (ready again and every object as the
// cluster holds it), lost changes (writes made on the cluster during the fault that the store does
// not show after: zero), the healthy cluster's change latency during the fault (never past its own
// request timeout), and the exit code of `zonectl zones` during the fault.
//
// Intervals are shortened through the store's options (watch probe after 1 s of silence instead of
// 30 s, backoff 0.1..1 s, request timeout 1.5 s) so the tier runs in seconds; the mechanisms are the
// product's own.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import type { Session } from '../../source/app/session.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { buildCli, type BuiltCli } from '../sim/cli-process.js';
import { type Fault, type FaultProxy, startFaultProxy } from './proxy.js';
import { openFaultSession } from './fault-helpers.js';
import { runScenario, type ScenarioContext, type Want } from './scenario.js';

const TIMEOUT = 1_500;
let dir: string;
let demo: Demo;
let built: BuiltCli;
let proxy: FaultProxy;
let session: Session;
let kubeconfig: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-faults-'));
  process.env.ZONECTL_CONFIG = join(dir, 'no-config.yaml');
  process.env.XDG_STATE_HOME = join(dir, 'state');
  [built, demo] = await Promise.all([
    buildCli(),
    startDemo({ clusters: ['shanghai', 'nanjing'], zones: 4, podsPerService: 1, kubeconfigPath: join(dir, 'demo-kubeconfig') }),
  ]);
  proxy = await startFaultProxy(demo.clusters.find((c) => c.name === 'shanghai')!.url);
  // The demo's kubeconfig with shanghai reached through the proxy.
  const kc = parse(readFileSync(demo.kubeconfigPath, 'utf8')) as { clusters: Array<{ name: string; cluster: { server: string } }> };
  kc.clusters.find((c) => c.name === 'shanghai')!.cluster.server = proxy.url;
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, stringify(kc), { mode: 0o600 });
  session = await openFaultSession(kubeconfig, TIMEOUT);
}, 90_000);

afterAll(async () => {
  await session?.close();
  await proxy?.close();
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
  proxyStats: () => proxy.stats(),
});

/** The proxy's fault on shanghai while the scenario lasts, then pass. */
const scenario = (name: string, fault: Fault, want: Want) =>
  runScenario(ctx(), name, { start: () => proxy.set(fault), end: () => proxy.set({ mode: 'pass' }) }, want);

describe('faults between zonectl and one cluster (simulator)', () => {
  it('stall: marked within probe + timeout, the other cluster untouched, nothing lost after', async () => {
    await scenario('stall', { mode: 'stall' }, { marked: true, exit: [3], faultMs: 4_000 });
  }, 60_000);

  it('delay 200 ms a chunk (below the timeout): never marked, nothing lost', async () => {
    const f = await scenario('delay', { mode: 'delay', ms: 200 }, { marked: false, exit: [0], faultMs: 3_000 });
    expect(f.cliMs).toBeGreaterThan(400); // the delay was really there
  }, 60_000);

  it('reset: every connection reset while it lasts; marked, recovered, nothing lost', async () => {
    await scenario('reset', { mode: 'reset' }, { marked: true, exit: [3], faultMs: 4_000 });
  }, 60_000);

  it('cut after 4 KiB: each connection closed mid-response; marked, recovered, nothing lost', async () => {
    await scenario('cut', { mode: 'cut', afterBytes: 4_096 }, { marked: true, exit: [3], faultMs: 4_000 });
  }, 60_000);

  it('flap (0.7 s up / 0.7 s reset): nothing lost, recovered after, the other never delayed', async () => {
    const f = await scenario(
      'flap',
      { mode: 'flap', upMs: 700, downMs: 700, down: 'reset' },
      { marked: true, exit: [0, 3], faultMs: 6_000 },
    );
    expect(proxy.stats().flaps).toBeGreaterThanOrEqual(3);
    expect(f.writes).toBeGreaterThanOrEqual(10);
  }, 60_000);
});
