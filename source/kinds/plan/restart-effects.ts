// What each controller does with a restart (a changed pod template annotation), for the plan: the
// kinds' RestartSpecs (kinds/<kind>.ts `restart`) pick one of these. Sources: Kubernetes' Deployment and
// StatefulSet controllers; bk-bcs research/crds.md §6 (a metadata-only template change under
// InplaceUpdate is applied in place, so containers are probably not restarted); OpenKruise's
// podUpdatePolicy for GameServerSet (README.md of kinds/). Pure.
import { t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { RestartEffect } from '../spec.js';

function partitionWarning(w: WorkloadInfo, unit: 'ordinal' | 'count'): string[] {
  const p = w.rollout.partition;
  if (!p) return [];
  return [
    unit === 'ordinal'
      ? t('plans.restart.partitionOrdinals', { p, last: w.rollout.replicas - 1 })
      : t('plans.restart.partitionCount', { p }),
  ];
}

export function deploymentRestart(w: WorkloadInfo, obj: KubeObject): RestartEffect {
  const warnings = obj.spec?.paused === true ? [t('plans.restart.deploymentPaused')] : [];
  if (w.rollout.strategy === 'Recreate')
    return {
      line: t('plans.restart.recreate'),
      warnings: [...warnings, t('plans.restart.recreateWarning')],
      requiresForce: true,
    };
  return { line: t('plans.restart.deploymentRolling'), warnings };
}

export function statefulSetRestart(w: WorkloadInfo): RestartEffect {
  if (w.rollout.strategy === 'OnDelete')
    return {
      line: t('plans.restart.onDelete'),
      warnings: [t('plans.restart.onDeleteWarning', { hint: t('plans.restart.deleteHint') })],
      requiresForce: true,
    };
  return {
    line: t('plans.restart.stsRolling'),
    warnings: partitionWarning(w, 'ordinal'),
  };
}

/** GameDeployment / GameStatefulSet (bk-bcs): the strategy and the canary steps decide. */
export function bkbcsRestart(w: WorkloadInfo, obj: KubeObject): RestartEffect {
  const sts = w.kind === 'GameStatefulSet';
  const warnings = partitionWarning(w, sts ? 'ordinal' : 'count');
  if (w.rollout.steps.length) warnings.push(t('plans.restart.canarySteps'));
  if (obj.spec?.updateStrategy?.paused === true) warnings.push(t('plans.restart.bkbcsPaused'));
  const s = w.rollout.strategy;
  if (s === 'InplaceUpdate' || s === 'HotPatchUpdate')
    return {
      line: t('plans.restart.bkbcsInPlace', { strategy: s }),
      warnings: [...warnings, t('plans.restart.noContainer', { strategy: s, hint: t('plans.restart.deleteHint') })],
      requiresForce: true,
    };
  return {
    line: sts ? t('plans.restart.gstsRolling') : t('plans.restart.gdRolling'),
    warnings,
  };
}

/** OKG GameServerSet: the Advanced StatefulSet's podUpdatePolicy (ReCreate unless set). */
export function gameServerSetRestart(w: WorkloadInfo, obj: KubeObject): RestartEffect {
  const policy = String(obj.spec?.updateStrategy?.rollingUpdate?.podUpdatePolicy ?? 'ReCreate');
  const warnings = partitionWarning(w, 'count');
  if (policy !== 'ReCreate')
    return {
      line: t('plans.restart.gssInPlace', { policy }),
      warnings: [...warnings, t('plans.restart.gssNoContainer', { policy, hint: t('plans.restart.deleteHint') })],
      requiresForce: true,
    };
  return { line: t('plans.restart.gssRecreate'), warnings };
}

export function argoRestart(): RestartEffect {
  return {
    line: t('plans.restart.argo'),
  };
}
