// Kruise Rollout (rollouts.kruise.io, v1beta1 storage; v1alpha1 objectRef also read) -> WorkloadInfo
// with kind 'KruiseRollout' (research/crds.md §3.1). Kruise's currentStepIndex is 1-based; the model's
// stepIndex is 0-based. Every step without a pause duration waits for approval (StepPaused).
// Planned in rollouts/kruise-plans.ts.
import type { KubeObject } from '../kube/object.js';
import type { ActionAvailability, RolloutPhase, RolloutStatus, RolloutStep } from '../model/types.js';
import type { WorkloadInfo } from '../model/types.js';
import { duration } from '../model/format.js';
import type { ReadContext } from './shared/context.js';
import { parseHold } from './shared/hold.js';
import {
  guard,
  isRecord,
  Malformed,
  optArray,
  optBool,
  optIntOrString,
  optNumber,
  optRecord,
  optString,
  optTime,
} from './shared/read-util.js';
import { readWorkloadRef, rolloutHoldActions } from './rollouts/common.js';
import { can, cannot, invalidWorkload, pauseEnd, respectHold, stepPauseMessage, workloadBase } from './shared/workload-base.js';
import { planKruise } from './rollouts/kruise-plans.js';
import { rawKruiseFields, workloadPreconditions } from './shared/observe.js';
import { WORKLOAD_VIEWS, type WorkloadSpec } from './spec.js';

declare module '../model/types.js' {
  interface WorkloadKinds {
    /** Kruise Rollout (its wire kind is Rollout too). */
    KruiseRollout: true;
  }
}

function readStep(s: unknown, i: number, base: string): RolloutStep {
  if (!isRecord(s)) throw new Malformed(`${base}[${i}]: expected an object`);
  const replicas = optIntOrString(s, 'replicas');
  const traffic = optString(s, 'traffic') ?? (typeof s.weight === 'number' ? `${s.weight}%` : undefined);
  const pauseSeconds = optNumber(s, 'pause.duration');
  const parts: string[] = [];
  if (replicas !== undefined) parts.push(`replicas ${replicas}`);
  if (traffic !== undefined) parts.push(`traffic ${traffic}`);
  parts.push(pauseSeconds === undefined ? 'pause (manual)' : pauseSeconds === 0 ? 'no pause' : `pause ${duration(pauseSeconds)}`);
  const step: RolloutStep = { index: i, kind: pauseSeconds === 0 ? 'partition' : 'pause', summary: parts.join(', ') };
  if (replicas !== undefined) step.partition = replicas;
  if (pauseSeconds) step.pauseSeconds = pauseSeconds;
  return step;
}

