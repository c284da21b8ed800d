// One fault scenario on the simulator, shared by the proxy and the exec-plugin fault tests: while the
// fault lasts, writes on the faulty cluster and on a healthy one (whose changes must show at once),
// `zonectl zones` across both as a child process; then the fault ends and the faulty cluster must be
// ready again with every object as it holds it. Returns the figures, printed as one line, and checks
// them against what the scenario expects.
import { expect } from 'vitest';
import type { Session } from '../../source/app/session.js';
import type { Demo } from '../../source/sim/demo.js';
import { changer, figure, type Figures, inSync, timedCli, until } from './fault-helpers.js';
import type { TimedRun as Timed } from '../sim/cli-process.js';
import type { ProxyStats } from './proxy.js';

export interface ScenarioContext {
  demo: Demo;
  session: Session;
  /** The built program (cli.mjs), its kubeconfig (faulty cluster through the fault) and a private dir. */
  cli: string;
  kubeconfig: string;
  dir: string;
  faulty: string;
  healthy: string;
  /** The request timeout the session and the program use (ms). */
  timeoutMs: number;
  proxyStats?: () => ProxyStats;
}

export interface Want {
  /** The faulty cluster leaves "ready" during the fault (false: it must stay ready throughout). */
  marked: boolean;
  /** Upper bound for the time until it is marked. */
  markedWithinMs?: number;
  /** Exit codes `zonectl zones` may give during the fault. */
  exit: number[];
  /** What its stderr must say when it exits 3. */
  errorLine?: RegExp;
  faultMs: number;
}

export interface ScenarioFigures extends Figures {
  cli: Timed;
}

export async function runScenario(
  ctx: ScenarioContext,
  name: string,
  fault: { start(): void; end(): void },
  want: Want,
): Promise<ScenarioFigures> {
  const { demo, session, faulty, healthy, timeoutMs } = ctx;
  const state = (c: string) => session.fleet.member(c)!.info.state;
  await until(() => state(faulty) === 'ready' && state(healthy) === 'ready', 20_000);
  await until(() => inSync(demo, session, faulty) === 0 && inSync(demo, session, healthy) === 0, 20_000);
  const bad = changer(demo, faulty, name);
  const good = changer(demo, healthy, name);
  const t0 = performance.now();
  let markedMs: number | undefined;
  const notReady = { faulty: new Set<string>(), healthy: new Set<string>() };
  const sampler = setInterval(() => {
    if (state(faulty) !== 'ready') notReady.faulty.add(state(faulty));
    if (state(healthy) !== 'ready') notReady.healthy.add(state(healthy));
    if (markedMs === undefined && state(faulty) !== 'ready') markedMs = performance.now() - t0;
  }, 5);
  fault.start();
  const others: number[] = [];
  let cli: Timed | undefined;
  // The program during the fault: once the cluster is marked (at once when it is not to be).
  const cliRun = (async () => {
    if (want.marked) await until(() => markedMs !== undefined, want.faultMs).catch(() => undefined);
    cli = await timedCli(
      ctx.cli,
      ['zones', '-A', '--context', faulty, '--context', healthy, '--request-timeout', String(timeoutMs)],
      ctx.kubeconfig,
      ctx.dir,
    );
  })();
  // Writes on both clusters while the fault lasts: the faulty one's must all be seen after; the healthy one's at once.
  while (performance.now() - t0 < want.faultMs) {
    bad.next();
    const w = good.next();
    const tw = performance.now();
    await until(() => good.seenIn(session, w), timeoutMs).catch(() => undefined);
    others.push(performance.now() - tw);
    await new Promise((r) => setTimeout(r, 150));
  }
  await cliRun;
  const t1 = performance.now();
  fault.end();
  await until(() => state(faulty) === 'ready' && inSync(demo, session, faulty) === 0, 20_000).catch(() => undefined);
  const recoverMs = performance.now() - t1;
  clearInterval(sampler);
  const f: ScenarioFigures = {
    markedMs,
    recoverMs,
    lost: inSync(demo, session, faulty),
    writes: bad.writes,
    othersMaxMs: Math.max(...others),
    exit: cli!.code,
    cliMs: cli!.ms,
    cli: cli!,
  };
  figure(`sim ${name}`, f, ctx.proxyStats?.());

  expect(cli!.code, cli!.err).toBeOneOf(want.exit);
  expect(cli!.err).not.toMatch(/\n {4}at |internal error/);
  if (cli!.code === 3) expect(cli!.err).toMatch(want.errorLine ?? new RegExp(`^error: ${faulty}: `, 'm'));
  expect(cli!.out).toMatch(new RegExp(`^${healthy} +zone-\\d+ `, 'm')); // the healthy cluster's rows, whatever the other did
  expect(cli!.ms).toBeLessThan(timeoutMs * 2 + 3_000);
  if (want.marked) {
    expect(markedMs, 'the faulty cluster was never marked').toBeDefined();
    expect(markedMs!).toBeLessThan(want.markedWithinMs ?? 1_000 + timeoutMs + 1_500); // probe interval + one timeout + slack
  } else expect([...notReady.faulty]).toEqual([]);
  expect([...notReady.healthy], 'the healthy cluster was marked').toEqual([]);
  expect(f.othersMaxMs).toBeLessThan(timeoutMs); // never delayed past its own deadline
  expect(state(faulty)).toBe('ready');
  expect(recoverMs).toBeLessThan(6_000);
  expect(f.lost).toBe(0);
  expect(bad.writes).toBeGreaterThanOrEqual(5);
  return f;
}
