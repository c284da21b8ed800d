// The store's index of workload rows by link key (source/store/ref-index.ts): one row per key kept as the
// row, two or more as a set, each removed by identity.
import { describe, expect, it } from 'vitest';
import type { WorkloadInfo } from '../../../source/model/types.js';
import { RefIndex } from '../../../source/store/ref-index.js';

const row = (uid: string) => ({ uid }) as WorkloadInfo;

describe('RefIndex', () => {
  it('gives the rows under a key, none for an unknown key', () => {
    const ix = new RefIndex();
    const a = row('a');
    expect([...ix.rows('k')]).toEqual([]);
    ix.add('k', a);
    ix.add('k', a); // the same row again: still one
    expect([...ix.rows('k')]).toEqual([a]);
    expect([...ix.rows('other')]).toEqual([]);
  });

  it('holds two rows under one key until one is removed, by identity', () => {
    const ix = new RefIndex();
    const a = row('a');
    const b = row('b');
    ix.add('k', a);
    ix.add('k', b);
    expect([...ix.rows('k')]).toEqual([a, b]);
    ix.remove('k', row('a')); // an equal object that is not the row: nothing goes
    expect([...ix.rows('k')]).toEqual([a, b]);
    ix.remove('k', a);
    expect([...ix.rows('k')]).toEqual([b]);
    ix.add('k', a);
    expect([...ix.rows('k')]).toEqual([b, a]);
    ix.remove('k', a);
    ix.remove('k', b);
    expect([...ix.rows('k')]).toEqual([]);
    ix.remove('k', b); // already gone
    expect([...ix.rows('k')]).toEqual([]);
  });
});
