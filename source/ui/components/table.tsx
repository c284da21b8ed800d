// Windowed table: only the rows in the viewport are rendered; each row is memoized and renders as
// one line, so a changed cell rewrites one terminal row.
import { Box, Text } from 'ink';
import { memo } from 'react';
import type { PlacedColumn } from '../columns.js';
import { GAP, GUTTER } from '../columns.js';
import { displayWidth, fit, truncate } from '../text/width.js';
import { useTheme } from '../theme/context.js';
import type { Row, Seg } from '../views/types.js';
import { SegLine } from './seg-text.js';

const SPACES = ' '.repeat(GAP);

/** The gutter: `>` on the selected row, `*` on a marked row (`>*` both). */
export function rowSegs(row: Row, cols: readonly PlacedColumn[], selected: boolean, width: number, marked = false): Seg[] {
  const segs: Seg[] = marked ? [{ text: selected ? '>' : ' ' }, { text: '*', token: 'accent' }] : [{ text: selected ? '> ' : '  ' }];
  cols.forEach((c, i) => {
    const raw = row.cells[c.index] ?? '';
    const tail = row.tails?.[c.index];
    // Cut the body, not the tail, so "paused: awaiting approval 12m" keeps its timer when narrow.
    const text =
      tail && displayWidth(raw) > c.width && c.width > displayWidth(tail) + 2
        ? fit(truncate(raw.slice(0, raw.length - tail.length), c.width - displayWidth(tail)) + tail, c.width, c.column.align)
        : fit(raw, c.width, c.column.align);
    segs.push({ text: i === 0 ? text : SPACES + text, token: row.tokens[c.index] });
  });
  if (selected) {
    // Pad so the selection bar spans the row.
    const used = GUTTER + cols.reduce((a, c) => a + c.width, 0) + GAP * Math.max(0, cols.length - 1);
    if (width > used) segs.push({ text: ' '.repeat(width - used) });
  }
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
  return <SegLine segs={rowSegs(row, cols, selected, width, marked)} base={selected ? 'selection' : undefined} />;
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
      {visible.map((r, i) => (
        <TableRow key={r.key} row={r} cols={cols} selected={offset + i === selected} marked={marks?.has(r.key) === true} width={width} />
      ))}
    </Box>
  );
}
