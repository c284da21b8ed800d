// Windowed table: only the rows in the viewport are rendered; each row is memoized and renders as
// one line, so a changed cell rewrites one terminal row. Ink draws every frame from scratch (it
// tokenizes and measures each line of the screen again), so a row is kept cheap for it: as few
// text runs as its colours need, and the gap before a coloured cell outside the colour, so Ink reads
// the line back as the same string and tokenizes it once per frame, not twice.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PlacedColumn } from '../columns.js';
import { GAP, GUTTER } from '../columns.js';
import { displayWidth, fit, truncate } from '../text/width.js';
import { useTheme } from '../theme/context.js';
import type { Theme, Token } from '../theme/theme.js';
import type { Row, Seg } from '../views/types.js';
import { SegLine } from './seg-text.js';

const SPACES = ' '.repeat(GAP);

/** A token whose style shows on blank cells too (a background, inverse, underline): its gap keeps it, as before. */
function paintsBlanks(theme: Theme | undefined, token: Token | undefined): boolean {
  if (!token) return false;
  if (!theme) return true;
  const s = theme.tokens[token];
  return !!(s.backgroundColor || s.inverse || s.underline);
}

/** Appends a run, merged into the last one when it has the same colour. */
function push(segs: Seg[], text: string, token: Token | undefined): void {
  const last = segs[segs.length - 1];
  if (last && last.token === token) last.text += text;
  else segs.push(token ? { text, token } : { text });
}

/** The gutter: `>` on the selected row, `*` on a marked row (`>*` both). */
export function rowSegs(row: Row, cols: readonly PlacedColumn[], selected: boolean, width: number, marked = false, theme?: Theme): Seg[] {
  const segs: Seg[] = [];
  if (marked) {
    push(segs, selected ? '>' : ' ', undefined);
    push(segs, '*', 'accent');
  } else push(segs, selected ? '> ' : '  ', undefined);
  cols.forEach((c, i) => {
    const raw = row.cells[c.index] ?? '';
    const tail = row.tails?.[c.index];
    // Cut the body, not the tail, so "paused: awaiting approval 12m" keeps its timer when narrow.
    const text =
      tail && displayWidth(raw) > c.width && c.width > displayWidth(tail) + 2
        ? fit(truncate(raw.slice(0, raw.length - tail.length), c.width - displayWidth(tail)) + tail, c.width, c.column.align)
        : fit(raw, c.width, c.column.align);
    const token = row.tokens[c.index];
    if (i === 0) push(segs, text, token);
    else if (paintsBlanks(theme, token)) push(segs, SPACES + text, token);
    else {
      push(segs, SPACES, undefined);
      push(segs, text, token);
    }
  });
  if (selected) {
    // Pad so the selection bar spans the row.
    const used = GUTTER + cols.reduce((a, c) => a + c.width, 0) + GAP * Math.max(0, cols.length - 1);
    if (width > used) push(segs, ' '.repeat(width - used), undefined);
  }
  return segs;
}

/** A row's runs while its columns, width, mark and theme stay: a scroll gives a line another row, not new work. */
const segsOf = new WeakMap<Row, { cols: readonly PlacedColumn[]; width: number; marked: boolean; theme: Theme; segs: Seg[] }>();
function cachedSegs(row: Row, cols: readonly PlacedColumn[], width: number, marked: boolean, theme: Theme): Seg[] {
  const hit = segsOf.get(row);
  if (hit && hit.cols === cols && hit.width === width && hit.marked === marked && hit.theme === theme) return hit.segs;
  const segs = rowSegs(row, cols, false, width, marked, theme);
  segsOf.set(row, { cols, width, marked, theme, segs });
  return segs;
}

const TableRow = memo(function TableRow({
  row,
  cols,
  selected,
  marked,
  width,
}: {
  row: Row;
  cols: readonly PlacedColumn[];
  selected: boolean;
  marked: boolean;
  width: number;
}) {
  const theme = useTheme();
  // The selection colours the whole row: one run of text.
  const segs = selected
    ? [
        {
          text: rowSegs(row, cols, true, width, marked)
            .map((s) => s.text)
            .join(''),
        },
      ]
    : cachedSegs(row, cols, width, marked, theme);
  return <SegLine segs={segs} base={selected ? 'selection' : undefined} />;
});

export function headerText(cols: readonly PlacedColumn[], sortCol?: string, desc?: boolean): string {
  return (
    ' '.repeat(GUTTER) +
    cols
      .map((c) => {
        const mark = c.column.id === sortCol ? (desc ? '-' : '+') : '';
        return fit(c.column.title + mark, c.width, c.column.align);
      })
      .join(SPACES)
  );
}

export interface TableProps {
  rows: readonly Row[];
  cols: readonly PlacedColumn[];
  offset: number;
  height: number;
  selected: number;
  /** Marked rows (row keys). */
  marks?: ReadonlySet<string>;
  width: number;
  sortCol?: string;
  sortDesc?: boolean;
}

export function Table({ rows, cols, offset, height, selected, marks, width, sortCol, sortDesc }: TableProps) {
  const theme = useTheme();
  const visible = rows.slice(offset, offset + height);
  return (
    <Box flexDirection="column" width={width}>
      <Text wrap="truncate-end" {...theme.tokens.header}>
        {headerText(cols, sortCol, sortDesc)}
      </Text>
      {/* Keyed by place in the window: a page down (or g / G) gives each line its new row instead of
          unmounting and mounting a line per row; the rows' runs are cached, so a line that gets
          another row on a scroll costs Ink a text update. */}
      {visible.map((r, i) => (
        <TableRow key={i} row={r} cols={cols} selected={offset + i === selected} marked={marks?.has(r.key) === true} width={width} />
      ))}
    </Box>
  );
}
