// The store's per-namespace tables keep etcd's key order ("namespace/name") across namespaces whose
// names prefix each other, page through them with limit/continue, cascade-delete through the owner
// index, and the server streams big unpaged lists with the same bytes as a whole-body response.
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../source/sim/store.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import type { KubeObject } from '../../source/kube/object.js';
import { T } from './server-helpers.js';

const NAMESPACES = ['a', 'a-b', 'a.b', 'ab', 'b', 'zone-1', 'zone-10', 'zone-1-x'];

function filled(perNamespace: number): MemoryStore {
  const s = new MemoryStore('t');
  for (const ns of NAMESPACES) s.create(T.ns, { metadata: { name: ns } });
  for (const ns of [...NAMESPACES].reverse()) {
    for (let i = perNamespace - 1; i >= 0; i--)
      s.create(T.pod, { metadata: { name: `p-${i}`, namespace: ns }, spec: { containers: [{ name: 'c', image: 'i:1' }] } });
  }
  return s;
}

const keyOf = (o: KubeObject) => `${o.metadata.namespace}/${o.metadata.name}`;

describe('store tables at scale', () => {
  it('lists in etcd key order and pages through namespaces with limit/continue', () => {
    const s = filled(7);
    const all = s.list(T.pod).items.map(keyOf);
    expect(all).toHaveLength(NAMESPACES.length * 7);
    expect(all).toEqual([...all].sort()); // byte order of "ns/name", so "a-b/..." < "a.b/..." < "a/..."
    expect(all.indexOf('a-b/p-0')).toBeLessThan(all.indexOf('a/p-0'));
    const paged: string[] = [];
    let cont: string | undefined;
    let pages = 0;
    do {
      const page = s.list(T.pod, { limit: 5, continue: cont });
      paged.push(...page.items.map(keyOf));
      if (page.continue) expect(page.remainingItemCount).toBe(all.length - paged.length);
      cont = page.continue;
      pages++;
    } while (cont);
    expect(paged).toEqual(all);
    expect(pages).toBe(Math.ceil(all.length / 5));
    const one = s.list(T.pod, { namespace: 'zone-1', limit: 4 });
    expect(one.items.map(keyOf)).toEqual(['zone-1/p-0', 'zone-1/p-1', 'zone-1/p-2', 'zone-1/p-3']);
    const rest = s.list(T.pod, { namespace: 'zone-1', continue: one.continue });
    expect(rest.items.map(keyOf)).toEqual(['zone-1/p-4', 'zone-1/p-5', 'zone-1/p-6']);
    expect(s.list(T.pod, { namespace: 'nope' }).items).toEqual([]);
  });

  it('a watch without resourceVersion starts with every object in key order', () => {
    const s = filled(3);
    const seen: string[] = [];
    const stop = s.watch(T.pod, {}, (e) => seen.push(`${e.type} ${keyOf(e.object)}`));
    stop();
    expect(seen).toEqual(s.list(T.pod).items.map((o) => `ADDED ${keyOf(o)}`));
  });

  it('deleting a namespace or an owner removes what it holds or owns', () => {
    const s = filled(4);
    const owner = s.create(T.gd, { metadata: { name: 'gd', namespace: 'ab' }, spec: { replicas: 1 } });
    const ref = { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment', name: 'gd', uid: owner.metadata.uid!, controller: true };
    s.create(T.pod, { metadata: { name: 'owned', namespace: 'ab', ownerReferences: [ref] } });
    s.create(T.pod, { metadata: { name: 'kept', namespace: 'ab', ownerReferences: [ref] } });
    s.delete(T.gd, 'ab', 'gd', { propagationPolicy: 'Orphan' });
    expect(s.get(T.pod, 'ab', 'kept')?.metadata.ownerReferences).toBeUndefined();
    expect(s.get(T.pod, 'ab', 'owned')?.metadata.ownerReferences).toBeUndefined();
    const owner2 = s.create(T.gd, { metadata: { name: 'gd2', namespace: 'ab' }, spec: { replicas: 1 } });
    s.create(T.pod, { metadata: { name: 'gone', namespace: 'ab', ownerReferences: [{ ...ref, name: 'gd2', uid: owner2.metadata.uid! }] } });
    s.delete(T.gd, 'ab', 'gd2');
    expect(s.get(T.pod, 'ab', 'gone')).toBeUndefined();
    s.delete(T.ns, undefined, 'zone-1');
    expect(s.list(T.pod, { namespace: 'zone-1' }).items).toEqual([]);
    expect(s.list(T.pod, { namespace: 'zone-10' }).items).toHaveLength(4);
  });
});

describe('big lists over HTTP', () => {
  let sim: SimCluster | undefined;
  afterAll(async () => {
    await sim?.close();
  });

  it('streams an unpaged list of 2,400 pods with the bytes of JSON.stringify, and pages like etcd', async () => {
    const store = filled(300);
    sim = await startSimCluster({ name: 't', store });
    const get = async (path: string) => {
      const res = await fetch(sim!.url + path, { headers: { Authorization: `Bearer ${sim!.tokens.admin}` } });
      return { status: res.status, text: await res.text() };
    };
    const whole = await get('/api/v1/pods');
    expect(whole.status).toBe(200);
    const items = store.list(T.pod).items;
    const expected = JSON.stringify({
      kind: 'PodList',
      apiVersion: 'v1',
      metadata: { resourceVersion: String(store.resourceVersion()) },
      items,
    });
    expect(whole.text).toBe(expected);
    const page = JSON.parse((await get('/api/v1/pods?limit=500')).text);
    expect(page.items.map(keyOf)).toEqual(items.slice(0, 500).map(keyOf));
    expect(page.metadata.remainingItemCount).toBe(items.length - 500);
    const inNs = JSON.parse((await get('/api/v1/namespaces/a-b/pods')).text);
    expect(inNs.items.map(keyOf)).toEqual(items.filter((o) => o.metadata.namespace === 'a-b').map(keyOf));
  });
});
