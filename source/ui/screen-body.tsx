// The body of the console under the title: an action overlay, a list (or why it is empty), or the
// lines of a detail / help screen. Only the rows in the viewport are drawn.
import { Box } from 'ink';
import { t } from '../i18n/t.js';
import type { Snapshot } from '../store/types.js';
import { LineList } from './components/line-list.js';
import { SegLine } from './components/seg-text.js';
import { Table } from './components/table.js';
import type { Screen } from './hooks/use-screen.js';
import { overlayRows } from './overlay-lines.js';
import type { UiState } from './state.js';
import { top } from './state.js';
import { fitSegs } from './text/segs.js';
import type { BuildContext, Line } from './views/types.js';

export interface ScreenBodyProps {
  state: UiState;
  screen: Screen;
  /** Detail / help lines as shown (the Rollout detail's action lines are live). */
  lines: readonly Line[];
  snap: Snapshot;
  ctx: BuildContext;
  width: number;
  bodyHeight: number;
  offset: number;
  selected: number;
  /** Marked rows of the list (row keys). */
  marks?: ReadonlySet<string>;
}

/** Why a list shows no rows: nothing there at all, or everything filtered out. */
function emptyWhy(p: ScreenBodyProps): string {
  const { screen, state, snap, ctx } = p;
  if (screen.kind !== 'list') return '';
  if (screen.total === 0)
    return screen.spec.emptyText(snap, ctx) + (Object.values(snap.synced).some((v) => !v) ? ` ${t('console.screen.syncing')}` : '');
  const f = top(state).ui.filter;
  return t('console.screen.noMatch', {
    what: screen.spec.title.toLowerCase(),
    filter: f ? t('console.screen.noMatchFilter', { filter: f }) : '',
    cluster: state.cluster ? t('console.screen.noMatchCluster', { cluster: state.cluster }) : '',
    n: screen.total,
  });
}

export function ScreenBody(p: ScreenBodyProps) {
  const { state, screen, width, bodyHeight } = p;
  if (state.overlay) {
    const h = bodyHeight + (screen.kind === 'list' ? 1 : 0);
    return (
      <Box flexDirection="column" height={h}>
        {overlayRows(state.overlay, width, h).map((r, i) => (
          <SegLine key={i} segs={r} />
        ))}
      </Box>
    );
  }
  if (screen.kind === 'list') {
    const empty = screen.rows.length === 0;
    return (
      <Box flexDirection={empty ? 'column' : undefined} height={bodyHeight + 1}>
        <Table
          rows={screen.rows}
          cols={screen.cols}
          offset={empty ? 0 : p.offset}
          height={empty ? 0 : bodyHeight}
          selected={empty ? -1 : p.selected}
          marks={p.marks}
          width={width}
          sortCol={screen.sortCol}
          sortDesc={screen.sortDesc}
        />
        {empty && <SegLine segs={fitSegs([{ text: `  ${emptyWhy(p)}`, token: 'muted' }], width)} />}
      </Box>
    );
  }
  return (
    <Box height={bodyHeight}>
      <LineList lines={p.lines} offset={p.offset} height={bodyHeight} selected={p.selected} width={width} />
    </Box>
  );
}
