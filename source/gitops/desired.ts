// The objects an app wants, as they would reach the cluster: rendered, excluded kinds dropped, the
// namespace defaulted (or dropped for cluster-scoped kinds), the tracking label/annotation injected, and
// the served type found — or why it cannot be compared (a kind the cluster does not serve).
import { t as tr } from '../i18n/t.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { deepClone } from './canonical.js';
import type { ClusterFacts } from './cluster-facts.js';
import type { RepoMap } from './mapping.js';
import { groupOf } from './normalize.js';
import type { Rendered } from './render.js';
import { excludedKind, excludedReason, injectTracking } from './tracking.js';
import type { AppResult, AppSpec } from './types.js';

export interface Desired {
  obj: KubeObject;
  type?: ResourceType;
  unknown?: string;
  note?: string;
}

/** One entry per (group, kind, namespace, name); an object rendered twice is warned about in `warnings`. */
export function desiredObjects(
  app: AppSpec,
  base: AppResult,
  rendered: Rendered,
  facts: ClusterFacts,
  settings: RepoMap['settings'],
  warnings: string[],
): Desired[] {
  const crdKinds = new Set(
    rendered.objects
      .filter((p) => p.object.kind === 'CustomResourceDefinition')
      .map((p) => `${p.object.spec?.group}/${p.object.spec?.names?.kind}`),
  );
  const byKey = new Map<string, Desired>();
  for (const p of rendered.objects) {
    const o = deepClone(p.object);
    const group = groupOf(o.apiVersion);
    if (excludedReason(o) || excludedKind(group, o.kind!)) continue;
    const namespaced = facts.namespaced(group, o.kind!);
    if (namespaced === false) delete o.metadata.namespace;
    else o.metadata.namespace ||= base.namespace;
    injectTracking(o, app.name, settings.tracking, base.namespace);
    const key = `${group}/${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`;
    if (byKey.has(key)) warnings.push(tr('report.gitops.renderedTwice', { key, file: p.file, doc: p.doc }));
    const d: Desired = { obj: o };
    if (namespaced === undefined) {
      if (crdKinds.has(`${group}/${o.kind}`)) d.note = tr('report.gitops.crdInApp');
      else d.unknown = tr('report.gitops.notServedCrd', { apiVersion: String(o.apiVersion), kind: String(o.kind), cluster: base.cluster });
    } else {
      d.type = facts.typeFor(o.apiVersion!, o.kind!);
      if (!d.type)
        d.unknown = tr('report.gitops.notServed', { apiVersion: String(o.apiVersion), kind: String(o.kind), cluster: base.cluster });
    }
    byKey.set(key, d);
  }
  return [...byKey.values()];
}
