import type { Snapshot } from '../../store/types.js';
import { age } from '../../model/format.js';
import { ms } from '../text/format.js';
import { zoneKey } from './keys.js';
import type { ListSpec, Row } from './types.js';
import { makeRow, phaseToken, staleCluster } from './types.js';

export const zonesView: ListSpec = {
  id: 'zones',
  title: 'Zones',
  columns: [
    { id: 'cluster', title: 'CLUSTER', priority: 0, max: 24, min: 6 },
    { id: 'namespace', title: 'NAMESPACE', priority: 5, max: 20 },
    { id: 'zone', title: 'ZONE', priority: 0, max: 16, min: 4 },
    { id: 'name', title: 'NAME', priority: 0, flex: true, max: 32, min: 6 },
    { id: 'version', title: 'VERSION', priority: 2, max: 20, min: 7 },
    { id: 'services', title: 'SERVICES', priority: 1, align: 'right' },
    { id: 'rollout', title: 'ROLLOUT', priority: 0, flex: true, max: 40, min: 8 },
    { id: 'age', title: 'AGE', priority: 3, align: 'right' },
  ],
  defaultSort: { col: 'cluster', desc: false },
  build(s: Snapshot, ctx): Row[] {
    return s.zones.map((z) => {
      const key = zoneKey(z);
      const ready = z.servicesReady === z.servicesTotal;
      return makeRow(
        key,
        z.cluster,
        [
          staleCluster(z.cluster, ctx.stale),
          { text: z.namespace },
          { text: z.zoneId, sort: zoneSort(z.zoneId) },
          { text: z.name },
          { text: z.version ?? '-' },
          { text: `${z.servicesReady}/${z.servicesTotal}`, sort: z.servicesTotal - z.servicesReady, token: ready ? undefined : 'warn' },
          {
            text: z.invalid ? `invalid: ${z.invalid}` : z.rolloutMessage || z.rollout,
            sort: z.rollout,
            token: z.invalid ? 'error' : phaseToken(z.rollout),
          },
          { text: age(z.createdAt, ctx.now), sort: -ms(z.createdAt) },
        ],
        { view: 'zone', key, title: `zone ${z.zoneId} ${z.name}` },
      );
    });
  },
  emptyText: (s) => (s.clusters.length === 0 ? 'No clusters in the fleet.' : 'No zones found in the fleet (yet).'),
};

/** Numeric zone ids sort numerically; others after them, by text. */
function zoneSort(id: string): string | number {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}
