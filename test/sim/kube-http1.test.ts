// HTTP/1.1 over node:https (https-transport.ts), the transport of one-shot list commands (issue 14):
// against the simulator over TLS (which offers HTTP/2 too), the client's reads, writes, typed errors and
// watches work as over undici; sockets are kept alive and reused, at most `connections` of them; and a
// one-shot session lists every kind without a watch, on at most its few sockets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession } from '../../source/app/session.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import type { WatchEvent } from '../../source/kube/client-api.js';
import { isKubeError } from '../../source/kube/errors.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { writeKubeconfig } from '../../source/sim/kubeconfig.js';
import { until } from './kube-helpers.js';

let sim: SimCluster;
let kubeconfig: string;
const requests: string[] = [];
const zone = (name: string) => ({ apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone', metadata: { name, namespace: 'default' } });

beforeAll(async () => {
  sim = await startSimCluster({ name: 'shanghai', tls: true, onRequest: (_c, m, url) => requests.push(`${m} ${url}`) });
  sim.store.create(T.namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
  for (let i = 0; i < 5; i++) sim.store.create(T.gameZone, zone(`zone-${i}`));
  kubeconfig = writeKubeconfig([sim]);
});
afterAll(async () => {
  await sim?.close();
});

const http1Client = (connections = 4) =>
  new HttpClusterClient(sim.name, loadKubeconfig([kubeconfig]).forContext(sim.name), { timeoutMs: 10_000, http1: true, connections });

describe('HTTP/1.1 over node:https', () => {
  it('reads, writes, typed errors and a watch, on at most `connections` kept-alive sockets', async () => {
    const before = sim.accepted();
    const c = http1Client(3);
    const ac = new AbortController();
    const events: WatchEvent[] = [];
    try {
      const lists = await Promise.all(Array.from({ length: 8 }, () => c.list(T.gameZone, { namespace: 'default' })));
      expect(lists.map((l) => l.items.length)).toEqual(Array(8).fill(5));
      const opened = sim.accepted() - before;
      expect(opened).toBeGreaterThan(1); // HTTP/1.1: one request per socket at a time
      expect(opened).toBeLessThanOrEqual(3);
      // Kept alive: the next requests reuse those sockets.
      expect((await c.get(T.gameZone, 'default', 'zone-1')).metadata?.name).toBe('zone-1');
      expect((await c.version()).gitVersion).toMatch(/^v\d/);
      expect(sim.accepted() - before).toBe(opened);

      const err = await c.get(T.gameZone, 'default', 'nope').catch((e: unknown) => e);
      expect(isKubeError(err, 'NotFound')).toBe(true);
      const created = await c.create(T.gameZone, 'default', zone('zone-new'));
      expect(created.metadata?.uid).toBeTruthy();
      const patched = await c.patch(T.gameZone, 'default', 'zone-new', 'merge', { metadata: { labels: { tier: 'a' } } });
      expect(patched.metadata?.labels).toEqual({ tier: 'a' });

      const watching = c.watch(T.gameZone, { namespace: 'default', signal: ac.signal }, (e) => events.push(e));
      await until(() => events.length >= 6);
      await c.delete(T.gameZone, 'default', 'zone-new');
      await until(() => events.some((e) => e.type === 'DELETED' && e.object.metadata?.name === 'zone-new'));
      ac.abort();
      await watching;
    } finally {
      ac.abort();
      c.close();
    }
    // Closed: a request now fails at once, typed, instead of opening a socket.
    const after = await c.list(T.gameZone, { namespace: 'default' }).catch((e: unknown) => e);
    expect(isKubeError(after)).toBe(true);
  });

  it('a one-shot session lists every kind once, watches none, and uses at most 4 sockets', async () => {
    const before = sim.accepted();
    requests.length = 0;
    const session = openSession({ kubeconfig, context: [sim.name], allNamespaces: true }, ['zones'], {}, { oneShot: true });
    try {
      session.store.start();
      await session.store.waitForSync(10_000);
      expect(session.store.clusterErrors()).toEqual([]);
      const lists = requests.filter((r) => r.startsWith('GET /api') && !/[?&]watch=/.test(r) && /\/(gamezones|deployments)\?/.test(r));
      expect(lists.length).toBeGreaterThanOrEqual(2);
      expect(requests.filter((r) => /[?&]watch=true/.test(r))).toEqual([]);
      expect(sim.accepted() - before).toBeGreaterThan(0);
      expect(sim.accepted() - before).toBeLessThanOrEqual(4);
    } finally {
      await session.close();
    }
  });
});
