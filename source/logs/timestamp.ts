// Kubelet log timestamps (`timestamps=true`): each line starts with an RFC3339Nano time and a space,
// e.g. "2024-06-01T08:00:00.123456789Z message". RFC3339Nano drops trailing zeros in the fraction,
// so strings do not sort; we compare (epoch seconds, nanoseconds) pairs instead.

export interface Stamp {
  /** Epoch seconds. */
  sec: number;
  /** Nanoseconds within the second, 0..999999999. */
  nanos: number;
}

// Cache of the last "YYYY-MM-DDTHH:MM:SS" prefix -> epoch seconds: consecutive lines share it.
// `tr`: `t` is the trimmed text in parseDuration.
import { t as tr } from '../i18n/t.js';
let lastPrefix = '';
let lastPrefixSec = 0;

const DIGIT0 = 48;

/**
 * Parses the timestamp at the start of a line. Returns undefined when the line does not start with
 * one. Accepts a fraction of any length (up to 9 digits are kept) and `Z` or `±HH:MM`.
 */
export function parseStamp(ts: string): Stamp | undefined {
  if (ts.length < 20 || ts.charCodeAt(4) !== 45 /* - */ || ts.charCodeAt(10) !== 84 /* T */) return undefined;
  const prefix = ts.slice(0, 19);
  let sec: number;
  if (prefix === lastPrefix) sec = lastPrefixSec;
  else {
    const ms = Date.parse(prefix + 'Z');
    if (Number.isNaN(ms)) return undefined;
    sec = ms / 1000;
    lastPrefix = prefix;
    lastPrefixSec = sec;
  }
  let i = 19;
  let nanos = 0;
  if (ts.charCodeAt(i) === 46 /* . */) {
    i++;
    let digits = 0;
    while (i < ts.length) {
      const c = ts.charCodeAt(i) - DIGIT0;
      if (c < 0 || c > 9) break;
      if (digits < 9) nanos = nanos * 10 + c;
      digits++;
      i++;
    }
    for (; digits < 9; digits++) nanos *= 10;
  }
  const zone = ts.charCodeAt(i);
  if (zone === 90 /* Z */) {
    if (i + 1 !== ts.length) return undefined;
  } else if (zone === 43 /* + */ || zone === 45 /* - */) {
    const m = /^[+-](\d\d):(\d\d)$/.exec(ts.slice(i));
    if (!m) return undefined;
    const off = (Number(m[1]) * 60 + Number(m[2])) * 60;
    sec += zone === 43 ? -off : off;
  } else return undefined;
  return { sec, nanos };
}

/** Splits "TIMESTAMP message" into its parts; ts is '' when the line has no leading timestamp. */
export function splitTimestamped(line: string): { ts: string; message: string } {
  const sp = line.indexOf(' ');
  if (sp >= 20 && sp <= 40 && line.charCodeAt(4) === 45 && line.charCodeAt(10) === 84) {
    return { ts: line.slice(0, sp), message: line.slice(sp + 1) };
  }
  return { ts: '', message: line };
}

export function compareStamps(a: Stamp, b: Stamp): number {
  return a.sec !== b.sec ? a.sec - b.sec : a.nanos - b.nanos;
}

/** RFC3339 (seconds precision, UTC) of a stamp, floored: what `sinceTime` gets on a resume. */
export function sinceTimeOf(s: Stamp): string {
  return new Date(Math.floor(s.sec) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Parses a --since value: "30s", "5m", "2h", "1h30m", "2d" or plain seconds. */
/** A --since value that is no duration (a usage error for the command). */
export class DurationError extends Error {}

export function parseDuration(s: string): number {
  const t = s.trim();
  if (/^\d+$/.test(t)) return Number(t);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/gy;
  let total = 0;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(t)) !== null) {
    const n = Number(m[1]);
    total += m[2] === 'ms' ? n / 1000 : m[2] === 's' ? n : m[2] === 'm' ? n * 60 : m[2] === 'h' ? n * 3600 : n * 86400;
    consumed = re.lastIndex;
  }
  if (consumed !== t.length || t.length === 0) throw new DurationError(tr('commands.logs.notDuration', { value: s }));
  return Math.max(1, Math.ceil(total));
}
