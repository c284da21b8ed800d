// Key handling as a pure function: (state, key, what the screen shows) -> new state (+ quit, and
// effects for the actions port: build a plan, run it).
import { t, type MessageKey } from '../i18n/t.js';
import type { ActionKeys, SelectedWorkload } from './action-keys.js';
import { isActionCommand } from './action-keys.js';
import { complete, parseCommand } from './commands.js';
import type { Scope } from './keymap.js';
import { lookup } from './keymap.js';
import type { Motion, StoryTab, UiState } from './state.js';
import { back, currentUi, initialListUi, move, openPanel, push, selectedIndex, switchRoot, top, withUi } from './state.js';
import type { ViewRegistry } from './views/registry.js';
import type { DrillTarget, ListViewId, LogChoice } from './views/types.js';
import type { Screen } from './hooks/use-screen.js';
import type { Effect } from './overlay-types.js';
import { handleOverlayKey, startAction } from './overlay.js';
import { clearMarks, markAll, markRange, toggleMark } from './marks.js';
import { openCompare } from './compare-open.js';
import { logReason } from './log-target.js';
import type { ContainerImage } from '../model/types.js';
import type { ActionName } from '../model/action-types.js';

export interface KeyEnv {
  views: ViewRegistry;
  screen: Screen;
  bodyHeight: number;
  clusters: readonly string[];
  /** The namespaces the snapshot has rows in (`:ns` completion). */
  namespaces?: readonly string[];
  /** The one namespace the console watches (started with -n); undefined: every namespace. */
  watchedNamespace?: string;
  /**
   * The action keys' verdicts for the selected workload (Rollouts list, Rollout detail), and the marked
   * rows the list shows: with any, the keys act on those.
   */
  actions?: { keys: ActionKeys; selected?: SelectedWorkload; marked?: readonly SelectedWorkload[] };
  /** What `l` would follow here (computed on demand); undefined = no logs port in this console. */
  logs?: () => LogChoice;
  /** The diff view has a source; otherwise `:diff` / 5 show this hint. */
  diff?: { available: boolean; hint: string };
  /** The selected zone, workload or pod for d / y / e and the pod keys; undefined = no story port. */
  story?: () => LogChoice;
}

/** Shown by `:diff` when the console was started without a diff source. */
export const diffHint = () => t('console.flash.diffHint');

export interface KeyResult {
  state: UiState;
  quit?: boolean;
  effects?: Effect[];
}

export function scopesFor(state: UiState, views: ViewRegistry): Set<Scope> {
  const scopes = new Set<Scope>(['global', 'nav']);
  if (state.help) return scopes;
  const v = top(state).view;
  scopes.add(views.list(v) ? 'list' : 'detail');
  if (views.actionsOf(v)) scopes.add('rollout-actions');
  // Marks pick workloads: not on a list whose rows already stand for a group of them (Releases).
  const acts = views.list(v)?.actions;
  if (acts && !acts.group) scopes.add('marks');
  // Rows that can be compared are marked to pick the two.
  if (views.list(v)?.compare) scopes.add('marks').add('compare');
  if (views.hasLogs(v)) scopes.add('logs');
  return scopes;
}

/** Switches to a list view of the registry (its title from there). */
function showView(state: UiState, view: ListViewId, env: KeyEnv): UiState {
  const v = env.views.list(view);
  return v ? switchRoot(state, v.id, v.title) : flash(state, t('console.flash.noView', { view }), 'error');
}

const MOTIONS: Record<string, Motion> = { up: 'up', down: 'down', pgup: 'pgup', pgdn: 'pgdn', top: 'top', bottom: 'bottom' };

function isPrintable(input: string): boolean {
  // eslint-disable-next-line no-control-regex
  return input.length > 0 && !/[\u0000-\u001f\u007f]/.test(input);
}

function flash(state: UiState, text: string, token: 'warn' | 'error' | 'info' = 'warn'): UiState {
  return { ...state, flash: { text, token } };
}

