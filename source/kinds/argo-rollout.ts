// Argo Rollout (argoproj.io/v1alpha1) -> WorkloadInfo (research/crds.md §2); planned in rollouts/argo-plans.ts.
import { t as tr, tEn } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import type { RolloutPhase, RolloutStatus, RolloutStep, WorkloadInfo } from '../model/types.js';
import type { ActionAvailability } from '../model/action-types.js';
import { duration, parseDuration } from '../model/format.js';
import type { ReadContext } from './shared/context.js';
import { parseHold } from './shared/hold.js';
import { readWorkloadRef, rolloutHoldActions } from './rollouts/common.js';
import { guard, isRecord, Malformed, optArray, optBool, optNumber, optRecord, optString, optTime } from './shared/read-util.js';
import { can, cannot, invalidWorkload, lagging, pauseEnd, respectHold, stepPauseMessage, workloadBase } from './shared/workload-base.js';
import { planArgo } from './rollouts/argo-plans.js';
import { workloadPreconditions } from './shared/observe.js';
import { observed } from './plan/wait.js';
import { WORKLOAD_VIEWS, type WorkloadSpec } from './spec.js';
import { argoRestart } from './plan/restart-effects.js';

declare module '../model/workload-kinds.js' {
  interface WorkloadKinds {
    /** Argo Rollout. */
    Rollout: true;
  }
}

function readStep(s: unknown, i: number, base: string): RolloutStep {
  if (!isRecord(s)) throw new Malformed(tr('actions.rollout.malformed.object', { path: `${base}[${i}]` }));
  if (typeof s.setWeight === 'number')
    return { index: i, kind: 'partition', partition: `${s.setWeight}%`, summary: tr('actions.argo.step.weight', { weight: s.setWeight }) };
  if (isRecord(s.pause)) {
    const d = s.pause.duration;
    if (d === undefined || d === null) return { index: i, kind: 'pause', summary: tr('actions.rollout.step.pauseManual') };
    const secs = parseDuration(typeof d === 'number' || typeof d === 'string' ? d : undefined);
    if (secs === undefined)
      throw new Malformed(tr('actions.rollout.malformed.duration', { path: `${base}[${i}].pause.duration`, value: JSON.stringify(d) }));
    return { index: i, kind: 'pause', pauseSeconds: secs, summary: tr('actions.rollout.step.pause', { duration: duration(secs) }) };
  }
  if (isRecord(s.analysis)) {
    const t = Array.isArray(s.analysis.templates)
      ? s.analysis.templates
          .filter(isRecord)
          .map((x) => x.templateName)
          .filter((x): x is string => typeof x === 'string')
      : [];
    const step: RolloutStep = {
      index: i,
      kind: 'hook',
      summary: tr('actions.argo.step.analysis', { templates: t.join(', ') || tr('actions.argo.step.noTemplate') }),
    };
    if (t[0]) step.hookTemplate = t[0];
    return step;
  }
  if (isRecord(s.experiment)) return { index: i, kind: 'hook', summary: tr('actions.argo.step.experiment') };
  if (isRecord(s.setCanaryScale)) {
    const r =
      s.setCanaryScale.replicas ??
      (s.setCanaryScale.weight !== undefined ? `${String(s.setCanaryScale.weight)}%` : tr('actions.argo.step.matchTraffic'));
    return { index: i, kind: 'partition', summary: tr('actions.argo.step.canaryScale', { scale: String(r) }) };
  }
  const key = Object.keys(s)[0] ?? 'empty';
  return { index: i, kind: 'partition', summary: key };
}

