// metadata.managedFields written by the simulator as the apiserver does (one entry per manager, operation and
// subresource; FieldsV1 of the fields each set), shared between objects written alike, and dropped again by
// the console's object cache.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { T as K } from '../../source/sim/controllers/kinds.js';
import { buildDemoWorld, type DemoWorld } from '../../source/sim/world.js';
import { ObjectCache } from '../../source/store/object-cache.js';
import { startFixture, type Fixture } from './server-helpers.js';

let f: Fixture;
let world: DemoWorld;
beforeAll(async () => {
  f = await startFixture();
  world = buildDemoWorld({ zonesPerCluster: 2 });
  world.advance(10_000);
});
afterAll(async () => {
  await f.sim.close();
  world.stop();
});

const CMS = '/api/v1/namespaces/game/configmaps';
const GD = '/apis/tkex.tencent.com/v1alpha1/namespaces/game/gamedeployments';
const json = (body: unknown, ctype = 'application/json') => ({ body: JSON.stringify(body), headers: { 'Content-Type': ctype } });
const managers = (o: any) => (o.metadata.managedFields as any[]).map((e) => [e.manager, e.operation, e.subresource ?? '']);

describe('managedFields', () => {
  it('a created object: its writer (fieldManager) owns the fields it set, in FieldsV1, without the system fields', async () => {
    const r = await f.call(`${CMS}?fieldManager=deployer`, {
      method: 'POST',
      ...json({ metadata: { name: 'cfg', labels: { app: 'game' }, finalizers: ['x.io/keep'] }, data: { a: '1', b: '2' } }),
    });
    expect(r.status).toBe(201);
    const [e] = r.body.metadata.managedFields;
    expect(e).toEqual({
      manager: 'deployer',
      operation: 'Update',
      apiVersion: 'v1',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
      fieldsType: 'FieldsV1',
      fieldsV1: {
        'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} }, 'f:finalizers': { 'v:"x.io/keep"': {} } },
        'f:data': { '.': {}, 'f:a': {}, 'f:b': {} },
      },
    });
  });

  it('an update takes the fields it changed from the other managers; the User-Agent names a manager without fieldManager', async () => {
    const r = await f.call(CMS + '/cfg', {
      method: 'PATCH',
      ...json({ data: { b: '3', c: '4' } }, 'application/merge-patch+json'),
      headers: { 'Content-Type': 'application/merge-patch+json', 'User-Agent': 'kubectl/v1.36.3 (linux/amd64)' },
    });
    expect(r.status).toBe(200);
    expect(managers(r.body)).toEqual([
      ['deployer', 'Update', ''],
      ['kubectl', 'Update', ''],
    ]);
    const [deployer, kubectl] = r.body.metadata.managedFields;
    expect(deployer.fieldsV1['f:data']).toEqual({ '.': {}, 'f:a': {} });
    expect(kubectl.fieldsV1).toEqual({ 'f:data': { 'f:b': {}, 'f:c': {} } }); // the map itself stays its creator's
    // a removed field leaves every entry; an entry left with nothing is dropped
    const gone = await f.call(CMS + '/cfg?fieldManager=cleaner', {
      method: 'PATCH',
      ...json({ data: { b: null, c: null } }, 'application/merge-patch+json'),
    });
    expect(managers(gone.body)).toEqual([['deployer', 'Update', '']]);
  });

  it('a client cannot write managedFields; server-side apply records an Apply entry of the applied fields', async () => {
    const cur = (await f.call(CMS + '/cfg')).body;
    const put = await f.call(CMS + '/cfg?fieldManager=editor', {
      method: 'PUT',
      ...json({ ...cur, metadata: { ...cur.metadata, managedFields: [{ manager: 'forged', operation: 'Update' }] } }),
    });
    expect(put.status).toBe(200);
    expect(put.body.metadata.resourceVersion).toBe(cur.metadata.resourceVersion); // nothing changed: no write
    expect(managers(put.body)).toEqual([['deployer', 'Update', '']]);
    const applied = await f.call(GD + '/gd1?fieldManager=argocd-controller', {
      method: 'PATCH',
      body: 'apiVersion: tkex.tencent.com/v1alpha1\nkind: GameDeployment\nmetadata:\n  name: gd1\nspec:\n  replicas: 3\n',
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
    });
    expect(applied.status).toBe(200);
    const apply = (applied.body.metadata.managedFields as any[]).find((e) => e.operation === 'Apply');
    expect(apply).toMatchObject({
      manager: 'argocd-controller',
      apiVersion: 'tkex.tencent.com/v1alpha1',
      fieldsV1: { 'f:spec': { 'f:replicas': {} } },
    });
  });

  it('demo pods: the workload controller owns what it created, the kubelet the status it wrote (status subresource)', () => {
    const store = world.stores.get('shanghai')!;
    const pod = store.list(K.pod).items.find((p) => p.status?.phase === 'Running')!;
    expect(managers(pod).map(([m, , s]) => `${m}${s ? `/${s}` : ''}`)).toEqual([
      expect.stringMatching(/^tkex-game(deployment|statefulset)-controller$/),
      'kubelet/status',
    ]);
    const [ctrl, kubelet] = pod.metadata.managedFields as any[];
    const uid = pod.metadata.ownerReferences![0].uid;
    expect(ctrl.fieldsV1['f:metadata']['f:ownerReferences']).toHaveProperty([`k:{"uid":"${uid}"}`, '.']);
    expect(Object.keys(ctrl.fieldsV1['f:spec']['f:containers'])).toEqual(
      (pod.spec!.containers as any[]).map((c) => `k:${JSON.stringify({ name: c.name })}`),
    );
    expect(kubelet.fieldsV1['f:status']).toHaveProperty('f:phase');
    expect(ctrl.fieldsV1['f:status']?.['f:phase']).toBeUndefined();
  });

  it('objects written alike share their field sets (memory grows by shapes, not by objects)', () => {
    const store = world.stores.get('shanghai')!;
    const pods = store.list(K.pod).items.filter((p) => p.metadata.ownerReferences?.[0]?.uid);
    const byOwner = new Map<string, any[]>();
    for (const p of pods) byOwner.set(p.metadata.ownerReferences![0].uid, [...(byOwner.get(p.metadata.ownerReferences![0].uid) ?? []), p]);
    const siblings = [...byOwner.values()].find((ps) => ps.length > 1)!;
    const sets = siblings.map((p) => (p.metadata.managedFields as any[])[0].fieldsV1['f:spec']);
    expect(new Set(sets).size).toBe(1);
    expect(Object.isFrozen(sets[0])).toBe(true);
  });

  it('the console object cache keeps the simulator objects without managedFields', () => {
    const store = world.stores.get('shanghai')!;
    const items = store.list(K.gameDeployment).items;
    expect(items.every((o) => Array.isArray(o.metadata.managedFields) && o.metadata.managedFields.length > 0)).toBe(true);
    const cache = new ObjectCache();
    cache.replace('shanghai', KINDS.GameDeployment, items);
    const kept = [...cache.all(KINDS.GameDeployment)].map(({ obj }) => obj);
    expect(kept).toHaveLength(items.length);
    for (const o of kept) expect(o.metadata).not.toHaveProperty('managedFields');
    expect(kept[0].spec).toBe(items[0].spec); // a shallow trim: the rest is the watch's own object
  });
});