export function selectedDrill(state: UiState, env: KeyEnv): DrillTarget | undefined {
  const items = env.screen.kind === 'list' ? env.screen.rows : env.screen.lines;
  const idx = selectedIndex(currentUi(state), env.screen.keyed);
  return idx >= 0 ? items[idx]?.drill : undefined;
}

function open(state: UiState, env: KeyEnv): UiState {
  if (state.help) return state;
  const d = selectedDrill(state, env);
  if (!d) return state;
  if (env.views.list(d.view)) {
    const next = showView(state, d.view, env);
    return d.cluster !== undefined ? { ...next, cluster: d.cluster } : next;
  }
  return push(state, d.view, d.key, d.title);
}

function handleFilterKey(state: UiState, name: string, input: string): UiState {
  const setFilter = (s: UiState, text: string): UiState => withUi({ ...s, input: text }, (ui) => ({ ...ui, filter: text, offset: 0 }));
  if (name === 'enter') return { ...state, mode: 'normal' };
  if (name === 'esc') return { ...setFilter(state, state.inputBefore), mode: 'normal' };
  if (name === 'backspace' || name === 'delete') return setFilter(state, [...state.input].slice(0, -1).join(''));
  if (name === 'ctrl+u') return setFilter(state, '');
  if (isPrintable(input) && name === input) return setFilter(state, state.input + input);
  return state;
}

function handleCommandKey(state: UiState, name: string, input: string, env: KeyEnv): KeyResult {
  if (name === 'esc') return { state: { ...state, mode: 'normal', input: '' } };
  if (name === 'tab') return { state: { ...state, input: complete(state.input, env.clusters, env.views, env.namespaces) } };
  if (name === 'backspace' || name === 'delete') {
    if (state.input === '') return { state: { ...state, mode: 'normal' } };
    return { state: { ...state, input: [...state.input].slice(0, -1).join('') } };
  }
  if (name === 'enter') {
    const done: UiState = { ...state, mode: 'normal', input: '' };
    const r = parseCommand(state.input, env.clusters, env.views, env.namespaces);
    switch (r.kind) {
      case 'view':
        return { state: showView(done, r.view, env) };
      case 'ctx':
        return { state: { ...done, cluster: r.cluster } };
      case 'ns':
        return { state: setNamespace(done, r.namespace, env.watchedNamespace) };
      case 'help':
        return { state: { ...done, help: initialListUi() } };
      case 'diff':
        return { state: openDiff(done, env) };
      case 'quit':
        return { state: done, quit: true };
      case 'error':
        return { state: flash(done, r.message, 'error') };
    }
  }
  if (isPrintable(input) && name === input) return { state: { ...state, input: state.input + input } };
  return { state };
}

/**
 * `:ns`: a filter over what the console watches. Started with -n NS it watches only NS, so another
 * namespace (or all) is refused with how to get it rather than shown as an empty list.
 */
function setNamespace(state: UiState, ns: string | null, watched: string | undefined): UiState {
  if (watched !== undefined && ns !== watched) return flash(state, t('console.flash.nsWatched', { namespace: watched }), 'error');
  return { ...state, namespace: watched !== undefined ? null : ns };
}

function compareScreen(state: UiState, env: KeyEnv): UiState {
  if (env.screen.kind !== 'list') return state;
  const r = openCompare(state, env.screen, env.views);
  return typeof r === 'string' ? flash(state, r, 'info') : r;
}

function openDiff(state: UiState, env: KeyEnv): UiState {
  if (!env.diff?.available) return flash(state, env.diff?.hint ?? diffHint(), 'info');
  return openPanel(state, { kind: 'diff' });
}

function openLogs(state: UiState, env: KeyEnv): UiState {
  if (state.help) return state;
  if (!env.logs) return flash(state, t('console.flash.notInConsole', { what: t('console.what.logs') }), 'info');
  const c = env.logs();
  if (!c.ok) return flash(state, logReason(c.reason));
  return openPanel(state, { kind: 'logs', req: c.req });
}

const STORY_TABS: Record<string, StoryTab> = { describe: 'describe', yaml: 'yaml', events: 'events' };
const STORY_WHAT: Record<StoryTab, MessageKey> = {
  describe: 'console.what.describe',
  yaml: 'console.what.yaml',
  events: 'console.what.events',
};

