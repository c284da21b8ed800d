// Kruise Rollout (rollouts.kruise.io, v1beta1 storage; v1alpha1 objectRef also read) -> WorkloadInfo
// with kind 'KruiseRollout' (research/crds.md §3.1). Kruise's currentStepIndex is 1-based; the model's
// stepIndex is 0-based. Every step without a pause duration waits for approval (StepPaused).
// Planned in rollouts/kruise-plans.ts.
import { t as tr, tEn } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import type { RolloutPhase, RolloutStatus, RolloutStep } from '../model/types.js';
import type { ActionAvailability } from '../model/action-types.js';
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

declare module '../model/workload-kinds.js' {
  interface WorkloadKinds {
    /** Kruise Rollout (its wire kind is Rollout too). */
    KruiseRollout: true;
  }
}

function readStep(s: unknown, i: number, base: string): RolloutStep {
  if (!isRecord(s)) throw new Malformed(tr('actions.rollout.malformed.object', { path: `${base}[${i}]` }));
  const replicas = optIntOrString(s, 'replicas');
  const traffic = optString(s, 'traffic') ?? (typeof s.weight === 'number' ? `${s.weight}%` : undefined);
  const pauseSeconds = optNumber(s, 'pause.duration');
  const parts: string[] = [];
  if (replicas !== undefined) parts.push(tr('actions.kruise.step.replicas', { replicas }));
  if (traffic !== undefined) parts.push(tr('actions.kruise.step.traffic', { traffic }));
  parts.push(
    pauseSeconds === undefined
      ? tr('actions.rollout.step.pauseManual')
      : pauseSeconds === 0
        ? tr('actions.kruise.step.noPause')
        : tr('actions.rollout.step.pause', { duration: duration(pauseSeconds) }),
  );
  const step: RolloutStep = {
    index: i,
    kind: pauseSeconds === 0 ? 'partition' : 'pause',
    summary: parts.join(tr('actions.console.comma')),
  };
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
      const at = stepIndex !== undefined && n ? tEn('actions.wait.step', { step: Math.min(stepIndex + 1, n), steps: n }) : '';
      let phase: RolloutPhase;
      let message: string;
      let pauseReason: string | undefined;
      let pausedSince: string | undefined;
      if (disabled || statusPhase === 'Disabled' || statusPhase === 'Disabling')
        [phase, message] = ['complete', tEn('actions.kruise.msg.disabled')];
      else if (statusPhase === 'Terminating' || cancelling)
        [phase, message] = ['progressing', tEn(cancelling ? 'actions.kruise.msg.cancelling' : 'actions.kruise.msg.terminating')];
      else if (state === 'StepPaused') {
        phase = 'paused';
        pauseReason = 'StepPaused';
        pausedSince = lastUpdate;
        message = stepPauseMessage(pauseEndsAt, ctx);
      } else if (specPaused) {
        phase = 'paused';
        pauseReason = hold ? 'Held' : 'Manual';
        pausedSince = hold?.at;
        message = hold ? tEn('actions.rollout.msg.held') : tEn('actions.rollout.msg.paused', { field: 'spec.strategy.paused' });
      } else if (!done)
        [phase, message] = [
          'progressing',
          tEn(strategy === 'Canary' ? 'actions.kruise.msg.canaryReady' : 'actions.kruise.msg.updatedReady', {
            at: at ? `${at} ` : '',
            state: state ?? statusPhase ?? 'progressing',
            ready: updatedReady,
            updated,
          }),
        ];
      // eslint-disable-next-line i18next/no-literal-string -- compared by model/zones.ts (shared with the native readers)
      else [phase, message] = ['complete', 'up to date'];

      const target = ref ? `${ref.kind} ${ref.name}` : tr('actions.kruise.theWorkload');
      const actions: ActionAvailability[] = [
        state === 'StepPaused'
          ? can(
              'approve',
              stepIndex !== undefined && stepIndex + 1 >= n
                ? tr('actions.kruise.can.completes')
                : tr('actions.kruise.can.continues', { step: (stepIndex ?? 0) + 2, steps: n }),
            )
          : cannot('approve', tr('actions.kruise.can.notPausedAtStep', { state: state ?? tr('actions.changed.none') })),
        done || phase === 'complete'
          ? cannot('reject', tr('actions.kruise.can.nothingToRollBack'))
          : can(
              'reject',
              stableRevision
                ? tr('actions.kruise.can.rollsBackTo', { target, revision: stableRevision })
                : tr('actions.kruise.can.rollsBack', { target }),
            ),
        cannot('skip-hook', tr('actions.kruise.can.noStepHooks')),
        cannot('retry-hooks', tr('actions.kruise.can.noPodHooks')),
        ref
          ? can('hotupdate', tr('actions.kruise.can.hotupdateVia', { target }))
          : cannot('hotupdate', tr('actions.kruise.can.noWorkloadRef')),
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
      w.workloadRef
        ? tr('actions.kruise.restartRef', { ref: `${w.workloadRef.kind.toLowerCase()}/${w.workloadRef.name}` })
        : tr('actions.kruise.restart'),
  },
  preconditions: workloadPreconditions(readKruiseRollout, rawKruiseFields),
  drivesWorkload: true,
};
