// Rollouts: `zonectl rollouts` and the console's Rollouts view (one row per game workload).
import { age, hookText, imageTag, pausedFor, stateText, stepText, updatedText } from '../format.js';
import type { WorkloadInfo } from '../types.js';
import { hookTone, phaseTone } from './tones.js';
import { t } from '../../i18n/t.js';
import type { Cell, CellContext, ColumnDef } from './types.js';
import { clusterCell, dash, timeSort } from './types.js';

/** Worst first when sorting by STATE: failed, paused, progressing, complete; then the longest paused. */
const PHASE_ORDER: Record<string, number> = { failed: 0, invalid: 0, paused: 1, progressing: 2, complete: 3 };

/** In a phase, a row that is not paused sorts after every pause start (any epoch ms is below it). */
const NOT_PAUSED = 1e13 - 1;

function stateCell(w: WorkloadInfo, ctx: CellContext): Cell {
  if (w.invalid) return { text: t('views.cell.invalid', { reason: w.invalid }), sort: 0, tone: 'error' };
  const r = w.rollout;
  // The clock is read only by a row whose words count time (a pause, a hold since): the console
  // builds again on a tick only the rows that read it (ui/views/define.ts), not all 10,000.
  const now = r.pausedSince || r.hold?.at ? ctx.now : 0;
  return {
    text: stateText(r, now),
    tail: pausedFor(r, now) || undefined,
    sort: (PHASE_ORDER[r.phase] ?? 9) * 1e13 + (r.pausedSince ? timeSort(r.pausedSince) : NOT_PAUSED),
    tone: phaseTone(r.phase),
  };
}

export const rolloutColumns: readonly ColumnDef<WorkloadInfo>[] = [
  {
    id: 'cluster',
    header: 'views.col.cluster',
    table: 'table',
    console: { priority: 0, max: 24, min: 6 },
    cell: (w, ctx) => clusterCell(w.cluster, ctx),
  },
  {
    id: 'namespace',
    header: 'views.col.namespace',
    table: 'table',
    console: { priority: 2, max: 20, min: 6 },
    cell: (w) => ({ text: w.namespace }),
  },
  {
    id: 'workload',
    header: 'views.col.workload',
    table: 'table',
    console: { priority: 0, flex: true, max: 40, min: 8 },
    cell: (w) => ({ text: w.name }),
  },
  { id: 'kind', header: 'views.col.kind', table: 'table', console: { priority: 3, max: 16 }, cell: (w) => ({ text: w.kind }) },
  {
    id: 'strategy',
    header: 'views.col.strategy',
    table: 'table',
    console: { priority: 6, max: 16 },
    cell: (w) => ({ text: dash(w.rollout.strategy) }),
  },
  {
    id: 'step',
    header: 'views.col.step',
    table: 'table',
    console: { priority: 1, max: 14 },
    cell: (w) => ({ text: stepText(w.rollout), sort: w.rollout.stepIndex ?? -1 }),
  },
  {
    id: 'updated',
    header: 'views.col.updated',
    table: 'table',
    console: { priority: 2, align: 'right' },
    cell: ({ rollout: r }) => ({ text: updatedText(r), sort: r.replicas === 0 ? 1 : r.updated / r.replicas }),
  },
  {
    id: 'state',
    header: 'views.col.state',
    table: 'table',
    console: { priority: 0, flex: true, max: 48, min: 12 },
    cell: (w, ctx) => stateCell(w, ctx),
  },
  {
    id: 'hook',
    header: 'views.col.hook',
    table: 'table',
    console: { priority: 4, max: 12 },
    cell: (w) => ({ text: hookText(w.rollout), tone: hookTone(w.rollout.hookPhase) }),
  },
  { id: 'zone', header: 'views.col.zone', table: 'wide', cell: (w) => ({ text: dash(w.zone) }) },
  {
    id: 'revision',
    header: 'views.col.revision',
    table: 'wide',
    cell: (w) => ({ text: `${dash(w.rollout.currentRevision)} -> ${dash(w.rollout.updateRevision)}` }),
  },
  {
    id: 'images',
    header: 'views.col.images',
    table: 'wide',
    cell: (w) => ({ text: w.containers.map((c) => `${c.name}=${imageTag(c.image)}`).join(',') }),
  },
  {
    // Which zonectl action (and fleet batch / wave) last touched it: how a release is reviewed.
    id: 'last',
    header: 'views.col.lastAction',
    table: 'wide',
    cell: (w, ctx) => ({ text: lastActionText(w, ctx.now) }),
  },
];

function lastActionText(w: WorkloadInfo, now: number): string {
  const l = w.lastAction;
  if (!l) return '-';
  // -o wide only (scripted, once per row): t() directly.
  const where = l.batch
    ? t('views.lastAction.batch', { batch: l.batch }) + (l.wave ? t('views.lastAction.wave', { wave: l.wave }) : '')
    : '';
  return t('views.lastAction.text', { action: l.action, by: l.by, age: age(l.at, now), where });
}
