// How far V8 lets the old generation grow past what the last full GC found alive, for a process that holds
// the store (the console). Every watch event replaces a cached object: the new one is kept until its
// object changes again, seconds later, long enough to be promoted to the old generation, so the one it
// replaces dies there. A fleet at 1,000 events/s thus makes old-generation garbage at a steady rate, and
// V8's default limit for the next full GC is up to 4× the live size when the heap may reach 2 GiB or
// more (any machine with 16 GiB): the fleet-scale console (10 clusters × 10,000 workloads) grew from 207
// MiB to ~1.2 GiB RSS in 10 minutes with ~218 MB alive (trace-gc), the rest garbage waiting for a GC that the
// limit put off (heap snapshots and process.memoryUsage(): V8's committed heap, not Buffers or malloc).
//
// `--heap-growing-percent` replaces that factor by 1 + percent/100 (what V8 itself uses when it optimizes
// for memory: 1.3). V8 reads it each time it sets the next limit, so it works set from inside a running
// process (unlike the heap's sizes, read once when the heap is created): one setting for the console
// however it was started (bin/zonectl, the single file, a test harness).
import { setFlagsFromString } from 'node:v8';

/** V8's factor when it optimizes for memory (kConservativeGrowingFactor): a full GC per ~30 % of live size allocated old. */
export const CONSOLE_HEAP_GROWING_PERCENT = 30;

/** Whether the person running zonectl chose the heap's growth (or memory mode) themselves. */
export function userSetHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return /--heap[-_]growing[-_]percent|--optimize[-_]for[-_]size/.test(`${execArgv.join(' ')} ${nodeOptions ?? ''}`);
}

/**
 * From now on, the next full GC comes once the old generation grew by `percent` % of what the last one
 * found alive. A no-op when the person running zonectl set the growth themselves. Returns a function that
 * gives V8 back its own factor.
 */
export function slowHeapGrowth(percent = CONSOLE_HEAP_GROWING_PERCENT): () => void {
  if (userSetHeapGrowth(process.execArgv, process.env.NODE_OPTIONS)) return () => undefined;
  setFlagsFromString(`--heap-growing-percent=${Math.max(1, Math.round(percent))}`);
  return () => setFlagsFromString('--heap-growing-percent=0');
}
