// A wait that something else can cut short: a container slot waits for the pod watch to report a change
// (or for a backoff to pass), and a pod update, a leave or a stop wakes it at once.
export class Waker {
  private pending?: () => void;

  /** Resolves on wake(), or after `maxMs` when it is above 0. */
  wait(maxMs = 0): Promise<void> {
    return new Promise((resolve) => {
      let timer: NodeJS.Timeout | undefined;
      const done = () => {
        if (timer) clearTimeout(timer);
        if (this.pending === done) this.pending = undefined;
        resolve();
      };
      this.pending = done;
      if (maxMs > 0) timer = setTimeout(done, maxMs);
    });
  }

  /** Ends the wait in progress, if any. */
  wake(): void {
    this.pending?.();
  }
}
