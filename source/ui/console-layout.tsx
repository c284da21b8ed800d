// What the console draws, top to bottom: header, title (breadcrumbs), the stale banner, the body
// (a log / diff view, an overlay, a list or lines), and the footer (key hints, the command line, or a
// flash of one or two rows). Pure of state changes: the container (app.tsx) owns state and keys.
import { Box } from 'ink';
import type { ReactNode } from 'react';
import { t } from '../i18n/t.js';
import type { ClusterInfo } from '../model/types.js';
import type { Alert } from '../model/alerts/types.js';
import type { ActionKeys } from './action-keys.js';
import { footerSegs, headerSegs, titleSegs } from './chrome.js';
import { completions } from './commands.js';
import { SegLine } from './components/seg-text.js';
import { scopesFor } from './controller.js';
import type { Screen } from './hooks/use-screen.js';
import type { Measure } from './layout.js';
import type { MarkSummary } from './marks.js';
import type { UiState } from './state.js';
import { fitSegs } from './text/segs.js';
import { ThemeContext } from './theme/context.js';
import type { Theme } from './theme/theme.js';
import type { ViewRegistry } from './views/registry.js';

export interface ConsoleLayoutProps {
  theme: Theme;
  views: ViewRegistry;
  state: UiState;
  screen: Screen;
  m: Measure;
  width: number;
  fleetLabel: string;
  user: string;
  readOnly: boolean;
  clusters: readonly ClusterInfo[];
  synced: Record<string, boolean>;
  /** The fleet's alerts: their count is in the header on every view. */
  alerts?: readonly Alert[];
  clusterNames: readonly string[];
  /** Namespaces with rows (`:ns` completion). */
  namespaces?: readonly string[];
  /** The one namespace the console watches (-n); undefined: all. */
  watchedNamespace?: string;
  /** Rows (list) or lines (detail, help) on the screen. */
  shown: number;
  /** The action keys' verdicts where they apply. */
  actions?: ActionKeys;
  /** The list's marks: how many are shown (acted on) and hidden by the filter. */
  marked?: MarkSummary;
  logs: boolean;
  body: ReactNode;
}

export function ConsoleLayout(p: ConsoleLayoutProps) {
  const { state, screen, width, m } = p;
  const header = headerSegs({
    fleet: p.fleetLabel,
    user: p.user,
    namespace: state.namespace ?? p.watchedNamespace ?? null,
    readOnly: p.readOnly,
    clusters: p.clusters,
    synced: p.synced,
    width,
    ...(p.alerts ? { alerts: p.alerts } : {}),
  });
  const list = screen.kind === 'list' ? screen : undefined;
  const sortTitle = list
    ? ((column: string) => (list.sortDesc ? t('console.title.sortDesc', { column }) : column))(
        list.cols.find((c) => c.column.id === list.sortCol)?.column.title ?? list.sortCol,
      )
    : undefined;
  const title = titleSegs({
    state,
    shown: p.shown,
    total: list ? list.total : p.shown,
    isList: list !== undefined,
    sortTitle,
    filterError: list?.filterError,
    showAllLabel: list?.spec.showAll,
    ...(p.marked ? { marked: p.marked } : {}),
  });
  const footer = footerSegs({
    state,
    scopes: scopesFor(state, p.views),
    completions: state.mode === 'command' ? completions(state.input, p.clusterNames, p.views, p.namespaces) : [],
    width,
    actions: p.actions,
    logs: p.logs,
  });
  const flash = state.flash;
  return (
    <ThemeContext.Provider value={p.theme}>
      <Box flexDirection="column" width={width} height={m.frameHeight}>
        <SegLine segs={fitSegs(header, width)} />
        <SegLine segs={fitSegs(title, width)} />
        {m.banner && <SegLine segs={fitSegs(m.banner, width)} />}
        {p.body}
        {state.panel ? null : m.flashRows && flash ? (
          m.flashRows.map((t, i) => <SegLine key={`f${i}`} segs={[{ text: t, token: flash.token }]} />)
        ) : (
          <SegLine segs={fitSegs(footer, width)} />
        )}
      </Box>
    </ThemeContext.Provider>
  );
}
