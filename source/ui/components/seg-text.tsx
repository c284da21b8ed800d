import { Text } from 'ink';
import { memo } from 'react';
import { useTheme } from '../theme/context.js';
import type { Token } from '../theme/theme.js';
import type { Seg } from '../views/types.js';

/** One terminal row of segments, each styled by its token. Never wraps. */
export const SegLine = memo(function SegLine({ segs, base }: { segs: readonly Seg[]; base?: Token }) {
  const theme = useTheme();
  const baseStyle = base ? theme.tokens[base] : undefined;
  return (
    <Text wrap="truncate-end" {...baseStyle}>
      {segs.map((s, i) =>
        s.token && !base ? (
          <Text key={i} {...theme.tokens[s.token]}>
            {s.text}
          </Text>
        ) : (
          s.text
        ),
      )}
    </Text>
  );
});
