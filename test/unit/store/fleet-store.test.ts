// The fleet store against two simulated clusters over HTTP: list+watch per kind into the cache,
// snapshots derived on demand and published coalesced, pods watched only for the screen in front.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Fleet } from '../../../source/fleet/fleet.js';
import { KINDS } from '../../../source/kinds/registry.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { startSimCluster, type SimCluster } from '../../../source/sim/cluster-server.js';
import { T } from '../../../source/sim/controllers/kinds.js';
import { MemoryStore } from '../../../source/sim/store.js';
import { deriveSnapshot } from '../../../source/store/derive.js';
import { FleetStore, type WatchSpec } from '../../../source/store/fleet-store.js';
import type { Snapshot } from '../../../source/store/types.js';
import { clientFor, until } from '../../sim/kube-helpers.js';

const OPTS = { zoneLabel: 'zonectl.io/zone', gameZone: { group: 'apps.example.com', version: 'v1alpha1' } };

function gd(name: string, zone: string): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameDeployment',
    metadata: { name, namespace: 'games', labels: { 'zonectl.io/zone': zone } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'game', image: 'r/game:1' }] } },
      updateStrategy: { type: 'InplaceUpdate' },
    },
    status: { replicas: 2, readyReplicas: 2, updatedReplicas: 2, updatedReadyReplicas: 2 },
  };
}
const pod = (name: string, ns: string, app: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns, labels: { app } },
  spec: { containers: [{ name: 'game', image: 'r/game:1' }] },
  status: { phase: 'Running' },
});

const sims: SimCluster[] = [];
let fleet: Fleet;
let store: FleetStore;
const SPECS: WatchSpec[] = [
  { type: KINDS.GameDeployment, kind: 'GameDeployment' },
  { type: KINDS.HookRun, kind: 'HookRun' },
];

beforeAll(async () => {
  for (const name of ['east', 'west']) {
    const s = new MemoryStore(name);
    for (const ns of ['games', 'other']) s.create(T.namespace, { metadata: { name: ns } });
    s.create(T.gameDeployment, gd(`${name}-game-1`, '1'));
    s.create(T.gameDeployment, gd(`${name}-db-1`, '1'));
    s.create(T.pod, pod(`${name}-game-1-0`, 'games', `${name}-game-1`));
    s.create(T.pod, pod(`${name}-db-1-0`, 'games', `${name}-db-1`));
    s.create(T.pod, pod(`${name}-x-0`, 'other', 'x'));
    sims.push(await startSimCluster({ name, store: s }));
  }
  fleet = new Fleet(
    sims.map((s) => ({ name: s.name, client: clientFor(s), info: { name: s.name, server: s.url, user: 'admin', state: 'connecting' } })),
  );
  store = new FleetStore(fleet, SPECS, deriveSnapshot(OPTS), { intervalMs: 50 });
  store.start();
  await store.waitForSync(10_000);
});
afterAll(async () => {
  fleet?.close();
  await store?.stop();
  await Promise.all(sims.map((s) => s.close()));
});

const wl = (s: Snapshot) => s.workloads.map((w) => `${w.cluster}/${w.name}`).sort();

describe('FleetStore', () => {
  it('lists every cluster: rows, zones, synced, then ready once its watches are open', async () => {
    let s = store.snapshot();
    expect(wl(s)).toEqual(['east/east-db-1', 'east/east-game-1', 'west/west-db-1', 'west/west-game-1']);
    expect(s.zones.map((z) => `${z.cluster}/${z.zoneId}:${z.servicesReady}/${z.servicesTotal}`)).toEqual(['east/1:2/2', 'west/1:2/2']);
    expect(s.synced).toEqual({ east: true, west: true });
    await until(() => store.snapshot().clusters.every((c) => c.state === 'ready'));
    s = store.snapshot();
    expect(s.clusters.map((c) => `${c.name}:${c.state}`)).toEqual(['east:ready', 'west:ready']);
    expect(s.pods).toEqual([]); // pods only for a focus
    expect(store.clusterErrors()).toEqual([]);
  });

  it('hands out the same snapshot until something changes', () => {
    const a = store.snapshot();
    expect(store.snapshot()).toBe(a);
  });

  it('publishes a write, coalescing a burst into a few snapshots at most one per interval', async () => {
    const got: Snapshot[] = [];
    const stamps: number[] = [];
    const off = store.subscribe((s) => {
      got.push(s);
      stamps.push(Date.now());
    });
    try {
      const sim = sims[0]!.store;
      for (let i = 0; i < 40; i++)
        sim.mutate(T.gameDeployment, 'games', 'east-game-1', (o) => ({
          ...o,
          metadata: { ...o.metadata, labels: { ...o.metadata.labels, n: String(i) } },
        }));
      await until(() => got.at(-1)?.workloads.find((w) => w.name === 'east-game-1')?.labels['n'] === '39');
      expect(got.length).toBeLessThan(20);
      for (let i = 1; i < stamps.length; i++) expect(stamps[i]! - stamps[i - 1]!).toBeGreaterThanOrEqual(45);
      const seqs = got.map((s) => s.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      // The other cluster's rows are the same objects from snapshot to snapshot.
      const first = got[0]!.workloads.find((w) => w.name === 'west-game-1');
      expect(got.at(-1)!.workloads.find((w) => w.name === 'west-game-1')).toBe(first);
    } finally {
      off();
    }
  });

  it('a deleted workload leaves its zone; a new zone appears', async () => {
    const sim = sims[1]!.store;
    sim.delete(T.gameDeployment, 'games', 'west-db-1');
    sim.create(T.gameDeployment, gd('west-chat-1', '2'));
    await until(() => wl(store.snapshot()).includes('west/west-chat-1') && !wl(store.snapshot()).includes('west/west-db-1'));
    const zones = store.snapshot().zones.map((z) => `${z.cluster}/${z.zoneId}:${z.servicesTotal}`);
    expect(zones).toEqual(['east/1:2', 'west/1:1', 'west/2:1']);
  });

  it('watches pods only for the focus it is given, and drops them when the focus moves', async () => {
    store.focusPods([{ cluster: 'east', namespace: 'games', labelSelector: 'app=east-game-1' }]);
    await until(() => store.snapshot().pods.length === 1);
    expect(store.snapshot().pods.map((p) => `${p.cluster}/${p.name}`)).toEqual(['east/east-game-1-0']);
    store.focusPods([
      { cluster: 'west', namespace: 'games' },
      { cluster: 'east', namespace: 'other' },
    ]);
    await until(() => store.snapshot().pods.length === 3);
    expect(
      store
        .snapshot()
        .pods.map((p) => `${p.cluster}/${p.name}`)
        .sort(),
    ).toEqual(['east/east-x-0', 'west/west-db-1-0', 'west/west-game-1-0']);
    // A pod created in focus arrives by watch.
    sims[1]!.store.create(T.pod, pod('west-chat-1-0', 'games', 'west-chat-1'));
    await until(() => store.snapshot().pods.length === 4);
    store.focusPods(undefined);
    await until(() => store.snapshot().pods.length === 0);
  });
});
