// What the console's first frame waits for (issue 14): FleetStore.whenReady resolves once every
// cluster has listed and opened its watches (or failed), gives up when nothing came for a while or
// after its limit, without marking any cluster as failed, and the lists do not wait for /version.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet } from '../../source/fleet/fleet.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { KINDS } from '../../source/kinds/registry.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { MemoryStore } from '../../source/sim/store.js';
import { deriveSnapshot } from '../../source/store/derive.js';
import { FleetStore, type WatchSpec } from '../../source/store/fleet-store.js';
import { clientFor, kubeConfigFor, until } from './kube-helpers.js';

const DERIVE = deriveSnapshot({ zoneLabel: 'zonectl.io/zone', gameZone: { group: 'apps.example.com', version: 'v1alpha1' } });
const SPECS: WatchSpec[] = [{ type: KINDS.GameDeployment, kind: 'GameDeployment' }];

let sim: SimCluster;
let silent: Server;
const sockets = new Set<Socket>();
let silentUrl: string;

beforeAll(async () => {
  const s = new MemoryStore('east');
  s.create(T.namespace, { metadata: { name: 'games' } });
  s.create(T.gameDeployment, {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameDeployment',
    metadata: { name: 'game-1', namespace: 'games', labels: { 'zonectl.io/zone': '1' } },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'game-1' } },
      template: { spec: { containers: [{ name: 'g', image: 'r/g:1' }] } },
    },
  });
  sim = await startSimCluster({ name: 'east', store: s });
  silent = createServer((sock) => {
    sockets.add(sock);
    sock.on('data', () => undefined); // accepts, reads, never answers
    sock.on('close', () => sockets.delete(sock));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
  await sim.close();
});

