// What FleetStore.whenReady waits on: every cluster ready, else a quiet spell (nothing came from any
// cluster for quietMs: a hung cluster) or maxMs in all. Each step a cluster makes re-arms the quiet timer.
export class ReadyWait {
  private waiters: Array<{ progress(): void; ready(): void }> = [];

  get waiting(): boolean {
    return this.waiters.length > 0;
  }

  /** True when `notify(true)` came first; false after the quiet spell or maxMs. */
  wait(quietMs: number, maxMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const end = Date.now() + maxMs;
      let timer: NodeJS.Timeout | undefined;
      const settle = (ready: boolean) => {
        clearTimeout(timer);
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(ready);
      };
      const waiter = {
        progress: () => {
          clearTimeout(timer);
          timer = setTimeout(() => settle(false), Math.max(0, Math.min(quietMs, end - Date.now())));
        },
        ready: () => settle(true),
      };
      this.waiters.push(waiter);
      waiter.progress();
    });
  }

  /** A step was made (a list, a watch opened, a failure); `ready`: every cluster is. */
  notify(ready: boolean): void {
    for (const w of [...this.waiters]) (ready ? w.ready : w.progress)();
  }
}
