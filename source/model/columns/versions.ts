// The version matrix as rows: `zonectl versions` and the console's Versions view. One row per zone and
// service (not a column per service): zones have different services (game-1..3, gateway-1..2, ...),
// 6-10 service columns do not fit 80 columns, and rows keep sort, filter and `--version` simple.
import type { MessageKey } from '../../i18n/t.js';
import type { ServiceVersion, ZoneVersions } from '../versions.js';
import { PREVIOUS, runningText } from '../versions.js';
import type { Cell, ColumnDef } from './types.js';
import { clusterCell, dash } from './types.js';
import { t } from '../../i18n/t.js';

export interface VersionRow {
  zone: ZoneVersions;
  service: ServiceVersion;
}

export function versionRows(zones: readonly ZoneVersions[]): VersionRow[] {
  return zones.flatMap((zone) => zone.services.map((service) => ({ zone, service })));
}

function zoneSort(id: string): string | number {
  return /^\d{1,15}$/.test(id) ? Number(id) : id;
}

/** mixed (pods on two versions) > drift (not what is asked) > ok; missing when no workload runs it. */
function stateCell(s: ServiceVersion, z: ZoneVersions): Cell {
  if (s.source === 'none') return { text: t('views.version.missing'), tone: 'warn', sort: 1 };
  if (s.mixed) {
    const previous = s.running.some((r) => r.version === PREVIOUS);
    return { text: t(previous ? 'views.version.mixedUpdating' : 'views.version.mixed'), tone: 'warn', sort: 0 };
  }
  if (s.drift) return { text: t('views.version.drift', { version: s.desired!.version }), tone: 'warn', sort: 2 };
  if (s.gitDrift) return { text: t('views.version.gitDrift', { version: s.git!.version }), tone: 'warn', sort: 2.5 };
  if (z.mixed) return { text: t('views.version.zoneMixed'), tone: 'info', sort: 3 };
  return { text: t('views.version.ok'), tone: 'ok', sort: 4 };
}

const SOURCE_WORD: Record<'pods' | 'workload' | 'none', MessageKey> = {
  pods: 'views.source.pods',
  workload: 'views.source.workload',
  none: 'views.source.none',
};

export const versionColumns: readonly ColumnDef<VersionRow>[] = [
  {
    id: 'cluster',
    header: 'views.col.cluster',
    table: 'table',
    console: { priority: 0, max: 14, min: 6 },
    cell: (r, ctx) => clusterCell(r.zone.cluster, ctx),
  },
  {
    id: 'namespace',
    header: 'views.col.namespace',
    table: 'wide',
    console: { priority: 5, max: 16 },
    cell: (r) => ({ text: r.zone.namespace }),
  },
  {
    id: 'zone',
    header: 'views.col.zone',
    table: 'table',
    console: { priority: 0, max: 10, min: 4 },
    cell: (r) => ({ text: r.zone.zoneId, sort: zoneSort(r.zone.zoneId) }),
  },
  {
    id: 'service',
    header: 'views.col.service',
    table: 'table',
    console: { priority: 0, max: 16, min: 6 },
    cell: (r) => ({ text: r.service.service }),
  },
  {
    id: 'running',
    header: 'views.col.running',
    table: 'table',
    console: { priority: 0, flex: true, max: 30, min: 7 },
    cell: (r) => ({ text: runningText(r.service), tone: r.service.mixed ? 'warn' : undefined }),
  },
  {
    id: 'desired',
    header: 'views.col.desired',
    table: 'table',
    console: { priority: 1, max: 12, min: 7 },
    cell: (r) => ({ text: dash(r.service.desired?.version), tone: r.service.drift ? 'warn' : undefined }),
  },
  {
    id: 'state',
    header: 'views.col.state',
    table: 'table',
    console: { priority: 0, flex: true, max: 24, min: 5 },
    cell: (r) => stateCell(r.service, r.zone),
  },
  {
    id: 'git',
    header: 'views.col.git',
    table: 'wide',
    cell: (r) => ({ text: dash(r.service.git?.version), tone: r.service.gitDrift ? 'warn' : undefined }),
  },
  {
    id: 'from',
    header: 'views.col.from',
    table: 'wide',
    console: { priority: 4, max: 9 },
    cell: (r) => ({ text: t(SOURCE_WORD[r.service.source]) }),
  },
  {
    id: 'desired-by',
    header: 'views.col.desiredBy',
    table: 'wide',
    cell: (r) => ({ text: dash(r.service.desired?.from) }),
  },
  {
    id: 'workload',
    header: 'views.col.workload',
    table: 'wide',
    cell: (r) => ({ text: r.service.workload ? `${r.service.kind}/${r.service.workload}` : '-' }),
  },
  {
    id: 'image',
    header: 'views.col.image',
    table: 'wide',
    cell: (r) => ({ text: dash(r.service.running.find((x) => x.image)?.image ?? r.service.desired?.image) }),
  },
];
