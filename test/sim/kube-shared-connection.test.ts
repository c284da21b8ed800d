// One connection per cluster (issue 14): over TLS the simulator speaks HTTP/2 as the kube-apiserver
// does, and every request and watch of a process's clients of one context go over one connection
// (connections.ts). Counted as connections the simulated server accepted. Over plain HTTP/1.1 the
// same parallel lists need several sockets: the count there shows what multiplexing saves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { WatchEvent } from '../../source/kube/client-api.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { writeKubeconfig } from '../../source/sim/kubeconfig.js';
import { until } from './kube-helpers.js';

let tls: SimCluster;
let plain: SimCluster;
beforeAll(async () => {
  [tls, plain] = await Promise.all([startSimCluster({ name: 'shanghai', tls: true }), startSimCluster({ name: 'nanjing', tls: false })]);
  for (const sim of [tls, plain]) {
    sim.store.create(T.namespace, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'default' } });
    for (let i = 0; i < 5; i++)
      sim.store.create(T.gameZone, {
        apiVersion: 'apps.example.com/v1alpha1',
        kind: 'GameZone',
        metadata: { name: `zone-${i}`, namespace: 'default' },
      });
  }
});
afterAll(async () => {
  await Promise.all([tls?.close(), plain?.close()]);
});

const clientOf = (sim: SimCluster) =>
  new HttpClusterClient(sim.name, loadKubeconfig([writeKubeconfig([sim])]).forContext(sim.name), { timeoutMs: 10_000 });

/** 8 lists at once, as `zones` lists its kinds. */
const parallelLists = (c: HttpClusterClient) => Promise.all(Array.from({ length: 8 }, () => c.list(T.gameZone, { namespace: 'default' })));

describe('one connection per cluster', () => {
  it('HTTP/2: parallel lists and a watch of two clients of one context share one connection; a new one after both closed', async () => {
    const before = tls.accepted();
    const a = clientOf(tls);
    const b = clientOf(tls);
    const ac = new AbortController();
    const events: WatchEvent[] = [];
    const watching = a.watch(T.gameZone, { namespace: 'default', signal: ac.signal }, (e) => events.push(e)).catch(() => undefined);
    const [la, lb] = await Promise.all([parallelLists(a), parallelLists(b)]);
    expect(la.every((l) => l.items.length === 5) && lb.every((l) => l.items.length === 5)).toBe(true);
    await until(() => events.length >= 5);
    tls.store.create(T.gameZone, {
      apiVersion: 'apps.example.com/v1alpha1',
      kind: 'GameZone',
      metadata: { name: 'zone-new', namespace: 'default' },
    });
    await until(() => events.some((e) => e.object.metadata?.name === 'zone-new'));
    expect(tls.accepted() - before).toBe(1);
    ac.abort();
    await watching;
    a.close();
    expect((await b.list(T.gameZone, { namespace: 'default' })).items).toHaveLength(6);
    expect(tls.accepted() - before).toBe(1);
    b.close();
    const c = clientOf(tls);
    await c.version();
    expect(tls.accepted() - before).toBe(2);
    c.close();
  });

  it('HTTP/1.1 (plain http): the same parallel lists open several connections, at most the limit', async () => {
    const before = plain.accepted();
    const c = clientOf(plain);
    await parallelLists(c);
    c.close();
    expect(plain.accepted() - before).toBeGreaterThan(1);
    expect(plain.accepted() - before).toBeLessThanOrEqual(8);
  });
});