export function readArgoRollout(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return guard(
    () => {
      const { m, info } = workloadBase(cluster, obj, 'Rollout', ctx);
      const ref = readWorkloadRef(obj, 'spec.workloadRef');
      if (ref) info.workloadRef = ref;
      const replicas = optNumber(obj, 'spec.replicas') ?? 1;
      const canary = optRecord(obj, 'spec.strategy.canary');
      const blueGreen = optRecord(obj, 'spec.strategy.blueGreen');
      const strategy = canary ? 'Canary' : blueGreen ? 'BlueGreen' : 'Unknown';
      const steps = (optArray(obj, 'spec.strategy.canary.steps') ?? []).map((s, i) => readStep(s, i, 'spec.strategy.canary.steps'));
      const specPaused = optBool(obj, 'spec.paused') ?? false;
      const abort = optBool(obj, 'status.abort') ?? false;
      const statusPhase = optString(obj, 'status.phase');
      const controllerMessage = optString(obj, 'status.message') || undefined;
      const updated = optNumber(obj, 'status.updatedReplicas') ?? 0;
      const ready = optNumber(obj, 'status.readyReplicas') ?? 0;
      const available = optNumber(obj, 'status.availableReplicas') ?? 0;
      const stableRS = optString(obj, 'status.stableRS') || undefined;
      const podHash = optString(obj, 'status.currentPodHash') || undefined;
      const idxRaw = optNumber(obj, 'status.currentStepIndex');
      const stepIndex = steps.length ? Math.min(idxRaw ?? 0, steps.length) : undefined;
      const pauseConditions = (optArray(obj, 'status.pauseConditions') ?? []).map((c, i) => {
        if (!isRecord(c) || typeof c.reason !== 'string')
          throw new Malformed(tr('actions.argo.malformed.pauseCondition', { path: `status.pauseConditions[${i}]` }));
        return { reason: c.reason, startTime: optTime(c, 'startTime') };
      });
      const analysis = optRecord(obj, 'status.canary.currentStepAnalysisRunStatus');
      const analysisName = analysis && typeof analysis.name === 'string' ? analysis.name : undefined;
      const analysisPhase = analysis && typeof analysis.status === 'string' ? analysis.status : undefined;
      const hold = parseHold(m.annotations);
      const step = stepIndex !== undefined ? steps[stepIndex] : undefined;
      const pc = pauseConditions[pauseConditions.length - 1];
      const pauseEndsAt = pauseEnd(pc?.reason === 'CanaryPauseStep' ? pc.startTime : undefined, step?.pauseSeconds);

      let phase: RolloutPhase;
      let message: string;
      let pauseReason: string | undefined;
      let pausedSince: string | undefined;
      const detail = controllerMessage ? `: ${controllerMessage}` : '';
      if (abort) [phase, message] = ['failed', tEn('actions.argo.msg.aborted', { detail })];
      else if (statusPhase === 'Degraded') [phase, message] = ['failed', tEn('actions.argo.msg.degraded', { detail })];
      else if (pc) {
        phase = 'paused';
        pauseReason = pc.reason;
        pausedSince = pc.startTime;
        if (pc.reason === 'InconclusiveAnalysisRun')
          message = tEn('actions.argo.msg.analysisInconclusive', { name: analysisName ?? step?.hookTemplate ?? '' }).replace('  ', ' ');
        else if (pc.reason === 'InconclusiveExperiment') message = tEn('actions.argo.msg.experimentInconclusive');
        else if (pc.reason === 'BlueGreenPause') message = tEn('actions.argo.msg.awaitingPromotion');
        else message = stepPauseMessage(pauseEndsAt, ctx);
      } else if (specPaused || statusPhase === 'Paused') {
        phase = 'paused';
        pauseReason = hold ? 'Held' : 'Manual';
        pausedSince = hold?.at;
        message = hold ? tEn('actions.rollout.msg.held') : tEn('actions.rollout.msg.paused', { field: 'spec.paused' });
      } else if (lagging(info)) [phase, message] = ['progressing', tEn('actions.rollout.msg.waitingForController')];
      else if (statusPhase === 'Progressing' || updated < replicas || (stableRS && podHash && stableRS !== podHash)) {
        phase = 'progressing';
        message =
          analysisPhase === 'Running'
            ? tEn('actions.argo.msg.updatingAnalysis', { updated, replicas, name: analysisName ?? '' })
            : tEn('actions.argo.msg.updating', { updated, replicas });
        // eslint-disable-next-line i18next/no-literal-string -- compared by model/zones.ts (shared with the native readers)
      } else [phase, message] = ['complete', 'up to date'];

      const complete = !abort && !!stableRS && stableRS === podHash && phase === 'complete';
      const actions: ActionAvailability[] = [
        abort
          ? cannot('approve', tr('actions.argo.can.abortedRetryFirst'))
          : pc
            ? can(
                'approve',
                pauseEndsAt
                  ? tr('actions.argo.can.promoteNow')
                  : step
                    ? tr('actions.argo.can.promoteTo', { step: Math.min((stepIndex ?? 0) + 2, steps.length), steps: steps.length })
                    : tr('actions.argo.can.promotes'),
              )
            : specPaused && !hold
              ? can('approve', tr('actions.argo.can.resumes'))
              : specPaused
                ? cannot('approve', tr('actions.rollout.can.heldUseRelease'))
                : cannot('approve', tr('actions.rollout.can.notPaused')),
        abort
          ? cannot('reject', tr('actions.argo.can.alreadyAborted'))
          : complete
            ? cannot('reject', tr('actions.argo.can.stableCurrent'))
            : can('reject', tr('actions.argo.can.aborts')),
        analysisPhase === 'Running' && analysisName
          ? can('skip-hook', tr('actions.argo.can.terminates', { name: analysisName }))
          : cannot('skip-hook', tr('actions.argo.can.noAnalysis')),
        abort ? can('retry-hooks', tr('actions.argo.can.retries')) : cannot('retry-hooks', tr('actions.argo.can.notAborted')),
        // "warning: " marks a hot update that needs explicit confirmation (plan/compose.ts reads the prefix).
        can(
          'hotupdate',
          `warning: ${ref ? tr('actions.argo.can.hotupdateVia', { target: `${ref.kind} ${ref.name}` }) : tr('actions.argo.can.hotupdate')}`,
        ),
        ...rolloutHoldActions(hold, specPaused, 'spec.paused'),
      ];
      const rollout: RolloutStatus = {
        strategy,
        replicas,
        updated,
        updatedReady: Math.min(updated, available),
        ready,
        available,
        steps,
        phase,
        paused: phase === 'paused',
        message,
        hookConditions: [],
        actions: respectHold(actions, hold),
      };
      if (stableRS) rollout.currentRevision = rollout.stableRevision = stableRS;
      if (podHash) rollout.updateRevision = podHash;
      if (stepIndex !== undefined) rollout.stepIndex = stepIndex;
      if (pauseReason) rollout.pauseReason = pauseReason;
      if (pausedSince) rollout.pausedSince = pausedSince;
      if (pauseEndsAt) rollout.pauseEndsAt = pauseEndsAt;
      if (analysisName) rollout.hookRunName = analysisName;
      if (analysisPhase)
        rollout.hookPhase = (
          ['Pending', 'Running', 'Successful', 'Failed', 'Error', 'Inconclusive'].includes(analysisPhase) ? analysisPhase : 'Unknown'
        ) as RolloutStatus['hookPhase'];
      if (controllerMessage) rollout.controllerMessage = controllerMessage;
      if (hold) rollout.hold = hold;
      return { ...info, rollout };
    },
    (reason) => invalidWorkload(cluster, obj, 'Rollout', reason, ctx),
  );
}

export const argoRollout: WorkloadSpec<'Rollout'> = {
  kind: 'Rollout',
  role: 'workload',
  type: { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', kind: 'Rollout', namespaced: true },
  aliases: ['rollout', 'rollouts', 'ro', 'rollouts.argoproj.io'],
  watchedBy: WORKLOAD_VIEWS,
  read: readArgoRollout,
  plan: (intent, input) => planArgo(argoRollout, intent, input),
  // With a workloadRef, hot update and the approve card act on the workload it drives.
  prefetch: { workloadRef: true },
  restart: { how: 'restart-at', effect: argoRestart },
  preconditions: workloadPreconditions(readArgoRollout),
  wait: {
    // Abort: the controller scales the canary down and reports the rollout aborted (Degraded).
    reject: () => ({
      describe: tr('actions.argo.wait.abort'),
      reached: (i) => observed(i) && i.rollout.phase === 'failed' && i.rollout.updated === 0,
    }),
  },
};
