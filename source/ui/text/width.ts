// Display width (terminal cells) for table layout. CJK and other wide characters take two cells;
// string-width knows the Unicode East Asian Width tables. ASCII takes a fast path because it is
// what almost every cell holds and layout runs over whole lists.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/**
 * Printable ASCII mixed with wide CJK only (ideographs, fullwidth forms, CJK punctuation without its
 * combining marks, Hangul syllables): one UTF-16 unit each, two cells per non-ASCII one. Zone and
 * service names of Chinese teams are mostly this; string-width's per-grapheme emoji test is the slow
 * part of laying out a long list of them. The unit test checks every code point here against string-width.
 */
export const ASCII_OR_WIDE_CJK = /^[\x20-\x7e\u3000-\u3029\u3030-\u303e\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff60]*$/;
const NON_ASCII = /[^\x20-\x7e]/g;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** ASCII marker used when a cell is cut (narrow in every terminal, unlike the ambiguous-width "…"). */
export const ELLIPSIS = '~';

export function displayWidth(s: string): number {
  if (PRINTABLE_ASCII.test(s)) return s.length;
  if (ASCII_OR_WIDE_CJK.test(s)) return s.length + (s.match(NON_ASCII)?.length ?? 0);
  return stringWidth(s);
}

/** Cuts `s` to at most `width` cells, marking the cut with ELLIPSIS. Never splits a grapheme. */
export function truncate(s: string, width: number): string {
  if (width <= 0) return '';
  if (PRINTABLE_ASCII.test(s)) {
    return s.length <= width ? s : width === 1 ? ELLIPSIS : s.slice(0, width - 1) + ELLIPSIS;
  }
  if (stringWidth(s) <= width) return s;
  const limit = width - 1; // room for the marker
  const [out, used] = headCells(s, limit);
  // A wide character that did not fit leaves one cell: pad so the column stays aligned.
  return out + ' '.repeat(limit - used) + ELLIPSIS;
}

/** The longest head of `s` that fits in `cells` cells, never splitting a grapheme: [head, its width]. */
export function headCells(s: string, cells: number): [string, number] {
  let head = '';
  let used = 0;
  for (const { segment } of segmenter.segment(s)) {
    const w = displayWidth(segment);
    if (used + w > cells) break;
    head += segment;
    used += w;
  }
  return [head, used];
}

/** Truncates then pads to exactly `width` cells. */
export function fit(s: string, width: number, align: 'left' | 'right' = 'left'): string {
  const t = truncate(s, width);
  const gap = width - displayWidth(t);
  if (gap <= 0) return t;
  return align === 'right' ? ' '.repeat(gap) + t : t + ' '.repeat(gap);
}
