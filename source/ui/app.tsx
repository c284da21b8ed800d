// The console: header, title (breadcrumbs), optional stale banner, the screen in front, footer.
// Height is clamped to the terminal (one row spare) so Ink never overflows and never full-clears.
import { Box, useInput, useStdin, useWindowSize } from 'ink';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SnapshotSource } from '../store/types.js';
import type { SelectedWorkload } from './action-keys.js';
import { actionKeys, blockedReason, targetOf } from './action-keys.js';
import type { ActionsPort } from '../ports/actions.js';
import type { DiffPort } from '../ports/diff.js';
import { footerSegs, headerSegs, staleSegs, titleSegs } from './chrome.js';
import { LineList } from './components/line-list.js';
import { SegLine } from './components/seg-text.js';
import { Table } from './components/table.js';
import { DIFF_HINT, handleKey, scopesFor } from './controller.js';
import { completions } from './commands.js';
import { useAvailability } from './hooks/use-availability.js';
import { useClock } from './hooks/use-clock.js';
import { useScreen } from './hooks/use-screen.js';
import { useSnapshot } from './hooks/use-snapshot.js';
import { usePodFocus } from './hooks/use-pod-focus.js';
import { usePanelFollower } from './hooks/use-panel-follower.js';
import { logChoice } from './log-target.js';
import type { LogsPort } from '../ports/logs.js';
import { keyNames } from './keymap.js';
import { useActionRunner } from './hooks/use-action-runner.js';
import type { Effect } from './overlay.js';
import { flashLines, overlayRows } from './overlay-lines.js';
import type { UiState } from './state.js';
import { closePanel, currentUi, initialState, selectedIndex, top, visibleOffset } from './state.js';
import { fitSegs } from './text/segs.js';
import { ThemeContext } from './theme/context.js';
import type { Theme } from './theme/theme.js';
import { workloadKey } from './views/keys.js';
import { withActionLines } from './views/rollout-actions.js';
import { DiffView } from './views/DiffView.js';
import { LogView } from './views/LogView.js';
import type { BuildContext, ListViewId } from './views/types.js';

export interface AppProps {
  source: SnapshotSource;
  theme: Theme;
  fleetLabel: string;
  user: string;
  readOnly: boolean;
  actions?: ActionsPort;
  /** Follows logs for `l` (zone, workload, pod); without it `l` says logs are not available. */
  logs?: LogsPort;
  /** Git-vs-live source for `:diff` / 5; without it they show `diffHint` (how to configure one). */
  diff?: DiffPort;
  diffHint?: string;
  /** Fixed terminal size (tests); otherwise the real window size, following resizes. */
  size?: { columns: number; rows: number };
  /** Clock for ages/timers (tests pin it). */
  now?: () => number;
  clockMs?: number;
  initialView?: ListViewId;
  onExit(code: number): void;
}

// The panels re-render only when their own props change, not on every snapshot the console receives.
const LogPanel = memo(LogView);
const DiffPanel = memo(DiffView);

const FLASH_MS = 4000;
/** Action results stay longer: the operator may be watching the detail, not the footer. */
const RESULT_MS = 15000;

