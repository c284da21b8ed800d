// Bounded concurrency: run fn over items with at most `limit` in flight; results keep input order.
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

/** Memoises an async computation per key (shared LISTs across apps on one cluster). */
export class AsyncMemo<V> {
  private map = new Map<string, Promise<V>>();
  get(key: string, make: () => Promise<V>): Promise<V> {
    let p = this.map.get(key);
    if (!p) this.map.set(key, (p = make()));
    return p;
  }
}
