// One presentation vocabulary. A column is defined once, here, and feeds both the scripted
// `-o table|wide` output (source/output/) and the console's tables (source/ui/views/), so the two
// say the same thing about the same object. Cells are plain data: text, a sort value and a tone
// (what the colour means); ui/ maps tones to its theme, output/ prints the text only.
// It lives in model/ because it is pure (no I/O, no React, no theme) and model/ is the layer both
// ui/ and output/ may import (DESIGN §3), so no new layer or boundary rule is needed for it.
// A header is a message key (views area), so it cannot bypass the catalogs: each front end turns it into
// words once per render (output/columns.ts, ui/views/define.ts), never per cell.
import type { MessageKey } from '../../i18n/t.js';
import { t } from '../../i18n/t.js';

/** What a cell's colour means; a subset of the console theme's tokens. */
export type Tone = 'ok' | 'info' | 'warn' | 'error' | 'stale' | 'muted';

export interface Cell {
  text: string;
  /** Console sort value; the text when absent. */
  sort?: string | number;
  /** Console colour meaning; plain text when absent. */
  tone?: Tone;
  /** A suffix the console keeps when it cuts the cell (the " 12m" of "paused: awaiting approval 12m"). */
  tail?: string;
}

export interface CellContext {
  now: number;
  /** Clusters whose connection is not ready: their rows say "[stale]" (console). */
  stale?: ReadonlySet<string>;
  /** Per cluster: every kind has been listed once (console). */
  synced?: Readonly<Record<string, boolean>>;
}

/** How the console fits a column into a narrow terminal (ui/columns.ts fitColumns). */
export interface ConsoleLayout {
  /** 0 = essential (never dropped); higher numbers are dropped first. */
  priority: number;
  min?: number;
  max?: number;
  /** At least this wide (a header that is the column's widest text, with room for the sort mark). */
  least?: number;
  flex?: boolean;
  align?: 'left' | 'right';
}

export interface ColumnDef<T> {
  id: string;
  /** The header's message key (upper-case in English), the same in both front ends. */
  header: MessageKey;
  cell(row: T, ctx: CellContext): Cell;
  /** Scripted output: 'table' = -o table and -o wide, 'wide' = -o wide only; absent = console only. */
  table?: 'table' | 'wide';
  /** Console layout; absent = scripted output only. */
  console?: ConsoleLayout;
}

/** "-" for a missing value, so every table cell has a word in it (kubectl style, awk-friendly). */
export function dash(v: string | number | undefined): string {
  return v === undefined || v === '' ? '-' : String(v);
}

/** The cluster column: marked "[stale]" while the cluster is not ready. */
export function clusterCell(name: string, ctx: CellContext): Cell {
  return ctx.stale?.has(name) ? { text: `${name} ${t('views.cell.stale')}`, tone: 'stale', sort: name } : { text: name, sort: name };
}

/** Epoch ms of a timestamp; 0 when unknown (sorts first). */
export function timeSort(t: string | undefined): number {
  const v = t ? Date.parse(t) : NaN;
  return Number.isNaN(v) ? 0 : v;
}
