// Normalisation applied to BOTH sides (predicted-live and live) before the canonical compare
// (research/diff.md §7 rules 10-16). Pure: mutates the clone it is given and returns it.
import { globMatch, isPlainObject, pointerSlots, removePointer } from './canonical.js';
import { canonicalQuantity } from './quantity.js';
import type { KubeObject } from '../kube/object.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** An ignore rule: group/kind globs, optional exact name/namespace, JSON pointers removed from both sides. */
export interface IgnoreRule {
  group?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  jsonPointers?: string[];
}

/** Extra quantity paths (JSON pointers with `*`) for a group/kind, e.g. a CR that embeds resources under another key. */
export interface QuantityRule {
  group?: string;
  kind?: string;
  paths: string[];
}

export interface NormalizeOptions {
  /** Remove `/status`: `all` kinds (default), only `crd` (CustomResourceDefinition), or `none`. */
  statusField?: 'all' | 'crd' | 'none';
  ignore?: IgnoreRule[];
  quantities?: QuantityRule[];
  /** Null `rules` of an aggregated ClusterRole (filled by a controller). Default true. */
  ignoreAggregatedRoles?: boolean;
}

export function groupOf(apiVersion: string | undefined): string {
  const av = apiVersion ?? '';
  return av.includes('/') ? av.slice(0, av.indexOf('/')) : '';
}

export function ruleMatches(r: { group?: string; kind?: string; name?: string; namespace?: string }, o: KubeObject): boolean {
  return (
    globMatch(r.group, groupOf(o.apiVersion)) &&
    globMatch(r.kind, o.kind ?? '') &&
    (r.name === undefined || r.name === o.metadata?.name) &&
    (r.namespace === undefined || r.namespace === (o.metadata?.namespace ?? ''))
  );
}

/** Rule 10: metadata written by the server or by apply, never part of intent. */
export function stripMetadataNoise(o: KubeObject): void {
  const md = o.metadata as Record<string, unknown> | undefined;
  if (!md) return;
  for (const k of ['creationTimestamp', 'managedFields', 'resourceVersion', 'generation', 'uid', 'selfLink']) delete md[k];
  const ann = md.annotations as Record<string, string> | undefined;
  if (ann) {
    delete ann[LAST_APPLIED];
    if (Object.keys(ann).length === 0) delete md.annotations;
  }
  const labels = md.labels as Record<string, string> | undefined;
  if (labels && Object.keys(labels).length === 0) delete md.labels;
}

/** Rule 10: status is the controller's, not Git's. */
export function stripStatus(o: KubeObject, mode: 'all' | 'crd' | 'none' = 'all'): void {
  if (mode === 'none') return;
  if (mode === 'crd' && !(groupOf(o.apiVersion) === 'apiextensions.k8s.io' && o.kind === 'CustomResourceDefinition')) return;
  delete o.status;
}

