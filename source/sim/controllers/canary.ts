// Canary step logic of the 2022 bk-bcs game workload controllers (research/crds.md §1.5), as pure
// functions: current step, effective partition, step hash, step completion, and the status updater
// that decides the new status and the controller-owned spec.updateStrategy.paused.
import type { KubeObject } from '../../kube/object.js';
import { hashOf } from '../rand.js';

export const PAUSE_STEP = 'PausedByCanaryPauseStep';
export const PAUSE_HOOK = 'PausedByStepBasedHook';

export type WorkloadKindName = 'GameDeployment' | 'GameStatefulSet';

export interface PauseCondition {
  reason: string;
  startTime: string;
}

export function canarySteps(w: KubeObject): any[] | undefined {
  const c = w.spec?.updateStrategy?.canary;
  return c ? (Array.isArray(c.steps) ? c.steps : []) : undefined;
}

export function replicasOf(w: KubeObject): number {
  const r = w.spec?.replicas;
  return typeof r === 'number' ? r : 1;
}

/** IntOrString against a total ("25%" of 10 -> 2 rounding down, 3 rounding up). */
export function intOrPercent(v: unknown, total: number, roundUp = false): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) {
    const x = (Number(v.slice(0, -1)) * total) / 100;
    return roundUp ? Math.ceil(x) : Math.floor(x);
  }
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return 0;
}

/** canaryutil.GetCurrentCanaryStep: the step at status.currentStepIndex (undefined past the end). */
export function currentStep(w: KubeObject): { step?: any; index?: number } {
  const steps = canarySteps(w);
  if (!steps || steps.length === 0) return {};
  const index = typeof w.status?.currentStepIndex === 'number' ? w.status.currentStepIndex : 0;
  if (index >= steps.length) return { index };
  return { step: steps[index], index };
}

/** The partition written in spec when there are no canary steps (path differs per kind). */
export function specPartition(w: KubeObject, kind: WorkloadKindName): unknown {
  return kind === 'GameDeployment' ? w.spec?.updateStrategy?.partition : w.spec?.updateStrategy?.rollingUpdate?.partition;
}

/** canaryutil.GetCurrentPartition: effective partition now. */
export function currentPartition(w: KubeObject, kind: WorkloadKindName): number {
  const replicas = replicasOf(w);
  const steps = canarySteps(w);
  const { step, index } = currentStep(w);
  if (!step) {
    if (!steps || steps.length === 0) {
      const p = specPartition(w, kind);
      if (p !== undefined && p !== null) return intOrPercent(p, replicas);
    }
    return 0;
  }
  for (let i = index!; i >= 0; i--) {
    const s = steps![i];
    if (s?.partition !== undefined && s.partition !== null) return intOrPercent(s.partition, replicas);
  }
  return replicas;
}

export function stepHash(w: KubeObject): string {
  return hashOf(canarySteps(w) ?? null);
}

export function pauseCondition(status: any, reason: string): PauseCondition | undefined {
  return (status?.pauseConditions as PauseCondition[] | undefined)?.find((c) => c.reason === reason);
}

export interface CanaryContext {
  kind: WorkloadKindName;
  w: KubeObject;
  /** newStatus computed so far: counts, revisions, hook conditions (mutated here). */
  newStatus: any;
  /** Phase of the current step HookRun, if there is one. */
  stepHookPhase?: string;
  /** Pause reasons added during this reconcile (e.g. PausedByStepBasedHook). */
  pauseReasons: string[];
  now: number;
  iso: (ms: number) => string;
}

export interface CanaryResult {
  status: any;
  /** New value for spec.updateStrategy.paused. */
  paused: boolean;
  /** Ask to be reconciled again after this many ms (timed pause). */
  requeueMs?: number;
}

function stepPartitionReached(ctx: CanaryContext, partition: number): boolean {
  const s = ctx.newStatus;
  const ok = s.updatedReadyReplicas === replicasOf(ctx.w) - partition;
  return ctx.kind === 'GameDeployment' ? ok && s.availableReplicas === s.readyReplicas : ok;
}

