// Plain-JSON Kubernetes objects as they come off the wire. kube/ knows nothing about games.
import { InputError } from '../errors.js';
import { t } from '../i18n/t.js';

export interface ObjectMeta {
  name?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: Array<{ apiVersion: string; kind: string; name: string; uid: string; controller?: boolean }>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  spec?: any;
  status?: any;
  [key: string]: unknown;
}

export interface KubeList<T extends KubeObject = KubeObject> {
  apiVersion?: string;
  kind?: string;
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  items: T[];
}

/** A resource type as the API serves it (from discovery or a static table). */
export interface ResourceType {
  group: string; // '' for core
  version: string;
  resource: string; // plural
  kind: string;
  namespaced: boolean;
}

export function apiVersionOf(t: Pick<ResourceType, 'group' | 'version'>): string {
  return t.group ? `${t.group}/${t.version}` : t.version;
}

/**
 * Why `s` cannot be one segment of a request path, or undefined when it can. As client-go
 * (IsValidPathSegmentName): "." and ".." would be resolved away by URL normalisation (`gsts/..` would
 * address the namespace, `-n ..` every namespace), "/" and "%" would change or escape the path.
 */
export function pathSegmentProblem(s: string): string | undefined {
  if (s === '') return t('commands.kube.segment.empty');
  if (s === '.' || s === '..') return t('commands.kube.segment.notBe', { value: s });
  if (s.includes('/')) return t('commands.kube.segment.notContain', { value: '/' });
  if (s.includes('%')) return t('commands.kube.segment.notContain', { value: '%' });
  return undefined;
}

/** A name or namespace that cannot be put into a request path (exit 2; the client adds the cluster). */
export class InvalidPathSegment extends InputError {
  constructor(what: 'name' | 'namespace', value: string, problem: string) {
    super(t('commands.kube.badResource', { what, value: JSON.stringify(value), problem }));
    this.name = 'InvalidPathSegment';
  }
}

/**
 * Path of a collection or an object, e.g. /apis/apps/v1/namespaces/ns/deployments[/name[/status]].
 * Throws InvalidPathSegment for a namespace or name that would not stay one path segment.
 */
export function resourcePath(t: ResourceType, opts: { namespace?: string; name?: string; subresource?: string } = {}): string {
  const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  const check = (what: 'name' | 'namespace', v: string) => {
    const problem = pathSegmentProblem(v);
    if (problem) throw new InvalidPathSegment(what, v, problem);
  };
  // An empty namespace or name means "none" (all namespaces, the collection): callers pass undefined or ''.
  if (t.namespaced && opts.namespace) check('namespace', opts.namespace);
  if (opts.name) check('name', opts.name);
  const ns = t.namespaced && opts.namespace ? `/namespaces/${encodeURIComponent(opts.namespace)}` : '';
  const name = opts.name ? `/${encodeURIComponent(opts.name)}` : '';
  const sub = opts.name && opts.subresource ? `/${opts.subresource}` : '';
  return `${base}${ns}/${t.resource}${name}${sub}`;
}
