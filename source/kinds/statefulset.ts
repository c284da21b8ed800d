// apps/v1 StatefulSet -> WorkloadInfo; planned in native/plans.ts. rollingUpdate.partition is an ordinal (pods >= partition update).
import { t, tEn } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import type { RolloutPhase, RolloutStatus, WorkloadInfo } from '../model/types.js';
import type { ReadContext } from './shared/context.js';
import { parseHold } from './shared/hold.js';
import { nativeActions } from './native/actions.js';
import { guard, optIntOrString, optNumber, optString, resolveIntOrPercent } from './shared/read-util.js';
import { heldMessage, invalidWorkload, lagging, laggingMessage, upToDate, WARNING, workloadBase } from './shared/workload-base.js';
import { controllerRevision } from './controllerrevision.js';
import { planNative } from './native/plans.js';
import { workloadPreconditions } from './shared/observe.js';
import { WORKLOAD_VIEWS, type WorkloadSpec } from './spec.js';
import { statefulSetRestart } from './plan/restart-effects.js';

declare module '../model/workload-kinds.js' {
  interface WorkloadKinds {
    StatefulSet: true;
  }
}

export function readStatefulSet(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return guard(
    () => {
      const { m, info } = workloadBase(cluster, obj, 'StatefulSet', ctx);
      const replicas = optNumber(obj, 'spec.replicas') ?? 1;
      const strategy = optString(obj, 'spec.updateStrategy.type') || 'RollingUpdate';
      const p = optIntOrString(obj, 'spec.updateStrategy.rollingUpdate.partition');
      const partition = p === undefined ? 0 : Math.min(resolveIntOrPercent(p, replicas, true), replicas);
      const updated = optNumber(obj, 'status.updatedReplicas') ?? 0;
      const ready = optNumber(obj, 'status.readyReplicas') ?? 0;
      const available = optNumber(obj, 'status.availableReplicas');
      const currentRevision = optString(obj, 'status.currentRevision') || undefined;
      const updateRevision = optString(obj, 'status.updateRevision') || undefined;
      const hold = parseHold(m.annotations);
      const inFlight = updated < replicas || (!!currentRevision && !!updateRevision && currentRevision !== updateRevision);
      // StatefulSets do not report updated-and-ready; assume updated pods are among the ready ones.
      const updatedReady = Math.min(updated, ready);
      const target = replicas - partition;
      let phase: RolloutPhase;
      let message: string;
      let pauseReason: string | undefined;
      if (lagging(info)) [phase, message] = ['progressing', laggingMessage(info)];
      else if (!inFlight) [phase, message] = ['complete', upToDate()];
      else if (hold && partition >= replicas) [phase, message, pauseReason] = ['paused', heldMessage(updated, replicas), 'Held'];
      else if (strategy === 'OnDelete') [phase, message] = ['progressing', tEn('plans.rollout.onDelete', { updated, replicas })];
      else if (partition > 0 && updated >= target && updatedReady >= target)
        [phase, message, pauseReason] = ['paused', tEn('plans.rollout.partitionOrdinals', { partition }), 'Partition'];
      else [phase, message] = ['progressing', tEn('plans.rollout.updating', { updated, replicas })];
      const rollout: RolloutStatus = {
        strategy,
        replicas,
        updated,
        updatedReady,
        ready,
        partition,
        steps: [],
        phase,
        paused: phase === 'paused',
        message,
        hookConditions: [],
        actions: nativeActions({
          kind: 'StatefulSet',
          strategy,
          hold,
          holdBlocked:
            strategy === 'OnDelete'
              ? t('plans.native.onDeleteNoPartition')
              : partition >= replicas
                ? t('plans.native.partitionKeepsAll', { partition })
                : undefined,
          holdWhat: t('plans.bkbcs.setsPartition', { replicas }),
          releaseWhat:
            hold?.previous === null || hold?.previous === undefined
              ? t('plans.release.removesPartition')
              : t('plans.release.restoresPartition', { value: String(hold.previous) }),
          // "warning: " is a code (shared/workload-base.ts WARNING): it stays English.
          hotupdateNote: `${WARNING}${t(strategy === 'OnDelete' ? 'plans.bkbcs.onDelete' : 'plans.native.stsRecreates')}`,
        }),
      };
      if (currentRevision) rollout.currentRevision = currentRevision;
      if (updateRevision) rollout.updateRevision = updateRevision;
      if (available !== undefined) rollout.available = available;
      if (pauseReason) rollout.pauseReason = pauseReason;
      if (pauseReason === 'Held' && hold?.at) rollout.pausedSince = hold.at;
      if (hold) rollout.hold = hold;
      return { ...info, rollout };
    },
    (reason) => invalidWorkload(cluster, obj, 'StatefulSet', reason, ctx),
  );
}

export const statefulSet: WorkloadSpec<'StatefulSet'> = {
  kind: 'StatefulSet',
  role: 'workload',
  type: { group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  aliases: ['statefulset', 'statefulsets', 'sts'],
  watchedBy: WORKLOAD_VIEWS,
  read: readStatefulSet,
  plan: (intent, input) => planNative(statefulSet, intent, input),
  prefetch: { revisions: true },
  restart: { how: 'template-annotation', template: '/spec/template', effect: statefulSetRestart },
  revisions: controllerRevision.type,
  preconditions: workloadPreconditions(readStatefulSet),
  pods: {},
  partition: true,
};
