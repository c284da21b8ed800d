// The console's heap growth (source/store/heap-growth.ts) in fresh node processes: a cache of objects that
// are replaced one by one, as watch events replace cached objects, lets V8's committed heap grow to a
// multiple of what is alive; with the growth slowed, set from inside the running process, it stays closer.
import { describe, expect, it } from 'vitest';
import { runFresh } from '../../fresh-process.js';
import { userSetHeapGrowth, userSetYoungGeneration } from '../../../source/store/heap-growth.js';

const MiB = 1024 * 1024;

/** The largest committed heap (MiB) over a churn like a watched fleet's, with the growth slowed or not. */
function heapAfterChurn(slow: boolean, nodeArgs: string[] = []): { max: number; live: number } {
  const script = `
    import { slowHeapGrowth } from './source/store/heap-growth.ts';
    ${slow ? 'slowHeapGrowth();' : ''}
    // 60,000 cached objects, each replaced in turn by a new one: the replaced ones die old.
    const cache = new Map();
    const object = (i, v) => ({ metadata: { name: 'w-' + i, resourceVersion: String(v) },
      spec: { containers: Array.from({ length: 8 }, (_, k) => ({ name: 'c' + k, image: 'img:' + v + '-' + k })) } });
    for (let i = 0; i < 60_000; i++) cache.set(i, object(i, 0));
    let max = 0;
    for (let round = 1; round <= 150; round++) {
      for (let j = 0; j < 2_000; j++) { const i = (round * 2_000 + j) % 60_000; cache.set(i, object(i, round)); }
      await new Promise((r) => setImmediate(r));
      max = Math.max(max, process.memoryUsage().heapTotal);
    }
    globalThis.gc();
    const live = process.memoryUsage().heapUsed;
    if (cache.size !== 60_000) throw new Error('the cache lost objects'); // and it is alive until here
    process.stdout.write(JSON.stringify({ max, live }));
  `;
  const { max, live } = runFresh<{ max: number; live: number }>(script, [...nodeArgs, '--expose-gc']);
  return { max: max / MiB, live: live / MiB };
}

describe('console heap growth', () => {
  it('knows when the person running zonectl chose the growth or memory mode', () => {
    expect(userSetHeapGrowth([], undefined)).toBe(false);
    expect(userSetHeapGrowth(['--max-old-space-size=512'], '--max-semi-space-size=1')).toBe(false);
    expect(userSetHeapGrowth(['--heap-growing-percent=50'], undefined)).toBe(true);
    expect(userSetHeapGrowth([], '--optimize_for_size')).toBe(true);
  });

  it('keeps the committed heap of a churning cache nearer its live size than V8 does by default', () => {
    const free = heapAfterChurn(false);
    const slow = heapAfterChurn(true);
    // The same objects are alive at the end either way.
    expect(Math.abs(slow.live - free.live)).toBeLessThan(free.live * 0.25);
    expect(slow.max).toBeLessThan(free.max * 0.8);
  }, 120_000);

  it('leaves a growth the person running it chose alone', () => {
    // Their 300 % (V8's largest factor, 4) holds although the console asks for 30 %.
    const slow = heapAfterChurn(true);
    const chosen = heapAfterChurn(true, ['--heap-growing-percent=300']);
    expect(chosen.max).toBeGreaterThan(slow.max * 1.25);
  }, 120_000);
});

/** The young generation's committed size (MiB) after a churn whose objects partly survive, held or not. */
function youngAfterChurn(hold: boolean, nodeArgs: string[] = []): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { holdYoungGeneration } from './source/store/heap-growth.ts';
    ${hold ? 'holdYoungGeneration();' : ''}
    // Many survivors per scavenge, as while the store takes a list: what makes V8 grow the young generation.
    const keep = [];
    for (let i = 0; i < 3_000_000; i++) {
      const o = { i, s: 'x' + i };
      if (i % 4 === 0) keep.push(o);
      if (keep.length > 200_000) keep.length = 0;
    }
    const young = getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    process.stdout.write(JSON.stringify({ young }));
  `;
  return runFresh<{ young: number }>(script, [...nodeArgs]).young / MiB;
}

describe('console young generation', () => {
  it('knows when the person running zonectl sized the young generation', () => {
    expect(userSetYoungGeneration([], undefined)).toBe(false);
    expect(userSetYoungGeneration(['--heap-growing-percent=50'], '--max-old-space-size=512')).toBe(false);
    expect(userSetYoungGeneration(['--max-semi-space-size=8'], undefined)).toBe(true);
    expect(userSetYoungGeneration([], '--semi_space_growth_factor=4')).toBe(true);
  });

  it('stays at the few MiB it has instead of growing to 32 MiB, and a size chosen by hand holds', () => {
    const free = youngAfterChurn(false);
    const held = youngAfterChurn(true);
    expect(free).toBeGreaterThanOrEqual(16);
    expect(held).toBeLessThanOrEqual(4);
    // The person's own size (16 MiB per semi-space) is theirs: the hold leaves it alone.
    expect(youngAfterChurn(true, ['--max-semi-space-size=16', '--semi-space-growth-factor=2'])).toBeGreaterThanOrEqual(16);
  }, 120_000);
});
