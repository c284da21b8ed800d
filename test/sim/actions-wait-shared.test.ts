// --wait on the fleet's shared informers (issue 11), against the simulator's HTTP server: a wait served by a
// wider informer that is behind the wait's own write must not take that informer's older state for the
// current one (resourceVersion order), and must see the write once the informer catches up.
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../source/actions/wait.js';
import { InformerPool } from '../../source/kube/informer-pool.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import { startSimCluster } from '../../source/sim/cluster-server.js';
import { MemoryStore } from '../../source/sim/store.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { approvePlan } from './actions-helpers.js';
import { gameDeployment } from './controllers-helpers.js';
import { clientFor, until } from './kube-helpers.js';

const NS: ResourceType = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

/** A simulator whose watch streams can be held back (a slow stream: the events wait, in order); GameDeployment watches counted. */
async function laggingSim() {
  const store = new MemoryStore('c1');
  store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'game' } });
  let held = false;
  const queue: Array<() => void> = [];
  let watches = 0;
  const watch = store.watch.bind(store);
  store.watch = (t, opts, fn) => {
    const mine = t.resource === 'gamedeployments';
    if (mine) watches++;
    const stop = watch(t, opts, (e) => (held ? queue.push(() => fn(e)) : fn(e)));
    return () => {
      if (mine) watches--;
      stop();
    };
  };
  const s = await startSimCluster({ name: 'c1', store } as Parameters<typeof startSimCluster>[0]);
  cleanups.push(() => s.close());
  const client = clientFor(s);
  cleanups.push(() => client.close());
  return {
    store,
    client,
    watches: () => watches,
    hold: () => (held = true),
    release: () => {
      held = false;
      for (const f of queue.splice(0)) f();
    },
  };
}

const note = (store: MemoryStore, value: string): KubeObject => {
  const cur = store.get(T.gameDeployment, 'game', 'gw')!;
  return store.update(T.gameDeployment, { ...cur, metadata: { ...cur.metadata, annotations: { step: value } } });
};

describe('waitFor on a shared informer', () => {
  it("never takes a lagging informer's older state for the current one, and sees the write once it catches up", async () => {
    const sim = await laggingSim();
    sim.store.create(T.gameDeployment, gameDeployment('gw', 2, 'reg/gw:v1', { type: 'RollingUpdate' }));
    note(sim.store, 'before');
    const pool = new InformerPool();
    let seen = '';
    const stop = pool.subscribe(
      sim.client,
      T.gameDeployment,
      {},
      {
        onReplace: (items) => (seen = String(items[0]?.metadata.annotations?.step)),
        onEvent: (_t, o) => (seen = String(o.metadata.annotations?.step)),
      },
    );
    await until(() => seen === 'before' && sim.watches() === 1);
    await new Promise((r) => setTimeout(r, 50)); // watching

    sim.hold(); // the shared stream falls behind: our write is not in it yet
    const wrote = note(sim.store, 'ours');
    const plan = approvePlan('c1', T.gameDeployment, { ...wrote, status: wrote.status ?? {} }); // no controller here: no status
    // Reached only on the state before our write: the informer's replay has it, the wait must not take it.
    const stale = await waitFor(plan, (_i, o) => o.metadata.annotations?.step === 'before', {
      client: sim.client,
      informers: pool,
      timeoutMs: 800,
    });
    expect(stale.reached).toBe(false);
    expect(stale.message).toBe('not reached within 0.8 s');
    expect(seen).toBe('before'); // the informer was behind all along

    // A wait for the next write, started while the stream is still behind: it lands, the stream catches up.
    const next = waitFor(plan, (_i, o) => o.metadata.annotations?.step === 'after', {
      client: sim.client,
      informers: pool,
      timeoutMs: 10_000,
    });
    await until(() => pool.stats.filtered === 1);
    note(sim.store, 'after');
    sim.release();
    const res = await next;
    expect(res.reached).toBe(true);
    expect(sim.watches()).toBe(1); // no GameDeployment watch of the waits' own (their HookRuns have one)
    await stop();
  });
});
