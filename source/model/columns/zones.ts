// Zones: `zonectl zones` and the console's Zones view.
import { age, rolloutText } from '../format.js';
import type { ZoneInfo } from '../types.js';
import { phaseTone } from './tones.js';
import type { ColumnDef } from './types.js';
import { clusterCell, dash, timeSort } from './types.js';
import { t } from '../../i18n/t.js';

/** Numeric zone ids sort numerically; others after them, by text. */
function zoneSort(id: string): string | number {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

export const zoneColumns: readonly ColumnDef<ZoneInfo>[] = [
  {
    id: 'cluster',
    header: 'views.col.cluster',
    table: 'table',
    console: { priority: 0, max: 24, min: 6 },
    cell: (z, ctx) => clusterCell(z.cluster, ctx),
  },
  {
    id: 'namespace',
    header: 'views.col.namespace',
    table: 'table',
    console: { priority: 5, max: 20 },
    cell: (z) => ({ text: z.namespace }),
  },
  {
    id: 'zone',
    header: 'views.col.zone',
    table: 'table',
    console: { priority: 0, max: 16, min: 4 },
    cell: (z) => ({ text: z.zoneId, sort: zoneSort(z.zoneId) }),
  },
  {
    id: 'name',
    header: 'views.col.name',
    table: 'table',
    console: { priority: 0, flex: true, max: 32, min: 6 },
    cell: (z) => ({ text: z.name }),
  },
  {
    id: 'version',
    header: 'views.col.version',
    table: 'table',
    console: { priority: 2, max: 20, min: 7 },
    cell: (z) => ({ text: dash(z.version) }),
  },
  {
    id: 'services',
    header: 'views.col.services',
    table: 'table',
    console: { priority: 1, align: 'right' },
    cell: (z) => ({
      text: `${z.servicesReady}/${z.servicesTotal}`,
      sort: z.servicesTotal - z.servicesReady,
      tone: z.servicesReady === z.servicesTotal ? undefined : 'warn',
    }),
  },
  {
    id: 'rollout',
    header: 'views.col.rollout',
    table: 'table',
    console: { priority: 0, flex: true, max: 40, min: 8 },
    cell: (z) => ({
      text: z.invalid ? t('views.cell.invalid', { reason: z.invalid }) : rolloutText(z.rolloutMessage || z.rollout),
      sort: z.rollout,
      tone: z.invalid ? 'error' : phaseTone(z.rollout),
    }),
  },
  {
    id: 'age',
    header: 'views.col.age',
    table: 'table',
    console: { priority: 3, align: 'right' },
    cell: (z, ctx) => ({ text: dash(age(z.createdAt, ctx.now)), sort: -timeSort(z.createdAt) }),
  },
  { id: 'source', header: 'views.col.source', table: 'wide', cell: (z) => ({ text: z.source }) },
  { id: 'image', header: 'views.col.image', table: 'wide', cell: (z) => ({ text: dash(z.defaultImage) }) },
];
