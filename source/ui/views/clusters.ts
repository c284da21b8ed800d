import type { ConnectionState } from '../../model/types.js';
import type { Snapshot } from '../../store/types.js';
import type { Token } from '../theme/theme.js';
import type { ListSpec, Row } from './types.js';
import { makeRow } from './types.js';

const STATE_TOKEN: Record<ConnectionState, Token> = {
  ready: 'ok',
  connecting: 'info',
  degraded: 'warn',
  unreachable: 'error',
  forbidden: 'error',
};

export const clustersView: ListSpec = {
  id: 'clusters',
  title: 'Clusters',
  columns: [
    { id: 'name', title: 'NAME', priority: 0, max: 32, min: 6 },
    { id: 'state', title: 'STATE', priority: 0 },
    { id: 'synced', title: 'SYNCED', priority: 3 },
    { id: 'version', title: 'VERSION', priority: 2, max: 20 },
    { id: 'latency', title: 'LATENCY', priority: 1, align: 'right' },
    { id: 'server', title: 'SERVER', priority: 4, flex: true, max: 40, min: 10 },
    { id: 'error', title: 'LAST ERROR', priority: 0, flex: true, max: 80, min: 10 },
  ],
  defaultSort: { col: 'name', desc: false },
  build(s: Snapshot): Row[] {
    return s.clusters.map((c) =>
      makeRow(
        c.name,
        c.name,
        [
          { text: c.name + (c.readOnly ? ' (ro)' : ''), sort: c.name },
          { text: c.state, token: STATE_TOKEN[c.state] },
          { text: s.synced[c.name] ? 'yes' : 'no', token: s.synced[c.name] ? undefined : 'warn' },
          { text: c.version ?? '-' },
          { text: c.latencyMs === undefined ? '-' : `${Math.round(c.latencyMs)}ms`, sort: c.latencyMs ?? Number.MAX_SAFE_INTEGER },
          { text: c.server },
          { text: c.lastError ?? '', token: c.lastError ? 'error' : undefined },
        ],
        { view: 'zones', key: '', title: 'Zones', cluster: c.name },
      ),
    );
  },
  emptyText: () => 'No clusters in the fleet. Choose contexts with --context or --all-contexts.',
};
