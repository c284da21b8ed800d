// Plain-JSON Kubernetes objects as they come off the wire. kube/ knows nothing about games.

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

/** Path of a collection or an object, e.g. /apis/apps/v1/namespaces/ns/deployments[/name[/status]]. */
export function resourcePath(t: ResourceType, opts: { namespace?: string; name?: string; subresource?: string } = {}): string {
  const base = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
  const ns = t.namespaced && opts.namespace ? `/namespaces/${encodeURIComponent(opts.namespace)}` : '';
  const name = opts.name ? `/${encodeURIComponent(opts.name)}` : '';
  const sub = opts.name && opts.subresource ? `/${opts.subresource}` : '';
  return `${base}${ns}/${t.resource}${name}${sub}`;
}
