// Which actions a bk-bcs GameDeployment / GameStatefulSet allows right now, and why not
// (research/crds.md §1.5 and §6; DESIGN §5).
import type { ActionAvailability, HookRunInfo, PodHookCondition, RolloutStep } from '../../model/types.js';
import { clock } from '../../model/format.js';
import type { HoldRecord } from '../shared/hold.js';
import { hookUnsuccessful } from '../shared/hook-phase.js';
import type { BkbcsKind } from './steps.js';
import { can, cannot, respectHold } from '../shared/workload-base.js';

export const PAUSED_BY_STEP = 'PausedByCanaryPauseStep';
export const PAUSED_BY_HOOK = 'PausedByStepBasedHook';

export interface PauseCondition {
  reason: string;
  startTime?: string;
}

export interface BkbcsActionInput {
  kind: BkbcsKind;
  strategy: string;
  replicas: number;
  steps: RolloutStep[];
  stepIndex?: number;
  pauseConditions: PauseCondition[];
  pauseEndsAt?: string;
  hookRun?: HookRunInfo;
  hookConditions: PodHookCondition[];
  updateRevision?: string;
  currentRevision?: string;
  stableRevision?: string;
  /** Resolved spec partition (plain path, not from steps). */
  specPartition: number;
  hold?: HoldRecord;
  utc?: boolean;
}

/** The revision a reject would restore: the last fully released one, else the current one. */
export function previousRevision(x: Pick<BkbcsActionInput, 'updateRevision' | 'currentRevision' | 'stableRevision'>): string | undefined {
  if (!x.updateRevision) return undefined;
  if (x.stableRevision && x.stableRevision !== x.updateRevision) return x.stableRevision;
  if (x.currentRevision && x.currentRevision !== x.updateRevision) return x.currentRevision;
  return undefined;
}

function approve(x: BkbcsActionInput): ActionAvailability {
  const pc = x.pauseConditions.find((c) => c.reason.startsWith('PausedBy'));
  if (!pc) return cannot('approve', x.steps.length ? 'not paused at a canary step' : 'no canary steps: nothing to approve');
  const i = x.stepIndex ?? 0;
  const step = x.steps[i];
  if (pc.reason === PAUSED_BY_STEP && step?.pauseSeconds) {
    return cannot(
      'approve',
      x.pauseEndsAt ? `timed pause: pause ends at ${clock(x.pauseEndsAt, x.utc)}` : 'timed pause: it ends by itself',
    );
  }
  if (pc.reason === PAUSED_BY_HOOK) {
    const what = step?.hookTemplate ? `hook ${step.hookTemplate}` : 'the step hook';
    return can('approve', `continues past ${what} (${x.hookRun?.phase ?? 'not successful'}) without it succeeding`);
  }
  const n = x.steps.length;
  return can('approve', i + 1 >= n ? `finishes the canary (step ${n}/${n})` : `continues to step ${i + 2}/${n}`);
}

function reject(x: BkbcsActionInput): ActionAvailability {
  if (!x.updateRevision) return cannot('reject', 'no update revision in status yet');
  const prev = previousRevision(x);
  if (!prev) return cannot('reject', `nothing to roll back: ${x.updateRevision} is the current revision`);
  return can(
    'reject',
    prev === x.stableRevision && x.steps.length
      ? `restores revision ${prev} (last released: all canary steps are skipped)`
      : `restores revision ${prev}`,
  );
}

function skipHook(x: BkbcsActionInput): ActionAvailability {
  const step = x.steps[x.stepIndex ?? -1];
  if (!step?.hookTemplate) return cannot('skip-hook', 'the current step has no hook');
  const run = x.hookRun;
  if (!run) return cannot('skip-hook', `no hook run for ${step.hookTemplate} yet`);
  if (run.phase === 'Running' || run.phase === 'Pending') {
    if (run.terminate) return cannot('skip-hook', `hook run ${run.name} is already terminating`);
    return can('skip-hook', `terminates hook run ${run.name}; it is assessed Successful and the step advances`);
  }
  if (hookUnsuccessful(run.phase))
    return cannot('skip-hook', `hook ${step.hookTemplate} is ${run.phase}: use approve to continue without it`);
  return cannot('skip-hook', `hook run ${run.name} is ${run.phase}`);
}

function retryHooks(x: BkbcsActionInput): ActionAvailability {
  const failed = x.hookConditions.filter((c) => hookUnsuccessful(c.phase));
  if (!failed.length) return cannot('retry-hooks', 'no failed pre-delete / pre-inplace / post-inplace hooks');
  const types = [...new Set(failed.map((c) => c.type))].join(', ');
  return can('retry-hooks', `re-runs ${failed.length} failed ${types} hook${failed.length > 1 ? 's' : ''}`);
}

function hotupdate(x: BkbcsActionInput): ActionAvailability {
  switch (x.strategy) {
    case 'InplaceUpdate':
      return can('hotupdate', 'containers restart in place; pods keep their identity');
    case 'HotPatchUpdate':
      return can('hotupdate', 'images are swapped without a restart (needs the BCS kubelet)');
    case 'OnDelete':
      return can('hotupdate', 'warning: OnDelete strategy: pods take the new image only when deleted');
    default:
      return can('hotupdate', `warning: ${x.strategy} recreates pods; set InplaceUpdate or HotPatchUpdate to update in place`);
  }
}

/** Paused at a step that only an approve ends (a manual pause, or a step hook that did not succeed). */
export function waitsForApproval(x: Pick<BkbcsActionInput, 'pauseConditions' | 'steps' | 'stepIndex'>): boolean {
  const pc = x.pauseConditions.find((c) => c.reason === PAUSED_BY_STEP || c.reason === PAUSED_BY_HOOK);
  if (!pc) return false;
  return pc.reason === PAUSED_BY_HOOK || !x.steps[x.stepIndex ?? 0]?.pauseSeconds;
}

function hold(x: BkbcsActionInput): ActionAvailability {
  if (x.hold) return cannot('hold', 'already held by zonectl');
  // bk-bcs takes the partition from the current canary step while steps are set (canary.go
  // GetCurrentPartition) and owns spec.updateStrategy.paused: only a step that waits for approval holds.
  if (x.steps.length)
    return waitsForApproval(x)
      ? can('hold', 'the rollout waits at this step; hold keeps approve, skip-hook and hot update off until released')
      : cannot(
          'hold',
          'canary steps set the partition (bk-bcs ignores rollingUpdate.partition while steps are set): hold when the rollout waits at a step',
        );
  if (x.specPartition >= x.replicas)
    return cannot('hold', `partition ${x.specPartition} already keeps all ${x.replicas} pods on the old revision`);
  return can('hold', `sets partition to ${x.replicas}: no further pods are updated`);
}

function release(x: BkbcsActionInput): ActionAvailability {
  if (!x.hold) return cannot('release', 'not held by zonectl');
  if (x.hold.on === 'step') return can('release', 'lifts the hold: the step can be approved again');
  const prev = x.hold.previous;
  return can('release', prev === null || prev === undefined ? 'removes the partition' : `restores partition ${String(prev)}`);
}

export function bkbcsActions(x: BkbcsActionInput): ActionAvailability[] {
  return respectHold([approve(x), reject(x), skipHook(x), retryHooks(x), hotupdate(x), hold(x), release(x)], x.hold);
}