/** The selected object for `what` (d / y / e, pod keys), its reason reworded from the log choice's. */
function storyChoice(env: KeyEnv, what: string): LogChoice {
  if (!env.story) return { ok: false, reason: t('console.flash.notInConsole', { what }) };
  const c = env.story();
  if (c.ok) return c;
  // The log choice's reason starts with its subject, "logs:" ("日志：" in Chinese): this key's goes there.
  const reason = logReason(c.reason);
  const logs = t('console.flash.prefixed', { what: t('console.what.logs'), text: '' });
  return { ok: false, reason: reason.startsWith(logs) ? t('console.flash.prefixed', { what, text: reason.slice(logs.length) }) : reason };
}

function openStory(state: UiState, env: KeyEnv, tab: StoryTab): UiState {
  if (state.help) return state;
  const c = storyChoice(env, t(STORY_WHAT[tab]));
  if (!c.ok) return flash(state, c.reason);
  return openPanel(state, { kind: 'story', req: c.req, tab });
}

/** ctrl+k / S on a pod line: plan the pod action (the card, the confirmation, then the run). */
function podAction(state: UiState, env: KeyEnv, action: 'delete-pod' | 'shell', label: string): KeyResult {
  if (state.help) return { state };
  const c = storyChoice(env, label);
  if (!c.ok) return { state: flash(state, c.reason) };
  if (c.req.target.type !== 'pod') return { state: flash(state, t('console.flash.selectPod', { what: label })) };
  const target = { cluster: c.req.cluster, namespace: c.req.namespace, name: c.req.target.name, kind: 'Pod' as const };
  return startAction(state, action, target, { containers: [], replicas: 0 });
}

/** The mark keys on a list whose rows are workloads (marks.ts); undefined for any other key. */
function markKey(state: UiState, id: string, env: KeyEnv): UiState | undefined {
  if (env.screen.kind !== 'list') return undefined;
  const rows = env.screen.keyed;
  switch (id) {
    case 'mark':
      return withUi(state, (ui) => toggleMark(ui, rows, env.bodyHeight));
    case 'mark-range':
      return withUi(state, (ui) => markRange(ui, rows));
    case 'mark-all':
      return withUi(state, (ui) => markAll(ui, rows));
    case 'mark-clear':
      return withUi(state, clearMarks);
    default:
      return undefined;
  }
}

/** An action key with rows marked: one batch of the marked rows shown (the hot update form offers every container name). */
function startBatch(state: UiState, action: ActionName, marked: readonly SelectedWorkload[], view: string): KeyResult {
  const containers = new Map<string, ContainerImage>();
  for (const m of marked) for (const c of m.workload.containers) if (!containers.has(c.name)) containers.set(c.name, c);
  const replicas = Math.max(0, ...marked.map((m) => m.workload.rollout.replicas));
  return startAction(state, action, marked[0]!.target, {
    containers: [...containers.values()],
    replicas,
    batch: { targets: marked.map((m) => m.target), view },
  });
}

/** "approve: read-only mode": a key's label and what it says. */
const prefixed = (what: string, text: string) => t('console.flash.prefixed', { what, text });

