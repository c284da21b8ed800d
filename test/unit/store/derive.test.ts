// The store's derivation: raw objects -> zones, workloads (hook runs joined, rollouts linked), hook
// runs, pods, federated objects. Whatever it reuses between snapshots, each snapshot must equal a
// derivation from scratch of the same objects (same rows, same order); the checks below hold that on
// the real-cluster fixtures and on the demo world's own event stream as its stories roll out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { type KnownKind, kindsToWatch, knownKindOf } from '../../../source/kinds/registry.js';
import type { View } from '../../../source/kinds/spec.js';
import type { KubeObject, ResourceType } from '../../../source/kube/object.js';
import type { ClusterInfo } from '../../../source/model/types.js';
import { buildDemoWorld, type DemoWorld } from '../../../source/sim/world.js';
import { deriveSnapshot } from '../../../source/store/derive.js';
import { ObjectCache } from '../../../source/store/object-cache.js';

const OPTS = { zoneLabel: 'zonectl.io/zone', gameZone: { group: 'apps.example.com', version: 'v1alpha1' } };
const VIEWS: View[] = ['zones', 'rollouts', 'hotupdate', 'federation', 'pods'];
const WATCHED = kindsToWatch({ views: VIEWS, gameZone: OPTS.gameZone });
const typeOf = (o: KubeObject): ResourceType | undefined => {
  const k = knownKindOf(o.apiVersion, o.kind, OPTS.gameZone);
  return WATCHED.find((w) => w.kind === k)?.type;
};
const clustersOf = (names: string[]): ClusterInfo[] => names.map((name) => ({ name, server: '', user: '', state: 'ready' }));

/** A derivation with no history: the oracle every reused snapshot is held to. */
const fresh = (cache: ObjectCache, clusters: ClusterInfo[]) => deriveSnapshot(OPTS)(cache, clusters);

function fixtureCache(): {
  cache: ObjectCache;
  clusters: ClusterInfo[];
  objects: Array<{ cluster: string; t: ResourceType; o: KubeObject }>;
} {
  const dir = join(import.meta.dirname, '../../fixtures/objects');
  const cache = new ObjectCache();
  const objects: Array<{ cluster: string; t: ResourceType; o: KubeObject }> = [];
  let uid = 0;
  for (const cluster of ['real-a', 'real-b', 'real-c']) {
    const text = (readFileSync(join(dir, 'common.yaml'), 'utf8') + '\n---\n' + readFileSync(join(dir, `${cluster}.yaml`), 'utf8'))
      .replace(/\{\{server:[^}]+\}\}/g, 'https://127.0.0.1:6443')
      .replace(/\{\{caBundle:[^}]+\}\}/g, '')
      .replace(/\{\{ago:(\d+)([smh])\}\}/g, (_, n: string, u: string) =>
        new Date(Date.parse('2026-01-01T12:00:00Z') - Number(n) * { s: 1e3, m: 6e4, h: 36e5 }[u]!).toISOString(),
      );
    for (const doc of parseAllDocuments(text)) {
      const o = doc.toJS() as KubeObject | null;
      const t = o && typeOf(o);
      if (!o || !t) continue;
      o.metadata = { ...o.metadata, uid: `u${++uid}`, resourceVersion: '1' };
      cache.apply(cluster, t, 'ADDED', o);
      objects.push({ cluster, t, o });
    }
  }
  return { cache, clusters: clustersOf(['real-a', 'real-b', 'real-c']), objects };
}

const touch = (o: KubeObject, patch: (o: KubeObject) => KubeObject = (x) => x): KubeObject => {
  const n = patch(o);
  return { ...n, metadata: { ...n.metadata, resourceVersion: String(Number(o.metadata.resourceVersion ?? 0) + 1) } };
};

