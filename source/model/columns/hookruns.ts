// HookRuns: `zonectl hookruns` (the console shows hook runs inside the Rollout detail).
import { age } from '../format.js';
import type { HookRunInfo } from '../types.js';
import { hookTone } from './tones.js';
import type { ColumnDef } from './types.js';
import { clusterCell, dash, timeSort } from './types.js';
import { t } from '../../i18n/t.js';

export const hookRunColumns: readonly ColumnDef<HookRunInfo>[] = [
  {
    id: 'cluster',
    header: 'views.col.cluster',
    table: 'table',
    console: { priority: 0, max: 24, min: 6 },
    cell: (h, ctx) => clusterCell(h.cluster, ctx),
  },
  {
    id: 'namespace',
    header: 'views.col.namespace',
    table: 'table',
    console: { priority: 2, max: 20 },
    cell: (h) => ({ text: h.namespace }),
  },
  {
    id: 'name',
    header: 'views.col.name',
    table: 'table',
    console: { priority: 0, flex: true, max: 48, min: 8 },
    cell: (h) => ({ text: h.name }),
  },
  { id: 'type', header: 'views.col.type', table: 'table', console: { priority: 3 }, cell: (h) => ({ text: h.type }) },
  {
    id: 'phase',
    header: 'views.col.phase',
    table: 'table',
    console: { priority: 0, max: 40 },
    cell: (h) =>
      h.invalid ? { text: t('views.cell.invalid', { reason: h.invalid }), tone: 'error' } : { text: h.phase, tone: hookTone(h.phase) },
  },
  {
    id: 'owner',
    header: 'views.col.owner',
    table: 'table',
    console: { priority: 1, flex: true, max: 40, min: 8 },
    cell: (h) => ({ text: h.owner ? `${h.owner.kind}/${h.owner.name}` : '-' }),
  },
  {
    id: 'step',
    header: 'views.col.step',
    table: 'table',
    console: { priority: 4, align: 'right' },
    cell: (h) => ({ text: dash(h.stepIndex === undefined ? undefined : h.stepIndex + 1), sort: h.stepIndex ?? -1 }),
  },
  {
    id: 'age',
    header: 'views.col.age',
    table: 'table',
    console: { priority: 3, align: 'right' },
    cell: (h, ctx) => ({ text: dash(age(h.createdAt, ctx.now)), sort: -timeSort(h.createdAt) }),
  },
  { id: 'pod', header: 'views.col.pod', table: 'wide', cell: (h) => ({ text: dash(h.pod) }) },
  {
    id: 'metrics',
    header: 'views.col.metrics',
    table: 'wide',
    cell: (h) => ({
      text: h.metrics.map((m) => `${m.name}=${m.phase}${m.lastValue !== undefined ? `(${m.lastValue})` : ''}`).join(',') || '-',
    }),
  },
  { id: 'message', header: 'views.col.message', table: 'wide', cell: (h) => ({ text: dash(h.message) }) },
];