/** Rule 11: Secret stringData -> base64 data; nil/empty values -> "". */
export function normalizeSecret(o: KubeObject): void {
  if (o.kind !== 'Secret' || groupOf(o.apiVersion) !== '') return;
  const sd = o.stringData as Record<string, unknown> | undefined;
  if (isPlainObject(sd)) {
    const data = (isPlainObject(o.data) ? o.data : {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(sd)) if (typeof v === 'string') data[k] = Buffer.from(v, 'utf8').toString('base64');
    o.data = data;
    delete o.stringData;
  }
  if (isPlainObject(o.data)) {
    const data = o.data as Record<string, unknown>;
    for (const k of Object.keys(data)) if (data[k] === null || data[k] === undefined) data[k] = '';
  }
}

/** Rule 12: Role/ClusterRole, Endpoints, HPA. */
export function normalizeKnownKinds(o: KubeObject, opts: NormalizeOptions = {}): void {
  const group = groupOf(o.apiVersion);
  if (group === 'rbac.authorization.k8s.io' && (o.kind === 'Role' || o.kind === 'ClusterRole')) {
    if (Array.isArray(o.rules) && o.rules.length === 0) delete o.rules;
    if (o.kind === 'ClusterRole' && o.aggregationRule && opts.ignoreAggregatedRoles !== false) delete o.rules;
  }
  if (group === '' && o.kind === 'Endpoints' && Array.isArray(o.subsets)) {
    for (const s of o.subsets as Array<{ ports?: Array<Record<string, unknown>> }>)
      for (const p of s.ports ?? []) if (!p.protocol) p.protocol = 'TCP';
    (o.subsets as unknown[]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  }
  if (group === 'autoscaling' && o.kind === 'HorizontalPodAutoscaler' && Array.isArray(o.spec?.metrics)) {
    const seen = new Set<string>();
    o.spec.metrics = (o.spec.metrics as unknown[]).filter((m) => {
      const k = JSON.stringify(m);
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  }
}

const QUANTITY_MAPS = new Set(['requests', 'limits']);

/** Rule 15: canonical quantities under every `resources.{requests,limits}` (pod specs, templates, CRs embedding them, PVCs),
 * ResourceQuota `hard`, LimitRange limits, PV capacity, emptyDir sizeLimit, and configured paths. */
export function normalizeQuantities(o: KubeObject, rules: QuantityRule[] = []): void {
  const canonMap = (m: unknown) => {
    if (!isPlainObject(m)) return;
    for (const k of Object.keys(m)) {
      const v = m[k];
      if (typeof v === 'string' || typeof v === 'number') m[k] = canonicalQuantity(v) ?? v;
    }
  };
  const walk = (node: unknown, key: string): void => {
    if (Array.isArray(node)) {
      for (const x of node) walk(x, key);
      return;
    }
    if (!isPlainObject(node)) return;
    if (key === 'resources') for (const q of QUANTITY_MAPS) canonMap(node[q]);
    if (key === 'emptyDir' && (typeof node.sizeLimit === 'string' || typeof node.sizeLimit === 'number'))
      node.sizeLimit = canonicalQuantity(node.sizeLimit) ?? node.sizeLimit;
    for (const [k, v] of Object.entries(node)) if (v !== null && typeof v === 'object') walk(v, k);
  };
  walk(o.spec, 'spec');
  const group = groupOf(o.apiVersion);
  if (group === '' && o.kind === 'ResourceQuota') canonMap(o.spec?.hard);
  if (group === '' && o.kind === 'PersistentVolume') canonMap(o.spec?.capacity);
  if (group === '' && o.kind === 'LimitRange' && Array.isArray(o.spec?.limits)) {
    for (const l of o.spec.limits as Array<Record<string, unknown>>)
      for (const k of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio']) canonMap(l[k]);
  }
  for (const r of rules) {
    if (!ruleMatches(r, o)) continue;
    for (const p of r.paths) {
      for (const slot of pointerSlots(o, p)) {
        const v = slot.get();
        if (typeof v === 'string' || typeof v === 'number') slot.set(canonicalQuantity(v) ?? v);
        else if (isPlainObject(v)) canonMap(v);
      }
    }
  }
}

/** Rule 13: ignore rules by JSON pointer, matched by group/kind glob and optional name/namespace. */
export function applyIgnoreRules(o: KubeObject, rules: IgnoreRule[] = []): void {
  for (const r of rules) {
    if (!ruleMatches(r, o)) continue;
    for (const p of r.jsonPointers ?? []) removePointer(o, p);
  }
}

/** Rule 16 (numbers): JSON has one number type; `1.0` and `1` are already equal in JS. Drops `undefined`. */
function dropUndefined(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropUndefined);
  if (!isPlainObject(v)) return v;
  for (const k of Object.keys(v)) {
    if (v[k] === undefined) delete v[k];
    else v[k] = dropUndefined(v[k]);
  }
  return v;
}

/** All normalisation rules, in order. `o` is mutated and returned (pass a clone). */
export function normalizeObject(o: KubeObject, opts: NormalizeOptions = {}): KubeObject {
  dropUndefined(o);
  stripMetadataNoise(o);
  stripStatus(o, opts.statusField ?? 'all');
  normalizeSecret(o);
  normalizeKnownKinds(o, opts);
  normalizeQuantities(o, opts.quantities);
  applyIgnoreRules(o, opts.ignore);
  return o;
}
