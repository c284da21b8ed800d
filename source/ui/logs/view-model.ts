// Pure layout for a log view: entries (lines and stream markers) -> terminal rows of styled
// segments, with the stream prefix, optional timestamps, filter highlights, and truncate or wrap to a
// width. No React, no I/O: the console component renders what this returns.
import stringWidth from 'string-width';
import type { FollowerEventKind, StreamInfo } from '../../model/logs.js';
import type { ViewFilter } from './view-filter.js';

export interface LogEntry {
  /** Monotonic per view. */
  seq: number;
  stream?: StreamInfo;
  /** Kubelet timestamp ('' for markers or untimed lines). */
  ts: string;
  message: string;
  /** Set for stream markers (join / leave / restart / resume / cap / error / notice). */
  event?: FollowerEventKind;
  /** Cluster of a marker without a stream. */
  cluster?: string;
}

export type SegStyle = 'prefix' | 'time' | 'text' | 'match' | 'marker' | 'error';

export interface RowSeg {
  text: string;
  style: SegStyle;
  /** Stream colour index for 'prefix'. */
  colour?: number;
}

export interface RowOptions {
  width: number;
  wrap: boolean;
  timestamps: boolean;
  filter?: ViewFilter;
}

const ASCII = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function entryLabel(e: LogEntry): string {
  return e.stream ? `${e.stream.cluster}/${e.stream.pod}/${e.stream.container}` : (e.cluster ?? '');
}

const MARK: Record<FollowerEventKind, string> = { join: '+', leave: '-', restart: '~', resume: '~', cap: '!', error: '!', notice: '*' };

/** The text a filter sees and a save writes for an entry. */
export function entryText(e: LogEntry, timestamps: boolean): string {
  if (e.event) return `${MARK[e.event]} ${entryLabel(e)} ${e.message}`.replace(/ {2,}/g, ' ');
  return `${entryLabel(e)} ${timestamps && e.ts ? `${e.ts} ` : ''}${sanitize(e.message)}`;
}

/** Control characters would move the cursor: show them as visible escapes. */
export function sanitize(s: string): string {
  // eslint-disable-next-line no-control-regex
  return /[\x00-\x08\x0b-\x1f\x7f]/.test(s)
    ? // eslint-disable-next-line no-control-regex
      s.replace(/\t/g, '    ').replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => `^${String.fromCharCode((c.charCodeAt(0) + 64) & 127)}`)
    : s;
}

/** Styled segments of one entry (before fitting to the width). */
export function entrySegs(e: LogEntry, o: Pick<RowOptions, 'timestamps' | 'filter'>): RowSeg[] {
  if (e.event) return [{ text: entryText(e, false), style: e.event === 'error' || e.event === 'cap' ? 'error' : 'marker' }];
  const segs: RowSeg[] = [
    { text: entryLabel(e), style: 'prefix', colour: e.stream?.colour },
    { text: ' ', style: 'text' },
  ];
  if (o.timestamps && e.ts) segs.push({ text: `${e.ts} `, style: 'time' });
  const msg = sanitize(e.message);
  const ranges = o.filter && !o.filter.inverted ? o.filter.ranges(msg) : [];
  let at = 0;
  for (const [s, end] of ranges) {
    if (s > at) segs.push({ text: msg.slice(at, s), style: 'text' });
    segs.push({ text: msg.slice(s, end), style: 'match' });
    at = end;
  }
  if (at < msg.length || msg.length === 0) segs.push({ text: msg.slice(at), style: 'text' });
  return segs;
}

function width(s: string): number {
  return ASCII.test(s) ? s.length : stringWidth(s);
}

/** Splits `s` after at most `cells` cells without breaking a grapheme: [head, headWidth]. */
function splitAt(s: string, cells: number): [string, number] {
  if (ASCII.test(s)) {
    const head = s.slice(0, Math.max(0, cells));
    return [head, head.length];
  }
  let head = '';
  let hw = 0;
  for (const { segment } of segmenter.segment(s)) {
    const gw = stringWidth(segment);
    if (hw + gw > cells) break;
    head += segment;
    hw += gw;
  }
  return [head, hw];
}

/** Cut segments into rows of at most `w` cells (wrap) or one row ending in `~` when cut (truncate). */
export function fitRows(segs: RowSeg[], w: number, wrap: boolean): RowSeg[][] {
  if (!wrap) {
    let total = 0;
    for (const seg of segs) total += width(seg.text);
    if (total <= w) return [segs];
    const row: RowSeg[] = [];
    let left = w - 1;
    for (const seg of segs) {
      if (left <= 0) break;
      const [head, hw] = splitAt(seg.text, left);
      if (head) row.push({ ...seg, text: head });
      left -= hw;
      if (head.length < seg.text.length) break;
    }
    row.push({ text: '~', style: 'marker' });
    return [row];
  }
  const rows: RowSeg[][] = [[]];
  let used = 0;
  for (const seg of segs) {
    let rest = seg.text;
    while (rest) {
      if (used >= w) {
        rows.push([]);
        used = 0;
      }
      const [head, hw] = splitAt(rest, w - used);
      if (head.length === 0) {
        if (used > 0) {
          used = w; // next row
          continue;
        }
        // One grapheme wider than the whole row: put it alone on its row.
        const first = [...segmenter.segment(rest)][0]!.segment;
        rows[rows.length - 1]!.push({ ...seg, text: first });
        rest = rest.slice(first.length);
        used = w;
        continue;
      }
      rows[rows.length - 1]!.push({ ...seg, text: head });
      used += hw;
      rest = rest.slice(head.length);
    }
  }
  return rows;
}

export function entryRows(e: LogEntry, o: RowOptions): RowSeg[][] {
  return fitRows(entrySegs(e, o), o.width, o.wrap);
}

/**
 * The rows of a window of entries. `follow`: the last `height` rows ending at the last entry.
 * Otherwise: rows starting at entry `top`.
 */
export function windowRows(
  entries: readonly LogEntry[],
  o: RowOptions & { height: number; follow: boolean; top: number },
): Array<{ key: string; segs: RowSeg[] }> {
  const out: Array<{ key: string; segs: RowSeg[] }> = [];
  if (o.height <= 0 || entries.length === 0) return out;
  if (o.follow) {
    for (let i = entries.length - 1; i >= 0 && out.length < o.height; i--) {
      const rows = entryRows(entries[i]!, o);
      for (let r = rows.length - 1; r >= 0 && out.length < o.height; r--) out.push({ key: `${entries[i]!.seq}:${r}`, segs: rows[r]! });
    }
    return out.reverse();
  }
  for (let i = Math.max(0, o.top); i < entries.length && out.length < o.height; i++) {
    const rows = entryRows(entries[i]!, o);
    for (let r = 0; r < rows.length && out.length < o.height; r++) out.push({ key: `${entries[i]!.seq}:${r}`, segs: rows[r]! });
  }
  return out;
}
