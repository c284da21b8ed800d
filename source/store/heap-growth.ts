// How far V8 lets the old generation grow past what the last full GC found alive, for a process that holds
// the store (the console), and how large it lets the young generation grow (holdYoungGeneration, below).
// Every watch event replaces a cached object: the new one is kept until its object changes again, seconds
// later, long enough to be promoted to the old generation, so the one it replaces dies there. A fleet at
// 1,000 events/s thus makes old-generation garbage at a steady rate, and V8's default limit for the next full
// GC is up to 4× the live size when the heap may reach 2 GiB or more (any machine with 16 GiB): the
// fleet-scale console (10 clusters × 10,000 workloads) grew from 207 MiB to ~1.2 GiB RSS in 10 minutes with
// ~218 MB alive (trace-gc), the rest garbage waiting for a GC that the limit put off (heap snapshots and
// process.memoryUsage(): V8's committed heap, not Buffers or malloc).
//
// `--heap-growing-percent` replaces that factor by 1 + percent/100 (what V8 itself uses when it optimizes for
// memory: 1.3). V8 reads it each time it sets the next limit, so it works set from inside a running process
// (unlike the heap's sizes, read once when the heap is created): one setting for the console however it was
// started (bin/zonectl, the single file, a test harness).
import { setFlagsFromString } from 'node:v8';

/** V8's factor when it optimizes for memory (kConservativeGrowingFactor): a full GC per ~30 % of live size allocated old. */
export const CONSOLE_HEAP_GROWING_PERCENT = 30;

/** Whether the person running zonectl chose the heap's growth (or memory mode) themselves. */
export function userSetHeapGrowth(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return /--heap[-_]growing[-_]percent|--optimize[-_]for[-_]size/.test(`${execArgv.join(' ')} ${nodeOptions ?? ''}`);
}

/** Whether the person running zonectl sized the young generation themselves. */
export function userSetYoungGeneration(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return /--(max|min)[-_]semi[-_]space[-_]size|--semi[-_]space[-_]growth[-_]factor|--optimize[-_]for[-_]size/.test(
    `${execArgv.join(' ')} ${nodeOptions ?? ''}`,
  );
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

/**
 * Holds the young generation at the size it has now: V8 doubles a semi-space whenever many objects survive
 * a scavenge (up to 16 MiB each, 32 MiB committed for the pair, the most of it resident), and gives it back
 * only now and then. On the 21,600-pod demo the console's young generation sat at 32 MiB for its first
 * minutes; held, it stays at 1-2 MiB (bench demo-rss, probe of V8's spaces). `--max-semi-space-size` would
 * say the same from the command line, but set from inside the process it does nothing (V8 reads it once,
 * when the heap is made: checked); the growth factor is read at each growth, so it works set here, for the
 * console however it was started (bin/zonectl, the single executable, a test harness). openConsole calls
 * this before the console's modules load, when the young generation is still 4 MiB.
 * A no-op when the person running zonectl sized the young generation. Returns what gives V8 its factor back.
 */
export function holdYoungGeneration(): () => void {
  if (userSetYoungGeneration(process.execArgv, process.env.NODE_OPTIONS)) return () => undefined;
  setFlagsFromString('--semi-space-growth-factor=1');
  return () => setFlagsFromString('--semi-space-growth-factor=2');
}
