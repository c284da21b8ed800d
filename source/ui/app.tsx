// The console's container: the state, the subscriptions (snapshot, clock, pod focus, action
// availability, the log / diff panel) and key dispatch. What is drawn is console-layout.tsx and
// screen-body.tsx; which views exist is the view registry (views/registry.ts).
import { useWindowSize } from 'ink';
import { memo, useCallback, useMemo } from 'react';
import type { DiffPort } from '../ports/diff.js';
import type { Snapshot, SnapshotSource } from '../store/types.js';
import type { ActionsPort } from '../ports/actions.js';
import { ConsoleLayout } from './console-layout.js';
import type { KeyEnv } from './controller.js';
import { diffHint } from './controller.js';
import { useActionRunner } from './hooks/use-action-runner.js';
import { useClock } from './hooks/use-clock.js';
import { useConsoleKeys } from './hooks/use-console-keys.js';
import { usePanelFollower } from './hooks/use-panel-follower.js';
import { usePodFocus } from './hooks/use-pod-focus.js';
import { useScreen } from './hooks/use-screen.js';
import { useMarks } from './hooks/use-marks.js';
import { useSelectedWorkload } from './hooks/use-selected-workload.js';
import { useSnapshot } from './hooks/use-snapshot.js';
import { useUiState } from './hooks/use-ui-state.js';
import { measure } from './layout.js';
import type { LogsPort } from '../ports/logs.js';
import { ScreenBody } from './screen-body.js';
import { closePanel, currentUi, selectedIndex, top, visibleOffset, type UiState } from './state.js';
import type { Theme } from './theme/theme.js';
import type { ViewRegistry } from './views/registry.js';
import { VIEWS } from './views/registry.js';
import { withActionLines } from './views/rollout-actions.js';
import { DiffView } from './views/DiffView.js';
import { LogView } from './views/LogView.js';
import { StoryView } from './views/StoryView.js';
import type { StoryPort } from '../ports/story.js';
import type { BuildContext, ListViewId } from './views/types.js';

export interface AppProps {
  source: SnapshotSource;
  theme: Theme;
  fleetLabel: string;
  user: string;
  readOnly: boolean;
  /** The one namespace the console watches (-n NS); undefined: every namespace (`:ns` narrows it). */
  namespace?: string;
  actions?: ActionsPort;
  /** Follows logs for `l` (zone, workload, pod); without it `l` says logs are not available. */
  logs?: LogsPort;
  /** Git-vs-live source for `:diff` / 5; without it they show `diffHint` (how to configure one). */
  diff?: DiffPort;
  diffHint?: string;
  /** Describe / YAML / Events of the selected object (d, y, e); without it the keys say so. */
  story?: StoryPort;
  /** Runs a command on the terminal with the console suspended (a shell); resolves its exit code. */
  runExternal?: (argv: readonly string[]) => number;
  /** Fixed terminal size (tests); otherwise the real window size, following resizes. */
  size?: { columns: number; rows: number };
  /** Clock for ages/timers (tests pin it). */
  now?: () => number;
  clockMs?: number;
  initialView?: ListViewId;
  /** The list views (default: the product's registry). */
  views?: ViewRegistry;
  onExit(code: number): void;
}

const NO_NAMES: readonly string[] = [];

/** The namespaces the snapshot has zones or workloads in, sorted. */
function namespacesOf(snap: Snapshot): string[] {
  const set = new Set<string>();
  for (const z of snap.zones) set.add(z.namespace);
  for (const w of snap.workloads) set.add(w.namespace);
  return [...set].filter(Boolean).sort();
}

/**
 * `onClose` of the panel in front. Made here, not in App: a callback that lives as long as the console
 * (its deps never change) keeps the scope it was made in, and V8 keeps one scope per call for every
 * closure made in it — in App that is the render's snapshot, screen and rows, so the first render's
 * snapshot stayed alive for good (on the fleet-scale console under load, ~14.6 MiB of rows replaced since).
 */
function useClosePanel(ref: { readonly current: UiState }, update: (f: (s: UiState) => UiState) => void): () => void {
  return useCallback(() => {
    const id = ref.current.panel?.id;
    if (id !== undefined) update((s) => closePanel(s, id));
  }, [update, ref]);
}

// The panels re-render only when their own props change, not on every snapshot the console receives.
const LogPanel = memo(LogView);
const DiffPanel = memo(DiffView);
const StoryPanel = memo(StoryView);

