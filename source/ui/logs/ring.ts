// A fixed-capacity ring buffer: O(1) push, oldest entries overwritten and counted. Used per log
// view so memory stays bounded however long a follow runs.

export class RingBuffer<T> {
  private buf: (T | undefined)[];
  private head = 0; // index of the oldest entry
  private len = 0;
  /** Entries overwritten because the buffer was full (never shown again). */
  evicted = 0;
  /** Total entries ever pushed. */
  pushed = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant
      throw new RangeError(`ring buffer capacity must be a positive integer, got ${capacity}`);
    this.buf = new Array(capacity);
  }

  get size(): number {
    return this.len;
  }

  push(item: T): void {
    this.pushed++;
    if (this.len < this.capacity) {
      this.buf[(this.head + this.len) % this.capacity] = item;
      this.len++;
      return;
    }
    this.buf[this.head] = item;
    this.head = (this.head + 1) % this.capacity;
    this.evicted++;
  }

  pushAll(items: readonly T[]): void {
    // Only the last `capacity` items can survive; count the rest as evicted without touching the buffer.
    const skip = Math.max(0, items.length - this.capacity);
    if (skip > 0) {
      this.pushed += skip;
      this.evicted += skip + this.len; // everything currently held is overwritten too
      this.head = 0;
      this.len = 0;
    }
    for (let i = skip; i < items.length; i++) this.push(items[i]!);
  }

  /** i-th oldest entry (0 = oldest). */
  at(i: number): T | undefined {
    if (i < 0 || i >= this.len) return undefined;
    return this.buf[(this.head + i) % this.capacity];
  }

  /** Entries [start, end) in order, oldest first. */
  slice(start = 0, end = this.len): T[] {
    const s = Math.max(0, start);
    const e = Math.min(this.len, end);
    const out: T[] = [];
    for (let i = s; i < e; i++) out.push(this.buf[(this.head + i) % this.capacity]!);
    return out;
  }

  toArray(): T[] {
    return this.slice();
  }

  /** Sequence number (in `pushed` terms) of the oldest entry held. */
  get firstSeq(): number {
    return this.pushed - this.len;
  }

  clear(): void {
    this.buf = new Array(this.capacity);
    this.head = 0;
    this.len = 0;
  }
}
