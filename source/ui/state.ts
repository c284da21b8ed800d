// UI state and the pure transitions on it. The App keeps one UiState; the input handler maps a key
// to a keymap command and applies these functions.
import { t, type MessageKey } from '../i18n/t.js';
import type { LogRequest } from '../ports/logs.js';
import type { Overlay } from './overlay-types.js';
import type { Token } from './theme/theme.js';
import { VIEWS } from './views/registry.js';
import type { ListViewId, ViewId } from './views/types.js';

/** Per-screen list state: filter, sort, selection (by row key, index as fallback), scroll offset. */
export interface ListUi {
  filter: string;
  sort?: { col: string; desc: boolean };
  selKey?: string;
  selIdx: number;
  offset: number;
  /** Marked rows by row key (lists whose rows are workloads; marks.ts): the action keys act on them. */
  marks?: ReadonlySet<string>;
  /** The row marked last: ctrl+space marks from it to the cursor. */
  markAnchor?: string;
}

export interface Frame {
  view: ViewId;
  /** Object key for detail views ('' for lists). */
  key: string;
  title: string;
  ui: ListUi;
}

export type Mode = 'normal' | 'filter' | 'command';

/**
 * A full-screen view in front of the stack that handles its own keys (under the header and the
 * breadcrumbs): the log view of a zone / workload / pod, or the Git-vs-live diff. Esc / q close it.
 */
/** The story panel's tabs (d, y, e). */
export type StoryTab = 'describe' | 'yaml' | 'events';

export type Panel =
  | { kind: 'logs'; id: number; req: LogRequest }
  | { kind: 'diff'; id: number }
  | { kind: 'story'; id: number; req: LogRequest; tab: StoryTab };

const PANEL_TITLES: Record<Panel['kind'], MessageKey> = {
  logs: 'console.panel.logs',
  diff: 'console.panel.diff',
  story: 'console.panel.story',
};

/** The title line's last crumb while a panel is open. */
export function panelTitle(kind: Panel['kind']): string {
  return t(PANEL_TITLES[kind]);
}

export interface UiState {
  /** stack[0] is a list view; detail views are pushed on top (Esc pops). */
  stack: Frame[];
  /** Remembered state of each list view, restored when switching back to it. */
  roots: Partial<Record<ListViewId, ListUi>>;
  cluster: string | null;
  /** `:ns NAME`: only rows of this namespace (null: every namespace the console watches). */
  namespace: string | null;
  mode: Mode;
  input: string;
  /** Filter text before '/' editing started (Esc restores it). */
  inputBefore: string;
  /** Help overlay with its own scroll state, or null. */
  help: ListUi | null;
  /** One line in the footer until the next key; sticky ones (action results) stay longer. */
  flash?: { text: string; token: Token; sticky?: boolean };
  showAll: boolean;
  /** Action form / "working" / confirmation card in front of the screen. */
  overlay?: Overlay;
  /** An action that is running (confirmed, waiting for the cluster); `marksOf`: a batch on that list's marks. */
  busy?: { id: number; text: string; marksOf?: ListViewId };
  /** Log or diff view in front of everything else (its keys are its own). */
  panel?: Panel;
  /** Next id for an overlay or panel (late answers for a cancelled one are ignored). */
  nextId: number;
}

/** A list view's title in the default registry (the console passes its own registry's titles). */
function titleOf(view: ListViewId): string {
  return VIEWS.list(view)?.title ?? view;
}

export function initialListUi(): ListUi {
  return { filter: '', selIdx: 0, offset: 0 };
}

export function initialState(view: ListViewId = VIEWS.lists[0].id, title = titleOf(view)): UiState {
  return {
    stack: [{ view, key: '', title, ui: initialListUi() }],
    roots: {},
    cluster: null,
    namespace: null,
    mode: 'normal',
    input: '',
    inputBefore: '',
    help: null,
    showAll: false,
    nextId: 1,
  };
}

export function top(s: UiState): Frame {
  return s.stack[s.stack.length - 1];
}

/** Replaces the list state of the screen in front (help overlay when open). */
export function withUi(s: UiState, f: (ui: ListUi) => ListUi): UiState {
  if (s.help) return { ...s, help: f(s.help) };
  const t = top(s);
  return { ...s, stack: [...s.stack.slice(0, -1), { ...t, ui: f(t.ui) }] };
}

export function currentUi(s: UiState): ListUi {
  return s.help ?? top(s).ui;
}

/** Switches to a list view as the new root (remembering the one we leave). */
export function switchRoot(s: UiState, view: ListViewId, title = titleOf(view)): UiState {
  const root = s.stack[0];
  const roots = { ...s.roots, [root.view]: root.ui };
  const ui = roots[view] ?? initialListUi();
  return { ...s, roots, help: null, mode: 'normal', stack: [{ view, key: '', title, ui }] };
}

