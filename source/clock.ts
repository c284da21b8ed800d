// A monotonic clock in milliseconds, for latencies and durations. Not the global `performance`: its first
// use loads perf_hooks (nine of Node's internal modules, ~2 ms) into every list command's start, for a
// reading process.hrtime gives as well.

/** Milliseconds on a monotonic clock (differences only: the origin is arbitrary). */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}
