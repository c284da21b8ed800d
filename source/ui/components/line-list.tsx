// Windowed list of detail lines with a selection gutter (Enter follows a line's drill target).
import { Box } from 'ink';
import { memo } from 'react';
import { fitSegs, segsWidth } from '../text/segs.js';
import type { Line, Seg } from '../views/types.js';
import { SegLine } from './seg-text.js';

const Item = memo(function Item({ line, selected, width }: { line: Line; selected: boolean; width: number }) {
  const gutter: Seg = { text: selected ? (line.drill ? '> ' : '- ') : '  ' };
  let segs = fitSegs([gutter, ...line.segs], width);
  if (selected) {
    const w = segsWidth(segs);
    if (w < width) segs = [...segs, { text: ' '.repeat(width - w) }];
  }
  return <SegLine segs={segs} base={selected ? 'selection' : undefined} />;
});

export function LineList({
  lines,
  offset,
  height,
  selected,
  width,
}: {
  lines: readonly Line[];
  offset: number;
  height: number;
  selected: number;
  width: number;
}) {
  const visible = lines.slice(offset, offset + height);
  return (
    <Box flexDirection="column" width={width}>
      {visible.map((l, i) => (
        <Item key={l.key} line={l} selected={offset + i === selected} width={width} />
      ))}
    </Box>
  );
}
