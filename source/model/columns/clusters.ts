// Clusters: `zonectl clusters` and the console's Clusters view.
import type { ClusterInfo, ConnectionState } from '../types.js';
import type { ColumnDef, Tone } from './types.js';
import { dash } from './types.js';

const STATE_TONE: Record<ConnectionState, Tone> = {
  ready: 'ok',
  connecting: 'info',
  degraded: 'warn',
  unreachable: 'error',
  forbidden: 'error',
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
    header: 'CLUSTER',
    table: 'table',
    console: { priority: 0, max: 32, min: 6 },
    cell: (c) => ({ text: c.name + (c.readOnly ? ' (ro)' : ''), sort: c.name }),
  },
  { id: 'state', header: 'STATE', table: 'table', console: { priority: 0 }, cell: (c) => ({ text: c.state, tone: STATE_TONE[c.state] }) },
  {
    // Only the console knows whether the first lists have arrived; a scripted command prints after they have.
    id: 'synced',
    header: 'SYNCED',
    console: { priority: 3 },
    cell: (c, ctx) => (ctx.synced?.[c.name] ? { text: 'yes' } : { text: 'no', tone: 'warn' }),
  },
  { id: 'version', header: 'VERSION', table: 'table', console: { priority: 2, max: 20 }, cell: (c) => ({ text: dash(c.version) }) },
  {
    id: 'latency',
    header: 'LATENCY',
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
    header: 'KINDS',
    table: 'table',
    cell: (c) => ({ text: c.kinds ? `${installed(c)!.length}/${Object.keys(c.kinds).length}` : '-' }),
  },
  {
    id: 'server',
    header: 'SERVER',
    table: 'wide',
    console: { priority: 4, flex: true, max: 40, min: 10 },
    cell: (c) => ({ text: c.server }),
  },
  {
    id: 'error',
    header: 'ERROR',
    table: 'table',
    console: { priority: 0, flex: true, max: 80, min: 10 },
    cell: (c) => ({ text: dash(c.lastError), tone: c.lastError ? 'error' : undefined }),
  },
  { id: 'installed', header: 'INSTALLED', table: 'wide', cell: (c) => ({ text: installed(c)?.join(',') || (c.kinds ? 'none' : '-') }) },
  { id: 'user', header: 'USER', table: 'wide', cell: (c) => ({ text: c.user }) },
];
