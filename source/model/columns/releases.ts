// Releases: `zonectl releases` (one row per fleet action found in the clusters' audit annotations).
import { age } from '../format.js';
import type { ReleaseInfo } from '../releases.js';
import type { MessageKey } from '../../i18n/t.js';
import type { ColumnDef, Tone } from './types.js';
import { dash, timeSort } from './types.js';
import { t } from '../../i18n/t.js';

const STATE_TONE: Record<ReleaseInfo['state'], Tone> = { failed: 'error', rolling: 'info', stopped: 'warn', complete: 'ok' };
const STATE_WORD: Record<ReleaseInfo['state'], MessageKey> = {
  failed: 'views.releaseState.failed',
  rolling: 'views.releaseState.rolling',
  stopped: 'views.releaseState.stopped',
  complete: 'views.releaseState.complete',
};

/** A release's state as a person reads it (zonectl's own word; JSON keeps the code). */
export function releaseStateText(state: ReleaseInfo['state']): string {
  return t(STATE_WORD[state]);
}

export const releaseColumns: readonly ColumnDef<ReleaseInfo>[] = [
  { id: 'batch', header: 'views.col.batch', table: 'table', console: { priority: 0, max: 8, min: 8 }, cell: (r) => ({ text: r.batch }) },
  { id: 'action', header: 'views.col.action', table: 'table', console: { priority: 0, max: 11 }, cell: (r) => ({ text: r.action }) },
  { id: 'by', header: 'views.col.by', table: 'table', console: { priority: 3, max: 20 }, cell: (r) => ({ text: r.by }) },
  {
    id: 'wave',
    header: 'views.col.wave',
    table: 'table',
    console: { priority: 1, max: 8 },
    cell: (r) => ({ text: r.waveCount ? `${dash(r.reached)}/${r.waveCount}` : '-', sort: r.reached ?? 0 }),
  },
  {
    id: 'targets',
    header: 'views.col.targets',
    table: 'table',
    console: { priority: 1, align: 'right' },
    cell: (r) => ({ text: String(r.targets), sort: r.targets }),
  },
  {
    id: 'progress',
    header: 'views.col.progress',
    table: 'table',
    console: { priority: 0, max: 24 },
    cell: (r) => ({ text: `${r.complete}/${r.rolling}/${r.failed}`, tone: r.failed ? 'error' : undefined }),
  },
  {
    id: 'state',
    header: 'views.col.state',
    table: 'table',
    console: { priority: 0, max: 10 },
    cell: (r) => ({ text: releaseStateText(r.state), sort: r.state, tone: STATE_TONE[r.state] }),
  },
  {
    id: 'age',
    header: 'views.col.last',
    table: 'table',
    console: { priority: 2, least: 5, max: 6, min: 4 },
    cell: (r, ctx) => ({ text: age(r.lastAt, ctx.now), sort: -timeSort(r.lastAt) }),
  },
  {
    id: 'clusters',
    header: 'views.col.clusters',
    table: 'table',
    console: { priority: 4, flex: true, max: 40 },
    cell: (r) => ({ text: r.clusters.join(',') }),
  },
  {
    id: 'waves',
    header: 'views.col.waves',
    table: 'wide',
    cell: (r) => ({
      text: r.waves
        ? `${r.waves} (${r.perWave.map((w) => `${w.wave}:${w.complete}/${w.targets}${w.failed ? t('views.cell.nFailed', { n: w.failed }) : ''}`).join(' ')})`
        : '-',
    }),
  },
];