export function push(s: UiState, view: ViewId, key: string, title: string): UiState {
  return { ...s, stack: [...s.stack, { view, key, title, ui: initialListUi() }] };
}

/** Opens a panel (a new id each time, so its view and follower are new). */
export function openPanel(
  s: UiState,
  p: { kind: 'logs'; req: LogRequest } | { kind: 'diff' } | { kind: 'story'; req: LogRequest; tab: StoryTab },
): UiState {
  const panel: Panel =
    p.kind === 'logs'
      ? { kind: 'logs', id: s.nextId, req: p.req }
      : p.kind === 'story'
        ? { kind: 'story', id: s.nextId, req: p.req, tab: p.tab }
        : { kind: 'diff', id: s.nextId };
  return { ...s, panel, help: null, mode: 'normal', input: '', nextId: s.nextId + 1 };
}

/** Closes the panel with this id (a late close of an older panel changes nothing). */
export function closePanel(s: UiState, id: number): UiState {
  return s.panel?.id === id ? { ...s, panel: undefined } : s;
}

export function back(s: UiState): UiState {
  if (s.help) return { ...s, help: null };
  if (s.stack.length > 1) return { ...s, stack: s.stack.slice(0, -1) };
  return s;
}

// ---- selection and scrolling over a list of n rows in a viewport of `height` rows ----

export interface KeyedRows {
  readonly length: number;
  keyAt(i: number): string;
  indexOf(key: string): number;
}

export function clamp(v: number, lo: number, hi: number): number {
  return Math.max(lo, Math.min(hi, v));
}

/** How far from its last index the selected row is looked for before the list's whole key index is built. */
const NEAR = 8;

/** Index of the selected row: follows the key; falls back to the last index when the key vanished. */
export function selectedIndex(ui: ListUi, rows: KeyedRows): number {
  if (rows.length === 0) return -1;
  if (ui.selKey !== undefined) {
    // Where it was, or a few rows away (rows came or went above it): a new snapshot of a 10k-row
    // list then needs no index of every row.
    for (let d = 0; d <= NEAR; d++) {
      const below = ui.selIdx + d;
      if (below >= 0 && below < rows.length && rows.keyAt(below) === ui.selKey) return below;
      const above = ui.selIdx - d;
      if (d > 0 && above >= 0 && above < rows.length && rows.keyAt(above) === ui.selKey) return above;
    }
    const i = rows.indexOf(ui.selKey);
    if (i >= 0) return i;
  }
  return clamp(ui.selIdx, 0, rows.length - 1);
}

/** Scroll offset that keeps `idx` visible, moving as little as possible from `offset`. */
export function visibleOffset(offset: number, idx: number, height: number, n: number): number {
  if (n <= height || height <= 0) return 0;
  let o = clamp(offset, 0, n - height);
  if (idx < o) o = idx;
  else if (idx >= o + height) o = idx - height + 1;
  return clamp(o, 0, n - height);
}

export type Motion = 'up' | 'down' | 'pgup' | 'pgdn' | 'top' | 'bottom';

export function move(ui: ListUi, rows: KeyedRows, motion: Motion, height: number): ListUi {
  const n = rows.length;
  if (n === 0) return { ...ui, selIdx: 0, selKey: undefined, offset: 0 };
  const cur = selectedIndex(ui, rows);
  const page = Math.max(1, height - 1);
  const next = clamp(
    motion === 'up'
      ? cur - 1
      : motion === 'down'
        ? cur + 1
        : motion === 'pgup'
          ? cur - page
          : motion === 'pgdn'
            ? cur + page
            : motion === 'top'
              ? 0
              : n - 1,
    0,
    n - 1,
  );
  let offset = visibleOffset(ui.offset, cur, height, n);
  if (motion === 'pgdn' || motion === 'pgup') offset = clamp(offset + (next - cur), 0, Math.max(0, n - height));
  offset = visibleOffset(offset, next, height, n);
  return { ...ui, selIdx: next, selKey: rows.keyAt(next), offset };
}

/** KeyedRows over an array of objects with a `key`, with an index built once. */
export function keyed<T extends { key: string }>(items: readonly T[]): KeyedRows {
  let index: Map<string, number> | undefined;
  return {
    length: items.length,
    keyAt: (i) => items[i]?.key ?? '',
    indexOf: (key) => {
      index ??= new Map(items.map((r, i) => [r.key, i]));
      return index.get(key) ?? -1;
    },
  };
}