describe('FleetStore.whenReady', () => {
  it('resolves once the cluster has listed and opened its watches, and the lists did not wait for /version', async () => {
    const client = clientFor(sim);
    // /version held until released: the lists (and the ready state) must not wait for it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const version = client.version.bind(client);
    client.version = async () => {
      await held;
      return version();
    };
    const fleet = new Fleet([{ name: 'east', client, info: { name: 'east', server: sim.url, user: 'admin', state: 'connecting' } }]);
    const store = new FleetStore(fleet, SPECS, DERIVE);
    try {
      store.start();
      expect(await store.whenReady(5_000, 10_000)).toBe(true);
      const s = store.snapshot();
      expect(s.clusters.map((c) => [c.name, c.state, c.version])).toEqual([['east', 'ready', undefined]]);
      expect(s.workloads.map((w) => w.name)).toEqual(['game-1']);
      // The version fills in when it comes, and the state stays as it was.
      release();
      await until(() => store.snapshot().clusters[0]!.version !== undefined);
      expect(store.snapshot().clusters.map((c) => c.state)).toEqual(['ready']);
    } finally {
      release();
      fleet.close();
      await store.stop();
    }
  });

  it('sends the lists beside discovery, not after it; a kind the cluster does not serve is dropped when discovery answers', async () => {
    const client = clientFor(sim);
    // Discovery (GET /apis/<group>/<version>) held until released: the lists must not wait for it.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const request = client.request.bind(client);
    client.request = (async (opts: Parameters<typeof request>[0]) => {
      if (/^\/apis?\/[^/]+(\/[^/]+)?$/.test(opts.path)) await held;
      return request(opts);
    }) as typeof client.request;
    const widgets = { group: 'example.invalid', version: 'v1', resource: 'widgets', kind: 'Widget', namespaced: true };
    const fleet = new Fleet([{ name: 'east', client, info: { name: 'east', server: sim.url, user: 'admin', state: 'connecting' } }]);
    const store = new FleetStore(fleet, [...SPECS, { type: widgets, kind: 'Widget' }], DERIVE);
    try {
      store.start();
      let settled = false;
      const ready = store.whenReady(5_000, 10_000).finally(() => (settled = true));
      await until(() => store.snapshot().workloads.length === 1);
      // Listed while discovery is still out: the rows are in, but no verdict on the cluster yet.
      expect(store.snapshot().workloads.map((w) => w.name)).toEqual(['game-1']);
      // The unserved kind's list has had its 404: still no error on the cluster, it may be a kind it lacks.
      await until(() => store.informers('east').find((i) => i.type.resource === 'widgets')?.stats.lastError !== undefined);
      expect(settled).toBe(false);
      expect(fleet.clusters().map((c) => [c.state, c.lastError])).toEqual([['connecting', undefined]]);
      release();
      expect(await ready).toBe(true);
      const s = store.snapshot();
      expect(s.clusters.map((c) => [c.name, c.state, c.kinds])).toEqual([['east', 'ready', { GameDeployment: true, Widget: false }]]);
      expect(store.informers('east').map((i) => i.type.resource)).toEqual(['gamedeployments']);
      expect(store.clusterErrors()).toEqual([]);
    } finally {
      release();
      fleet.close();
      await store.stop();
    }
  });

  it('leaves waitForSync as it was: one cluster is synced by its lists, not by its discovery', async () => {
    const fleet = new Fleet([
      { name: 'east', client: clientFor(sim), info: { name: 'east', server: sim.url, user: 'admin', state: 'connecting' } },
    ]);
    const store = new FleetStore(fleet, SPECS, DERIVE);
    try {
      store.start();
      await store.waitForSync(10_000);
      expect(store.snapshot().workloads.map((w) => w.name)).toEqual(['game-1']);
      expect(store.clusterErrors()).toEqual([]);
    } finally {
      fleet.close();
      await store.stop();
    }
  });

  it('gives up once nothing came for quietMs (a cluster that never answers), naming nothing as failed', async () => {
    const hung = new HttpClusterClient('hung', kubeConfigFor(silentUrl, 't', 'hung'), { timeoutMs: 10_000 });
    const fleet = new Fleet([
      { name: 'east', client: clientFor(sim), info: { name: 'east', server: sim.url, user: 'admin', state: 'connecting' } },
      { name: 'hung', client: hung, info: { name: 'hung', server: silentUrl, user: 'x', state: 'connecting' } },
    ]);
    const store = new FleetStore(fleet, SPECS, DERIVE);
    try {
      store.start();
      const t0 = performance.now();
      expect(await store.whenReady(300, 10_000)).toBe(false);
      const waited = performance.now() - t0;
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(5_000); // not the 10 s limit, nor the hung cluster's 8 s discovery
      // The healthy cluster's rows are there to draw; the hung one is still connecting, not an error.
      const s = store.snapshot();
      expect(s.workloads.map((w) => `${w.cluster}/${w.name}`)).toEqual(['east/game-1']);
      expect(s.clusters.map((c) => [c.name, c.state])).toEqual([
        ['east', 'ready'],
        ['hung', 'connecting'],
      ]);
      expect(store.clusterErrors()).toEqual([]);
    } finally {
      fleet.close();
      await store.stop();
    }
  });

  it('gives up after maxMs in all, however recently something came', async () => {
    const hung = new HttpClusterClient('hung', kubeConfigFor(silentUrl, 't', 'hung'), { timeoutMs: 10_000 });
    const fleet = new Fleet([{ name: 'hung', client: hung, info: { name: 'hung', server: silentUrl, user: 'x', state: 'connecting' } }]);
    const store = new FleetStore(fleet, SPECS, DERIVE);
    try {
      store.start();
      const t0 = performance.now();
      expect(await store.whenReady(10_000, 300)).toBe(false);
      expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
      expect(performance.now() - t0).toBeLessThan(5_000);
    } finally {
      fleet.close();
      await store.stop();
    }
  });

  it('resolves when a cluster fails (unreachable) rather than waiting for its limit', async () => {
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((r) => closed.close(r)); // nothing listens there now: connections are refused
    const down = new HttpClusterClient('down', kubeConfigFor(url, 't', 'down'), { timeoutMs: 10_000 });
    const fleet = new Fleet([{ name: 'down', client: down, info: { name: 'down', server: url, user: 'x', state: 'connecting' } }]);
    const store = new FleetStore(fleet, SPECS, DERIVE, { retryMs: 60_000 });
    try {
      store.start();
      expect(await store.whenReady(5_000, 8_000)).toBe(true);
      expect(store.snapshot().clusters.map((c) => [c.name, c.state])).toEqual([['down', 'unreachable']]);
    } finally {
      fleet.close();
      await store.stop();
    }
  });
});
