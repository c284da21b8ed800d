import { describe, expect, it } from 'vitest';
import { RingBuffer } from '../../../source/ui/logs/ring.js';

describe('RingBuffer', () => {
  it('keeps the newest `capacity` entries in order and counts evictions', () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.size).toBe(3);
    expect(r.evicted).toBe(2);
    expect(r.pushed).toBe(5);
    expect(r.firstSeq).toBe(2);
    expect(r.at(0)).toBe(3);
    expect(r.at(3)).toBeUndefined();
    expect(r.slice(1, 10)).toEqual([4, 5]);
  });

  it('pushAll larger than capacity keeps only the tail and counts everything dropped', () => {
    const r = new RingBuffer<number>(4);
    r.push(100);
    r.push(101);
    r.pushAll(Array.from({ length: 10 }, (_, i) => i));
    expect(r.toArray()).toEqual([6, 7, 8, 9]);
    expect(r.pushed).toBe(12);
    expect(r.evicted).toBe(8);
    expect(r.pushed - r.evicted).toBe(r.size);
  });

  it('pushAll smaller than capacity appends', () => {
    const r = new RingBuffer<string>(5);
    r.pushAll(['a', 'b']);
    r.pushAll(['c', 'd', 'e', 'f']);
    expect(r.toArray()).toEqual(['b', 'c', 'd', 'e', 'f']);
    expect(r.evicted).toBe(1);
  });

  it('rejects a non-positive capacity', () => {
    expect(() => new RingBuffer(0)).toThrow(RangeError);
  });

  it('stays bounded under a long run', () => {
    const r = new RingBuffer<number>(1000);
    for (let i = 0; i < 200_000; i++) r.push(i);
    expect(r.size).toBe(1000);
    expect(r.at(0)).toBe(199_000);
    expect(r.at(999)).toBe(199_999);
  });
});