export function App(props: AppProps) {
  const win = useWindowSize();
  const { columns: width, rows } = props.size ?? win;
  const snap = useSnapshot(props.source);
  const now = useClock(props.clockMs ?? 5000, props.now);
  const [state, setState] = useState<UiState>(() => initialState(props.initialView));
  const stateRef = useRef(state);
  stateRef.current = state;
  /** Applies a transition to the newest state (keys and async answers both go through here). */
  const update = useCallback((f: (s: UiState) => UiState) => {
    const next = f(stateRef.current);
    if (next === stateRef.current) return;
    stateRef.current = next;
    setState(next);
  }, []);

  const stale = useMemo(() => new Set(snap.clusters.filter((c) => c.state !== 'ready').map((c) => c.name)), [snap.clusters]);
  const ctx = useMemo<BuildContext>(() => ({ now, stale, showAll: state.showAll }), [now, stale, state.showAll]);
  const clusterNames = useMemo(() => snap.clusters.map((c) => c.name).sort(), [snap.clusters]);
  const screen = useScreen(state, snap, ctx, width);
  const frame = top(state);

  const banner = state.help ? null : staleSegs(snap.clusters, state.cluster);
  const frameHeight = Math.max(4, rows - 1);
  // A long flash (an action's result or error, naming the cluster) gets a second footer row, not a cut.
  const flashRows = state.flash && !state.overlay && state.mode === 'normal' ? flashLines(state.flash.text, width) : undefined;
  const chrome = 3 + (banner ? 1 : 0) + (screen.kind === 'list' ? 1 : 0) + (flashRows ? flashRows.length - 1 : 0);
  const bodyHeight = Math.max(1, frameHeight - chrome);

  usePodFocus(props.source, frame, snap);
  const ui = currentUi(state);
  const sel = selectedIndex(ui, screen.keyed);

  // The workload the action keys act on: the selected row of the Rollouts list, or the Rollout detail's.
  const actionView = !state.help && (frame.view === 'rollouts' || frame.view === 'rollout');
  const selKey = !actionView
    ? undefined
    : frame.view === 'rollout'
      ? frame.key
      : screen.kind === 'list' && sel >= 0
        ? screen.rows[sel]?.key
        : undefined;
  const selected = useMemo<SelectedWorkload | undefined>(() => {
    const w = selKey === undefined ? undefined : snap.workloads.find((x) => workloadKey(x) === selKey);
    return w && selKey !== undefined ? { key: selKey, target: targetOf(w), workload: w } : undefined;
  }, [selKey, snap]);
  const avail = useAvailability(props.actions, selected, { enabled: !props.readOnly });
  const keysInput = useMemo(
    () => ({
      port: props.actions !== undefined,
      readOnly: props.readOnly,
      selected,
      checked: avail.checked,
      last: avail.last,
      busy: state.busy?.text,
    }),
    [props.actions, props.readOnly, selected, avail.checked, avail.last, state.busy?.text],
  );
  const keys = useMemo(() => actionKeys(keysInput), [keysInput]);
  const blocked = blockedReason(keysInput);
  const lines = useMemo(
    () =>
      screen.kind !== 'lines' ? [] : frame.view === 'rollout' && !state.help ? withActionLines(screen.lines, keys, blocked) : screen.lines,
    [screen, frame.view, state.help, keys, blocked],
  );
  const items = screen.kind === 'list' ? screen.rows : lines;
  const offset = visibleOffset(ui.offset, Math.max(0, sel), bodyHeight, items.length);
  const runEffects = useActionRunner(props.actions, update);
  const panel = state.panel;
  const panelFollower = usePanelFollower(props.logs, panel, update);
  const closeThisPanel = useCallback(() => {
    const id = stateRef.current.panel?.id;
    if (id !== undefined) update((s) => closePanel(s, id));
  }, [update]);
  // What `l` follows: the selected zone / workload / pod line, or the detail's own object.
  const logsEnv = useMemo(
    () => (props.logs ? () => logChoice(frame.view, frame.key, sel >= 0 ? items[sel] : undefined, snap) : undefined),
    [props.logs, frame.view, frame.key, sel, items, snap],
  );
  const diffEnv = useMemo(() => ({ available: props.diff !== undefined, hint: props.diffHint ?? DIFF_HINT }), [props.diff, props.diffHint]);

  // Flash messages clear themselves.
  useEffect(() => {
    const f = state.flash;
    if (!f) return;
    const t = setTimeout(() => update((s) => (s.flash === f ? { ...s, flash: undefined } : s)), f.sticky ? RESULT_MS : FLASH_MS);
    return () => clearTimeout(t);
  }, [state.flash, update]);

  const { isRawModeSupported } = useStdin();
  useInput(
    (input, key) => {
      const names = keyNames(input, key);
      const effects: Effect[] = [];
      let quit = false;
      update((start) => {
        let s = start;
        for (const [i, name] of names.entries()) {
          const ch = names.length > 1 ? [...input][i]! : input;
          const r = handleKey(s, name, ch, {
            screen,
            bodyHeight,
            clusters: clusterNames,
            actions: actionView ? { keys, selected } : undefined,
            logs: logsEnv,
            diff: diffEnv,
          });
          s = r.state;
          if (r.effects) effects.push(...r.effects);
          if (r.quit) {
            quit = true;
            break;
          }
        }
        return s;
      });
      if (quit) {
        props.onExit(0);
        return;
      }
      if (effects.length > 0) runEffects(effects);
    },
    // While a log / diff view is in front it reads the keys itself (its q / Esc must not reach us).
    { isActive: isRawModeSupported === true && !panel },
  );
  useInput(
    (input, key) => {
      if (key.ctrl && input.toLowerCase() === 'c') props.onExit(0);
    },
    { isActive: isRawModeSupported === true && panel !== undefined },
  );

  const scopes = scopesFor(state);
  const comps = state.mode === 'command' ? completions(state.input, clusterNames) : [];
  const header = headerSegs({
    fleet: props.fleetLabel,
    user: props.user,
    readOnly: props.readOnly,
    clusters: snap.clusters,
    synced: snap.synced,
    width,
  });
  const sortTitle =
    screen.kind === 'list'
      ? `${screen.cols.find((c) => c.column.id === screen.sortCol)?.column.title ?? screen.sortCol}${screen.sortDesc ? ' desc' : ''}`
      : undefined;
  const title = titleSegs({
    state,
    shown: items.length,
    total: screen.kind === 'list' ? screen.total : items.length,
    isList: screen.kind === 'list',
    sortTitle,
    filterError: screen.kind === 'list' ? screen.filterError : undefined,
  });
  const footer = footerSegs({
    state,
    scopes,
    completions: comps,
    width,
    actions: actionView ? keys : undefined,
    logs: props.logs !== undefined,
  });

  // A panel fills the screen under the header and the breadcrumbs, with its own status and key lines.
  const panelHeight = Math.max(3, frameHeight - 2 - (banner ? 1 : 0));
  let body;
  if (panel?.kind === 'logs') {
    body = panelFollower?.follower ? (
      <LogPanel
        key={panel.id}
        follower={panelFollower.follower}
        saver={props.logs}
        width={width}
        height={panelHeight}
        onClose={closeThisPanel}
      />
    ) : null;
  } else if (panel?.kind === 'diff' && props.diff) {
    body = <DiffPanel key={panel.id} port={props.diff} width={width} height={panelHeight} onClose={closeThisPanel} />;
  } else if (state.overlay) {
    const h = bodyHeight + (screen.kind === 'list' ? 1 : 0);
    body = (
      <Box flexDirection="column" height={h}>
        {overlayRows(state.overlay, width, h).map((r, i) => (
          <SegLine key={i} segs={r} />
        ))}
      </Box>
    );
  } else if (screen.kind === 'list' && items.length === 0) {
    const f = top(state).ui.filter;
    const why =
      screen.total === 0
        ? screen.spec.emptyText(snap, ctx) + (Object.values(snap.synced).some((v) => !v) ? ' Some clusters are still syncing.' : '')
        : `No ${screen.spec.title.toLowerCase()} match${f ? ` the filter "${f}"` : ''}${state.cluster ? ` in cluster ${state.cluster}` : ''} (${screen.total} hidden). Esc clears it.`;
    body = (
      <Box flexDirection="column" height={bodyHeight + 1}>
        <Table
          rows={[]}
          cols={screen.cols}
          offset={0}
          height={0}
          selected={-1}
          width={width}
          sortCol={screen.sortCol}
          sortDesc={screen.sortDesc}
        />
        <SegLine segs={fitSegs([{ text: `  ${why}`, token: 'muted' }], width)} />
      </Box>
    );
  } else if (screen.kind === 'list') {
    body = (
      <Box height={bodyHeight + 1}>
        <Table
          rows={screen.rows}
          cols={screen.cols}
          offset={offset}
          height={bodyHeight}
          selected={sel}
          width={width}
          sortCol={screen.sortCol}
          sortDesc={screen.sortDesc}
        />
      </Box>
    );
  } else {
    body = (
      <Box height={bodyHeight}>
        <LineList lines={lines} offset={offset} height={bodyHeight} selected={sel} width={width} />
      </Box>
    );
  }

  return (
    <ThemeContext.Provider value={props.theme}>
      <Box flexDirection="column" width={width} height={frameHeight}>
        <SegLine segs={fitSegs(header, width)} />
        <SegLine segs={fitSegs(title, width)} />
        {banner && <SegLine segs={fitSegs(banner, width)} />}
        {body}
        {panel ? null : flashRows && state.flash ? (
          flashRows.map((t, i) => <SegLine key={`f${i}`} segs={[{ text: t, token: state.flash!.token }]} />)
        ) : (
          <SegLine segs={fitSegs(footer, width)} />
        )}
      </Box>
    </ThemeContext.Provider>
  );
}
