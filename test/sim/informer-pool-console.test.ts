// The console's pod watches are shared (issue 11): the detail of a workload and a log view of the same
// workload, wired as `zonectl` wires them (app/session.ts, app/console-ports.ts), open one pod watch between
// them on `zonectl demo`, and closing either leaves the other's running.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consolePorts, type ConsolePorts } from '../../source/app/console-ports.js';
import { openSession, type Session } from '../../source/app/session.js';
import type { LogSink } from '../../source/model/logs.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { workloadPodFocus } from '../../source/ui/views/pod-focus.js';
import { workloadKey } from '../../source/ui/views/keys.js';
import { until } from './kube-helpers.js';

let dir: string;
let demo: Demo;
let session: Session;
let ports: ConsolePorts;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-pool-'));
  demo = await startDemo({ zones: 3, podsPerService: 2, lineIntervalMs: 200, tls: false, kubeconfigPath: join(dir, 'kubeconfig') });
  session = openSession({ kubeconfig: demo.kubeconfigPath, context: ['shanghai'], allNamespaces: true }, ['zones', 'rollouts'], {
    intervalMs: 20,
  });
  session.store.start();
  await session.store.waitForSync(20_000);
  ports = await consolePorts(session, {});
});
afterAll(async () => {
  ports?.close();
  await session?.close();
  await demo?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('shared pod watches in the console', () => {
  test("a workload's detail and its log view share one pod watch", async () => {
    const snap = session.store.snapshot();
    const w = snap.workloads.find((x) => x.cluster === 'shanghai' && x.kind === 'GameStatefulSet' && x.name === 'game-1')!;
    expect(w).toBeDefined();
    const pool = session.fleet.informers;
    const store = pool.stats.informers; // the store's own informers are the pool's too (one subscriber each)
    expect(pool.stats).toEqual({ informers: store, subscribers: store, filtered: 0 });
    session.store.focusPods(workloadPodFocus(snap, workloadKey(w)));
    await until(() => session.store.snapshot().pods.some((p) => p.namespace === w.namespace && p.owner?.name === w.name), 10_000);
    expect(pool.stats).toEqual({ informers: store + 1, subscribers: store + 1, filtered: 0 });

    const lines: string[] = [];
    const sink: LogSink = { line: (_s, _ts, m) => lines.push(m), event: () => undefined };
    const follower = ports.logs.open({
      cluster: 'shanghai',
      namespace: w.namespace,
      target: { type: 'workload', kind: 'GameStatefulSet', name: w.name },
    });
    follower.start(sink);
    await until(() => lines.length > 0, 10_000);
    expect(pool.stats).toEqual({ informers: store + 1, subscribers: store + 2, filtered: 0 });

    session.store.focusPods([]); // the detail closes; the log view keeps following
    await until(() => pool.stats.subscribers === store + 1);
    expect(pool.stats.informers).toBe(store + 1);
    const before = lines.length;
    await until(() => lines.length > before, 10_000);

    await follower.stop();
    expect(pool.stats).toEqual({ informers: store, subscribers: store, filtered: 0 });
  });
});
