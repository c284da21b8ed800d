// Virtual time for the simulator. Everything time-based in the sim (pod start-up, pause steps,
// hook measurements, log lines) reads this clock, never Date.now(), so tests can drive time by hand
// (advance()) and the demo can run it at `speed` times real time (startRealtime()).

interface Timer {
  at: number;
  seq: number;
  fn: () => void;
  cancelled: boolean;
}

export interface ClockOptions {
  /** Virtual epoch ms at start (default: a fixed instant, so tests are deterministic). */
  start?: number;
  /** Virtual ms per real ms when running in real time. */
  speed?: number;
}

export const DEFAULT_EPOCH = Date.UTC(2024, 5, 1, 8, 0, 0);

export class VirtualClock {
  private t: number;
  private heap: Timer[] = [];
  private seq = 0;
  private ticker: NodeJS.Timeout | undefined;
  private tickListeners = new Set<(now: number) => void>();
  speed: number;

  constructor(opts: ClockOptions = {}) {
    this.t = opts.start ?? DEFAULT_EPOCH;
    this.speed = opts.speed ?? 1;
  }

  now(): number {
    return this.t;
  }
  private isoCache = { sec: Number.NaN, text: '' };
  /** RFC 3339 (seconds) of a virtual instant; one shared string per second keeps objects compact. */
  iso(ms = this.t): string {
    const sec = Math.floor(ms / 1000);
    if (sec !== this.isoCache.sec) this.isoCache = { sec, text: new Date(sec * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z') };
    return this.isoCache.text;
  }

  /** Run fn once virtual time reaches now+ms. Returns a cancel function. */
  after(ms: number, fn: () => void): () => void {
    const timer: Timer = { at: this.t + Math.max(0, ms), seq: this.seq++, fn, cancelled: false };
    this.push(timer);
    return () => {
      timer.cancelled = true;
    };
  }

  /** Number of pending (not cancelled) timers. */
  pending(): number {
    return this.heap.filter((x) => !x.cancelled).length;
  }
  /** Virtual time of the next timer, if any. */
  nextAt(): number | undefined {
    while (this.heap.length && this.heap[0].cancelled) this.pop();
    return this.heap[0]?.at;
  }

  /** Called after every advance (for followers such as log streams). */
  onTick(fn: (now: number) => void): () => void {
    this.tickListeners.add(fn);
    return () => this.tickListeners.delete(fn);
  }

  /** Move virtual time forward to `target`, firing due timers in order. */
  advanceTo(target: number): void {
    for (;;) {
      const next = this.nextAt();
      if (next === undefined || next > target) break;
      const timer = this.pop()!;
      if (timer.at > this.t) this.t = timer.at;
      if (!timer.cancelled) timer.fn();
    }
    if (target > this.t) this.t = target;
    for (const fn of [...this.tickListeners]) fn(this.t);
  }
  advance(ms: number): void {
    this.advanceTo(this.t + ms);
  }

  /** Drive virtual time from the real clock: every tickMs real ms, advance by elapsed*speed. */
  startRealtime(tickMs = 100): void {
    if (this.ticker) return;
    let last = performance.now();
    this.ticker = setInterval(() => {
      const nowReal = performance.now();
      const elapsed = nowReal - last;
      last = nowReal;
      this.advance(Math.round(elapsed * this.speed));
    }, tickMs);
    this.ticker.unref();
  }
  stopRealtime(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }
  get realtime(): boolean {
    return this.ticker !== undefined;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  private push(x: Timer): void {
    const h = this.heap;
    h.push(x);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  private pop(): Timer | undefined {
    const h = this.heap;
    if (!h.length) return undefined;
    const top = h[0];
    const last = h.pop()!;
    if (h.length) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l], h[m])) m = l;
        if (r < h.length && this.less(h[r], h[m])) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m], h[i]];
        i = m;
      }
    }
    return top;
  }
}
