// What each controller does with a restart (a changed pod template annotation), for the plan: the
// kinds' RestartSpecs (kinds/<kind>.ts `restart`) pick one of these. Sources: Kubernetes' Deployment and
// StatefulSet controllers; bk-bcs research/crds.md §6 (a metadata-only template change under
// InplaceUpdate is applied in place, so containers are probably not restarted); OpenKruise's
// podUpdatePolicy for GameServerSet (README.md of kinds/). Pure.
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { RestartEffect } from '../spec.js';

const DELETE_HINT = 'to restart one pod, delete it (zonectl delete pod/NAME): its controller recreates it';

function partitionWarning(w: WorkloadInfo, unit: 'ordinal' | 'count'): string[] {
  const p = w.rollout.partition;
  if (!p) return [];
  return [
    unit === 'ordinal'
      ? `partition ${p}: only ordinals ${p}..${w.rollout.replicas - 1} restart`
      : `partition ${p}: ${p} pod${p === 1 ? '' : 's'} stay on the old revision and do not restart`,
  ];
}

export function deploymentRestart(w: WorkloadInfo, obj: KubeObject): RestartEffect {
  const warnings = obj.spec?.paused === true ? ['the Deployment is paused (spec.paused): no pod restarts until it is released'] : [];
  if (w.rollout.strategy === 'Recreate')
    return {
      line: 'Recreate: every pod is stopped first, then the new ReplicaSet starts its pods',
      warnings: [...warnings, 'Recreate: the Deployment has no running pod until the new ones are ready'],
      requiresForce: true,
    };
  return { line: 'RollingUpdate: a new ReplicaSet replaces the pods (new names) within maxSurge / maxUnavailable', warnings };
}

export function statefulSetRestart(w: WorkloadInfo): RestartEffect {
  if (w.rollout.strategy === 'OnDelete')
    return {
      line: 'OnDelete: the new template applies only to pods that are deleted',
      warnings: [`OnDelete: no pod restarts by itself; ${DELETE_HINT}`],
      requiresForce: true,
    };
  return {
    line: 'RollingUpdate: pods are recreated one at a time from the highest ordinal; each keeps its name and volumes',
    warnings: partitionWarning(w, 'ordinal'),
  };
}

/** GameDeployment / GameStatefulSet (bk-bcs): the strategy and the canary steps decide. */
export function bkbcsRestart(w: WorkloadInfo, obj: KubeObject): RestartEffect {
  const sts = w.kind === 'GameStatefulSet';
  const warnings = partitionWarning(w, sts ? 'ordinal' : 'count');
  if (w.rollout.steps.length) warnings.push('the change goes through the canary steps: it stops at each pause step for approval');
  if (obj.spec?.updateStrategy?.paused === true) warnings.push('spec.updateStrategy.paused is true: no pod restarts until it is approved');
  const s = w.rollout.strategy;
  if (s === 'InplaceUpdate' || s === 'HotPatchUpdate')
    return {
      line: `${s}: the controller applies a template metadata change to the pods in place; the pods stay and their containers are probably not restarted (research/crds.md §6)`,
      warnings: [...warnings, `${s} probably restarts no container; ${DELETE_HINT}`],
      requiresForce: true,
    };
  return {
    line: sts
      ? 'RollingUpdate: pods are recreated one at a time from the highest ordinal; each keeps its name'
      : 'RollingUpdate: pods are recreated with new names within maxUnavailable / maxSurge',
    warnings,
  };
}

/** OKG GameServerSet: the Advanced StatefulSet's podUpdatePolicy (ReCreate unless set). */
export function gameServerSetRestart(w: WorkloadInfo, obj: KubeObject): RestartEffect {
  const policy = String(obj.spec?.updateStrategy?.rollingUpdate?.podUpdatePolicy ?? 'ReCreate');
  const warnings = partitionWarning(w, 'count');
  if (policy !== 'ReCreate')
    return {
      line: `${policy}: metadata changes are applied in place; the game servers keep running and no container restarts`,
      warnings: [...warnings, `${policy} restarts no container; ${DELETE_HINT}`],
      requiresForce: true,
    };
  return { line: 'ReCreate: game server pods are recreated; each keeps its name', warnings };
}

export function argoRestart(): RestartEffect {
  return {
    line: 'Argo Rollouts evicts the pods created before restartAt one at a time within maxUnavailable; no new revision',
  };
}
