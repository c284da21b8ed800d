// The follow's old-generation growth cap (source/logs/old-gen.ts) in fresh node processes: the same churn of
// lines queued long enough to be promoted, then dropped (a follow behind a slow reader), grows the old
// space to about twice the size without the cap as with it.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const MiB = 1024 * 1024;

/** The largest old space (MiB) during the churn, with the cap at `percent` or without it. */
function oldSpaceAfterChurn(percent: number | undefined, nodeArgs: string[] = []): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { capOldGenerationGrowth } from './source/logs/old-gen.ts';
    const oldSpaceBytes = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').space_size;
    const uncap = ${percent === undefined ? '() => {}' : `capOldGenerationGrowth(${percent})`};
    let queue = [];
    let max = 0;
    for (let round = 0; round < 300; round++) {
      for (let i = 0; i < 5_000; i++) queue.push('line ' + i + ' seq=' + round + ' ' + 'x'.repeat(80));
      if (queue.length >= 100_000) queue = []; // written: the queue's lines die, in the old generation by now
      await new Promise((r) => setImmediate(r));
      max = Math.max(max, oldSpaceBytes());
    }
    uncap();
    process.stdout.write(JSON.stringify({ max }));
  `;
  const r = spawnSync(
    process.execPath,
    [
      ...nodeArgs,
      '--experimental-transform-types',
      '--no-warnings',
      '--import',
      './test/bench/ts-hooks.mjs',
      '--input-type=module',
      '-e',
      script,
    ],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout) as { max: number }).max / MiB;
}

describe('old-generation growth cap', () => {
  it('keeps the old space of a promote-then-drop churn well under what V8 lets it grow to', () => {
    const free = oldSpaceAfterChurn(undefined);
    const capped = oldSpaceAfterChurn(50);
    // Measured: 121 MiB free, 63 capped (the live queue is ~15 MiB).
    expect(capped).toBeLessThan(free * 0.7);
  }, 60_000);

  it('leaves a growth factor the person running it chose alone', () => {
    // (node's arguments: NODE_OPTIONS does not take this V8 flag)
    const theirs = oldSpaceAfterChurn(50, ['--heap-growing-percent=300']);
    const capped = oldSpaceAfterChurn(50);
    expect(theirs).toBeGreaterThan(capped * 1.3);
  }, 60_000);
});
