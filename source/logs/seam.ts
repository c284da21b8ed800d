// De-duplication at the seams of one container slot. Two kinds of seam:
//
// 1. Resume (same container instance): the new read asks for `sinceTime` = the last emitted timestamp
//    floored to the second, so it overlaps what was emitted. Within one instance timestamps never go
//    back, so: a line older than the last emitted timestamp is skipped; a line at exactly that
//    timestamp is skipped as many times as that exact content was emitted there (a multiset, so
//    identical lines in the same instant survive); a newer line is emitted.
//
// 2. New instance (container restarted in place, pod recreated): the new read starts at the new
//    instance's first line. Its timestamps need not be after the old instance's last line (a
//    simulator or a node clock can overlap them), so order is not trusted across this seam. Instead
//    the lines recently emitted at or after the new instance's start time are skipped once each by
//    (timestamp, content): those are the new instance's lines that an earlier read already served (a
//    stream opened just as the container was replaced). The recent lines are kept as their time and a
//    53-bit hash of (timestamp, content) in typed arrays, not as strings: at 100 streams the strings
//    (and the chunks they were sliced from) held tens of MiB. Two different lines share a hash with odds
//    of about 2^-43 per line against a full window of 1,024.
// Lines without a timestamp pass through (they cannot be placed).
import { type Stamp, compareStamps, parseStamp } from './timestamp.js';

const RECENT = 1024;

export class SeamCursor {
  /** The last emitted timestamp as written, and parsed (lazily). */
  private lastTs = '';
  private lastStamp?: Stamp;
  /** Contents emitted at `lastTs` in this read (usually one). */
  private atLast: string[] = [];
  /** content -> times still to skip at `lastTs` (carried over from earlier reads). */
  private skip?: Map<string, number>;
  /** hash of (ts, content) -> times to skip, in any order (seeded at a new instance). */
  private seed?: Map<number, number>;
  private seedMax?: Stamp;
  /** The last RECENT emitted lines, for seeding: time (epoch s, ns) and hash of (ts, content); lazily made. */
  private recent?: { sec: Float64Array; nanos: Uint32Array; hash: Float64Array };
  private recentLen = 0;
  private recentPos = 0;
  skipped = 0;

  /** The last emitted timestamp, if any. */
  get stamp(): Stamp | undefined {
    if (!this.lastTs) return undefined;
    return (this.lastStamp ??= parseStamp(this.lastTs));
  }

  /**
   * True when `ts` is later than the last emitted timestamp. A resumed read of the same instance starts
   * at or before it (sinceTime is that timestamp floored, so the last emitted line is served again);
   * a first line past it means the server is reading another instance (the container restarted
   * between the pod GET and the log request).
   */
  isPast(ts: string): boolean {
    const last = this.stamp;
    const s = last && parseStamp(ts);
    return !!s && compareStamps(s, last) > 0;
  }

  /** A resumed read of the same instance begins: lines at the last timestamp become skippable once each. */
  beginRead(): void {
    if (this.atLast.length === 0) return;
    const skip = (this.skip ??= new Map());
    for (const m of this.atLast) skip.set(m, (skip.get(m) ?? 0) + 1);
    this.atLast = [];
  }

  /**
   * A read of a new container instance begins (from its first line). `startSec`: the instance's
   * start (epoch seconds, floored); recent lines at or after it are skipped once each.
   */
  beginInstance(startSec: number | undefined): void {
    this.lastTs = '';
    this.lastStamp = undefined;
    this.atLast = [];
    this.skip = undefined;
    const seed = new Map<number, number>();
    let max: Stamp | undefined;
    const r = this.recent;
    if (startSec !== undefined && r) {
      for (let i = 0; i < this.recentLen; i++) {
        if (r.sec[i] < startSec) continue;
        const s: Stamp = { sec: r.sec[i], nanos: r.nanos[i] };
        const k = r.hash[i];
        seed.set(k, (seed.get(k) ?? 0) + 1);
        if (!max || compareStamps(s, max) > 0) max = s;
      }
    }
    this.seed = seed.size > 0 ? seed : undefined;
    this.seedMax = max;
  }

  /** True when the line is new and should be emitted. */
  accept(ts: string, message: string): boolean {
    if (!ts) return true;
    if (this.seed && !this.acceptSeeded(ts, message)) return false;
    const last = this.lastTs;
    if (ts === last) return this.acceptAtLast(message);
    let c: number;
    if (!last) c = 1;
    else if (ts.length === last.length && ts.charCodeAt(ts.length - 1) === 90 && last.charCodeAt(last.length - 1) === 90) {
      // Same layout, both UTC: fixed-width fields, so string order is time order.
      c = ts > last ? 1 : -1;
    } else {
      const s = parseStamp(ts);
      const l = this.stamp;
      if (!s || !l) return true;
      c = compareStamps(s, l);
      if (c === 0) return this.acceptAtLast(message);
    }
    if (c < 0) {
      this.skipped++;
      return false;
    }
    this.lastTs = ts;
    this.lastStamp = undefined;
    if (this.atLast.length === 1) this.atLast[0] = message;
    else this.atLast = [message];
    this.skip = undefined;
    this.remember(ts, message);
    return true;
  }

  private acceptSeeded(ts: string, message: string): boolean {
    const st = parseStamp(ts);
    // Past the newest seeded line nothing can match any more: drop the seed.
    if (st && this.seedMax && compareStamps(st, this.seedMax) > 0) {
      this.seed = undefined;
      return true;
    }
    const seed = this.seed!;
    const k = lineHash(ts, message);
    const n = seed.get(k);
    if (n === undefined) return true;
    if (n === 1) seed.delete(k);
    else seed.set(k, n - 1);
    if (seed.size === 0) this.seed = undefined;
    this.skipped++;
    return false;
  }

  private acceptAtLast(message: string): boolean {
    const left = this.skip?.get(message);
    if (left !== undefined && left > 0) {
      if (left === 1) this.skip!.delete(message);
      else this.skip!.set(message, left - 1);
      this.skipped++;
      return false;
    }
    this.atLast.push(message);
    this.remember(this.lastTs, message);
    return true;
  }

  private remember(ts: string, message: string): void {
    const st = this.lastTs === ts ? this.stamp : parseStamp(ts);
    if (!st) return; // cannot be placed against an instance start: never seeded
    const r = (this.recent ??= { sec: new Float64Array(RECENT), nanos: new Uint32Array(RECENT), hash: new Float64Array(RECENT) });
    const i = this.recentPos;
    r.sec[i] = st.sec;
    r.nanos[i] = st.nanos;
    r.hash[i] = lineHash(ts, message);
    this.recentPos = (i + 1) % RECENT;
    if (this.recentLen < RECENT) this.recentLen++;
  }
}

/**
 * A 53-bit hash of (ts, content), exact in a double: two 32-bit FNV-1a passes with different offset bases
 * and multipliers, 32 bits of one and 21 of the other. A number keeps nothing of the line alive (a string
 * sliced from it would keep the whole chunk it came from).
 */
function lineHash(ts: string, message: string): number {
  let a = 0x811c9dc5;
  let b = 0x5bd1e995;
  const mix = (str: string) => {
    for (let i = 0; i < str.length; i++) {
      const c = str.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x010001c1);
    }
  };
  mix(ts);
  a = Math.imul(a, 0x01000193); // the separator (a zero char)
  b = Math.imul(b, 0x010001c1);
  mix(message);
  return (a >>> 0) * 0x200000 + (b >>> 11);
}
