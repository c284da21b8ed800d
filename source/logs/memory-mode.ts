// V8's memory mode for a long follow (`logs -f`): `--optimize-for-size`. V8 checks it where it sizes the heap
// as it runs (ShouldOptimizeForMemoryUsage: whether the young generation grows, how far the old one grows before
// a full GC, how hard the memory reducer works), so it takes effect set from inside the process, after the
// command's modules loaded: one setting for bin/zonectl and the single executable alike. The follower's live
// heap is small (~13 MiB used at 100 lines/s, most of it loaded code), while V8's own sizing committed 26-30 MiB
// at 100 streams × 1,000 lines/s. Measured with the probe of V8's pages and the bench's rate: V8's anonymous
// pages 28 -> 16-18 MiB, the rate held (~100,000 lines/s).
import { setFlagsFromString } from 'node:v8';

/** Whether the person running zonectl chose V8's memory mode themselves (NODE_OPTIONS or node's arguments). */
export function userSetMemoryMode(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  return /--(no-)?optimize[-_]for[-_]size/.test(`${execArgv.join(' ')} ${nodeOptions ?? ''}`);
}

/** From now on V8 sizes its heap for memory over speed. Returns what gives V8 its default back; a no-op when the user chose. */
export function favourMemory(): () => void {
  if (userSetMemoryMode(process.execArgv, process.env.NODE_OPTIONS)) return () => undefined;
  setFlagsFromString('--optimize-for-size');
  return () => setFlagsFromString('--no-optimize-for-size');
}
