// Shapes shared by the views: list views produce table rows, detail views produce lines.
import type { Snapshot } from '../../store/types.js';
import type { Column } from '../columns.js';
import type { Token } from '../theme/theme.js';

export type ListViewId = 'zones' | 'rollouts' | 'clusters' | 'fed';
export type DetailViewId = 'zone' | 'rollout' | 'fedobj';
export type ViewId = ListViewId | DetailViewId;

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
  drill?: DrillTarget;
}

export interface BuildContext {
  now: number;
  /** Clusters whose connection is not ready. */
  stale: ReadonlySet<string>;
  /** Rollouts view: include workloads with nothing to roll out. */
  showAll: boolean;
}

export interface ListSpec {
  id: ListViewId;
  title: string;
  columns: Column[];
  defaultSort: { col: string; desc: boolean };
  build(s: Snapshot, ctx: BuildContext): Row[];
  /** What to say when the snapshot has no rows at all. */
  emptyText(s: Snapshot, ctx: BuildContext): string;
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

export interface DetailSpec {
  id: DetailViewId;
  /** null when the object is gone from the snapshot. */
  build(s: Snapshot, key: string, ctx: BuildContext): DetailContent | null;
}

/** Builds a Row from parallel cell data. */
export function makeRow(
  key: string,
  cluster: string,
  cells: Array<{ text: string; sort?: string | number; token?: Token; tail?: string }>,
  drill?: DrillTarget,
): Row {
  const texts = cells.map((c) => c.text);
  return {
    key,
    cluster,
    cells: texts,
    tokens: cells.map((c) => c.token),
    tails: cells.some((c) => c.tail) ? cells.map((c) => c.tail) : undefined,
    sort: cells.map((c) => c.sort ?? c.text),
    search: texts.join(' ').toLowerCase(),
    drill,
  };
}

export function staleCluster(name: string, stale: ReadonlySet<string>): { text: string; token?: Token; sort: string } {
  return stale.has(name) ? { text: `${name} [stale]`, token: 'stale', sort: name } : { text: name, sort: name };
}

export function phaseToken(phase: string): Token | undefined {
  switch (phase) {
    case 'complete':
      return 'ok';
    case 'progressing':
      return 'info';
    case 'paused':
      return 'warn';
    case 'failed':
    case 'invalid':
      return 'error';
    default:
      return undefined;
  }
}

export function hookToken(phase: string | undefined): Token | undefined {
  switch (phase) {
    case 'Successful':
      return 'ok';
    case 'Running':
    case 'Pending':
      return 'info';
    case 'Inconclusive':
      return 'warn';
    case 'Failed':
    case 'Error':
      return 'error';
    default:
      return undefined;
  }
}
