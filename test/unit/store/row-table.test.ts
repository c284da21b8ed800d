// A type's rows across clusters kept from the cache's journals (store/row-table.ts): only changed
// objects are read again, unchanged rows and unchanged clusters' lists stay the same objects, and
// rows() is always the clusters' lists joined in the cache's order.
import { describe, expect, it } from 'vitest';
import { typeKey } from '../../../source/kube/discovery.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { KINDS } from '../../../source/kinds/registry.js';
import { ObjectCache } from '../../../source/store/object-cache.js';
import { RowTable } from '../../../source/store/row-table.js';

const GD = KINDS.GameDeployment;
const gd = (name: string, rv = '1'): KubeObject => ({
  apiVersion: 'tkex.tencent.com/v1alpha1',
  kind: 'GameDeployment',
  metadata: { name, namespace: 'games', resourceVersion: rv, uid: `uid-${name}` },
});

function table() {
  const reads: string[] = [];
  const t = new RowTable(typeKey(GD), (cluster, o) => {
    reads.push(`${cluster}/${o.metadata.name}`);
    return { cluster, name: o.metadata.name!, rv: o.metadata.resourceVersion! };
  });
  return { t, reads };
}

describe('RowTable', () => {
  it('rows() is the clusters lists joined; a change reads one object and keeps the other cluster list', () => {
    const c = new ObjectCache();
    c.replace('a', GD, [gd('x'), gd('y')]);
    c.replace('b', GD, [gd('z')]);
    const { t, reads } = table();
    t.sync(c);
    expect(reads).toEqual(['a/x', 'a/y', 'b/z']);
    expect(t.rows().map((r) => `${r.cluster}/${r.name}@${r.rv}`)).toEqual(['a/x@1', 'a/y@1', 'b/z@1']);
    const [a1, b1] = t.lists();
    const rows1 = t.rows();
    expect(t.rows()).toBe(rows1); // the same array until a sync changes something

    c.apply('a', GD, 'MODIFIED', gd('y', '2'));
    reads.length = 0;
    const changes = t.sync(c);
    expect(reads).toEqual(['a/y']);
    expect(changes.map((ch) => [ch.before?.rv, ch.after?.rv])).toEqual([['1', '2']]);
    const [a2, b2] = t.lists();
    expect(b2).toBe(b1); // the unchanged cluster's list is the same array
    expect(a2).not.toBe(a1);
    expect(a2![0]).toBe(a1![0]); // and so is an unchanged row
    expect(t.rows()).not.toBe(rows1);
    expect(t.rows()).toEqual([...a2!, ...b2!]);

    // Nothing changed: no reads, no new arrays.
    reads.length = 0;
    const rows2 = t.rows();
    expect(t.sync(c)).toEqual([]);
    expect(t.rows()).toBe(rows2);
    expect(reads).toEqual([]);
  });

  it('a cluster dropped from the cache takes its rows out; one cluster alone is its own list', () => {
    const c = new ObjectCache();
    c.replace('a', GD, [gd('x')]);
    c.replace('b', GD, [gd('z')]);
    const { t } = table();
    t.sync(c);
    c.dropCluster('a');
    const changes = t.sync(c);
    expect(changes.map((ch) => [ch.cluster, ch.before?.name, ch.after])).toEqual([['a', 'x', undefined]]);
    expect(t.lists()).toHaveLength(1);
    expect(t.rows()).toBe(t.lists()[0]);
    expect(t.rows().map((r) => r.name)).toEqual(['z']);
  });
});