export function readKruiseRollout(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return guard(
    () => {
      // Kruise Rollouts have no pod template: containers are the workload's.
      const { m, info } = workloadBase(cluster, obj, 'KruiseRollout', ctx, 'spec.template.spec.containers');
      const ref = readWorkloadRef(obj, 'spec.workloadRef') ?? readWorkloadRef(obj, 'spec.objectRef.workloadRef');
      if (ref) info.workloadRef = ref;
      const blueGreen = optRecord(obj, 'spec.strategy.blueGreen');
      const strategy = blueGreen ? 'BlueGreen' : 'Canary';
      const stepsPath = blueGreen ? 'spec.strategy.blueGreen.steps' : 'spec.strategy.canary.steps';
      const steps = (optArray(obj, stepsPath) ?? []).map((s, i) => readStep(s, i, stepsPath));
      const specPaused = optBool(obj, 'spec.strategy.paused') ?? false;
      const disabled = optBool(obj, 'spec.disabled') ?? false;
      const statusPhase = optString(obj, 'status.phase');
      const sub = blueGreen ? 'status.blueGreenStatus' : 'status.canaryStatus';
      const cs = optRecord(obj, sub);
      const state = (cs ? optString(cs, 'currentStepState') : undefined) ?? optString(obj, 'status.currentStepState');
      const idx1 = (cs ? optNumber(cs, 'currentStepIndex') : undefined) ?? optNumber(obj, 'status.currentStepIndex');
      const updated = (cs ? (optNumber(cs, 'canaryReplicas') ?? optNumber(cs, 'updatedReplicas')) : undefined) ?? 0;
      const updatedReady = (cs ? (optNumber(cs, 'canaryReadyReplicas') ?? optNumber(cs, 'updatedReadyReplicas')) : undefined) ?? 0;
      const stableRevision = (cs ? optString(cs, 'stableRevision') : undefined) || undefined;
      const updateRevision = (cs ? (optString(cs, 'canaryRevision') ?? optString(cs, 'updatedRevision')) : undefined) || undefined;
      const lastUpdate = cs ? optTime(cs, 'lastUpdateTime') : undefined;
      const controllerMessage = (cs ? optString(cs, 'message') : undefined) || optString(obj, 'status.message') || undefined;
      let cancelling = false;
      for (const c of optArray(obj, 'status.conditions') ?? []) {
        if (isRecord(c) && c.type === 'Progressing' && c.reason === 'Cancelling') cancelling = true;
      }
      const done = state === 'Completed' || (!cs && statusPhase !== 'Progressing');
      const stepIndex = steps.length ? (done ? steps.length : Math.min(Math.max(0, (idx1 ?? 1) - 1), steps.length)) : undefined;
      const step = stepIndex !== undefined ? steps[stepIndex] : undefined;
      const hold = parseHold(m.annotations);
      const pauseEndsAt = pauseEnd(state === 'StepPaused' ? lastUpdate : undefined, step?.pauseSeconds);

      const n = steps.length;
      const at = stepIndex !== undefined && n ? `step ${Math.min(stepIndex + 1, n)}/${n}` : '';
      let phase: RolloutPhase;
      let message: string;
      let pauseReason: string | undefined;
      let pausedSince: string | undefined;
      if (disabled || statusPhase === 'Disabled' || statusPhase === 'Disabling') [phase, message] = ['complete', 'rollout disabled'];
      else if (statusPhase === 'Terminating' || cancelling)
        [phase, message] = ['progressing', cancelling ? 'cancelling: rolling back' : 'terminating'];
      else if (state === 'StepPaused') {
        phase = 'paused';
        pauseReason = 'StepPaused';
        pausedSince = lastUpdate;
        message = stepPauseMessage(pauseEndsAt, ctx);
      } else if (specPaused) {
        phase = 'paused';
        pauseReason = hold ? 'Held' : 'Manual';
        pausedSince = hold?.at;
        message = hold ? 'paused: held by zonectl' : 'paused: spec.strategy.paused';
      } else if (!done)
        [phase, message] = [
          'progressing',
          `${at}${at ? ' ' : ''}${state ?? statusPhase ?? 'progressing'}, ${updatedReady}/${updated} ${strategy === 'Canary' ? 'canary' : 'updated'} ready`,
        ];
      else [phase, message] = ['complete', 'up to date'];

      const target = ref ? `${ref.kind} ${ref.name}` : 'the workload';
      const actions: ActionAvailability[] = [
        state === 'StepPaused'
          ? can(
              'approve',
              stepIndex !== undefined && stepIndex + 1 >= n ? 'completes the rollout' : `continues to step ${(stepIndex ?? 0) + 2}/${n}`,
            )
          : cannot('approve', `not paused at a step (state ${state ?? 'none'})`),
        done || phase === 'complete'
          ? cannot('reject', 'nothing to roll back: no rollout in progress')
          : can('reject', `rolls ${target} back${stableRevision ? ` to ${stableRevision}` : ''}`),
        cannot('skip-hook', 'Kruise Rollout has no step hooks'),
        cannot('retry-hooks', 'Kruise Rollout has no pod hooks'),
        ref ? can('hotupdate', `via ${target}: the rollout's steps apply`) : cannot('hotupdate', 'no workloadRef'),
        ...rolloutHoldActions(hold, specPaused, 'spec.strategy.paused'),
      ];
      const rollout: RolloutStatus = {
        strategy,
        replicas: 0,
        updated,
        updatedReady,
        ready: updatedReady,
        steps,
        phase,
        paused: phase === 'paused',
        message,
        hookConditions: [],
        actions: respectHold(actions, hold),
      };
      if (stableRevision) rollout.currentRevision = rollout.stableRevision = stableRevision;
      if (updateRevision) rollout.updateRevision = updateRevision;
      if (stepIndex !== undefined) rollout.stepIndex = stepIndex;
      if (pauseReason) rollout.pauseReason = pauseReason;
      if (pausedSince) rollout.pausedSince = pausedSince;
      if (pauseEndsAt) rollout.pauseEndsAt = pauseEndsAt;
      if (controllerMessage) rollout.controllerMessage = controllerMessage;
      if (hold) rollout.hold = hold;
      return { ...info, rollout };
    },
    (reason) => invalidWorkload(cluster, obj, 'KruiseRollout', reason, ctx),
  );
}

export const kruiseRollout: WorkloadSpec<'KruiseRollout'> = {
  kind: 'KruiseRollout',
  role: 'workload',
  // Kruise Rollout's wire kind is "Rollout" too; the group tells it from Argo's.
  type: { group: 'rollouts.kruise.io', version: 'v1beta1', resource: 'rollouts', kind: 'Rollout', namespaced: true },
  aliases: ['kruiserollout', 'kruiserollouts', 'rollouts.rollouts.kruise.io'],
  short: 'KruiseRO',
  watchedBy: WORKLOAD_VIEWS,
  read: readKruiseRollout,
  plan: (intent, input) => planKruise(kruiseRollout, intent, input),
  // Reject and hot update act on the workload it drives.
  prefetch: { workloadRef: true },
  restart: {
    how: 'refuse',
    why: (w) =>
      `a Kruise Rollout has no pods of its own: restart the workload it drives${w.workloadRef ? ` (${w.workloadRef.kind.toLowerCase()}/${w.workloadRef.name})` : ''}`,
  },
  preconditions: workloadPreconditions(readKruiseRollout, rawKruiseFields),
  drivesWorkload: true,
};
