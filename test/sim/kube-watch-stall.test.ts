// A watch whose peer stops answering (TCP open, no bytes: a hung apiserver or proxy) is found out
// within seconds, not after the server timeout + 30 s (issue 16 #2): after a quiet spell the client
// asks the server (GET /version) whether it is alive, and a server that does not answer makes the
// watch fail, so the informer reports the cluster stale; a watch counts as watching only once its
// response headers arrived. A quiet but healthy watch is never marked stale: it is re-opened from
// its resourceVersion after a longer idle limit. Against the simulator through a TCP proxy that
// can be made to stall; intervals are shortened through the informer's options.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { KubeError } from '../../source/kube/errors.js';
import { Informer, type InformerState } from '../../source/kube/informer.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { Fleet } from '../../source/fleet/fleet.js';
import { deriveSnapshot } from '../../source/store/derive.js';
import { FleetStore } from '../../source/store/fleet-store.js';
import { MemoryStore } from '../../source/sim/store.js';
import { clientFor, until } from './kube-helpers.js';

const CM: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
const NS: ResourceType = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };

const cleanups: Array<() => Promise<unknown> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

interface Proxy {
  url: string;
  /** From now on no byte passes, either way, on any connection, and new ones are accepted and ignored. */
  stall(): void;
  close(): Promise<void>;
}

