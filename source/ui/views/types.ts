// Shapes shared by the views. A list view is ONE definition (ViewDef): its id, title, key, `:`
// aliases, columns (the shared vocabulary of source/model/columns/), which objects of the snapshot
// it lists, what Enter opens (its detail view), the pods that detail needs, what `l` follows and
// whether the rollout action keys apply. The registry (registry.ts) turns definitions into the
// keymap entries, `:` commands, help lines and screens; nothing else names a view.
import type { MessageKey } from '../../i18n/t.js';
import type { ColumnDef } from '../../model/columns/types.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { PodFocus, Snapshot } from '../../store/types.js';
import type { Column } from '../columns.js';
import type { LogRequest } from '../../ports/logs.js';
import type { Token } from '../theme/theme.js';

/** A view's id: a list view ('zones') or a detail view ('zone'). */
export type ViewId = string;
export type ListViewId = ViewId;
export type DetailViewId = ViewId;

export interface DrillTarget {
  view: ViewId;
  key: string;
  /** Breadcrumb text. */
  title: string;
  /** Cluster filter to apply when opening (Clusters view: Enter shows that cluster's zones). */
  cluster?: string;
}

export interface Row {
  key: string;
  cells: string[];
  /** Colour token per cell (undefined = default text). */
  tokens: Array<Token | undefined>;
  /** Per cell: a suffix kept when the cell is cut (e.g. the " 12m" of "paused: awaiting approval 12m"). */
  tails?: Array<string | undefined>;
  /** Sort value per cell. */
  sort: Array<string | number>;
  /** Lower-cased text the filter searches (every cell, including columns that are hidden). */
  search: string;
  cluster: string;
  /** The row's namespace (`:ns` filters on it); absent for rows that are not namespaced (clusters). */
  namespace?: string;
  drill?: DrillTarget;
}

export interface BuildContext {
  now: number;
  /** Clusters whose connection is not ready. */
  stale: ReadonlySet<string>;
  /** Views with a `showAll` toggle (A): include the rows they hide by default. */
  showAll: boolean;
}

export interface Seg {
  text: string;
  token?: Token;
}

export interface Line {
  key: string;
  segs: Seg[];
  drill?: DrillTarget;
  /** The pod this line shows (detail views): `l` follows its logs. */
  pod?: PodRef;
}

export interface PodRef {
  cluster: string;
  namespace: string;
  name: string;
}

export interface DetailContent {
  title: string;
  lines: Line[];
}

/** What `l` follows, or why not (one sentence for the footer). */
export type LogChoice = { ok: true; req: LogRequest } | { ok: false; reason: string };

/** The item under the cursor: a list row or a detail line (only these fields matter). */
export interface LogItem {
  key: string;
  drill?: DrillTarget;
  pod?: PodRef;
}

/** A detail view: one object's lines, opened from a row (Enter) or from a line of another detail. */
export interface DetailDef {
  id: DetailViewId;
  /** null when the object is gone from the snapshot. */
  build(s: Snapshot, key: string, ctx: BuildContext): DetailContent | null;
  /** The pods this screen shows (the store watches pods only for the screen in front). */
  podFocus?(s: Snapshot, key: string): PodFocus[];
  /** What `l` follows: the line under the cursor, else the object itself; absent = `l` does not apply. */
  logs?(s: Snapshot, key: string, item: LogItem | undefined): LogChoice;
  /** A (toggle) also shows the lines it hides by default (compare: the equal lines). */
  showAll?: string;
}

/** The workload the rollout action keys act on, by row / detail key; absent = no action keys. */
export interface ActionsDef {
  workload(s: Snapshot, key: string): WorkloadInfo | undefined;
  /** A row that stands for several workloads (a release): the action keys act on all of them as one batch. */
  group?(s: Snapshot, key: string): readonly WorkloadInfo[];
}

/** A list view, defined once over the objects it lists (T). */
export interface ViewDef<T> {
  id: ListViewId;
  /** The title line's first crumb (a message key: put into words when shown). */
  title: MessageKey;
  /** The key that switches to it ('1'); absent = only the `:` command does. */
  key?: string;
  /** The `:` command is the id; these are its other names. */
  aliases: readonly string[];
  /** One line for `:` completion and help (a message key). */
  help: MessageKey;
  columns: readonly ColumnDef<T>[];
  /** The objects it lists, from the snapshot. */
  rows(s: Snapshot, ctx: BuildContext): readonly T[];
  rowKey(row: T): string;
  cluster(row: T): string;
  /** The row's namespace, for `:ns`; absent = the rows are not namespaced (always shown). */
  namespace?(row: T): string;
  /** What Enter opens on a row. */
  open?(row: T): DrillTarget;
  defaultSort: { col: string; desc: boolean };
  /** What to say when the snapshot has no rows at all. */
  emptyText(s: Snapshot, ctx: BuildContext): string;
  /** The detail view its rows open. */
  detail?: DetailDef;
  /** What `l` follows on the selected row (undefined: no row selected); absent = `l` does not apply. */
  logs?(s: Snapshot, rowKey: string | undefined): LogChoice;
  /** Rollout action keys on its rows and in its detail. */
  actions?: ActionsDef;
  /** A (toggle) also lists the rows it hides by default; the title says this while on (a message key). */
  showAll?: MessageKey;
  /** The pods the list itself needs watched while in front (the Alerts view: its workloads' pods). */
  podFocus?(s: Snapshot): PodFocus[];
  /** Row keys with an alert: on the default order they come first, keeping that order otherwise. */
  problems?(s: Snapshot): ReadonlySet<string>;
  /** Two of its rows can be compared side by side (marks, then `=`; views/compare.ts). */
  compare?: boolean;
}

/** A list view as the console runs it: the row type folded into `build`; its words in the run's language. */
export interface ListView {
  id: ListViewId;
  title: string;
  key?: string;
  aliases: readonly string[];
  help: string;
  /** The console's columns (layout only), in the order of the cells `build` makes. */
  columns: Column[];
  build(s: Snapshot, ctx: BuildContext): Row[];
  defaultSort: { col: string; desc: boolean };
  emptyText(s: Snapshot, ctx: BuildContext): string;
  detail?: DetailDef;
  logs?(s: Snapshot, rowKey: string | undefined): LogChoice;
  actions?: ActionsDef;
  showAll?: string;
  podFocus?(s: Snapshot): PodFocus[];
  problems?(s: Snapshot): ReadonlySet<string>;
  compare?: boolean;
}

/** Builds a Row from parallel cell data. */
export function makeRow(
  key: string,
  cluster: string,
  cells: Array<{ text: string; sort?: string | number; token?: Token; tail?: string }>,
  drill?: DrillTarget,
  namespace?: string,
): Row {
  const texts = cells.map((c) => c.text);
  return {
    key,
    cluster,
    ...(namespace !== undefined ? { namespace } : {}),
    cells: texts,
    tokens: cells.map((c) => c.token),
    tails: cells.some((c) => c.tail) ? cells.map((c) => c.tail) : undefined,
    sort: cells.map((c) => c.sort ?? c.text),
    search: texts.join(' ').toLowerCase(),
    drill,
  };
}
