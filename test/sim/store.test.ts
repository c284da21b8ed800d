import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../source/sim/store.js';
import { StoreError, type StoreEvent } from '../../source/sim/store-api.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';

const NS: ResourceType = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };
const POD: ResourceType = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true };
const CM: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
const GD: ResourceType = {
  group: 'tkex.tencent.com',
  version: 'v1alpha1',
  resource: 'gamedeployments',
  kind: 'GameDeployment',
  namespaced: true,
};

function store(opts = {}): MemoryStore {
  const s = new MemoryStore('c1', opts);
  s.create(NS, { metadata: { name: 'game' } });
  s.create(NS, { metadata: { name: 'other' } });
  return s;
}

function pod(name: string, labels: Record<string, string> = {}, ns = 'game', extra: Partial<KubeObject> = {}): KubeObject {
  return {
    metadata: { name, namespace: ns, labels },
    spec: { nodeName: 'n1', containers: [{ name: 'c', image: 'i:1' }] },
    status: { phase: 'Running' },
    ...extra,
  };
}

function storeErr(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (e) {
    if (e instanceof StoreError) return e;
    throw e;
  }
  throw new Error('expected a StoreError');
}

describe('MemoryStore writes', () => {
  it('create sets uid, resourceVersion, generation, creationTimestamp, apiVersion/kind; rejects duplicates', () => {
    const s = store();
    const rv0 = s.resourceVersion();
    const p = s.create(POD, pod('a'));
    expect(p.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(p.metadata.resourceVersion).toBe(String(rv0 + 1));
    expect(p.metadata.generation).toBe(1);
    expect(p.metadata.creationTimestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(p.apiVersion).toBe('v1');
    expect(p.kind).toBe('Pod');
    const e = storeErr(() => s.create(POD, pod('a')));
    expect([e.code, e.reason, e.message]).toEqual([409, 'AlreadyExists', 'pods "a" already exists']);
    const gd = storeErr(() => {
      s.create(GD, { metadata: { name: 'x', namespace: 'game' } });
      s.create(GD, { metadata: { name: 'x', namespace: 'game' } });
    });
    expect(gd.message).toBe('gamedeployments.tkex.tencent.com "x" already exists');
  });

  it('requires the namespace to exist and names to be valid; supports generateName', () => {
    const s = store();
    const e = storeErr(() => s.create(POD, pod('a', {}, 'nope')));
    expect([e.code, e.message]).toEqual([404, 'namespaces "nope" not found']);
    expect(storeErr(() => s.create(POD, pod('Bad_Name'))).code).toBe(422);
    const g = s.create(POD, { metadata: { generateName: 'web-', namespace: 'game' } });
    expect(g.metadata.name).toMatch(/^web-[a-z0-9]{5}$/);
  });

  it('stored objects are frozen; nested input objects are kept (frozen); versions share unchanged subtrees', () => {
    const s = store();
    const input = pod('a');
    const p = s.create(POD, input);
    expect(p).not.toBe(input);
    expect(p.spec).toBe(input.spec);
    expect(() => {
      (p.metadata.labels as Record<string, string>).y = '1';
    }).toThrow(TypeError);
    expect(() => {
      input.spec.nodeName = 'changed';
    }).toThrow(TypeError);
    const next = s.mutate(
      POD,
      'game',
      'a',
      (o) => {
        o.status.phase = 'Failed';
        return o;
      },
      { subresource: 'status' },
    )!;
    expect(next.spec).toBe(p.spec);
    expect(next.metadata.labels).toBe(p.metadata.labels);
    expect(next.status.containerStatuses).toBe(p.status.containerStatuses);
    expect(next.status).not.toBe(p.status);
  });

  it('update: stale resourceVersion -> 409 Conflict; generation bumps only on spec change; no-op writes nothing', () => {
    const s = store();
    const p = s.create(GD, { metadata: { name: 'gd', namespace: 'game' }, spec: { replicas: 1 } });
    const u1 = s.update(GD, { ...structuredClone(p), metadata: { ...structuredClone(p.metadata), labels: { a: 'b' } } });
    expect(u1.metadata.generation).toBe(1);
    expect(Number(u1.metadata.resourceVersion)).toBeGreaterThan(Number(p.metadata.resourceVersion));
    const stale = storeErr(() => s.update(GD, { ...structuredClone(p), spec: { replicas: 2 } }));
    expect([stale.code, stale.reason]).toEqual([409, 'Conflict']);
    expect(stale.message).toBe(
      'Operation cannot be fulfilled on gamedeployments.tkex.tencent.com "gd": the object has been modified; please apply your changes to the latest version and try again',
    );
    const u2 = s.update(GD, { ...structuredClone(u1), spec: { replicas: 2 } });
    expect(u2.metadata.generation).toBe(2);
    const rv = s.resourceVersion();
    const same = s.update(GD, structuredClone(u2));
    expect(same).toBe(u2);
    expect(s.resourceVersion()).toBe(rv);
    expect(storeErr(() => s.update(GD, { metadata: { name: 'missing', namespace: 'game' } })).code).toBe(404);
  });

  it('status subresource: /status takes only status; main update keeps stored status', () => {
    const s = store();
    const gd = s.create(GD, { metadata: { name: 'gd', namespace: 'game' }, spec: { replicas: 1 }, status: { replicas: 0 } });
    const st = s.update(GD, { ...structuredClone(gd), spec: { replicas: 9 }, status: { replicas: 1 } }, { subresource: 'status' });
    expect(st.spec).toEqual({ replicas: 1 });
    expect(st.status).toEqual({ replicas: 1 });
    expect(st.metadata.generation).toBe(1);
    const main = s.update(GD, { ...structuredClone(st), spec: { replicas: 3 }, status: { replicas: 42 } });
    expect(main.spec).toEqual({ replicas: 3 });
    expect(main.status).toEqual({ replicas: 1 });
    expect(main.metadata.generation).toBe(2);
    // configmaps have no status subresource: whole object replaced
    const cm = s.create(CM, { metadata: { name: 'c', namespace: 'game' }, data: { a: '1' } });
    expect(s.update(CM, { ...structuredClone(cm), data: { a: '2' } }).data).toEqual({ a: '2' });
  });

  it('mutate hands out a writable copy and retries conflicts; undefined skips', () => {
    const s = store();
    s.create(POD, pod('a'));
    const out = s.mutate(
      POD,
      'game',
      'a',
      (o) => {
        o.status.phase = 'Succeeded';
        return o;
      },
      { subresource: 'status' },
    );
    expect(out!.status.phase).toBe('Succeeded');
    const rv = s.resourceVersion();
    expect(s.mutate(POD, 'game', 'a', () => undefined)).toBeUndefined();
    expect(s.mutate(POD, 'game', 'missing', (o) => o)).toBeUndefined();
    expect(s.resourceVersion()).toBe(rv);
  });

  it('delete cascades to dependents through ownerReferences; Orphan keeps them; finalizers defer deletion', () => {
    const s = store();
    const gd = s.create(GD, { metadata: { name: 'gd', namespace: 'game' } });
    const ref = { apiVersion: gd.apiVersion!, kind: gd.kind!, name: 'gd', uid: gd.metadata.uid!, controller: true };
    const p1 = s.create(POD, { ...pod('p1'), metadata: { name: 'p1', namespace: 'game', ownerReferences: [ref] } });
    s.create(CM, {
      metadata: { name: 'cm1', namespace: 'game', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p1', uid: p1.metadata.uid! }] },
    });
    s.delete(GD, 'game', 'gd');
    expect(s.get(POD, 'game', 'p1')).toBeUndefined();
    expect(s.get(CM, 'game', 'cm1')).toBeUndefined();

    const gd2 = s.create(GD, { metadata: { name: 'gd2', namespace: 'game' } });
    s.create(POD, {
      ...pod('p2'),
      metadata: { name: 'p2', namespace: 'game', ownerReferences: [{ ...ref, name: 'gd2', uid: gd2.metadata.uid! }] },
    });
    s.delete(GD, 'game', 'gd2', { propagationPolicy: 'Orphan' });
    expect(s.get(POD, 'game', 'p2')!.metadata.ownerReferences).toBeUndefined();

    s.create(CM, { metadata: { name: 'fin', namespace: 'game', finalizers: ['x/y'] } });
    const marked = s.delete(CM, 'game', 'fin')!;
    expect(marked.metadata.deletionTimestamp).toBeTruthy();
    expect(s.get(CM, 'game', 'fin')).toBeDefined();
    s.mutate(CM, 'game', 'fin', (o) => ({ ...o, metadata: { ...o.metadata, finalizers: [] } }));
    expect(s.get(CM, 'game', 'fin')).toBeUndefined();
  });

  it('deleting a namespace deletes its contents', () => {
    const s = store();
    s.create(POD, pod('a', {}, 'other'));
    s.create(POD, pod('b'));
    s.delete(NS, undefined, 'other');
    expect(s.list(POD).items.map((p) => p.metadata.name)).toEqual(['b']);
  });
});

describe('MemoryStore reads', () => {
  it('lists with label and field selectors, namespace and stable order', () => {
    const s = store();
    s.create(POD, pod('b', { app: 'web', tier: 'fe' }));
    s.create(POD, pod('a', { app: 'db' }));
    s.create(POD, pod('c', { app: 'web' }, 'other', { status: { phase: 'Pending' } }));
    const names = (sel: { labelSelector?: string; fieldSelector?: string; namespace?: string }) =>
      s.list(POD, sel).items.map((p) => `${p.metadata.namespace}/${p.metadata.name}`);
    expect(names({})).toEqual(['game/a', 'game/b', 'other/c']);
    expect(names({ labelSelector: 'app=web' })).toEqual(['game/b', 'other/c']);
    expect(names({ labelSelector: 'app==web,tier' })).toEqual(['game/b']);
    expect(names({ labelSelector: 'app!=web' })).toEqual(['game/a']);
    expect(names({ labelSelector: 'app in (db, x)' })).toEqual(['game/a']);
    expect(names({ labelSelector: 'app notin (db)' })).toEqual(['game/b', 'other/c']);
    expect(names({ labelSelector: '!tier' })).toEqual(['game/a', 'other/c']);
    expect(names({ namespace: 'game' })).toEqual(['game/a', 'game/b']);
    expect(names({ fieldSelector: 'status.phase=Pending' })).toEqual(['other/c']);
    expect(names({ fieldSelector: 'metadata.name!=a,metadata.namespace=game' })).toEqual(['game/b']);
    expect(names({ fieldSelector: 'spec.nodeName=n1', labelSelector: 'app=db' })).toEqual(['game/a']);
    const bad = storeErr(() => s.list(POD, { fieldSelector: 'spec.foo=x' }));
    expect([bad.code, bad.message]).toEqual([400, 'field label not supported: spec.foo']);
    expect(storeErr(() => s.list(POD, { labelSelector: 'a in b' })).code).toBe(400);
  });

  it('paginates with limit/continue; stale continue -> 410 after compaction', () => {
    const s = store();
    for (let i = 0; i < 7; i++) s.create(POD, pod(`p${i}`));
    const p1 = s.list(POD, { limit: 3 });
    expect(p1.items.map((p) => p.metadata.name)).toEqual(['p0', 'p1', 'p2']);
    expect(p1.remainingItemCount).toBe(4);
    s.create(POD, pod('p01')); // sorts before the continue position: not returned on later pages
    const p2 = s.list(POD, { limit: 3, continue: p1.continue });
    expect(p2.items.map((p) => p.metadata.name)).toEqual(['p3', 'p4', 'p5']);
    expect(p2.resourceVersion).toBe(p1.resourceVersion);
    const p3 = s.list(POD, { limit: 3, continue: p2.continue });
    expect(p3.items.map((p) => p.metadata.name)).toEqual(['p6']);
    expect(p3.continue).toBeUndefined();
    s.compact();
    expect(storeErr(() => s.list(POD, { limit: 3, continue: p1.continue })).code).toBe(410);
    expect(storeErr(() => s.list(POD, { continue: 'garbage' })).code).toBe(400);
  });
});

describe('MemoryStore events', () => {
  it('subscribers see ordered events, including writes made from inside a callback', () => {
    const s = store();
    const seen: string[] = [];
    s.subscribe(POD, (e) => {
      seen.push(`${e.type}:${e.object.metadata.name}:${e.resourceVersion}`);
      if (e.type === 'ADDED' && e.object.metadata.name === 'a') s.create(POD, pod('b'));
    });
    const other: StoreEvent[] = [];
    const off = s.subscribe(CM, (e) => other.push(e));
    s.create(POD, pod('a'));
    const rv = s.resourceVersion();
    expect(seen).toEqual([`ADDED:a:${rv - 1}`, `ADDED:b:${rv}`]);
    expect(other).toEqual([]);
    off();
    s.create(CM, { metadata: { name: 'x', namespace: 'game' } });
    expect(other).toEqual([]);
  });

  it('watch replays history from a resourceVersion and gives 410 when it fell out of the ring', () => {
    const s = store({ historySize: 5 });
    const a = s.create(POD, pod('a'));
    const from = Number(a.metadata.resourceVersion);
    s.mutate(POD, 'game', 'a', (o) => ({ ...o, metadata: { ...o.metadata, labels: { v: '2' } } }));
    const got: string[] = [];
    const stop = s.watch(POD, { resourceVersion: String(from) }, (e) => got.push(`${e.type}:${e.object.metadata.labels?.v}`));
    s.delete(POD, 'game', 'a');
    stop();
    expect(got).toEqual(['MODIFIED:2', 'DELETED:2']);
    for (let i = 0; i < 6; i++) s.create(CM, { metadata: { name: `c${i}`, namespace: 'game' } });
    const e = storeErr(() => s.watch(POD, { resourceVersion: String(from) }, () => {}));
    expect([e.code, e.reason]).toEqual([410, 'Expired']);
    expect(e.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('watch without resourceVersion starts with the current state; selectors turn transitions into ADDED/DELETED', () => {
    const s = store();
    s.create(POD, pod('a', { app: 'web' }));
    s.create(POD, pod('b', { app: 'db' }));
    const got: string[] = [];
    s.watch(POD, { labelSelector: 'app=web' }, (e) => got.push(`${e.type}:${e.object.metadata.name}`));
    s.mutate(POD, 'game', 'b', (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'web' } } }));
    s.mutate(POD, 'game', 'a', (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'db' } } }));
    s.mutate(POD, 'game', 'a', (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'x' } } }));
    expect(got).toEqual(['ADDED:a', 'ADDED:b', 'DELETED:a']);
  });

  it('types and typeFor come from the registry', () => {
    const s = store();
    expect(s.typeFor('tkex.tencent.com/v1alpha1', 'GameStatefulSet')?.resource).toBe('gamestatefulsets');
    expect(s.typeFor('v1', 'Pod')?.namespaced).toBe(true);
    expect(s.types().length).toBeGreaterThan(20);
  });
});
