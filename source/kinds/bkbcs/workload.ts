// Shared reader for bk-bcs GameDeployment / GameStatefulSet: canary position, pauses, hooks, phase,
// message and actions (research/crds.md §1.4-1.7). The two kinds differ only in the partition path,
// GameDeployment's availableReplicas and GameStatefulSet's currentReplicas.
import { tEn } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { HookRunInfo, PodHookCondition, RolloutPhase, RolloutStatus, WorkloadInfo } from '../../model/types.js';
import type { ReadContext } from '../shared/context.js';
import { parseHold } from '../shared/hold.js';
import { hookUnsuccessful } from '../shared/hook-phase.js';
import { bkbcsActions, PAUSED_BY_HOOK, PAUSED_BY_STEP, type PauseCondition } from './actions.js';
import { type BkbcsKind, effectivePartition, readSteps, specPartition } from './steps.js';
import { expected, guard, isRecord, optArray, optBool, optNumber, optString, optTime, resolveIntOrPercent } from '../shared/read-util.js';
import {
  heldMessage,
  invalidWorkload,
  lagging,
  laggingMessage,
  pauseEnd,
  stepPauseMessage,
  upToDate,
  workloadBase,
} from '../shared/workload-base.js';

const HOOK_CONDITION_PATHS: Array<[PodHookCondition['type'], string]> = [
  ['pre-delete', 'status.preDeleteHookCondition'],
  ['pre-inplace', 'status.preInplaceHookCondition'],
  ['post-inplace', 'status.postInplaceHookCondition'],
];

function readHookConditions(obj: KubeObject): PodHookCondition[] {
  const out: PodHookCondition[] = [];
  for (const [type, path] of HOOK_CONDITION_PATHS) {
    (optArray(obj, path) ?? []).forEach((c, i) => {
      if (!isRecord(c) || typeof c.podName !== 'string') throw expected(`${path}[${i}]`, ['podName', 'phase', 'startTime']);
      const cond: PodHookCondition = { type, podName: c.podName, phase: typeof c.phase === 'string' ? c.phase : 'Unknown' };
      if (typeof c.startTime === 'string') cond.startTime = c.startTime;
      out.push(cond);
    });
  }
  return out;
}

function readPauseConditions(obj: KubeObject): PauseCondition[] {
  return (optArray(obj, 'status.pauseConditions') ?? []).map((c, i) => {
    if (!isRecord(c) || typeof c.reason !== 'string') throw expected(`status.pauseConditions[${i}]`, ['reason', 'startTime']);
    const startTime = optTime(c, 'startTime');
    return startTime ? { reason: c.reason, startTime } : { reason: c.reason };
  });
}

function failedCondition(obj: KubeObject): { type: string; message: string } | undefined {
  for (const c of optArray(obj, 'status.conditions') ?? []) {
    if (!isRecord(c)) continue;
    if ((c.type === 'FailedUpdate' || c.type === 'FailedScale') && c.status === 'True') {
      return { type: c.type, message: typeof c.message === 'string' ? c.message : typeof c.reason === 'string' ? c.reason : '' };
    }
  }
  return undefined;
}

/** The current step's HookRun: by the name in status, else by labels (status can lag the run). */
function findStepHookRun(
  cluster: string,
  ns: string,
  owner: { kind: string; name: string },
  name: string | undefined,
  stepIndex: number | undefined,
  revision: string | undefined,
  runs: readonly HookRunInfo[] | undefined,
): HookRunInfo | undefined {
  if (!runs?.length) return undefined;
  const same = (r: HookRunInfo) => r.cluster === cluster && r.namespace === ns;
  if (name) return runs.find((r) => same(r) && r.name === name);
  if (stepIndex === undefined) return undefined;
  let best: HookRunInfo | undefined;
  for (const r of runs) {
    if (!same(r) || r.type !== 'canary-step' || r.stepIndex !== stepIndex) continue;
    if (r.owner && (r.owner.kind !== owner.kind || r.owner.name !== owner.name)) continue;
    if (!r.owner) continue;
    if (revision && r.revision && r.revision !== revision) continue;
    if (!best || (r.createdAt ?? '') > (best.createdAt ?? '')) best = r;
  }
  return best;
}

export function readBkbcsWorkload(cluster: string, obj: KubeObject, kind: BkbcsKind, ctx?: ReadContext): WorkloadInfo {
  return guard(
    () => readStrict(cluster, obj, kind, ctx),
    (reason) => invalidWorkload(cluster, obj, kind, reason, ctx),
  );
}

