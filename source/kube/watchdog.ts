// Liveness of one open watch. A quiet watch and a dead peer (TCP open, no bytes: a hung apiserver or
// proxy) look the same from the stream, so after `probeAfterMs` without a byte the watch asks
// whether the server answers at all (`probe`, shared by a client's watches); a server that does not
// answer makes the watch dead at once: the cluster shows stale within probeAfterMs + one request
// timeout (client-go's HTTP/2 health check: a ping after 30 s read-idle, 15 s ping timeout). A server
// that answers keeps the watch until `idleMs` without a byte, then the watch is re-opened from its
// resourceVersion (`idle`: not an error; apiservers send a bookmark about once a minute).
import { t } from '../i18n/t.js';

export interface WatchdogOptions {
  probeAfterMs: number;
  idleMs: number;
  /** undefined when the server answers, else why it does not (one line). */
  probe(): Promise<string | undefined>;
  /** The watch is to end: `idle` = only quiet (the server answers), else its peer is dead. */
  onDead(why: string, idle: boolean): void;
}

export class Watchdog {
  private last = Date.now();
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(private readonly o: WatchdogOptions) {
    this.arm(Math.min(o.probeAfterMs, o.idleMs));
  }

  /** Bytes arrived. */
  alive(): void {
    this.last = Date.now();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private arm(ms: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.check(), Math.max(0, ms));
    this.timer.unref?.();
  }

  private async check(): Promise<void> {
    const { probeAfterMs, idleMs } = this.o;
    const idle = Date.now() - this.last;
    if (idle >= idleMs) return this.o.onDead(t('commands.kube.watchQuiet', { seconds: seconds(idle) }), true);
    if (idle < probeAfterMs) return this.arm(Math.min(probeAfterMs, idleMs) - idle);
    const why = await this.o.probe();
    if (this.stopped) return;
    const now = Date.now() - this.last;
    if (now < probeAfterMs) return this.arm(probeAfterMs - now); // bytes came meanwhile
    if (why !== undefined) return this.o.onDead(t('commands.kube.watchQuietAnd', { seconds: seconds(now), why }), false);
    this.arm(Math.min(probeAfterMs, idleMs - now));
  }
}

function seconds(ms: number): string {
  return ms < 10_000 ? String(Math.round(ms / 100) / 10) : String(Math.round(ms / 1000));
}