describe('deriveSnapshot on the real-cluster fixtures', () => {
  it('derives zones, workloads, hook runs and linked rollouts', () => {
    const { cache, clusters } = fixtureCache();
    const s = deriveSnapshot(OPTS)(cache, clusters);
    expect(s.zones.map((z) => `${z.cluster}/${z.zoneId}`)).toEqual(
      expect.arrayContaining(['real-a/101', 'real-a/102', 'real-b/201', 'real-b/202', 'real-c/301']),
    );
    // Zones sort by cluster, then zone id.
    const order = s.zones.map((z) => `${z.cluster}/${z.zoneId}`);
    expect(order).toEqual([...order].sort((a, b) => a.localeCompare(b, undefined, { numeric: true })));
    expect(s.hookRuns.length).toBeGreaterThan(0);
    // An Argo Rollout's target carries its rolloutRef; the rollout itself is not one of the zone's services.
    const rollouts = s.workloads.filter((w) => w.workloadRef);
    expect(rollouts.length).toBeGreaterThan(0);
    for (const r of rollouts) {
      const target = s.workloads.find((w) => w.cluster === r.cluster && w.namespace === r.namespace && w.name === r.workloadRef!.name);
      if (target) expect(target.rolloutRef).toEqual({ kind: r.kind, name: r.name });
    }
    for (const z of s.zones)
      for (const svc of z.services) expect(rollouts.some((r) => r.name === svc.workload && r.cluster === z.cluster)).toBe(false);
  });

  it('reuses the row of an object that did not change, and re-reads one that did', () => {
    const { cache, clusters, objects } = fixtureCache();
    const derive = deriveSnapshot(OPTS);
    const a = derive(cache, clusters);
    const b = derive(cache, clusters);
    expect(b).toEqual(a);
    const w = objects.find((x) => x.o.kind === 'GameDeployment')!;
    const changed = touch(w.o, (o) => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, touched: 'yes' } } }));
    cache.apply(w.cluster, w.t, 'MODIFIED', changed);
    const c = derive(cache, clusters);
    const row = c.workloads.find((x) => x.uid === changed.metadata.uid)!;
    expect(row.labels['touched']).toBe('yes');
    expect(row).not.toBe(b.workloads.find((x) => x.uid === changed.metadata.uid));
    // A workload of another cluster (no hook run of its own changed) is the same object.
    const other = b.workloads.find((x) => x.cluster !== w.cluster && !x.rolloutRef && !x.workloadRef)!;
    expect(c.workloads.find((x) => x.uid === other.uid)).toBe(other);
    expect(c).toEqual(fresh(cache, clusters));
  });

  it('a hook run change reaches the workload row whose step it runs', () => {
    const { cache, clusters, objects } = fixtureCache();
    const derive = deriveSnapshot(OPTS);
    const before = derive(cache, clusters);
    const joined = before.workloads.find((w) => w.rollout.hookRunName && before.hookRuns.some((h) => h.name === w.rollout.hookRunName));
    expect(joined).toBeDefined();
    const hr = objects.find(
      (x) => x.o.kind === 'HookRun' && x.o.metadata.name === joined!.rollout.hookRunName && x.cluster === joined!.cluster,
    )!;
    const next = touch(hr.o, (o) => ({ ...o, status: { ...(o.status as object), phase: 'Failed' } }));
    cache.apply(hr.cluster, hr.t, 'MODIFIED', next);
    const after = derive(cache, clusters);
    expect(after.workloads.find((w) => w.uid === joined!.uid)!.rollout.hookPhase).toBe('Failed');
    expect(after).toEqual(fresh(cache, clusters));
  });

  it('deletes, adds, moves between zones and drops a cluster like a derivation from scratch', () => {
    const { cache, clusters, objects } = fixtureCache();
    const derive = deriveSnapshot(OPTS);
    derive(cache, clusters);
    const steps: Array<() => void> = [];
    const ws = objects.filter((x) => x.o.kind === 'GameDeployment' || x.o.kind === 'GameStatefulSet');
    // Move a workload to another zone, then to a zone that only it has (a label zone).
    steps.push(() => {
      const w = ws[0]!;
      w.o = touch(w.o, (o) => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, 'zonectl.io/zone': '202' } } }));
      cache.apply(w.cluster, w.t, 'MODIFIED', w.o);
    });
    steps.push(() => {
      const w = ws[0]!;
      w.o = touch(w.o, (o) => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, 'zonectl.io/zone': '999' } } }));
      cache.apply(w.cluster, w.t, 'MODIFIED', w.o);
    });
    // Delete a workload, add a copy under a new name.
    steps.push(() => cache.apply(ws[1]!.cluster, ws[1]!.t, 'DELETED', ws[1]!.o));
    steps.push(() => {
      const w = ws[2]!;
      cache.apply(w.cluster, w.t, 'ADDED', { ...w.o, metadata: { ...w.o.metadata, name: `${w.o.metadata.name}-copy`, uid: 'copy-1' } });
    });
    // Delete a GameZone: its workloads fall back to a label zone.
    steps.push(() => {
      const gz = objects.find((x) => x.o.kind === 'GameZone')!;
      cache.apply(gz.cluster, gz.t, 'DELETED', gz.o);
    });
    const AGAIN = steps.length;
    // An Argo Rollout's target made again under its name (a new uid) before the old one goes, in one batch:
    // two rows share its link key for a moment, and the one left stays linked.
    steps.push(() => {
      const r = objects.find((x) => x.o.kind === 'Rollout')!;
      const ref = (r.o.spec as { workloadRef: { kind: string; name: string } }).workloadRef;
      const target = objects.find((x) => x.cluster === r.cluster && x.o.kind === ref.kind && x.o.metadata.name === ref.name)!;
      cache.apply(target.cluster, target.t, 'ADDED', { ...target.o, metadata: { ...target.o.metadata, uid: 'again-1' } });
      cache.apply(target.cluster, target.t, 'DELETED', target.o);
    });
    // Delete an Argo Rollout: its target is no longer linked.
    steps.push(() => {
      const r = objects.find((x) => x.o.kind === 'Rollout')!;
      cache.apply(r.cluster, r.t, 'DELETED', r.o);
    });
    // Every hook run of a cluster goes (a relist that found none).
    steps.push(() => {
      const hr = objects.find((x) => x.o.kind === 'HookRun')!;
      cache.replace(hr.cluster, hr.t, []);
    });
    // A whole cluster's workloads listed again, unchanged.
    steps.push(() => {
      for (const t of new Set(ws.filter((w) => w.cluster === 'real-b').map((w) => w.t)))
        cache.replace('real-b', t, [...cache.bucket('real-b', t).values()]);
    });
    steps.push(() => cache.dropCluster('real-c'));
    for (const [i, step] of steps.entries()) {
      step();
      const s = derive(cache, clusters);
      expect(s, `after step ${i}`).toEqual(fresh(cache, clusters));
      // The target made again is linked (fresh links it too: the step tests what it says).
      if (i === AGAIN) expect(s.workloads.find((w) => w.uid === 'again-1')!.rolloutRef).toBeDefined();
    }
  });
});

