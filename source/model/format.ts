// Pure formatting helpers shared by scripted output and the UI. ASCII only (works without emoji,
// at 80 columns, and in CJK terminals where ambiguous-width glyphs would misalign).
import { type MessageKey, t } from '../i18n/t.js';
import { rolloutText } from './rollout-words.js';
import type { RolloutStatus, StepKind } from './types.js';

// rolloutText lives in rollout-words.ts; its importers keep finding it here, beside stateText.
export { rolloutText };

function toMs(t: string | number | Date): number {
  return typeof t === 'number' ? t : t instanceof Date ? t.getTime() : Date.parse(t);
}

/** kubectl-style age of a timestamp: "12s", "12m", "3h", "2d", "1y". "" when unknown. */
export function age(since: string | number | Date | undefined, now: number = Date.now()): string {
  if (since === undefined || since === '') return '';
  const ms = toMs(since);
  if (Number.isNaN(ms)) return '';
  return shortDuration(Math.max(0, Math.floor((now - ms) / 1000)));
}

/** One-unit duration: "45s", "12m", "3h", "2d", "1y". */
export function shortDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 365) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

/** Precise duration: "45s", "2m5s", "1h30m", "2d3h". Two units at most. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  const units: Array<[string, number]> = [
    ['d', 86400],
    ['h', 3600],
    ['m', 60],
    ['s', 1],
  ];
  let rest = s;
  const parts: string[] = [];
  for (const [u, n] of units) {
    const q = Math.floor(rest / n);
    if (q > 0 || parts.length > 0) {
      if (q > 0) parts.push(`${q}${u}`);
      rest -= q * n;
      if (parts.length === 2) break;
    }
  }
  return parts.join('');
}

/** Parse a Go/Argo duration ("30s", "1h30m", "10m") or a number of seconds; undefined when unparsable. */
export function parseDuration(v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  if (/^\d+$/.test(v)) return Number(v);
  const re = /(\d+(?:\.\d+)?)(ms|s|m|h)/g;
  let total = 0;
  let consumed = 0;
  for (let m = re.exec(v); m; m = re.exec(v)) {
    const n = Number(m[1]);
    total += m[2] === 'h' ? n * 3600 : m[2] === 'm' ? n * 60 : m[2] === 's' ? n : n / 1000;
    consumed += m[0].length;
  }
  return consumed === v.length && consumed > 0 ? total : undefined;
}

/** "HH:MM:SS" of a timestamp, local time unless utc. */
export function clock(t: string | number | Date, utc = false): string {
  const d = new Date(toMs(t));
  if (Number.isNaN(d.getTime())) return '';
  const p = (n: number) => String(n).padStart(2, '0');
  return utc
    ? `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`
    : `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/**
 * Tag of an image reference: "registry:5000/p/service:0.2.0" -> "0.2.0";
 * "x@sha256:abcdef..." -> "sha256:abcdef12"; no tag -> "latest".
 */
export function imageTag(image: string | undefined): string {
  if (!image) return '';
  const at = image.indexOf('@');
  if (at >= 0) {
    const digest = image.slice(at + 1);
    const [alg, hex] = digest.split(':');
    return hex ? `${alg}:${hex.slice(0, 8)}` : digest;
  }
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  return colon > slash ? image.slice(colon + 1) : 'latest';
}

/** Repository of an image reference without tag/digest. */
export function imageRepo(image: string): string {
  const at = image.indexOf('@');
  const noDigest = at >= 0 ? image.slice(0, at) : image;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return colon > slash ? noDigest.slice(0, colon) : noDigest;
}

/** "40%" (rounded down so 99.6% never shows as done); "-" when the total is 0. */
export function percent(n: number, total: number): string {
  if (!total) return '-';
  return `${Math.floor((n * 100) / total)}%`;
}

// ---- the rollout's step and state, one wording for the console and the scripted tables ----

/** "2/5 pause": step i/n (1-based) and the current step's kind; "5/5 done" past the last step; "-" without steps. */
export function stepText(r: Pick<RolloutStatus, 'steps' | 'stepIndex'>): string {
  const n = r.steps.length;
  if (r.stepIndex === undefined || n === 0) return '-';
  if (r.stepIndex >= n) return t('views.step.done', { n });
  const kind = r.steps[r.stepIndex]?.kind;
  return `${r.stepIndex + 1}/${n} ${kind ? t(STEP_KIND[kind]) : ''}`.trim();
}

const STEP_KIND: Record<StepKind, MessageKey> = {
  partition: 'views.stepKind.partition',
  pause: 'views.stepKind.pause',
  hook: 'views.stepKind.hook',
};

/** " 12m": how long the rollout has been paused (leading space), or '' when it is not paused. */
export function pausedFor(r: Pick<RolloutStatus, 'paused' | 'pausedSince'>, now: number = Date.now()): string {
  if (!r.paused || !r.pausedSince) return '';
  const since = Date.parse(r.pausedSince);
  return Number.isNaN(since) || since <= 0 ? '' : ` ${shortDuration((now - since) / 1000)}`;
}

const HELD = /^paused: held by zonectl(?: \((\d+)\/(\d+) updated\))?$/;

/** "paused: awaiting approval 12m": the rollout's message (its phase when it has none) and how long it has been paused. */
export function stateText(
  r: Pick<RolloutStatus, 'message' | 'phase' | 'paused' | 'pausedSince' | 'hold'>,
  now: number = Date.now(),
): string {
  const text = r.message || r.phase;
  if (!r.hold) return rolloutText(text) + pausedFor(r, now);
  // zonectl's hold, visible in every table: who holds it and for how long.
  const by = r.hold.by ?? 'zonectl';
  const who = r.hold.at ? t('views.state.heldBySince', { by, age: age(r.hold.at, now) }) : t('views.state.heldBy', { by });
  const held = HELD.exec(text);
  if (held)
    return held[1] === undefined
      ? t('views.state.held', { who })
      : t('views.state.heldCounts', { who, updated: held[1], replicas: held[2]! });
  // The adapters' own message (source/kinds) names the hold in English; it is replaced by the words above.
  const adapters = 'held by zonectl'; // eslint-disable-line i18next/no-literal-string -- matches the adapters' English message
  return text.includes(adapters) ? text.replace(adapters, who) : t('views.state.heldPrefix', { who, text: rolloutText(text) });
}

/** "1/3": pods on the update revision of the desired replicas. */
export function updatedText(r: Pick<RolloutStatus, 'updated' | 'replicas'>): string {
  return `${r.updated}/${r.replicas}`;
}

/** The current step hook run's phase, or "-". */
export function hookText(r: Pick<RolloutStatus, 'hookPhase'>): string {
  return r.hookPhase ?? '-';
}

/** Truncate to a display width with "..." (ASCII ellipsis); counts East Asian wide chars as 2. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  let w = 0;
  let out = '';
  const chars = Array.from(s);
  const total = chars.reduce((acc, c) => acc + charWidth(c), 0);
  if (total <= width) return s;
  const limit = Math.max(0, width - 3);
  for (const c of chars) {
    const cw = charWidth(c);
    if (w + cw > limit) break;
    out += c;
    w += cw;
  }
  return width >= 3 ? `${out}...` : out;
}

/** Display width of one character: 2 for East Asian wide/fullwidth, else 1. */
export function charWidth(c: string): number {
  const cp = c.codePointAt(0) ?? 0;
  if (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  )
    return 2;
  return 1;
}
