// --max-streams: at most `max` slots run at once (0 = no cap); the rest wait in arrival order and
// start as running ones end. `onCap` fires once each time the cap starts holding slots back.

export class StreamCap<T> {
  private readonly waiting: T[] = [];
  private running = 0;

  constructor(
    private readonly max: number,
    private readonly start: (item: T) => void,
    private readonly onCap: (max: number) => void,
  ) {}

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  admit(item: T): void {
    if (this.max > 0 && this.running >= this.max) {
      if (this.waiting.length === 0) this.onCap(this.max);
      this.waiting.push(item);
      return;
    }
    this.running++;
    this.start(item);
  }

  /** Drop a waiting item (its pod left before it started). True when it was waiting. */
  withdraw(item: T): boolean {
    const i = this.waiting.indexOf(item);
    if (i < 0) return false;
    this.waiting.splice(i, 1);
    return true;
  }

  /** A running item ended: start waiting ones while there is room. */
  release(canStart = true): void {
    this.running--;
    while (canStart && this.waiting.length > 0 && (this.max <= 0 || this.running < this.max)) this.admit(this.waiting.shift()!);
  }

  /** Empties the queue, returning what waited. */
  drain(): T[] {
    return this.waiting.splice(0);
  }
}
