// Federated objects: the console's Federation view (no scripted list command yet: adding one is a
// command file over these columns).
import type { FederatedInfo } from '../types.js';
import type { Cell, ColumnDef } from './types.js';
import { clusterCell } from './types.js';
import { t } from '../../i18n/t.js';

/** Propagation in one phrase: the failing member clusters, else the host's own verdict. */
function propagationCell(f: FederatedInfo): Cell {
  const bad = f.clusters.filter((c) => c.status !== '');
  const ok = f.propagation.status === 'True' || f.propagation.status === '' || f.propagation.status === 'Propagated';
  const text = f.invalid
    ? t('views.cell.invalid', { reason: f.invalid })
    : bad.length > 0
      ? t('views.fed.failing', { n: bad.length, list: bad.map((c) => `${c.name} ${c.status}`).join(', ') })
      : (f.propagation.reason ?? (ok ? t('views.fed.propagated') : f.propagation.status));
  return { text, tone: f.invalid || bad.length > 0 ? 'error' : ok ? 'ok' : 'warn' };
}

export const federationColumns: readonly ColumnDef<FederatedInfo>[] = [
  { id: 'cluster', header: 'views.col.host', console: { priority: 0, max: 24, min: 6 }, cell: (f, ctx) => clusterCell(f.cluster, ctx) },
  { id: 'namespace', header: 'views.col.namespace', console: { priority: 2, max: 20 }, cell: (f) => ({ text: f.namespace }) },
  { id: 'name', header: 'views.col.name', console: { priority: 0, flex: true, max: 40, min: 8 }, cell: (f) => ({ text: f.name }) },
  { id: 'kind', header: 'views.col.target', console: { priority: 2, max: 18 }, cell: (f) => ({ text: f.targetKind }) },
  {
    id: 'placement',
    header: 'views.col.placement',
    console: { priority: 1, flex: true, max: 40, min: 9 },
    cell: (f) => ({ text: f.placement.join(','), sort: f.placement.length }),
  },
  {
    id: 'overrides',
    header: 'views.col.overrides',
    console: { priority: 4, align: 'right' },
    cell: (f) => {
      const n = f.clusters.filter((c) => c.overrides.length > 0).length;
      return { text: String(n), sort: n };
    },
  },
  { id: 'status', header: 'views.col.propagation', console: { priority: 0, flex: true, max: 40, min: 10 }, cell: propagationCell },
];
