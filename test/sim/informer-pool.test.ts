// Shared informers (issue 11): one list+watch per selection however many users, against the simulator's HTTP
// server; the console's pod detail and the log follower of the same workload share one pod watch.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalSelector, InformerPool } from '../../source/kube/informer-pool.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import { startSimCluster } from '../../source/sim/cluster-server.js';
import { MemoryStore } from '../../source/sim/store.js';
import { clientFor, until } from './kube-helpers.js';

const CM: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
const NS: ResourceType = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

const cm = (name: string, labels: Record<string, string>): KubeObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'games', labels }, data: {} }) as KubeObject;

/** A simulator cluster whose store counts the watches open on it (the server side of every informer). */
async function countedSim() {
  const store = new MemoryStore('c1');
  store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'games' } });
  let open = 0;
  const watch = store.watch.bind(store);
  store.watch = (t, opts, fn) => {
    open++;
    const stop = watch(t, opts, fn);
    return () => {
      open--;
      stop();
    };
  };
  const s = await startSimCluster({ name: 'c1', store } as Parameters<typeof startSimCluster>[0]);
  cleanups.push(() => s.close());
  const client = clientFor(s);
  cleanups.push(() => client.close());
  return { store, client, watches: () => open };
}

function mirror() {
  const names = new Set<string>();
  return {
    names,
    handlers: {
      onReplace(this: void, items: KubeObject[]) {
        names.clear();
        for (const o of items) names.add(o.metadata.name!);
      },
      onEvent(this: void, type: string, o: KubeObject) {
        if (type === 'DELETED') names.delete(o.metadata.name!);
        else names.add(o.metadata.name!);
      },
    },
  };
}

describe('InformerPool', () => {
  it('one watch for the same selection however it is spelled; a late joiner starts from what is known; the last leaver stops it', async () => {
    const { store, client, watches } = await countedSim();
    store.create(CM, cm('a', { app: 'game', tier: 'x' }));
    store.create(CM, cm('other', { app: 'db' }));
    const pool = new InformerPool();
    const first = mirror();
    const stopFirst = pool.subscribe(client, CM, { namespace: 'games', labelSelector: 'app=game,tier=x' }, first.handlers);
    await until(() => first.names.has('a') && watches() === 1);

    const late = mirror();
    const stopLate = pool.subscribe(client, CM, { namespace: 'games', labelSelector: 'tier=x, app=game' }, late.handlers);
    await until(() => late.names.has('a'));
    expect(pool.stats).toEqual({ informers: 1, subscribers: 2, filtered: 0 });
    expect(watches()).toBe(1);

    store.create(CM, cm('b', { app: 'game', tier: 'x' }));
    await until(() => first.names.has('b') && late.names.has('b'));
    expect([...late.names].sort()).toEqual(['a', 'b']);

    await stopFirst();
    store.delete(CM, 'games', 'a');
    await until(() => !late.names.has('a'));
    expect(first.names.has('a')).toBe(true); // it left: no more events for it
    expect(pool.stats).toEqual({ informers: 1, subscribers: 1, filtered: 0 });

    await stopLate();
    expect(pool.stats).toEqual({ informers: 0, subscribers: 0, filtered: 0 });
    await until(() => watches() === 0);
  });

  it('another selection, namespace or client is another informer', async () => {
    const { client, watches } = await countedSim();
    const pool = new InformerPool();
    const stops = [
      pool.subscribe(client, CM, { namespace: 'games', labelSelector: 'app=game' }, mirror().handlers),
      pool.subscribe(client, CM, { namespace: 'games', labelSelector: 'app=db' }, mirror().handlers),
      pool.subscribe(client, CM, { labelSelector: 'app=game' }, mirror().handlers),
    ];
    await until(() => watches() === 3);
    expect(pool.stats).toEqual({ informers: 3, subscribers: 3, filtered: 0 });
    await Promise.all(stops.map((s) => s()));
    await until(() => watches() === 0);
  });

  it('canonical selectors: terms sorted, split only at top-level commas', () => {
    expect(canonicalSelector('b=2, a=1')).toBe('a=1,b=2');
    expect(canonicalSelector('tier in (b,a),app=game')).toBe('app=game,tier in (b,a)');
    expect(canonicalSelector(undefined)).toBe('');
  });
});
