import type { Snapshot } from '../../store/types.js';
import { fedKey } from './keys.js';
import type { ListSpec, Row } from './types.js';
import { makeRow, staleCluster } from './types.js';

export const federationView: ListSpec = {
  id: 'fed',
  title: 'Federation',
  columns: [
    { id: 'cluster', title: 'HOST', priority: 0, max: 24, min: 6 },
    { id: 'namespace', title: 'NAMESPACE', priority: 2, max: 20 },
    { id: 'name', title: 'NAME', priority: 0, flex: true, max: 40, min: 8 },
    { id: 'kind', title: 'TARGET', priority: 2, max: 18 },
    { id: 'placement', title: 'PLACEMENT', priority: 1, flex: true, max: 40, min: 9 },
    { id: 'overrides', title: 'OVERRIDES', priority: 4, align: 'right' },
    { id: 'status', title: 'PROPAGATION', priority: 0, flex: true, max: 40, min: 10 },
  ],
  defaultSort: { col: 'name', desc: false },
  build(s: Snapshot, ctx): Row[] {
    return s.federated.map((f) => {
      const key = fedKey(f);
      const bad = f.clusters.filter((c) => c.status !== '');
      const ok = f.propagation.status === 'True' || f.propagation.status === '' || f.propagation.status === 'Propagated';
      const status = f.invalid
        ? `invalid: ${f.invalid}`
        : bad.length > 0
          ? `${bad.length} failing: ${bad.map((c) => `${c.name} ${c.status}`).join(', ')}`
          : (f.propagation.reason ?? (ok ? 'propagated' : f.propagation.status));
      const overrides = f.clusters.filter((c) => c.overrides.length > 0).length;
      return makeRow(
        key,
        f.cluster,
        [
          staleCluster(f.cluster, ctx.stale),
          { text: f.namespace },
          { text: f.name },
          { text: f.targetKind },
          { text: f.placement.join(','), sort: f.placement.length },
          { text: String(overrides), sort: overrides },
          { text: status, token: f.invalid || bad.length > 0 ? 'error' : ok ? 'ok' : 'warn' },
        ],
        { view: 'fedobj', key, title: `${f.kind}/${f.name}` },
      );
    });
  },
  emptyText: (s) => (s.fedClusters.length === 0 ? 'No federated objects: no kubefed host in the fleet.' : 'No federated objects found.'),
};