describe('deriveSnapshot, incremental', () => {
  it('keeps the zones and rows that did not change as the same objects', () => {
    const { cache, clusters, objects } = fixtureCache();
    const derive = deriveSnapshot(OPTS);
    const a = derive(cache, clusters);
    const w = objects.find((x) => x.cluster === 'real-b' && x.o.kind === 'GameDeployment')!;
    cache.apply(w.cluster, w.t, 'MODIFIED', touch(w.o));
    const b = derive(cache, clusters);
    const zoneOf = b.workloads.find((x) => x.uid === w.o.metadata.uid)!.zone;
    for (const z of b.zones) {
      const was = a.zones.find((x) => x.cluster === z.cluster && x.zoneId === z.zoneId && x.namespace === z.namespace);
      if (z.cluster !== 'real-b' || z.zoneId !== zoneOf) expect(z).toBe(was);
    }
    expect(b.hookRuns).toBe(a.hookRuns);
    expect(b.pods).toBe(a.pods);
    // Nothing changed at all: the same lists.
    const c = derive(cache, clusters);
    expect(c.zones).toBe(b.zones);
    expect(c.workloads).toBe(b.workloads);
  });

  it('a workload change its zone does not show keeps that zone (and the zone list) as it was; one it shows does not', () => {
    const { cache, clusters, objects } = fixtureCache();
    const derive = deriveSnapshot(OPTS);
    const a = derive(cache, clusters);
    const w = objects.find((x) => x.cluster === 'real-b' && x.o.kind === 'GameDeployment' && x.o.metadata.labels?.['zonectl.io/zone'])!;
    // A label no zone cell reads and a new resourceVersion: the workload row is new, its zone is not.
    w.o = touch(w.o, (o) => ({ ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, heartbeat: '1' } } }));
    cache.apply(w.cluster, w.t, 'MODIFIED', w.o);
    const b = derive(cache, clusters);
    expect(b.workloads).not.toBe(a.workloads);
    expect(b.zones).toBe(a.zones);
    expect(b).toEqual(fresh(cache, clusters));
    // Its image changes: the zone's services say so, a new zone object in a new list, equal to one from scratch.
    w.o = touch(w.o, (o) => {
      const spec = structuredClone(o.spec) as { template: { spec: { containers: Array<{ image: string }> } } };
      spec.template.spec.containers[0]!.image = 'registry.example.com/game:9.9.9';
      return { ...o, spec };
    });
    cache.apply(w.cluster, w.t, 'MODIFIED', w.o);
    const c = derive(cache, clusters);
    expect(c.zones).not.toBe(b.zones);
    const zone = c.workloads.find((x) => x.uid === w.o.metadata.uid)!.zone;
    const changed = c.zones.filter((z, i) => z !== b.zones[i]);
    expect(changed.map((z) => `${z.cluster}/${z.zoneId}`)).toEqual([`real-b/${zone}`]);
    expect(c).toEqual(fresh(cache, clusters));
  });

  it('random changes: every snapshot equals a derivation from scratch', () => {
    const { cache, clusters, objects } = fixtureCache();
    const derive = deriveSnapshot(OPTS);
    let seed = 42;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const live = objects.map((x) => ({ ...x, gone: false }));
    // '01', '1' and '001' are equal to the numeric collation: the order must still be total.
    const zones = ['101', '102', '201', '202', '301', '999', '01', '1', '001'];
    for (let i = 0; i < 400; i++) {
      const x = live[rnd(live.length)]!;
      const op = rnd(10);
      if (op < 5 || x.gone) {
        // Modify (zone label moves now and then), or bring a deleted object back.
        const relabel = rnd(3) === 0;
        x.o = touch(x.o, (o) =>
          relabel
            ? { ...o, metadata: { ...o.metadata, labels: { ...o.metadata.labels, 'zonectl.io/zone': zones[rnd(zones.length)]! } } }
            : o,
        );
        cache.apply(x.cluster, x.t, x.gone ? 'ADDED' : 'MODIFIED', x.o);
        x.gone = false;
      } else if (op < 7) {
        cache.apply(x.cluster, x.t, 'DELETED', x.o);
        x.gone = true;
      } else if (op < 8) {
        // A relist of the object's bucket, in another order.
        cache.replace(x.cluster, x.t, [...cache.bucket(x.cluster, x.t).values()].reverse());
      } else {
        // A copy under a new name (a new object at the end of its bucket).
        const copy = { ...x.o, metadata: { ...x.o.metadata, name: `${x.o.metadata.name}-${i}`, uid: `copy-${i}` } };
        cache.apply(x.cluster, x.t, 'ADDED', copy);
        live.push({ cluster: x.cluster, t: x.t, o: copy, gone: false });
      }
      if (rnd(3) === 0 || i === 399) expect(derive(cache, clusters), `after change ${i}`).toEqual(fresh(cache, clusters));
    }
  });
});

