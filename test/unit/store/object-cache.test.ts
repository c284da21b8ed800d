// The store's raw object cache: per cluster and type, keyed by uid (namespace/name without one), with
// a version per (cluster, type) that every change bumps.
import { describe, expect, it } from 'vitest';
import { typeKey } from '../../../source/kube/discovery.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { KINDS } from '../../../source/kinds/registry.js';
import { ObjectCache } from '../../../source/store/object-cache.js';

const GD = KINDS.GameDeployment;
const HR = KINDS.HookRun;
const gd = (name: string, rv = '1', uid: string | null = `uid-${name}`): KubeObject => ({
  apiVersion: 'tkex.tencent.com/v1alpha1',
  kind: 'GameDeployment',
  metadata: { name, namespace: 'games', resourceVersion: rv, ...(uid ? { uid } : {}) },
});
const names = (c: ObjectCache, t = GD) =>
  [...c.all(t)].map(({ cluster, obj }) => `${cluster}/${obj.metadata.name}@${obj.metadata.resourceVersion}`);

describe('ObjectCache', () => {
  it('keeps objects without managedFields, and leaves the object it was given untouched', () => {
    const c = new ObjectCache();
    const managed = [{ manager: 'kubectl', operation: 'Update', fieldsV1: { 'f:spec': {} } }];
    const withFields = { ...gd('x'), metadata: { ...gd('x').metadata, managedFields: managed }, spec: { replicas: 2 } };
    c.replace('a', GD, [withFields]);
    c.apply('a', GD, 'ADDED', { ...gd('y'), metadata: { ...gd('y').metadata, managedFields: managed } });
    const kept = [...c.all(GD)].map(({ obj }) => obj);
    expect(kept.map((o) => o.metadata.managedFields)).toEqual([undefined, undefined]);
    expect(kept[0]).toEqual({ ...gd('x'), spec: { replicas: 2 } });
    expect(withFields.metadata.managedFields).toBe(managed); // shared with other users of the watch
    const plain = gd('z');
    c.apply('a', GD, 'ADDED', plain);
    expect([...c.all(GD)].at(-1)!.obj).toBe(plain); // nothing to trim: no copy
  });

  it('replace sets a bucket; apply adds, modifies in place and deletes', () => {
    const c = new ObjectCache();
    c.replace('a', GD, [gd('x'), gd('y')]);
    expect(names(c)).toEqual(['a/x@1', 'a/y@1']);
    c.apply('a', GD, 'MODIFIED', gd('x', '2'));
    c.apply('a', GD, 'ADDED', gd('z'));
    // A modified object keeps its place; a new one goes last.
    expect(names(c)).toEqual(['a/x@2', 'a/y@1', 'a/z@1']);
    c.apply('a', GD, 'DELETED', gd('y', '3'));
    expect(names(c)).toEqual(['a/x@2', 'a/z@1']);
    c.replace('a', GD, [gd('w')]);
    expect(names(c)).toEqual(['a/w@1']);
  });

  it('keys by uid, and by namespace/name when an object has none', () => {
    const c = new ObjectCache();
    c.apply('a', GD, 'ADDED', gd('x', '1', null));
    c.apply('a', GD, 'MODIFIED', gd('x', '2', null));
    expect(names(c)).toEqual(['a/x@2']);
    expect([...c.bucket('a', GD).keys()]).toEqual(['games/x']);
    // Same name, another uid: another object (deleted and recreated under the same name).
    c.apply('a', GD, 'ADDED', gd('y', '1', 'u1'));
    c.apply('a', GD, 'ADDED', gd('y', '2', 'u2'));
    expect(c.count(GD)).toBe(3);
  });

  it('lists every cluster in the order they were first seen, and counts across clusters', () => {
    const c = new ObjectCache();
    c.replace('b', GD, [gd('b1')]);
    c.replace('a', GD, [gd('a1'), gd('a2')]);
    c.replace('a', HR, []);
    expect(names(c)).toEqual(['b/b1@1', 'a/a1@1', 'a/a2@1']);
    expect(c.count(GD)).toBe(3);
    expect(c.count(typeKey(GD))).toBe(3);
    expect(c.count(HR)).toBe(0);
    expect([...c.all(typeKey(GD))]).toHaveLength(3);
  });

  it('bumps the version of the changed (cluster, type) only', () => {
    const c = new ObjectCache();
    const k = typeKey(GD);
    expect(c.version('a', k)).toBe(0);
    c.replace('a', GD, [gd('x')]);
    c.apply('a', GD, 'MODIFIED', gd('x', '2'));
    c.apply('a', GD, 'DELETED', gd('x', '3'));
    expect(c.version('a', k)).toBe(3);
    expect(c.version('b', k)).toBe(0);
    expect(c.version('a', typeKey(HR))).toBe(0);
    c.apply('b', HR, 'ADDED', gd('h'));
    expect(c.version('b', typeKey(HR))).toBe(1);
    expect(c.version('a', k)).toBe(3);
  });

  it('dropCluster forgets every object of the cluster', () => {
    const c = new ObjectCache();
    c.replace('a', GD, [gd('x')]);
    c.replace('b', GD, [gd('y')]);
    c.dropCluster('a');
    expect(names(c)).toEqual(['b/y@1']);
  });

  it('journals each change in order with its deletes, and forgets the oldest half past 8,192', () => {
    const c = new ObjectCache();
    const journal = () => [...c.journals(typeKey(GD))][0]!.journal;
    c.replace('a', GD, [gd('x'), gd('y')]);
    const v0 = journal().version;
    expect(journal().since(v0)).toEqual([]);
    c.apply('a', GD, 'MODIFIED', gd('x', '2'));
    c.apply('a', GD, 'DELETED', gd('y', '3'));
    c.apply('a', GD, 'ADDED', gd('y', '4'));
    c.apply('a', GD, 'DELETED', gd('x', '5'));
    expect(journal().since(v0)).toEqual([
      { id: 'uid-x', deleted: false },
      { id: 'uid-y', deleted: true },
      { id: 'uid-y', deleted: false },
      { id: 'uid-x', deleted: true },
    ]);
    expect(journal().since(v0 + 2)).toEqual([
      { id: 'uid-y', deleted: false },
      { id: 'uid-x', deleted: true },
    ]);
    // A reader from before the last replace starts over.
    expect(journal().since(v0 - 1)).toBeUndefined();
    // 9,000 more changes, every tenth a delete: past 8,192 the oldest half goes, deletes with it.
    const from = journal().version;
    for (let i = 0; i < 9_000; i++) c.apply('a', GD, i % 10 === 9 ? 'DELETED' : 'ADDED', gd(`n${i % 50}`, String(i)));
    expect(journal().since(v0)).toBeUndefined();
    const last = journal().version;
    const tail = journal().since(last - 20)!;
    expect(tail).toHaveLength(20);
    tail.forEach((e, k) => {
      const i = 9_000 - 20 + k;
      expect(e).toEqual({ id: `uid-n${i % 50}`, deleted: i % 10 === 9 });
    });
    expect(journal().since(from)).toBeUndefined();
    expect(journal().since(last)).toEqual([]);
  });

  it('keeps the first uid string of an object for its later versions, the object equal to what was given', () => {
    const c = new ObjectCache();
    c.apply('a', GD, 'ADDED', gd('x'));
    const next = gd('x', '2', ['uid', 'x'].join('-')); // an equal uid, decoded again
    c.apply('a', GD, 'MODIFIED', next);
    expect(c.bucket('a', GD).get('uid-x')).toBe(next);
    expect(next).toEqual(gd('x', '2'));
    // A frozen object is kept as it is.
    const frozen = Object.freeze({ ...gd('x', '3'), metadata: Object.freeze({ ...gd('x', '3').metadata }) });
    c.apply('a', GD, 'MODIFIED', frozen);
    expect(c.bucket('a', GD).get('uid-x')).toBe(frozen);
  });
});
