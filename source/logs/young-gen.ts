// A cap on V8's young generation for a long follow (`logs -f`). At tens of thousands of lines a second
// the allocation rate makes V8 keep doubling the semi-spaces up to 16 MiB each (32 MiB of new space, all
// of it touched, so all of it resident: a quarter of the follower's ~125 MiB RSS). The live data is small
// (a heap snapshot of a 100-stream follow holds ~18 MiB, most of it loaded code), so a smaller young
// generation serves as well.
//
// `--max-semi-space-size` is read only when the heap is created: set from inside a running process it
// does nothing. `--semi-space-growth-factor` is read each time the new space grows, so it can stop the
// growth: below the cap the factor takes a semi-space straight to the cap (1 -> 4 MiB: factor 4), at or
// past it the factor is 1 (no grow). A minor GC is where a grow happens, so the factor is re-decided after
// each GC (a soft cap: the GC reports arrive between turns of the event loop, so two grows within one long
// synchronous run could pass it once; a follow's turns are one chunk long). V8 shrinks a new space only in a GC that reduces memory (not reliably reachable from
// JavaScript), so one already past the cap stays at its size: loading the `logs` command leaves it at
// 8 MiB semi-spaces, and the cap keeps it there instead of 16 (measured: peak RSS 124-129 -> 106-112 MiB
// at 100 streams × 1,000 lines/s offered, load 10-12 on 2 cores). A cap set before the command's modules
// load (--max-semi-space-size=4 at launch measured 103-106 MiB) would save ~5 MiB more.
import { setFlagsFromString, getHeapSpaceStatistics } from 'node:v8';
import { PerformanceObserver } from 'node:perf_hooks';

const MiB = 1024 * 1024;

/** One semi-space's capacity in bytes: what V8 multiplies by the growth factor (used + available). */
export function semiSpaceBytes(): number {
  const s = getHeapSpaceStatistics().find((x) => x.space_name === 'new_space');
  return s ? s.space_used_size + s.space_available_size : 0;
}

/** The growth factor that takes a semi-space of `semi` bytes to at most `cap` bytes in one grow (1: no grow). */
export function growthFactor(semi: number, cap: number): number {
  return semi > 0 ? Math.max(1, Math.floor(cap / semi)) : 1;
}

/**
 * Keeps each semi-space at or under `semiMiB` MiB, or at its present size if it is already larger, from
 * now on. A no-op when the person running zonectl sized the semi-spaces themselves (NODE_OPTIONS or
 * node's arguments). Returns a function that lifts the cap (V8's default factor, 2, again).
 */
export function capYoungGeneration(semiMiB = 4): () => void {
  const userFlags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (/--(max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor/.test(userFlags)) return () => undefined;
  const cap = semiMiB * MiB;
  let factor = 0;
  const decide = () => {
    const next = growthFactor(semiSpaceBytes(), cap);
    if (next === factor) return;
    factor = next;
    setFlagsFromString(`--semi-space-growth-factor=${next}`);
  };
  decide();
  const obs = new PerformanceObserver(decide);
  obs.observe({ entryTypes: ['gc'] });
  return () => {
    obs.disconnect();
    setFlagsFromString('--semi-space-growth-factor=2');
  };
}
