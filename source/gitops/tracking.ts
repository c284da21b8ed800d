// Ownership (research/diff.md §7 rules 4, 5, 7, 20): which live objects belong to an app, which desired/live objects
// are excluded from status (hooks, disabled reconcile), and stamping the GitOps tool's markers onto desired objects.
import { t as tr } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import { groupOf } from './normalize.js';
import type { TrackingSettings } from './types.js';

export function trackingId(app: string, o: KubeObject, namespace: string): string {
  return `${app}:${groupOf(o.apiVersion)}/${o.kind}:${namespace}/${o.metadata.name}`;
}

function isCrd(o: KubeObject): boolean {
  return o.kind === 'CustomResourceDefinition' && groupOf(o.apiVersion) === 'apiextensions.k8s.io';
}

/** Rule 20: add the markers the GitOps tool would add (not on CRDs). */
export function injectTracking(o: KubeObject, app: string, t: TrackingSettings, appNamespace: string): void {
  if (isCrd(o) || t.inject === 'none') return;
  const md = o.metadata;
  if ((t.inject === 'label' || t.inject === 'annotation+label') && t.label)
    md.labels = { ...md.labels, [t.label]: t.inject === 'label' ? app : truncateLabel(app) };
  if ((t.inject === 'annotation' || t.inject === 'annotation+label') && t.annotation)
    md.annotations = { ...md.annotations, [t.annotation]: trackingId(app, o, md.namespace ?? appNamespace) };
}

function truncateLabel(v: string): string {
  return v.length <= 63 ? v : v.slice(0, 63).replace(/[^a-zA-Z0-9]+$/, '');
}

/** Which app a live object claims to belong to, and whether the claim references the object itself. */
export function ownerApp(o: KubeObject, t: TrackingSettings): { app: string; selfReferenced: boolean } | undefined {
  const ann = t.annotation ? o.metadata.annotations?.[t.annotation] : undefined;
  if (ann) {
    const parts = ann.split(':');
    if (parts.length === 3) {
      const [app, gk, nsName] = parts as [string, string, string];
      const self =
        gk === `${groupOf(o.apiVersion)}/${o.kind}` &&
        nsName.endsWith(`/${o.metadata.name}`) &&
        (o.metadata.namespace ? nsName.startsWith(`${o.metadata.namespace}/`) : true);
      return { app, selfReferenced: self };
    }
  }
  const label = t.label ? o.metadata.labels?.[t.label] : undefined;
  if (label) return { app: label, selfReferenced: true };
  return undefined;
}

/** Rule 4/7: live object counted as Extra for `app` (ours, self-referenced, not owned by another object). */
export function isExtraCandidate(o: KubeObject, app: string, t: TrackingSettings): boolean {
  if ((o.metadata.ownerReferences ?? []).length > 0) return false;
  const owner = ownerApp(o, t);
  if (!owner || !owner.selfReferenced) return false;
  return owner.app === app || owner.app === truncateLabel(app);
}

const HELM_HOOK = 'helm.sh/hook';
const ARGO_HOOK = 'argocd.argoproj.io/hook';

/** Rule 5: hooks and objects whose reconcile is disabled are not part of the compared state. */
export function excludedReason(o: KubeObject): string | undefined {
  const a = o.metadata.annotations ?? {};
  const l = o.metadata.labels ?? {};
  const argo = a[ARGO_HOOK];
  if (argo && argo.split(',').some((h) => h.trim() !== 'Skip')) return tr('report.gitops.argoHook', { hook: argo });
  if (!argo && a[HELM_HOOK] && !a[HELM_HOOK].split(',').every((h) => h.trim() === 'crd-install'))
    return tr('report.gitops.helmHook', { hook: a[HELM_HOOK] });
  if (a['kustomize.toolkit.fluxcd.io/reconcile'] === 'disabled' || l['kustomize.toolkit.fluxcd.io/reconcile'] === 'disabled')
    return tr('report.gitops.fluxDisabled');
  if (a['kustomize.toolkit.fluxcd.io/ssa'] === 'ignore' || a['kustomize.toolkit.fluxcd.io/ssa'] === 'Ignore')
    return tr('report.gitops.fluxIgnore');
  return undefined;
}

/** Kinds never compared (Argo CD's default resource.exclusions). */
const EXCLUDED_KINDS = new Set([
  '/Endpoints',
  'discovery.k8s.io/EndpointSlice',
  'coordination.k8s.io/Lease',
  'certificates.k8s.io/CertificateSigningRequest',
  'cert-manager.io/CertificateRequest',
]);
export function excludedKind(group: string, kind: string): boolean {
  return (
    EXCLUDED_KINDS.has(`${group}/${kind}`) ||
    kind.endsWith('Review') ||
    /^(cilium\.io|wgpolicyk8s\.io|kyverno\.io|reports\.kyverno\.io)$/.test(group)
  );
}

/** Extras: would the GitOps tool delete it? (Prune=false / Delete=false / helm resource-policy keep) */
export function wouldPrune(o: KubeObject): boolean {
  const a = o.metadata.annotations ?? {};
  if (/(^|,)\s*Prune=false/.test(a['argocd.argoproj.io/sync-options'] ?? '')) return false;
  if (/(^|,)\s*Delete=false/.test(a['argocd.argoproj.io/sync-options'] ?? '')) return false;
  if (a['helm.sh/resource-policy'] === 'keep') return false;
  return true;
}

export function ignoreExtraneous(o: KubeObject): boolean {
  return /IgnoreExtraneous/.test(o.metadata.annotations?.['argocd.argoproj.io/compare-options'] ?? '');
}

/** Rule 20 (Argo tracking normalisation), applied to the live copy before comparing. */
export function normalizeLiveTracking(live: KubeObject, desired: KubeObject, t: TrackingSettings): void {
  if (!t.label) return;
  const liveLabels = live.metadata.labels ?? {};
  const desiredLabels = desired.metadata.labels ?? {};
  if (
    t.annotation &&
    liveLabels[t.label] !== undefined &&
    !live.metadata.annotations?.[t.annotation] &&
    desired.metadata.annotations?.[t.annotation]
  ) {
    live.metadata.annotations = { ...live.metadata.annotations, [t.annotation]: desired.metadata.annotations[t.annotation]! };
  }
  if (
    t.inject !== 'label' &&
    t.inject !== 'annotation+label' &&
    desiredLabels[t.label] === undefined &&
    liveLabels[t.label] !== undefined
  ) {
    delete liveLabels[t.label];
  }
}
