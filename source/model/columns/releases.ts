// Releases: `zonectl releases` (one row per fleet action found in the clusters' audit annotations).
import { age } from '../format.js';
import type { ReleaseInfo } from '../releases.js';
import type { ColumnDef, Tone } from './types.js';
import { dash, timeSort } from './types.js';

const STATE_TONE: Record<ReleaseInfo['state'], Tone> = { failed: 'error', rolling: 'info', stopped: 'warn', complete: 'ok' };

export const releaseColumns: readonly ColumnDef<ReleaseInfo>[] = [
  { id: 'batch', header: 'BATCH', table: 'table', console: { priority: 0, max: 8, min: 8 }, cell: (r) => ({ text: r.batch }) },
  { id: 'action', header: 'ACTION', table: 'table', console: { priority: 0, max: 11 }, cell: (r) => ({ text: r.action }) },
  { id: 'by', header: 'BY', table: 'table', console: { priority: 3, max: 20 }, cell: (r) => ({ text: r.by }) },
  {
    id: 'wave',
    header: 'WAVE',
    table: 'table',
    console: { priority: 1, max: 8 },
    cell: (r) => ({ text: r.waveCount ? `${dash(r.reached)}/${r.waveCount}` : '-', sort: r.reached ?? 0 }),
  },
  {
    id: 'targets',
    header: 'TARGETS',
    table: 'table',
    console: { priority: 1, align: 'right' },
    cell: (r) => ({ text: String(r.targets), sort: r.targets }),
  },
  {
    id: 'progress',
    header: 'COMPLETE/ROLLING/FAILED',
    table: 'table',
    console: { priority: 0, max: 24 },
    cell: (r) => ({ text: `${r.complete}/${r.rolling}/${r.failed}`, tone: r.failed ? 'error' : undefined }),
  },
  {
    id: 'state',
    header: 'STATE',
    table: 'table',
    console: { priority: 0, max: 10 },
    cell: (r) => ({ text: r.state, tone: STATE_TONE[r.state] }),
  },
  {
    id: 'age',
    header: 'LAST',
    table: 'table',
    console: { priority: 2, max: 6, min: 4 },
    cell: (r, ctx) => ({ text: age(r.lastAt, ctx.now), sort: -timeSort(r.lastAt) }),
  },
  {
    id: 'clusters',
    header: 'CLUSTERS',
    table: 'table',
    console: { priority: 4, flex: true, max: 40 },
    cell: (r) => ({ text: r.clusters.join(',') }),
  },
  {
    id: 'waves',
    header: 'WAVES',
    table: 'wide',
    cell: (r) => ({
      text: r.waves
        ? `${r.waves} (${r.perWave.map((w) => `${w.wave}:${w.complete}/${w.targets}${w.failed ? ` ${w.failed} failed` : ''}`).join(' ')})`
        : '-',
    }),
  },
];
