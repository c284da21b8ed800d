// The follow's young-generation cap (source/logs/young-gen.ts) in fresh node processes: the same churn of
// short-lived and briefly-kept objects grows V8's new space past the cap without it and not with it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { growthFactor } from '../../../source/logs/young-gen.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MiB = 1024 * 1024;

/** New-space size (MiB) when the cap is set and the largest after a churn like a busy follow's, capped at `cap` MiB semi-spaces or not. */
function newSpaceAfterChurn(cap: number | undefined, env: NodeJS.ProcessEnv = {}): { start: number; max: number } {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { capYoungGeneration } from './source/logs/young-gen.ts';
    const newSpaceBytes = () => getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size;
    const start = newSpaceBytes();
    const uncap = ${cap === undefined ? '() => {}' : `capYoungGeneration(${cap})`};
    let kept = [];
    let max = 0;
    // Like a follow: a chunk's lines at a time (the GC observer runs between chunks), some kept a while.
    for (let round = 0; round < 400; round++) {
      for (let i = 0; i < 5_000; i++) {
        kept.push('line ' + i + ' seq=' + round);
        if (kept.length > 40_000) kept = [];
      }
      await new Promise((r) => setImmediate(r));
      max = Math.max(max, newSpaceBytes());
    }
    uncap();
    process.stdout.write(JSON.stringify({ start, max }));
  `;
  const r = spawnSync(
    process.execPath,
    ['--experimental-transform-types', '--no-warnings', '--import', './test/bench/ts-hooks.mjs', '--input-type=module', '-e', script],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } },
  );
  expect(r.stderr).toBe('');
  const { start, max } = JSON.parse(r.stdout) as { start: number; max: number };
  return { start: start / MiB, max: max / MiB };
}

describe('young-generation cap', () => {
  it('takes a semi-space to the cap in one grow and no further', () => {
    expect(growthFactor(1 * MiB, 4 * MiB)).toBe(4);
    expect(growthFactor(2 * MiB, 4 * MiB)).toBe(2);
    expect(growthFactor(4 * MiB, 4 * MiB)).toBe(1);
    expect(growthFactor(8 * MiB, 4 * MiB)).toBe(1); // already past it: stays
    expect(growthFactor(0, 4 * MiB)).toBe(1);
  });

  it('a churn that doubles the new space to 32 MiB without the cap stops at 2 × 4 MiB with it', () => {
    const free = newSpaceAfterChurn(undefined);
    const capped = newSpaceAfterChurn(4);
    expect(free.max).toBe(32);
    expect(free.max).toBeGreaterThan(free.start);
    expect(capped.start).toBeLessThan(32);
    expect(capped.max).toBe(Math.max(capped.start, 8));
  }, 60_000);

  it('leaves a semi-space size the person running it chose alone', () => {
    // A cap of 1 MiB would hold the new space at its start; the user's 8 MiB lets it grow to 2 × 8.
    const r = newSpaceAfterChurn(1, { NODE_OPTIONS: '--max-semi-space-size=8' });
    expect(r.max).toBe(16);
  }, 60_000);
});
