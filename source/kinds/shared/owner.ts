// Who else writes a workload's spec and will put it back: the owner an action must reckon with.
// - GameZone (controller ownerReference): generates the workload from serviceConfig[] and re-applies
//   the first container's image and the replicas whenever the GameZone spec changes.
// - kubefed (label kubefed.io/managed=true): the member object is propagated from the host's
//   Federated<Kind> template + per-cluster overrides; the sync controller reverts any other change.
// - Argo CD (annotation argocd.argoproj.io/tracking-id, or label argocd.argoproj.io/instance): the
//   Application's sync puts Git's version back (at once with self-heal, else on the next sync).
// - Helm (label app.kubernetes.io/managed-by=Helm + annotation meta.helm.sh/release-name): the next
//   `helm upgrade` puts the chart's version back.
import { t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadOwner } from '../../model/types.js';
import { isRecord } from './read-util.js';

export function ownerOf(obj: KubeObject): WorkloadOwner | undefined {
  const refs = Array.isArray(obj.metadata?.ownerReferences) ? obj.metadata.ownerReferences : [];
  const gz = refs.find((r) => isRecord(r) && r.controller === true && r.kind === 'GameZone');
  if (gz)
    return {
      kind: 'GameZone',
      name: gz.name,
      namespace: obj.metadata.namespace,
      apiVersion: gz.apiVersion,
      reverts: t('plans.owner.revertsGameZone'),
      owns: 'image',
    };
  const labels = isRecord(obj.metadata?.labels) ? (obj.metadata.labels as Record<string, string>) : {};
  const ann = isRecord(obj.metadata?.annotations) ? (obj.metadata.annotations as Record<string, string>) : {};
  if (labels['kubefed.io/managed'] === 'true')
    return {
      kind: 'kubefed',
      name: `Federated${obj.kind ?? ''} ${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''}`,
      reverts: t('plans.owner.revertsKubefed'),
      owns: 'spec',
    };
  const tracking = ann['argocd.argoproj.io/tracking-id'] ?? labels['argocd.argoproj.io/instance'];
  if (tracking)
    return {
      kind: 'Argo CD',
      name: `Application ${tracking.split(':')[0]}`,
      reverts: t('plans.owner.revertsArgo'),
      owns: 'spec',
    };
  if (labels['app.kubernetes.io/managed-by'] === 'Helm' && ann['meta.helm.sh/release-name'])
    return {
      kind: 'Helm',
      name: `release ${ann['meta.helm.sh/release-namespace'] ?? obj.metadata.namespace ?? ''}/${ann['meta.helm.sh/release-name']}`,
      reverts: t('plans.owner.revertsHelm'),
      owns: 'spec',
    };
  return undefined;
}

/** "GameZone zone-101/zone101" / "kubefed FederatedGameDeployment ns/x": the owner as the card names it. */
export function ownerLabel(o: WorkloadOwner): string {
  return o.kind === 'GameZone' ? `GameZone ${o.namespace ?? ''}/${o.name}` : `${o.kind} ${o.name}`;
}

/** The warning of a change made below an owner that will put its own version back. */
export function belowOwnerWarning(o: WorkloadOwner, why?: string): string {
  const w = t(o.owns === 'image' ? 'plans.owner.revertsImage' : 'plans.owner.revertsSpec', { owner: ownerLabel(o), when: o.reverts });
  return why ? t('plans.owner.because', { why, warning: w }) : w;
}
