// Which actions a bk-bcs GameDeployment / GameStatefulSet allows right now, and why not
// (research/crds.md §1.5 and §6; DESIGN §5).
import { t, type MessageKey, type MessageValues } from '../../i18n/t.js';
import type { HookRunInfo, PodHookCondition, RolloutStep } from '../../model/types.js';
import type { ActionAvailability } from '../../model/action-types.js';
import { clock } from '../../model/format.js';
import type { HoldRecord } from '../shared/hold.js';
import { hookUnsuccessful } from '../shared/hook-phase.js';
import type { BkbcsKind } from './steps.js';
import type { LazyReason } from '../shared/shared-availability.js';
import { can, cannot, respectHold, WARNING } from '../shared/workload-base.js';

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
/**
 * A verdict's reason, worded when first read (shared-availability.ts): the console shows the selected
 * row's only, so a read does not format seven messages per workload.
 */
function words(key: MessageKey, values?: MessageValues, prefix?: string): LazyReason {
  return prefix === undefined ? (values ? { key, values } : { key }) : { key, ...(values ? { values } : {}), prefix };
}

export function previousRevision(x: Pick<BkbcsActionInput, 'updateRevision' | 'currentRevision' | 'stableRevision'>): string | undefined {
  if (!x.updateRevision) return undefined;
  if (x.stableRevision && x.stableRevision !== x.updateRevision) return x.stableRevision;
  if (x.currentRevision && x.currentRevision !== x.updateRevision) return x.currentRevision;
  return undefined;
}

function approve(x: BkbcsActionInput): ActionAvailability {
  const pc = x.pauseConditions.find((c) => c.reason.startsWith('PausedBy'));
  if (!pc) return cannot('approve', words(x.steps.length ? 'plans.bkbcs.notPaused' : 'plans.bkbcs.noSteps'));
  const i = x.stepIndex ?? 0;
  const step = x.steps[i];
  if (pc.reason === PAUSED_BY_STEP && step?.pauseSeconds) {
    return cannot(
      'approve',
      x.pauseEndsAt ? words('plans.bkbcs.timedPauseEnds', { at: clock(x.pauseEndsAt, x.utc) }) : words('plans.bkbcs.timedPause'),
    );
  }
  if (pc.reason === PAUSED_BY_HOOK) {
    const what = step?.hookTemplate ? t('plans.bkbcs.hookNamed', { hook: step.hookTemplate }) : t('plans.bkbcs.stepHook');
    return can('approve', words('plans.bkbcs.pastHook', { hook: what, phase: x.hookRun?.phase ?? t('plans.bkbcs.notSuccessful') }));
  }
  const n = x.steps.length;
  return can(
    'approve',
    i + 1 >= n ? words('plans.bkbcs.finishes', { steps: n }) : words('plans.bkbcs.continues', { step: i + 2, steps: n }),
  );
}

function reject(x: BkbcsActionInput): ActionAvailability {
  if (!x.updateRevision) return cannot('reject', words('plans.bkbcs.noUpdateRevision'));
  const prev = previousRevision(x);
  if (!prev) return cannot('reject', words('plans.bkbcs.nothingToRollBack', { revision: x.updateRevision }));
  return can(
    'reject',
    words(prev === x.stableRevision && x.steps.length ? 'plans.bkbcs.restoresReleased' : 'plans.bkbcs.restores', { revision: prev }),
  );
}

function skipHook(x: BkbcsActionInput): ActionAvailability {
  const step = x.steps[x.stepIndex ?? -1];
  if (!step?.hookTemplate) return cannot('skip-hook', words('plans.bkbcs.noHook'));
  const run = x.hookRun;
  if (!run) return cannot('skip-hook', words('plans.bkbcs.noHookRun', { hook: step.hookTemplate }));
  if (run.phase === 'Running' || run.phase === 'Pending') {
    if (run.terminate) return cannot('skip-hook', words('plans.bkbcs.terminating', { run: run.name }));
    return can('skip-hook', words('plans.bkbcs.terminates', { run: run.name }));
  }
  if (hookUnsuccessful(run.phase))
    return cannot('skip-hook', words('plans.bkbcs.hookFailed', { hook: step.hookTemplate, phase: run.phase }));
  return cannot('skip-hook', words('plans.bkbcs.hookRunPhase', { run: run.name, phase: run.phase }));
}

function retryHooks(x: BkbcsActionInput): ActionAvailability {
  const failed = x.hookConditions.filter((c) => hookUnsuccessful(c.phase));
  if (!failed.length) return cannot('retry-hooks', words('plans.bkbcs.noFailedHooks'));
  const types = [...new Set(failed.map((c) => c.type))].join(', ');
  return can('retry-hooks', words('plans.bkbcs.reruns', { n: failed.length, types }));
}

function hotupdate(x: BkbcsActionInput): ActionAvailability {
  switch (x.strategy) {
    case 'InplaceUpdate':
      return can('hotupdate', words('plans.bkbcs.inPlace'));
    case 'HotPatchUpdate':
      return can('hotupdate', words('plans.bkbcs.hotPatch'));
    // "warning: " is a code the planners and the console look for: it stays English in every language.
    case 'OnDelete':
      return can('hotupdate', words('plans.bkbcs.onDelete', undefined, WARNING));
    default:
      return can('hotupdate', words('plans.bkbcs.recreates', { strategy: x.strategy }, WARNING));
  }
}

/** Paused at a step that only an approve ends (a manual pause, or a step hook that did not succeed). */
export function waitsForApproval(x: Pick<BkbcsActionInput, 'pauseConditions' | 'steps' | 'stepIndex'>): boolean {
  const pc = x.pauseConditions.find((c) => c.reason === PAUSED_BY_STEP || c.reason === PAUSED_BY_HOOK);
  if (!pc) return false;
  return pc.reason === PAUSED_BY_HOOK || !x.steps[x.stepIndex ?? 0]?.pauseSeconds;
}

function hold(x: BkbcsActionInput): ActionAvailability {
  if (x.hold) return cannot('hold', words('plans.hold.already'));
  // bk-bcs takes the partition from the current canary step while steps are set (canary.go
  // GetCurrentPartition) and owns spec.updateStrategy.paused: only a step that waits for approval holds.
  if (x.steps.length)
    return waitsForApproval(x) ? can('hold', words('plans.bkbcs.holdStep')) : cannot('hold', words('plans.bkbcs.holdSteps'));
  if (x.specPartition >= x.replicas)
    return cannot('hold', words('plans.bkbcs.partitionKeepsAll', { partition: x.specPartition, replicas: x.replicas }));
  return can('hold', words('plans.bkbcs.setsPartition', { replicas: x.replicas }));
}

function release(x: BkbcsActionInput): ActionAvailability {
  if (!x.hold) return cannot('release', words('plans.release.notHeld'));
  if (x.hold.on === 'step') return can('release', words('plans.bkbcs.liftsHold'));
  const prev = x.hold.previous;
  return can(
    'release',
    prev === null || prev === undefined
      ? words('plans.release.removesPartition')
      : words('plans.release.restoresPartition', { value: String(prev) }),
  );
}

export function bkbcsActions(x: BkbcsActionInput): ActionAvailability[] {
  return respectHold([approve(x), reject(x), skipHook(x), retryHooks(x), hotupdate(x), hold(x), release(x)], x.hold);
}