/** A TCP proxy in front of `target`; `stallWatches` stalls every connection once it carries a watch request. */
async function proxy(target: SimCluster, opts: { stallWatches?: boolean } = {}): Promise<Proxy> {
  let stalled = false;
  const sockets = new Set<Socket>();
  const server: Server = createServer((down) => {
    sockets.add(down);
    down.on('close', () => sockets.delete(down));
    down.on('error', () => undefined);
    if (stalled) return; // accepted, never answered
    const up = connect(target.port, '127.0.0.1');
    sockets.add(up);
    up.on('close', () => sockets.delete(up));
    up.on('error', () => down.destroy());
    let hung = false;
    down.on('data', (d: Buffer) => {
      if (opts.stallWatches && d.includes('watch=true')) hung = true;
      if (!stalled && !hung) up.write(d);
    });
    up.on('data', (d: Buffer) => {
      if (!stalled && !hung) down.write(d);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    stall: () => (stalled = true),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

async function setup(opts: { stallWatches?: boolean; bookmarkIntervalMs?: number } = {}) {
  const store = new MemoryStore('c1', { historySize: 50 });
  store.create(NS, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'games' } });
  store.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a', namespace: 'games' }, data: {} } as KubeObject);
  const requests: string[] = [];
  const sim = await startSimCluster({
    name: 'c1',
    store,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 60_000,
    onRequest: (_c, method, url) => requests.push(`${method} ${url}`),
  });
  cleanups.push(() => sim.close());
  const p = await proxy(sim, opts);
  cleanups.push(() => p.close());
  const client = clientFor({ ...sim, url: p.url }, 'admin', 1_000);
  cleanups.push(() => client.close());
  const probes = () => requests.filter((r) => r === 'GET /version').length;
  return { sim, proxy: p, client, store, probes };
}

function watchStates(): { states: InformerState[]; errors: KubeError[]; onState: (s: InformerState, e?: KubeError) => void } {
  const states: InformerState[] = [];
  const errors: KubeError[] = [];
  return { states, errors, onState: (s, e) => (states.push(s), e ? errors.push(e) : undefined) };
}

const noop = { onReplace: () => undefined, onEvent: () => undefined };

describe('a watch whose peer stalls', () => {
  it('is stale within about probe interval + request timeout (here 0.5 s + 1 s), not server timeout + 30 s', async () => {
    const { proxy: p, client } = await setup();
    const w = watchStates();
    const inf = new Informer(
      client,
      CM,
      { namespace: 'games', backoffInitialMs: 50, backoffMaxMs: 200, watchProbeAfterMs: 500 },
      { ...noop, onState: w.onState },
    );
    inf.start();
    cleanups.push(() => inf.stop());
    await until(() => w.states.includes('watching'));
    await new Promise((r) => setTimeout(r, 300)); // the watch is open (its headers came)
    p.stall();
    const t0 = performance.now();
    await until(() => w.states.at(-1) === 'backoff', 6_000).catch(() => undefined);
    const ms = performance.now() - t0;
    console.log(`stalled peer: ${w.states.join(' > ')} after ${Math.round(ms)} ms; ${w.errors.map((e) => e.message).join(' | ')}`);
    expect(w.states.at(-1)).toBe('backoff');
    expect(ms).toBeLessThan(3_000);
    expect(w.errors.at(-1)?.message).toMatch(
      /^watch configmaps: no events or bookmarks for \d+(\.\d)? s, and GET \/version: no answer from http:\/\/127\.0\.0\.1:\d+ within 1000 ms$/,
    );
  }, 15_000);

  it('a watch that never got its response headers is not "watching"', async () => {
    const { client } = await setup({ stallWatches: true });
    const w = watchStates();
    const inf = new Informer(client, CM, { namespace: 'games', backoffInitialMs: 50, backoffMaxMs: 200 }, { ...noop, onState: w.onState });
    inf.start();
    cleanups.push(() => inf.stop());
    await until(() => inf.stats.lists === 1 && inf.stats.watches === 1);
    await new Promise((r) => setTimeout(r, 300));
    console.log(`watch without headers after 300 ms: ${w.states.join(' > ')}`);
    expect(w.states).not.toContain('watching');
    await until(() => w.states.includes('backoff'), 3_000);
    expect(w.states).not.toContain('watching');
    expect(w.errors[0]?.kind).toBe('Timeout');
  }, 15_000);
});

describe('the fleet store', () => {
  it('a one-shot list waits for the lists, not for the watches to open; the cluster is ready only once they did', async () => {
    const { client } = await setup({ stallWatches: true });
    const fleet = new Fleet([{ name: 'c1', client, info: { name: 'c1', server: client.server, user: client.user, state: 'connecting' } }]);
    const store = new FleetStore(
      fleet,
      [{ type: CM, kind: 'ConfigMap', namespace: 'games' }],
      deriveSnapshot({ zoneLabel: 'zonectl.io/zone', gameZone: { group: 'apps.example.com', version: 'v1alpha1' } }),
    );
    cleanups.push(() => store.stop());
    store.start();
    const t0 = performance.now();
    await store.waitForSync(5_000);
    expect(performance.now() - t0).toBeLessThan(500);
    expect(store.snapshot().synced).toEqual({ c1: true });
    expect(store.clusterErrors()).toEqual([]);
    expect(fleet.clusters()[0]!.state).toBe('connecting'); // its watch has not opened
    // What the console derives its first snapshot on: the lists, not the watches either.
    await store.whenListed();
    expect(fleet.clusters()[0]!.state).toBe('connecting');
  });
});

describe('a quiet, healthy watch', () => {
  it('with bookmarks more often than the probe interval: no probe, never stale', async () => {
    const { client, probes } = await setup({ bookmarkIntervalMs: 100 });
    const w = watchStates();
    const inf = new Informer(
      client,
      CM,
      { namespace: 'games', watchProbeAfterMs: 300, inactivityMs: 600 },
      { ...noop, onState: w.onState },
    );
    inf.start();
    cleanups.push(() => inf.stop());
    await until(() => w.states.includes('watching'));
    await new Promise((r) => setTimeout(r, 1_500));
    expect(w.states).toEqual(['watching']);
    expect(inf.stats.watches).toBe(1);
    expect(probes()).toBe(0);
  }, 15_000);

  it('without bookmarks: probes answered, re-opened after the idle limit, never stale, no relist', async () => {
    const { client, store, probes } = await setup();
    const w = watchStates();
    const inf = new Informer(
      client,
      CM,
      { namespace: 'games', watchProbeAfterMs: 200, inactivityMs: 700 },
      { ...noop, onState: w.onState },
    );
    inf.start();
    cleanups.push(() => inf.stop());
    await until(() => w.states.includes('watching'));
    await until(() => inf.stats.watches >= 3, 5_000);
    expect(w.states).toEqual(['watching']);
    expect(inf.stats.lists).toBe(1);
    console.log(`quiet watch without bookmarks: ${inf.stats.watches} watches, ${probes()} probes, states ${w.states.join(' > ')}`);
    expect(probes()).toBeGreaterThanOrEqual(1);
    // Still delivering after the re-opens.
    store.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b', namespace: 'games' }, data: {} } as KubeObject);
    await until(() => inf.stats.events >= 1);
  }, 15_000);
});
