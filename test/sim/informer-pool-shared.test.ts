// Issue 11's shared informers, counted on the server: the console wired as `zonectl` wires it (app/session.ts,
// app/console-ports.ts) on `zonectl demo`, with a workload's detail and log view, its story panel and a hot
// update followed to the end (--wait's path), opens at most one watch per (cluster, type): the store's watches
// serve the wait (one GameStatefulSet by name, the namespace's HookRuns) through a filter.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { consolePorts, type ConsolePorts } from '../../source/app/console-ports.js';
import type { ConsoleActions } from '../../source/app/actions-port.js';
import { openSession, type Session } from '../../source/app/session.js';
import type { KubeObject } from '../../source/kube/object.js';
import type { LogSink } from '../../source/model/logs.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { workloadPodFocus } from '../../source/ui/views/pod-focus.js';
import { workloadKey } from '../../source/ui/views/keys.js';
import { until } from './kube-helpers.js';

let dir: string;
let demo: Demo;
let session: Session;
let ports: ConsolePorts;
/** Watches open on shanghai's server now, and the most ever open at once, per resource. */
const open = new Map<string, number>();
const most = new Map<string, number>();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-shared-'));
  demo = await startDemo({ zones: 3, podsPerService: 2, lineIntervalMs: 200, tls: false, kubeconfigPath: join(dir, 'kubeconfig') });
  const store = demo.world.stores.get('shanghai')!;
  const watch = store.watch.bind(store);
  store.watch = (t, opts, fn) => {
    const type = t.group ? `${t.resource}.${t.group}` : t.resource;
    const n = (open.get(type) ?? 0) + 1;
    open.set(type, n);
    most.set(type, Math.max(n, most.get(type) ?? 0));
    const stop = watch(t, opts, fn);
    return () => {
      open.set(type, open.get(type)! - 1);
      stop();
    };
  };
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

const counts = () => Object.fromEntries([...open].filter(([, n]) => n > 0).sort());

describe('one watch per (cluster, type) in the console', () => {
  test('detail + log view + story panel + a followed hot update: the store, pod and Event watches only', async () => {
    // Synced means every kind is listed; each informer opens its watch right after its list.
    await until(() => [...open.values()].filter((n) => n > 0).length >= session.fleet.informers.stats.informers, 10_000);
    const store = [...open.keys()].sort();
    expect(store).toContain('gamestatefulsets.tkex.tencent.com');
    expect(store).toContain('hookruns.tkex.tencent.com');
    const pool = session.fleet.informers;
    const base = pool.stats;
    expect(base.informers).toBe(store.length); // the store's informers are the pool's
    console.log(`[shared] store only: ${JSON.stringify(counts())}; pool ${JSON.stringify(base)}`);

    const snap = session.store.snapshot();
    const w = snap.workloads.find((x) => x.cluster === 'shanghai' && x.kind === 'GameStatefulSet' && x.name === 'game-1')!;
    expect(w).toBeDefined();
    // The detail's pods and the log view of the same workload: one pod watch.
    session.store.focusPods(workloadPodFocus(snap, workloadKey(w)));
    const lines: string[] = [];
    const sink: LogSink = { line: (_s, _ts, m) => lines.push(m), event: () => undefined };
    const follower = ports.logs.open({
      cluster: 'shanghai',
      namespace: w.namespace,
      target: { type: 'workload', kind: 'GameStatefulSet', name: w.name },
    });
    follower.start(sink);
    // The story panel's Events of the workload's namespace.
    let rows = -1;
    const errors: string[] = [];
    const stopStory = ports.story.watchEvents(
      { cluster: 'shanghai', namespace: w.namespace, target: { type: 'workload', kind: 'GameStatefulSet', name: w.name } },
      (r) => (rows = r.length),
      (e) => errors.push(e),
    );
    await until(() => lines.length > 0 && rows >= 0, 10_000);

    // A hot update run and followed as the console's card does (and `--wait`): served by the store's watches.
    const service = (ports.actions as ConsoleActions).service;
    const live = demo.world.stores.get('shanghai')!.get(T.gameStatefulSet, w.namespace, w.name) as KubeObject;
    const c = (live.spec as { template: { spec: { containers: Array<{ name: string; image: string }> } } }).template.spec.containers[0]!;
    const planned = await service.plan(
      { cluster: 'shanghai', kind: 'GameStatefulSet', namespace: w.namespace, name: w.name },
      'hotupdate',
      {
        container: c.name,
        image: `${c.image.replace(/:[^:/]*$/, '')}:v-shared`,
      },
    );
    const done = await service.run(planned, { confirmed: 'asked' });
    const during: Array<Record<string, number>> = [];
    let filtered = 0;
    const res = await service.follow(planned, done).wait({
      timeoutMs: 60_000,
      onProgress: () => {
        during.push(counts());
        filtered = Math.max(filtered, pool.stats.filtered);
      },
    });
    console.log(`[shared] during the wait: ${JSON.stringify(during.at(-1))}; pool filtered ${filtered}; ${res.message}`);
    expect(res.reached).toBe(true);
    expect(filtered).toBe(2); // the GameStatefulSet by name and the namespace's HookRuns, from the store's informers
    expect(errors).toEqual([]);
    console.log(`[shared] most watches open at once: ${JSON.stringify(Object.fromEntries([...most].sort()))}`);
    // Never more than one watch of a type at once, from the store's start to here.
    for (const [resource, n] of most) expect(n, resource).toBe(1);
    expect(counts()).toEqual({ ...Object.fromEntries(store.map((r) => [r, 1])), pods: 1, events: 1 });

    stopStory();
    await follower.stop();
    session.store.focusPods([]);
    await until(() => !open.get('events') && !open.get('pods'), 10_000);
    expect(pool.stats).toEqual(base);
  });
});
