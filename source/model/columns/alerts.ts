// Alerts: `zonectl alerts` and the console's Alerts view (one row per alert). Sorting by SEVERITY
// puts the worst first and, within a severity, the longest-standing first.
import { age } from '../format.js';
import { type Alert, SEVERITY_RANK } from '../alerts/types.js';
import type { MessageKey } from '../../i18n/t.js';
import { fixWord } from '../alerts/words.js';
import type { ColumnDef, Tone } from './types.js';
import { clusterCell, dash, timeSort } from './types.js';
import { t } from '../../i18n/t.js';

const SEVERITY_TONE: Record<Alert['severity'], Tone> = { critical: 'error', warning: 'warn', info: 'info' };
const SEVERITY_WORD: Record<Alert['severity'], MessageKey> = {
  critical: 'views.severity.critical',
  warning: 'views.severity.warning',
  info: 'views.severity.info',
};

/** Fixes as words: "approve|reject", "logs" (查看日志 in Chinese: the fixes done by hand are worded). */
export function fixText(a: Alert): string {
  return a.fixes.length ? a.fixes.map(fixWord).join('|') : '-';
}

export const alertColumns: readonly ColumnDef<Alert>[] = [
  {
    id: 'severity',
    header: 'views.col.severity',
    table: 'table',
    // 9: "SEVERITY" and the sort mark after it.
    console: { priority: 0, least: 9, max: 9 },
    // Worst first, then the oldest: the order the list opens in.
    cell: (a) => ({
      text: t(SEVERITY_WORD[a.severity]),
      tone: SEVERITY_TONE[a.severity],
      sort: SEVERITY_RANK[a.severity] * 1e13 + timeSort(a.since),
    }),
  },
  {
    id: 'cluster',
    header: 'views.col.cluster',
    table: 'table',
    console: { priority: 1, max: 16, min: 6 },
    cell: (a, ctx) => clusterCell(a.cluster, ctx),
  },
  {
    id: 'namespace',
    header: 'views.col.namespace',
    table: 'wide',
    console: { priority: 5, max: 16 },
    cell: (a) => ({ text: dash(a.namespace) }),
  },
  {
    id: 'object',
    header: 'views.col.object',
    table: 'table',
    console: { priority: 0, flex: true, max: 40, min: 10 },
    cell: (a) => ({ text: `${a.object.kind}/${a.object.name}` }),
  },
  { id: 'zone', header: 'views.col.zone', table: 'wide', console: { priority: 6, max: 8 }, cell: (a) => ({ text: dash(a.zone) }) },
  { id: 'rule', header: 'views.col.rule', table: 'table', console: { priority: 4, max: 18 }, cell: (a) => ({ text: a.rule }) },
  {
    id: 'age',
    header: 'views.col.age',
    table: 'table',
    console: { priority: 0, align: 'right' },
    // Oldest first when ascending, like the severity order.
    cell: (a, ctx) => ({ text: age(a.since, ctx.now), sort: timeSort(a.since) }),
  },
  {
    id: 'message',
    header: 'views.col.message',
    table: 'table',
    console: { priority: 0, flex: true, max: 80, min: 12 },
    cell: (a) => ({ text: a.message, tone: SEVERITY_TONE[a.severity] }),
  },
  // Optional in the console: the footer names the action keys the selected alert's workload offers.
  { id: 'fix', header: 'views.col.fix', table: 'table', console: { priority: 3, max: 24 }, cell: (a) => ({ text: fixText(a) }) },
  { id: 'since', header: 'views.col.since', table: 'wide', cell: (a) => ({ text: a.since }) },
];