export function App(props: AppProps) {
  const views = props.views ?? VIEWS;
  const win = useWindowSize();
  const { columns: width, rows } = props.size ?? win;
  const snap = useSnapshot(props.source);
  const now = useClock(props.clockMs ?? 5000, props.now);
  const { state, ref, update } = useUiState(views, props.initialView);

  // Keyed by the names, not the snapshot's cluster list (new per snapshot): the view context stays
  // the same object while no cluster changes state, so unchanged rows keep their Row (views/define.ts).
  const staleKey = snap.clusters
    .filter((c) => c.state !== 'ready')
    .map((c) => c.name)
    .join('\u0000');
  const stale = useMemo(() => new Set(staleKey ? staleKey.split('\u0000') : []), [staleKey]);
  const ctx = useMemo<BuildContext>(() => ({ now, stale, showAll: state.showAll }), [now, stale, state.showAll]);
  const clusterNames = useMemo(() => snap.clusters.map((c) => c.name).sort(), [snap.clusters]);
  const commanding = state.mode === 'command';
  // Only while the command line is open (`:ns` completes them): one pass over zones and workloads.
  const namespaces = useMemo(() => (commanding ? namespacesOf(snap) : NO_NAMES), [commanding, snap]);
  const screen = useScreen(views, state, snap, ctx, width);
  const frame = top(state);
  const m = measure(state, screen, snap, width, rows);

  usePodFocus(views, props.source, frame, snap);
  const ui = currentUi(state);
  const sel = selectedIndex(ui, screen.keyed);
  const marks = useMarks(views, state, screen, update);
  const act = useSelectedWorkload({
    views,
    port: props.actions,
    readOnly: props.readOnly,
    state,
    frame,
    screen,
    sel,
    snap,
    markedKeys: marks?.shown,
  });
  // A detail with actions shows each key's live verdict in its "Actions" lines.
  const lines = useMemo(
    () =>
      screen.kind !== 'lines'
        ? []
        : act.active && !views.list(frame.view)
          ? withActionLines(screen.lines, act.keys, act.blocked)
          : screen.lines,
    [screen, act.active, views, frame.view, act.keys, act.blocked],
  );
  const items = screen.kind === 'list' ? screen.rows : lines;
  const offset = visibleOffset(ui.offset, Math.max(0, sel), m.bodyHeight, items.length);

  const runEffects = useActionRunner(props.actions, update, props.runExternal);
  const panel = state.panel;
  const panelFollower = usePanelFollower(props.logs, panel, update);
  const closeThisPanel = useClosePanel(ref, update);
  // What `l` follows: the selected row or line, or the detail's own object (the view decides).
  const logsEnv = useMemo(
    () => (props.logs ? () => views.logChoice(frame.view, frame.key, sel >= 0 ? items[sel] : undefined, snap) : undefined),
    [props.logs, views, frame.view, frame.key, sel, items, snap],
  );
  // d / y / e and the pod keys act on the same selection as `l`: a zone, a workload or a pod line.
  const storyEnv = useMemo(
    () => (props.story ? () => views.logChoice(frame.view, frame.key, sel >= 0 ? items[sel] : undefined, snap) : undefined),
    [props.story, views, frame.view, frame.key, sel, items, snap],
  );
  const diffEnv = useMemo(
    () => ({ available: props.diff !== undefined, hint: props.diffHint ?? diffHint() }),
    [props.diff, props.diffHint],
  );
  const env: KeyEnv = {
    views,
    screen,
    bodyHeight: m.bodyHeight,
    clusters: clusterNames,
    namespaces,
    watchedNamespace: props.namespace,
    actions: act.active ? { keys: act.keys, selected: act.selected, marked: act.marked } : undefined,
    logs: logsEnv,
    diff: diffEnv,
    story: storyEnv,
  };
  useConsoleKeys({ env, update, runEffects, panelOpen: panel !== undefined, onExit: props.onExit });

  let body;
  if (panel?.kind === 'logs') {
    body = panelFollower?.follower ? (
      <LogPanel
        key={panel.id}
        follower={panelFollower.follower}
        saver={props.logs}
        width={width}
        height={m.panelHeight}
        onClose={closeThisPanel}
      />
    ) : null;
  } else if (panel?.kind === 'story' && props.story) {
    body = (
      <StoryPanel
        key={panel.id}
        port={props.story}
        req={panel.req}
        tab={panel.tab}
        width={width}
        height={m.panelHeight}
        onClose={closeThisPanel}
      />
    );
  } else if (panel?.kind === 'diff' && props.diff) {
    body = <DiffPanel key={panel.id} port={props.diff} width={width} height={m.panelHeight} onClose={closeThisPanel} />;
  } else {
    body = (
      <ScreenBody
        state={state}
        screen={screen}
        lines={lines}
        snap={snap}
        ctx={ctx}
        width={width}
        bodyHeight={m.bodyHeight}
        offset={offset}
        selected={sel}
        marks={marks ? frame.ui.marks : undefined}
      />
    );
  }

  return (
    <ConsoleLayout
      theme={props.theme}
      views={views}
      state={state}
      screen={screen}
      m={m}
      width={width}
      fleetLabel={props.fleetLabel}
      user={props.user}
      readOnly={props.readOnly}
      clusters={snap.clusters}
      synced={snap.synced}
      alerts={snap.alerts}
      clusterNames={clusterNames}
      namespaces={namespaces}
      watchedNamespace={props.namespace}
      shown={items.length}
      actions={act.active ? act.keys : undefined}
      marked={marks}
      logs={props.logs !== undefined}
      body={body}
    />
  );
}
