// Cut a run of coloured segments to a width (one terminal row).
import type { Seg } from '../views/types.js';
import { displayWidth, truncate } from './width.js';

export function segsWidth(segs: readonly Seg[]): number {
  let n = 0;
  for (const s of segs) n += displayWidth(s.text);
  return n;
}

export function fitSegs(segs: readonly Seg[], width: number): Seg[] {
  const out: Seg[] = [];
  let left = width;
  const total = segsWidth(segs);
  if (total <= width) return segs as Seg[];
  for (const s of segs) {
    if (left <= 0) break;
    const w = displayWidth(s.text);
    if (w < left || (w === left && out.length + 1 === segs.length)) {
      out.push(s);
      left -= w;
    } else {
      out.push({ ...s, text: truncate(s.text, left) });
      left = 0;
    }
  }
  return out;
}