export function handleKey(prev: UiState, name: string, input: string, env: KeyEnv): KeyResult {
  const state = prev.flash ? { ...prev, flash: undefined } : prev;
  // A panel (log / diff view) reads its own keys; only Ctrl-C reaches the console.
  if (state.panel) return name === 'ctrl+c' ? { state, quit: true } : { state };
  if (state.overlay) return handleOverlayKey(state, state.overlay, name, input);
  if (state.mode === 'filter') return { state: handleFilterKey(state, name, input) };
  if (state.mode === 'command') return handleCommandKey(state, name, input, env);

  const b = lookup(name, scopesFor(state, env.views), env.views.keymap);
  if (!b) return { state };
  if (b.disabled) return { state: flash(state, prefixed(b.label, b.disabled)) };
  const frame = top(state);
  if (isActionCommand(b.id)) {
    const k = env.actions?.keys[b.id];
    const sel = env.actions?.selected;
    const marked = env.views.list(frame.view) ? env.actions?.marked : undefined;
    if (k && marked?.length) {
      if (!k.enabled) return { state: flash(state, prefixed(k.label, k.reason ?? t('console.reason.notPossible'))) };
      return startBatch(state, k.action, marked, frame.view);
    }
    if (!k || !sel) return { state: flash(state, prefixed(b.label, t('console.reason.noWorkload'))) };
    if (!k.enabled) return { state: flash(state, prefixed(k.label, k.reason ?? t('console.reason.notPossible'))) };
    const w = sel.workload;
    // On a list, the selection sticks to the row acted on (it may leave a filter and come back).
    const pinned = env.views.list(frame.view) ? withUi(state, (ui) => ({ ...ui, selKey: sel.key })) : state;
    return startAction(pinned, k.action, sel.target, { containers: w.containers, replicas: w.rollout.replicas, caveat: k.reason });
  }
  const marking = markKey(state, b.id, env);
  if (marking) return { state: marking };
  const motion = MOTIONS[b.id];
  if (motion) return { state: withUi(state, (ui) => move(ui, env.screen.keyed, motion, env.bodyHeight)) };
  if (b.id.startsWith('view:')) return { state: showView(state, b.id.slice('view:'.length), env) };

  switch (b.id) {
    case 'quit':
      return { state, quit: true };
    case 'open':
      return { state: open(state, env) };
    case 'back': {
      if (!state.help && state.stack.length === 1 && frame.ui.filter) return { state: withUi(state, (ui) => ({ ...ui, filter: '' })) };
      if (!state.help && state.stack.length === 1 && state.cluster !== null) return { state: { ...state, cluster: null } };
      return { state: back(state) };
    }
    case 'help':
      return { state: { ...state, help: state.help ? null : initialListUi() } };
    case 'filter':
      return { state: { ...state, mode: 'filter', input: frame.ui.filter, inputBefore: frame.ui.filter } };
    case 'command':
      return { state: { ...state, mode: 'command', input: '' } };
    case 'view-diff':
      return { state: openDiff(state, env) };
    case 'compare':
      return { state: compareScreen(state, env) };
    case 'logs':
      return { state: openLogs(state, env) };
    case 'describe':
    case 'yaml':
    case 'events':
      return { state: openStory(state, env, STORY_TABS[b.id]!) };
    case 'delete-pod':
      return podAction(state, env, 'delete-pod', t('console.what.deletePod'));
    case 'shell':
      return podAction(state, env, 'shell', t('console.what.shell'));
    case 'cluster-next': {
      const order: Array<string | null> = [null, ...env.clusters];
      const i = order.indexOf(state.cluster);
      return { state: { ...state, cluster: order[(i + 1) % order.length] ?? null } };
    }
    case 'toggle-all': {
      if (!env.views.list(frame.view)?.showAll && !env.views.detail(frame.view)?.showAll) {
        const where = env.views.lists.filter((v) => v.showAll);
        const what = where.map((v) => v.showAll).join(', ');
        return { state: flash(state, t('console.flash.showAllWhere', { what, views: where.map((v) => v.title).join(', ') }), 'info') };
      }
      return { state: { ...state, showAll: !state.showAll } };
    }
    case 'sort-next':
    case 'sort-reverse': {
      const spec = env.views.list(frame.view);
      if (env.screen.kind !== 'list' || !spec) return { state };
      const cur = frame.ui.sort ?? spec.defaultSort;
      if (b.id === 'sort-reverse') return { state: withUi(state, (ui) => ({ ...ui, sort: { col: cur.col, desc: !cur.desc } })) };
      const visible = env.screen.cols.map((c) => c.column.id);
      const i = visible.indexOf(cur.col);
      const col = visible[(i + 1) % visible.length] ?? cur.col;
      return { state: withUi(state, (ui) => ({ ...ui, sort: { col, desc: false } })) };
    }
    default:
      return { state };
  }
}