function readStrict(cluster: string, obj: KubeObject, kind: BkbcsKind, ctx?: ReadContext): WorkloadInfo {
  const { m, info } = workloadBase(cluster, obj, kind, ctx);
  const replicas = optNumber(obj, 'spec.replicas') ?? 1;
  const strategy = optString(obj, 'spec.updateStrategy.type') || 'RollingUpdate';
  const steps = readSteps(obj);
  const updated = optNumber(obj, 'status.updatedReplicas') ?? 0;
  const updatedReady = optNumber(obj, 'status.updatedReadyReplicas') ?? 0;
  const ready = optNumber(obj, 'status.readyReplicas') ?? 0;
  const available = kind === 'GameDeployment' ? optNumber(obj, 'status.availableReplicas') : undefined;
  const currentRevision = optString(obj, 'status.currentRevision') || undefined;
  const updateRevision = optString(obj, 'status.updateRevision') || undefined;
  const stableRevision = optString(obj, 'status.canary.revision') || undefined;
  const hookRunName = optString(obj, 'status.canary.currentStepHookRun') || undefined;
  const pauseConditions = readPauseConditions(obj);
  const hookConditions = readHookConditions(obj);
  const specPaused = optBool(obj, 'spec.updateStrategy.paused') ?? false;
  const hold = parseHold(m.annotations);

  const inFlight = updated < replicas || (!!currentRevision && !!updateRevision && currentRevision !== updateRevision);
  const idxRaw = optNumber(obj, 'status.currentStepIndex');
  const stepIndex = steps.length ? Math.min(Math.max(0, idxRaw ?? (inFlight ? 0 : steps.length)), steps.length) : undefined;
  const partition = effectivePartition(kind, obj, steps, stepIndex, replicas);
  const rawSpecPartition = specPartition(kind, obj);
  const specPart = rawSpecPartition === undefined ? 0 : resolveIntOrPercent(rawSpecPartition, replicas, true);
  const step = stepIndex !== undefined ? steps[stepIndex] : undefined;
  const hookRun = step?.hookTemplate
    ? findStepHookRun(cluster, m.namespace, { kind, name: m.name }, hookRunName, stepIndex, updateRevision, ctx?.hookRuns)
    : undefined;

  const pc = pauseConditions[pauseConditions.length - 1];
  const pauseEndsAt = pauseEnd(pauseConditions.find((c) => c.reason === PAUSED_BY_STEP)?.startTime, step?.pauseSeconds);

  let phase: RolloutPhase;
  let message: string;
  let pauseReason: string | undefined;
  let pausedSince: string | undefined;
  const failedHooks = hookConditions.filter((c) => hookUnsuccessful(c.phase));
  const failedCond = failedCondition(obj);
  if (failedHooks.length) {
    const f = failedHooks[0];
    phase = 'failed';
    message = tEn('plans.rollout.hookFailed', {
      type: f.type,
      phase: f.phase,
      pod: f.podName,
      more: failedHooks.length > 1 ? tEn('plans.rollout.more', { n: failedHooks.length - 1 }) : '',
    });
  } else if (failedCond) {
    phase = 'failed';
    message = tEn('plans.rollout.failed', { reason: `${failedCond.type}${failedCond.message ? `: ${failedCond.message}` : ''}` });
  } else if (pc) {
    phase = 'paused';
    pauseReason = pc.reason;
    pausedSince = pc.startTime;
    if (pc.reason === PAUSED_BY_HOOK) {
      message = tEn('plans.rollout.pausedHook', {
        hook: step?.hookTemplate ?? tEn('plans.rollout.stepHook'),
        phase: hookRun && hookRun.phase !== 'Unknown' ? hookRun.phase : tEn('plans.rollout.didNotSucceed'),
      });
    } else if (pc.reason === PAUSED_BY_STEP) message = stepPauseMessage(pauseEndsAt, ctx);
    else message = tEn('plans.rollout.paused', { reason: pc.reason });
  } else if (hold && inFlight && partition >= replicas) {
    phase = 'paused';
    pauseReason = 'Held';
    pausedSince = hold.at;
    message = heldMessage(updated, replicas);
  } else if (specPaused && inFlight) {
    phase = 'paused';
    pauseReason = 'Manual';
    message = tEn('plans.rollout.specPausedBkbcs');
  } else if (lagging(info)) {
    phase = 'progressing';
    message = laggingMessage(info);
  } else if (inFlight) {
    const target = replicas - partition;
    const hookRunning = step?.hookTemplate && hookRun && !hookUnsuccessful(hookRun.phase) && hookRun.phase !== 'Successful';
    if (!steps.length && partition > 0 && updated >= target && updatedReady >= target) {
      phase = 'paused';
      pauseReason = 'Partition';
      message = tEn('plans.rollout.partitionKeeps', { partition, replicas });
    } else {
      phase = 'progressing';
      const inPlace = hookConditions.find((c) => c.phase === 'Running');
      message = tEn('plans.rollout.updating', { updated, replicas });
      if (hookRunning) message += tEn('plans.rollout.andHook', { hook: String(step.hookTemplate), phase: hookRun.phase });
      else if (inPlace) message += tEn('plans.rollout.andPodHook', { type: inPlace.type, pod: inPlace.podName });
    }
  } else {
    phase = 'complete';
    message = upToDate();
  }

  const rollout: RolloutStatus = {
    strategy,
    replicas,
    updated,
    updatedReady,
    ready,
    partition,
    steps,
    phase,
    paused: phase === 'paused',
    message,
    hookConditions,
    actions: bkbcsActions({
      kind,
      strategy,
      replicas,
      steps,
      stepIndex,
      pauseConditions,
      pauseEndsAt,
      hookRun,
      hookConditions,
      updateRevision,
      currentRevision,
      stableRevision,
      specPartition: specPart,
      hold,
      utc: ctx?.utc,
    }),
  };
  if (currentRevision) rollout.currentRevision = currentRevision;
  if (updateRevision) rollout.updateRevision = updateRevision;
  if (stableRevision) rollout.stableRevision = stableRevision;
  if (available !== undefined) rollout.available = available;
  if (stepIndex !== undefined) rollout.stepIndex = stepIndex;
  if (pauseReason) rollout.pauseReason = pauseReason;
  if (pausedSince) rollout.pausedSince = pausedSince;
  if (pauseEndsAt) rollout.pauseEndsAt = pauseEndsAt;
  const runName = hookRunName ?? hookRun?.name;
  if (runName && step?.hookTemplate) rollout.hookRunName = runName;
  if (hookRun) {
    rollout.hookPhase = hookRun.phase;
    rollout.hookMetrics = hookRun.metrics;
  } else if (runName && step?.hookTemplate) rollout.hookPhase = 'Unknown';
  if (hold) rollout.hold = hold;
  return { ...info, rollout };
}