/** completeCurrentCanaryStep. */
export function completeCurrentStep(ctx: CanaryContext): boolean {
  const { step } = currentStep(ctx.w);
  if (!step) return false;
  const paused = ctx.w.spec?.updateStrategy?.paused === true;
  const cond = pauseCondition(ctx.w.status, PAUSE_STEP);
  if (step.pause && typeof step.pause.duration === 'number' && cond) {
    if (ctx.now > Date.parse(cond.startTime) + step.pause.duration * 1000) return true;
  }
  if (step.pause && typeof step.pause.duration !== 'number' && cond && !paused) return true;
  if (step.partition !== undefined && step.partition !== null) {
    if (stepPartitionReached(ctx, intOrPercent(step.partition, replicasOf(ctx.w)))) return true;
  }
  if (step.hook && ctx.stepHookPhase === 'Successful') return true;
  if (step.hook && pauseCondition(ctx.w.status, PAUSE_HOOK) && !paused) return true;
  return false;
}

/** UpdateGameDeploymentStatus / the GameStatefulSet equivalent. */
export function updateCanaryStatus(ctx: CanaryContext): CanaryResult {
  const { w, newStatus } = ctx;
  const steps = canarySteps(w);
  const stepCount = steps?.length ?? 0;
  const oldStatus = w.status ?? {};
  newStatus.canary = { ...(newStatus.canary ?? {}), revision: oldStatus.canary?.revision ?? '' };
  if (steps) newStatus.currentStepHash = stepHash(w);

  const resetIndex = (): void => {
    newStatus.currentStepIndex = steps && steps.length > 0 ? 0 : undefined;
    if (oldStatus.canary?.revision && oldStatus.canary.revision === newStatus.updateRevision && newStatus.currentStepIndex !== undefined) {
      newStatus.currentStepIndex = stepCount; // rolling back to the last released revision skips every step
    }
    newStatus.canary.currentStepHookRun = undefined;
  };
  // step hash changed -> restart the canary
  if (oldStatus.currentStepHash && steps && oldStatus.currentStepHash !== newStatus.currentStepHash) {
    resetIndex();
    return { status: newStatus, paused: false };
  }
  // pod template changed -> restart the canary
  if (oldStatus.updateRevision && oldStatus.updateRevision !== newStatus.updateRevision) {
    resetIndex();
    return { status: newStatus, paused: false };
  }
  if (!oldStatus.canary?.revision) {
    if (!steps) return { status: newStatus, paused: false };
    newStatus.canary.revision = newStatus.updateRevision;
    if (stepCount > 0) newStatus.currentStepIndex = stepCount;
    return { status: newStatus, paused: false };
  }
  if (stepCount === 0) {
    newStatus.canary.revision = newStatus.updateRevision;
    return { status: newStatus, paused: false };
  }
  const { step, index } = currentStep(w);
  if (index === stepCount) {
    newStatus.currentStepIndex = stepCount;
    newStatus.canary.revision = newStatus.updateRevision;
    return { status: newStatus, paused: false };
  }
  if (completeCurrentStep(ctx)) {
    const next = index! + 1;
    newStatus.currentStepIndex = next;
    newStatus.canary.currentStepHookRun = undefined;
    if (next === stepCount) newStatus.canary.revision = newStatus.updateRevision;
    return { status: newStatus, paused: false };
  }
  const reasons = [...ctx.pauseReasons];
  let requeueMs: number | undefined;
  const cond = pauseCondition(oldStatus, PAUSE_STEP);
  if (step?.pause) {
    const partition = currentPartition(w, ctx.kind);
    if (!cond && stepPartitionReached(ctx, partition)) reasons.push(PAUSE_STEP);
    if (typeof step.pause.duration === 'number') {
      const start = cond ? Date.parse(cond.startTime) : ctx.now;
      requeueMs = Math.max(1, start + step.pause.duration * 1000 - ctx.now + 1);
    }
  }
  newStatus.currentStepIndex = index;
  // calculateConditionStatus: keep existing conditions, add new reasons
  const conds: PauseCondition[] = [...((oldStatus.pauseConditions as PauseCondition[] | undefined) ?? [])];
  for (const r of reasons) if (!conds.some((c) => c.reason === r)) conds.push({ reason: r, startTime: ctx.iso(ctx.now) });
  if (conds.length === 0) return { status: newStatus, paused: false, requeueMs };
  newStatus.pauseConditions = conds;
  return { status: newStatus, paused: true, requeueMs };
}
