// A lookup table for sharing equal immutable values that keeps what was added recently: two generations,
// the older dropped when the newer is full. Values written together (the pods of one workload in one
// reconcile) find each other; the table never grows past 2 × max keys, and a miss only costs sharing.
export class RecentTable<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string): V | undefined {
    const y = this.young.get(key);
    if (y !== undefined) return y;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, v: V): void {
    if (this.young.size >= this.max) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, v);
  }
}
