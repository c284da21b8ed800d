// apps/v1 Deployment -> WorkloadInfo; planned in native/plans.ts. Completion as `kubectl rollout status` judges it; hold = spec.paused.
import { t, tEn } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import type { RolloutPhase, RolloutStatus, WorkloadInfo } from '../model/types.js';
import type { ReadContext } from './shared/context.js';
import { parseHold } from './shared/hold.js';
import { nativeActions } from './native/actions.js';
import { guard, isRecord, optArray, optBool, optNumber, optString } from './shared/read-util.js';
import { heldMessage, invalidWorkload, lagging, laggingMessage, upToDate, WARNING, workloadBase } from './shared/workload-base.js';
import type { ResourceType } from '../kube/object.js';
import { planNative } from './native/plans.js';
import { workloadPreconditions } from './shared/observe.js';
import { WORKLOAD_VIEWS, type WorkloadSpec } from './spec.js';
import { deploymentRestart } from './plan/restart-effects.js';

declare module '../model/workload-kinds.js' {
  interface WorkloadKinds {
    Deployment: true;
  }
}

/** A Deployment's revisions: the ReplicaSets it owns (an Argo or Kruise reject restores one). */
const REPLICA_SETS: ResourceType = { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true };

function failure(obj: KubeObject): string | undefined {
  for (const c of optArray(obj, 'status.conditions') ?? []) {
    if (!isRecord(c)) continue;
    const msg = typeof c.message === 'string' && c.message ? `: ${c.message}` : '';
    if (c.type === 'Progressing' && c.reason === 'ProgressDeadlineExceeded')
      return tEn('plans.rollout.failed', { reason: `ProgressDeadlineExceeded${msg}` });
    if (c.type === 'ReplicaFailure' && c.status === 'True') return tEn('plans.rollout.failed', { reason: `ReplicaFailure${msg}` });
  }
  return undefined;
}

export function readDeployment(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return guard(
    () => {
      const { m, info } = workloadBase(cluster, obj, 'Deployment', ctx);
      const replicas = optNumber(obj, 'spec.replicas') ?? 1;
      const strategy = optString(obj, 'spec.strategy.type') || 'RollingUpdate';
      const paused = optBool(obj, 'spec.paused') ?? false;
      const total = optNumber(obj, 'status.replicas') ?? 0;
      const updated = optNumber(obj, 'status.updatedReplicas') ?? 0;
      const ready = optNumber(obj, 'status.readyReplicas') ?? 0;
      const available = optNumber(obj, 'status.availableReplicas') ?? 0;
      const hold = parseHold(m.annotations);
      const revision = m.annotations['deployment.kubernetes.io/revision'];
      const inFlight = updated < replicas || total > updated || available < updated;
      const failed = failure(obj);
      let phase: RolloutPhase;
      let message: string;
      let pauseReason: string | undefined;
      if (failed) [phase, message] = ['failed', failed];
      else if (paused) {
        phase = 'paused';
        pauseReason = hold ? 'Held' : 'Manual';
        message = hold ? heldMessage(updated, replicas) : tEn('plans.rollout.paused', { reason: 'spec.paused' });
      } else if (lagging(info)) [phase, message] = ['progressing', laggingMessage(info)];
      else if (inFlight) {
        phase = 'progressing';
        message =
          updated < replicas
            ? tEn('plans.rollout.updating', { updated, replicas })
            : total > updated
              ? tEn('plans.rollout.removingOld', { n: total - updated })
              : tEn('plans.rollout.waitingAvailable', { n: updated - available });
      } else [phase, message] = ['complete', upToDate()];
      const rollout: RolloutStatus = {
        strategy,
        replicas,
        updated,
        // Deployments do not report updated-and-ready; updated pods that are available is the closest.
        updatedReady: Math.min(updated, available),
        ready,
        available,
        steps: [],
        phase,
        paused: phase === 'paused',
        message,
        hookConditions: [],
        actions: nativeActions({
          kind: 'Deployment',
          strategy,
          hold,
          holdBlocked: paused ? t('plans.native.alreadyPaused') : undefined,
          holdWhat: t('plans.native.pauses'),
          releaseWhat: t('plans.native.resumes'),
          // "warning: " is a code (shared/workload-base.ts WARNING): it stays English.
          hotupdateNote: `${WARNING}${t(strategy === 'Recreate' ? 'plans.native.recreate' : 'plans.native.rolling')}`,
        }),
      };
      if (revision) rollout.updateRevision = revision;
      if (pauseReason) rollout.pauseReason = pauseReason;
      if (paused && hold?.at) rollout.pausedSince = hold.at;
      if (hold) rollout.hold = hold;
      return { ...info, rollout };
    },
    (reason) => invalidWorkload(cluster, obj, 'Deployment', reason, ctx),
  );
}

export const deployment: WorkloadSpec<'Deployment'> = {
  kind: 'Deployment',
  role: 'workload',
  type: { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true },
  aliases: ['deployment', 'deployments', 'deploy'],
  watchedBy: WORKLOAD_VIEWS,
  read: readDeployment,
  plan: (intent, input) => planNative(deployment, intent, input),
  // Its own plans restore nothing: no reject.
  prefetch: {},
  revisions: REPLICA_SETS,
  restart: { how: 'template-annotation', template: '/spec/template', effect: deploymentRestart },
  preconditions: workloadPreconditions(readDeployment),
  // Pods belong to its ReplicaSets, named <deployment>-<hash>.
  pods: { ownedBy: (ctrl, name) => ctrl.kind === 'ReplicaSet' && ctrl.name.startsWith(`${name}-`) },
};