describe('deriveSnapshot on the demo world as it runs', () => {
  let world: DemoWorld | undefined;
  afterEach(() => world?.stop());

  it('every snapshot equals a derivation from scratch while the stories roll out', () => {
    world = buildDemoWorld({ seed: 7, clusters: ['shanghai', 'nanjing'], zonesPerCluster: 3, podsPerService: 2 });
    const cache = new ObjectCache();
    // The cache is fed the way the store feeds it: a list, then every change in order.
    for (const [cluster, store] of world.stores)
      for (const { type } of WATCHED) {
        if (!store.info(type)) continue;
        cache.replace(cluster, type, store.list(type).items);
        store.subscribe(type, (e) => cache.apply(cluster, type, e.type, e.object));
      }
    const clusters = clustersOf(world.clusters);
    const derive = deriveSnapshot(OPTS);
    const kinds = new Set<KnownKind>();
    let paused = 0;
    for (let i = 0; i < 12; i++) {
      world.advance(5_000, 1_000);
      const s = derive(cache, clusters);
      expect(s, `after ${(i + 1) * 5} s`).toEqual(fresh(cache, clusters));
      for (const w of s.workloads) kinds.add(w.kind as KnownKind);
      paused = Math.max(paused, s.workloads.filter((w) => w.rollout.phase === 'paused').length);
      expect(s.zones).toHaveLength(6); // 3 zones per member cluster
    }
    expect(paused).toBeGreaterThan(0);
    expect([...kinds]).toEqual(expect.arrayContaining(['GameDeployment', 'GameStatefulSet']));
  });
});
