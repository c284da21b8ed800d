// Returning the garbage of a large world build to the OS. V8 lets the old generation grow to up to ~4x
// the live size of its last full collection before collecting again, so right after building a fleet
// of 100k pods the heap still holds the build's garbage spread over many pages. A last-resort full GC
// compacts the heap and releases the freed pages (10 clusters x 100k pods: RSS 368 -> 251 MB).
import v8 from 'node:v8';
import vm from 'node:vm';

type GcFn = (opts?: { type?: 'major' | 'minor'; execution?: 'sync' | 'async'; flavor?: 'regular' | 'last-resort' }) => void;
let gcFn: GcFn | null | undefined;

function gcFunction(): GcFn | null {
  if (gcFn !== undefined) return gcFn;
  gcFn = typeof globalThis.gc === 'function' ? (globalThis.gc as GcFn) : null;
  if (!gcFn) {
    try {
      // --expose-gc installs gc() in contexts created afterwards (the main context is unchanged)
      v8.setFlagsFromString('--expose-gc');
      const fn: unknown = vm.runInNewContext('gc');
      gcFn = typeof fn === 'function' ? (fn as GcFn) : null;
    } catch {
      gcFn = null;
    }
  }
  return gcFn;
}

/** Compact the heap now (a synchronous, memory-reducing full GC). Returns false when no GC could be requested. */
export function compactHeap(): boolean {
  const gc = gcFunction();
  if (!gc) return false;
  gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  return true;
}
