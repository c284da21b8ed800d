// Delivery of a store's events to its subscribers: in write order and never re-entrantly. A subscriber
// that writes to the store (the controllers do) has its event queued behind the one being delivered, so
// every subscriber sees every object's versions in order. Apart from store.ts, which only writes.
import type { HistoryEvent } from './store-history.js';
import type { ObjectTable } from './store-table.js';

export class EventDelivery {
  private readonly pending: HistoryEvent[] = [];
  private readonly pendingTabs: ObjectTable[] = [];
  private delivering = false;

  /** onSubscriberError: where exceptions thrown by subscribers go (default: rethrown asynchronously). */
  constructor(private readonly onSubscriberError?: (err: unknown) => void) {}

  /** Hands `e` to the subscribers of `tab` now, or after the event being delivered when called from a subscriber. */
  deliver(e: HistoryEvent, tab: ObjectTable): void {
    this.pending.push(e);
    this.pendingTabs.push(tab);
    if (this.delivering) return;
    this.delivering = true;
    let i = 0;
    try {
      for (; i < this.pending.length; i++) {
        const ev = this.pending[i];
        for (const fn of [...this.pendingTabs[i].subs]) {
          try {
            fn(ev);
          } catch (err) {
            const onErr =
              this.onSubscriberError ??
              ((x: unknown) =>
                queueMicrotask(() => {
                  throw x;
                }));
            onErr(err);
          }
        }
      }
    } finally {
      const done = Math.min(i + 1, this.pending.length); // an event whose delivery threw is not retried
      this.pending.splice(0, done);
      this.pendingTabs.splice(0, done);
      this.delivering = false;
    }
  }
}
