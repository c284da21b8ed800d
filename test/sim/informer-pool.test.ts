// Shared informers (issue 11): one list+watch per selection however many users, against the simulator's HTTP
// server; the console's pod detail and the log follower of the same workload share one pod watch.
import { afterEach, describe, expect, it } from 'vitest';
import { canonicalSelector, InformerPool } from '../../source/kube/informer-pool.js';
import { LiveReader } from '../../source/gitops/live.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import { startSimCluster } from '../../source/sim/cluster-server.js';
import { MemoryStore } from '../../source/sim/store.js';
import { clientFor, until } from './kube-helpers.js';

const CM: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
const EV: ResourceType = { group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true };
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

  it('a narrower selection is served by a running wider informer: no watch of its own, as a watch of its own would see them', async () => {
    const { store, client, watches } = await countedSim();
    store.create(CM, cm('a', { app: 'game', tier: 'x' }));
    store.create(CM, cm('b', { app: 'db' }));
    const pool = new InformerPool();
    const wide = mirror();
    const stopWide = pool.subscribe(client, CM, {}, wide.handlers); // every namespace, no selector
    await until(() => wide.names.has('b') && watches() === 1);

    const events: string[] = [];
    const narrow = mirror();
    const stopNarrow = pool.subscribe(
      client,
      CM,
      { namespace: 'games', labelSelector: 'app in (game,lobby),tier' },
      {
        onReplace: (items) => {
          events.push(`list ${items.map((o) => o.metadata.name).join(',')}`);
          narrow.handlers.onReplace(items);
        },
        onEvent: (type, o) => {
          events.push(`${type} ${o.metadata.name}`);
          narrow.handlers.onEvent(type, o);
        },
      },
    );
    const byName = pool.subscribe(client, CM, { namespace: 'games', fieldSelector: 'metadata.name=b' }, mirror().handlers);
    await until(() => events.length > 0);
    expect(events).toEqual(['list a']); // the current state first
    expect(pool.stats).toEqual({ informers: 1, subscribers: 3, filtered: 2 });
    expect(watches()).toBe(1);

    store.update(CM, {
      ...store.get(CM, 'games', 'b')!,
      metadata: { ...store.get(CM, 'games', 'b')!.metadata, labels: { app: 'lobby', tier: 'y' } },
    });
    store.update(CM, { ...store.get(CM, 'games', 'a')!, metadata: { ...store.get(CM, 'games', 'a')!.metadata, labels: { app: 'game' } } });
    store.create(CM, cm('c', { app: 'db', tier: 'x' })); // not this selection: no event
    store.delete(CM, 'games', 'b');
    await until(() => wide.names.has('c') && !wide.names.has('b') && events.length >= 4);
    // b starts matching (ADDED), a stops matching (DELETED), b's deletion is reported, c never is.
    expect(events).toEqual(['list a', 'ADDED b', 'DELETED a', 'DELETED b']);
    expect(watches()).toBe(1);

    await Promise.all([stopWide(), stopNarrow(), byName()]);
    expect(pool.stats).toEqual({ informers: 0, subscribers: 0, filtered: 0 });
    await until(() => watches() === 0);
  });

  it('a selection not evaluated here (a field other than name / namespace) or not covered gets its own watch', async () => {
    const { client, watches } = await countedSim();
    const pool = new InformerPool();
    const stops = [
      pool.subscribe(client, CM, { namespace: 'games', labelSelector: 'app=game' }, mirror().handlers),
      pool.subscribe(client, CM, { namespace: 'games', labelSelector: 'app=game', fieldSelector: 'metadata.name=a' }, mirror().handlers),
      pool.subscribe(client, CM, { namespace: 'games', labelSelector: 'app!=game' }, mirror().handlers), // app=game does not cover it
      pool.subscribe(client, EV, { namespace: 'games' }, mirror().handlers),
      pool.subscribe(client, EV, { namespace: 'games', fieldSelector: 'involvedObject.kind=Pod' }, mirror().handlers), // not evaluated here
    ];
    await until(() => watches() === 4);
    expect(pool.stats).toEqual({ informers: 4, subscribers: 5, filtered: 1 });
    await Promise.all(stops.map((s) => s()));
    await until(() => watches() === 0);
  });

  it("the diff's live reads: from a covering informer that watches (no request), else a LIST", async () => {
    const { store, client } = await countedSim();
    store.create(CM, cm('a', { app: 'game' }));
    store.create(CM, cm('b', { app: 'db' }));
    const pool = new InformerPool();
    let listed = false;
    const stop = pool.subscribe(client, CM, { namespace: 'games' }, { onReplace: () => (listed = true), onEvent: () => undefined });
    await until(() => listed);
    await new Promise((r) => setTimeout(r, 50)); // "watching" once the watch's headers came
    const live = new LiveReader(client, { informers: pool, client });
    expect([...(await live.list(CM, 'games', 'app=game')).keys()]).toEqual(['a']);
    expect([...(await live.list(CM, 'games')).keys()].sort()).toEqual(['a', 'b']);
    expect(live).toMatchObject({ watched: 2, requests: 0 });
    const shared = (await live.list(CM, 'games')).get('a')!;
    expect(shared.kind).toBe('ConfigMap'); // set on a copy: the informer's object is left as it was
    expect([...(await live.list(CM, '')).keys()].sort()).toEqual(['games/a', 'games/b']); // every namespace: not covered
    expect(live).toMatchObject({ watched: 2, requests: 1 });
    await stop();
  });

  it('subscribers get objects without managedFields, from the list pages and from the watch (the server sends them)', async () => {
    const { store, client } = await countedSim();
    for (let i = 0; i < 5; i++) store.create(CM, cm(`m${i}`, { app: 'x' }));
    expect((await client.get(CM, 'games', 'm0')).metadata.managedFields).toBeDefined();
    const seen: KubeObject[] = [];
    const pool = new InformerPool();
    const stop = pool.subscribe(
      client,
      CM,
      { namespace: 'games', pageSize: 2 },
      { onReplace: (items) => seen.push(...items), onEvent: (_t, o) => seen.push(o) },
    );
    cleanups.push(stop);
    await until(() => seen.length === 5);
    store.create(CM, cm('m5', { app: 'x' }));
    await until(() => seen.length === 6);
    expect(seen.map((o) => o.metadata.name)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4', 'm5']);
    for (const o of seen) {
      expect(o.metadata.managedFields).toBeUndefined();
      expect(o.metadata.labels).toEqual({ app: 'x' });
    }
  });

  it('canonical selectors: terms sorted, split only at top-level commas', () => {
    expect(canonicalSelector('b=2, a=1')).toBe('a=1,b=2');
    expect(canonicalSelector('tier in (b,a),app=game')).toBe('app=game,tier in (b,a)');
    expect(canonicalSelector(undefined)).toBe('');
  });
});
