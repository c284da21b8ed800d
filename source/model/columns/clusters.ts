// Clusters: `zonectl clusters` and the console's Clusters view.
import type { ClusterInfo, ConnectionState } from '../types.js';
import type { MessageKey } from '../../i18n/t.js';
import type { ColumnDef, Tone } from './types.js';
import { dash } from './types.js';
import { t } from '../../i18n/t.js';

const STATE_TONE: Record<ConnectionState, Tone> = {
  ready: 'ok',
  connecting: 'info',
  degraded: 'warn',
  unreachable: 'error',
  forbidden: 'error',
};

const STATE_WORD: Record<ConnectionState, MessageKey> = {
  ready: 'views.clusterState.ready',
  connecting: 'views.clusterState.connecting',
  degraded: 'views.clusterState.degraded',
  unreachable: 'views.clusterState.unreachable',
  forbidden: 'views.clusterState.forbidden',
};

function installed(c: ClusterInfo): string[] | undefined {
  return c.kinds
    ? Object.entries(c.kinds)
        .filter(([, v]) => v)
        .map(([k]) => k)
    : undefined;
}

export const clusterColumns: readonly ColumnDef<ClusterInfo>[] = [
  {
    id: 'name',
    header: 'views.col.cluster',
    table: 'table',
    console: { priority: 0, max: 32, min: 6 },
    cell: (c) => ({ text: c.name + (c.readOnly ? t('views.cell.readOnly') : ''), sort: c.name }),
  },
  {
    id: 'state',
    header: 'views.col.state',
    table: 'table',
    console: { priority: 0 },
    cell: (c) => ({ text: t(STATE_WORD[c.state]), sort: c.state, tone: STATE_TONE[c.state] }),
  },
  {
    // Only the console knows whether the first lists have arrived; a scripted command prints after they have.
    id: 'synced',
    header: 'views.col.synced',
    console: { priority: 3 },
    cell: (c, ctx) => (ctx.synced?.[c.name] ? { text: t('views.cell.yes') } : { text: t('views.cell.no'), tone: 'warn' }),
  },
  {
    id: 'version',
    header: 'views.col.version',
    table: 'table',
    console: { priority: 2, max: 20 },
    cell: (c) => ({ text: dash(c.version) }),
  },
  {
    id: 'latency',
    header: 'views.col.latency',
    table: 'table',
    console: { priority: 1, align: 'right' },
    cell: (c) => ({
      text: c.latencyMs === undefined ? '-' : `${Math.round(c.latencyMs)}ms`,
      sort: c.latencyMs ?? Number.MAX_SAFE_INTEGER,
    }),
  },
  {
    // Discovery of the game kinds is what `zonectl clusters` does; the console watches instead.
    id: 'kinds',
    header: 'views.col.kinds',
    table: 'table',
    cell: (c) => ({ text: c.kinds ? `${installed(c)!.length}/${Object.keys(c.kinds).length}` : '-' }),
  },
  {
    id: 'server',
    header: 'views.col.server',
    table: 'wide',
    console: { priority: 4, flex: true, max: 40, min: 10 },
    cell: (c) => ({ text: c.server }),
  },
  {
    id: 'error',
    header: 'views.col.error',
    table: 'table',
    console: { priority: 0, flex: true, max: 80, min: 10 },
    cell: (c) => ({ text: dash(c.lastError), tone: c.lastError ? 'error' : undefined }),
  },
  {
    id: 'installed',
    header: 'views.col.installed',
    table: 'wide',
    cell: (c) => ({ text: installed(c)?.join(',') || (c.kinds ? t('views.cell.none') : '-') }),
  },
  { id: 'user', header: 'views.col.user', table: 'wide', cell: (c) => ({ text: c.user }) },
];
