// The follow's memory mode (source/logs/memory-mode.ts) in fresh node processes: after start-up-like code
// (functions run once) and the churn of a busy follow (a chunk of lines at a time, some kept a while), V8's
// old generation holds fewer pages with it than without, and a mode the person running node chose is left alone.
import { describe, expect, it } from 'vitest';
import { userSetMemoryMode } from '../../../source/logs/memory-mode.js';
import { runFresh } from '../../fresh-process.js';

const MiB = 1024 * 1024;

/** The old generation's resident pages (MiB) over the churn's second half, with favourMemory() set before it or not. */
function oldSpaceAfterChurn(favour: boolean, nodeArgs: string[] = []): number {
  const script = `
    import { getHeapSpaceStatistics } from 'node:v8';
    import { favourMemory } from './source/logs/memory-mode.ts';
    const undo = ${favour ? 'favourMemory()' : '() => {}'};
    // Start-up: code that runs once (a command's modules), then is only kept.
    const body = Array.from({ length: 3000 }, (_, i) => 'function f' + i + '(a) { let s = 0; for (let j = 0; j < a.length; j++) s += a.charCodeAt(j) * ' + i + '; return s + "' + 'x'.repeat(50) + '"; }');
    const fns = new Function(body.join('\\n') + '\\nreturn [' + body.map((_, i) => 'f' + i).join(',') + '];')();
    for (const f of fns) f('abc');
    let kept = [];
    // The mean over the second half: where the old generation settles, not one moment of its GC cycle.
    let old = 0;
    for (let round = 0; round < 600; round++) {
      for (let i = 0; i < 5_000; i++) {
        kept.push('line ' + i + ' seq=' + round);
        if (kept.length > 40_000) kept = [];
      }
      await new Promise((r) => setImmediate(r));
      if (round >= 300) old += getHeapSpaceStatistics().find((s) => s.space_name === 'old_space').physical_space_size / 300;
    }
    undo();
    process.stdout.write(JSON.stringify({ old }));
  `;
  return runFresh<{ old: number }>(script, nodeArgs).old / MiB;
}

describe('follow memory mode', () => {
  it('knows a mode chosen on the command line or in NODE_OPTIONS', () => {
    expect(userSetMemoryMode(['--optimize-for-size'], undefined)).toBe(true);
    expect(userSetMemoryMode([], '--no-optimize_for_size')).toBe(true);
    expect(userSetMemoryMode(['--max-old-space-size=512'], '--max-semi-space-size=2')).toBe(false);
  });

  it('holds fewer old-generation pages through a follow-like churn', () => {
    const free = oldSpaceAfterChurn(false);
    const favoured = oldSpaceAfterChurn(true);
    expect(favoured).toBeLessThan(free);
  }, 60_000);

  it('leaves the mode the person running node chose alone', () => {
    const favoured = oldSpaceAfterChurn(true);
    // favourMemory() did nothing: the old generation sized as V8 sizes it by default.
    const chosen = oldSpaceAfterChurn(true, ['--no-optimize-for-size']);
    expect(chosen).toBeGreaterThan(favoured);
  }, 60_000);
});
