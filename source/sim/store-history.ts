// Bounded per-cluster history of watch events (like the apiserver's watch cache): a watch from an old
// resourceVersion replays what is still here, or gets 410 Gone when the events it needs fell out.
import type { KubeObject } from '../kube/object.js';
import type { StoreEvent } from './store-api.js';

/** A store event plus the type it belongs to and the object's previous version (for selector transitions). */
export interface HistoryEvent extends StoreEvent {
  typeKey: string;
  prev?: KubeObject;
}

export class EventRing {
  private readonly buf: Array<HistoryEvent | undefined>;
  private head = 0; // index of the oldest event
  private size = 0;
  /** resourceVersion of the newest event that fell out of the ring (0 = nothing lost yet). */
  evictedRv = 0;

  constructor(readonly capacity: number) {
    this.buf = new Array(Math.max(1, capacity));
  }

  push(e: HistoryEvent): void {
    if (this.size === this.buf.length) {
      const old = this.buf[this.head]!;
      this.evictedRv = old.resourceVersion;
      this.buf[this.head] = e;
      this.head = (this.head + 1) % this.buf.length;
    } else {
      this.buf[(this.head + this.size) % this.buf.length] = e;
      this.size++;
    }
  }

  /** True when events after `rv` may have been lost. */
  tooOld(rv: number): boolean {
    return rv < this.evictedRv;
  }

  /** Events with resourceVersion > rv, oldest first. */
  *since(rv: number): Generator<HistoryEvent> {
    for (let i = 0; i < this.size; i++) {
      const e = this.buf[(this.head + i) % this.buf.length]!;
      if (e.resourceVersion > rv) yield e;
    }
  }

  get length(): number {
    return this.size;
  }
}
