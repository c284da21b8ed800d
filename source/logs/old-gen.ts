// A tighter old-generation growth for a long follow (`logs -f`). When stdout's reader falls behind, every
// line waits in a queue (the output's, and each stream's flow-control window) long enough to outlive two
// scavenges, so it is promoted, and dies in the old generation once written. V8 lets the old generation
// grow to several times what was live after the last full GC before it collects again: with a slow reader
// at 100 streams × 1,000 lines/s the heap climbed 30 -> 120 MiB in 10 s between two full GCs (live: ~35,
// the queued lines). `--heap-growing-percent` fixes that factor, and V8 reads it each time it sets the next
// limit (after every full GC), so it can be set from inside a running process, a single executable too.
import { setFlagsFromString } from 'node:v8';

/**
 * Lets the old generation grow to `percent` % past its live size before the next full GC, from the next
 * GC on. A no-op when the person running zonectl set the factor (node's arguments: NODE_OPTIONS does not
 * take it).
 * Returns a function that gives V8 back its own heuristics.
 */
export function capOldGenerationGrowth(percent = 50): () => void {
  const userFlags = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (/--heap[-_]growing[-_]percent/.test(userFlags)) return () => undefined;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  return () => setFlagsFromString('--heap-growing-percent=0');
}
