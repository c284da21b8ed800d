import type { Snapshot } from '../../store/types.js';
import { ms } from '../text/format.js';
import { workloadKey } from './keys.js';
import { hookText, kindShort, pausedFor, stateText, stepText, updatedText } from './rollout-text.js';
import type { ListSpec, Row } from './types.js';
import { hookToken, makeRow, phaseToken, staleCluster } from './types.js';

const PHASE_ORDER: Record<string, number> = { failed: 0, invalid: 0, paused: 1, progressing: 2, complete: 3 };

export const rolloutsView: ListSpec = {
  id: 'rollouts',
  title: 'Rollouts',
  columns: [
    { id: 'cluster', title: 'CLUSTER', priority: 0, max: 24, min: 6 },
    { id: 'namespace', title: 'NAMESPACE', priority: 2, max: 20, min: 6 },
    { id: 'workload', title: 'WORKLOAD', priority: 0, flex: true, max: 40, min: 8 },
    { id: 'kind', title: 'KIND', priority: 3, max: 16 },
    { id: 'strategy', title: 'STRATEGY', priority: 6, max: 16 },
    { id: 'step', title: 'STEP', priority: 1, max: 14 },
    { id: 'updated', title: 'UPDATED', priority: 2, align: 'right' },
    { id: 'state', title: 'STATE', priority: 0, flex: true, max: 48, min: 12 },
    { id: 'hook', title: 'HOOK', priority: 4, max: 12 },
  ],
  defaultSort: { col: 'state', desc: false },
  build(s: Snapshot, ctx): Row[] {
    const out: Row[] = [];
    for (const w of s.workloads) {
      const r = w.rollout;
      if (!ctx.showAll && r.phase === 'complete' && !w.invalid) continue;
      const key = workloadKey(w);
      out.push(
        makeRow(
          key,
          w.cluster,
          [
            staleCluster(w.cluster, ctx.stale),
            { text: w.namespace },
            { text: w.name },
            { text: kindShort(w.kind), sort: w.kind },
            { text: r.strategy || '-' },
            { text: stepText(r), sort: r.stepIndex ?? -1 },
            { text: updatedText(r), sort: r.replicas === 0 ? 1 : r.updated / r.replicas },
            w.invalid
              ? { text: `invalid: ${w.invalid}`, sort: 0, token: 'error' }
              : {
                  text: stateText(r, ctx.now),
                  tail: pausedFor(r, ctx.now) || undefined,
                  sort: (PHASE_ORDER[r.phase] ?? 9) * 1e13 + (r.pausedSince ? ms(r.pausedSince) : ctx.now),
                  token: phaseToken(r.phase),
                },
            { text: hookText(r), token: hookToken(r.hookPhase) },
          ],
          { view: 'rollout', key, title: `${w.kind}/${w.name}` },
        ),
      );
    }
    return out;
  },
  emptyText: (s, ctx) =>
    ctx.showAll || s.workloads.length === 0
      ? 'No game workloads found in the fleet (yet).'
      : `Nothing is rolling out (${s.workloads.length} workloads up to date). A lists them all.`,
};
