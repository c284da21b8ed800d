// Events: `zonectl events` and the console's Events panel (the selected object's story).
import { age } from '../format.js';
import type { EventRow } from '../story/events.js';
import type { ColumnDef } from './types.js';
import { clusterCell, timeSort } from './types.js';

export const eventColumns: readonly ColumnDef<EventRow>[] = [
  { id: 'cluster', header: 'views.col.cluster', table: 'table', cell: (e, ctx) => clusterCell(e.cluster, ctx) },
  { id: 'namespace', header: 'views.col.namespace', table: 'wide', cell: (e) => ({ text: e.namespace }) },
  {
    id: 'last',
    header: 'views.col.lastSeen',
    table: 'table',
    console: { priority: 0, align: 'right' },
    cell: (e, ctx) => ({ text: age(e.last, ctx.now) || '-', sort: -timeSort(e.last) }),
  },
  {
    id: 'type',
    header: 'views.col.type',
    table: 'table',
    console: { priority: 1 },
    cell: (e) => ({ text: e.type, tone: e.type === 'Warning' ? 'warn' : undefined }),
  },
  { id: 'reason', header: 'views.col.reason', table: 'table', console: { priority: 0, max: 24 }, cell: (e) => ({ text: e.reason || '-' }) },
  { id: 'object', header: 'views.col.object', table: 'table', console: { priority: 1, max: 36 }, cell: (e) => ({ text: e.object }) },
  {
    id: 'count',
    header: 'views.col.count',
    table: 'table',
    console: { priority: 2, align: 'right' },
    cell: (e) => ({ text: String(e.count) }),
  },
  { id: 'source', header: 'views.col.source', table: 'wide', cell: (e) => ({ text: e.source ?? '-' }) },
  {
    id: 'message',
    header: 'views.col.message',
    table: 'table',
    console: { priority: 0, flex: true },
    cell: (e) => ({ text: e.message || '-' }),
  },
];
