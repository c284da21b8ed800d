// Human text for a workload's rollout, shared by the rollouts list and the detail views.
import type { RolloutStatus, WorkloadInfo } from '../../model/types.js';
import { shortDuration } from '../../model/format.js';
import { ms } from '../text/format.js';

/** "2/5 pause" — step i/n (1-based) and the current step's kind. */
export function stepText(r: RolloutStatus): string {
  if (r.stepIndex === undefined || r.steps.length === 0) return '-';
  const n = r.steps.length;
  if (r.stepIndex >= n) return `${n}/${n} done`;
  const step = r.steps[r.stepIndex];
  return `${r.stepIndex + 1}/${n} ${step?.kind ?? ''}`.trim();
}

/** " 12m" — how long the rollout has been paused, or '' when it is not. */
export function pausedFor(r: RolloutStatus, now: number): string {
  if (!r.paused || !r.pausedSince) return '';
  const since = ms(r.pausedSince);
  return since > 0 ? ` ${shortDuration((now - since) / 1000)}` : '';
}

/** "paused: awaiting approval 12m" — the message plus how long it has been paused. */
export function stateText(r: RolloutStatus, now: number): string {
  return (r.message || r.phase) + pausedFor(r, now);
}

export function updatedText(r: RolloutStatus): string {
  return `${r.updated}/${r.replicas}`;
}

export function hookText(r: RolloutStatus): string {
  return r.hookPhase ?? '-';
}

/** Kind as shown in narrow columns. */
export function kindShort(kind: WorkloadInfo['kind']): string {
  switch (kind) {
    case 'GameStatefulSet':
      return 'GameSTS';
    case 'GameDeployment':
      return 'GameDeploy';
    case 'KruiseRollout':
      return 'KruiseRO';
    default:
      return kind;
  }
}
