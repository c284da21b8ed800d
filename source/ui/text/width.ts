// Display width (terminal cells) for table layout. CJK and other wide characters take two cells;
// string-width knows the Unicode East Asian Width tables. ASCII takes a fast path because it is
// what almost every cell holds and layout runs over whole lists.
import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** ASCII marker used when a cell is cut (narrow in every terminal, unlike the ambiguous-width "…"). */
export const ELLIPSIS = '~';

export function displayWidth(s: string): number {
  return PRINTABLE_ASCII.test(s) ? s.length : stringWidth(s);
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
