// How an update builds the next version of a stored object: which fields the request may change (all but
// identity and, for types with a status subresource, status; only status through the subresource), and
// sharing of everything unchanged with the current version (shareWith).
import type { KubeObject } from '../kube/object.js';
import { apiVersionOf } from '../kube/object.js';
import type { ResourceInfo } from './registry.js';
import { shareWith } from './object-util.js';

/**
 * The next version of `cur` for an update with `obj` (not frozen, resourceVersion still cur's), or `cur`
 * itself when nothing would change. Its top level and metadata are its own; generation is bumped when
 * spec changes in a main-resource update.
 */
export function nextVersion(info: ResourceInfo, cur: KubeObject, obj: KubeObject, statusOnly: boolean): KubeObject {
  let next: KubeObject;
  if (statusOnly) {
    // metadata stays the stored (frozen) one until the new version is built below
    next = { ...cur, status: obj.status };
    if (next.status === undefined && 'status' in next) delete next.status;
  } else {
    next = { ...obj, metadata: { ...obj.metadata } };
    next.apiVersion = apiVersionOf(info);
    next.kind = info.kind;
    const md = next.metadata;
    md.name = cur.metadata.name;
    if (info.namespaced) md.namespace = cur.metadata.namespace;
    else if ('namespace' in md) delete md.namespace;
    md.uid = cur.metadata.uid;
    md.creationTimestamp = cur.metadata.creationTimestamp;
    md.generation = cur.metadata.generation;
    if (cur.metadata.deletionTimestamp) md.deletionTimestamp = cur.metadata.deletionTimestamp;
    else if ('deletionTimestamp' in md) delete md.deletionTimestamp;
    if (info.subresources.includes('status')) {
      if (cur.status === undefined) {
        if ('status' in next) delete next.status;
      } else next.status = cur.status;
    }
    md.resourceVersion = cur.metadata.resourceVersion;
    // managedFields are the server's: what a client sends is not taken (store.ts writes the next ones)
    if (cur.metadata.managedFields) md.managedFields = cur.metadata.managedFields;
    else if ('managedFields' in md) delete md.managedFields;
  }
  const shared = shareWith(next, cur) as KubeObject;
  if (shared === cur) return cur;
  // shareWith may hand back frozen parts: the new version gets its own top level and metadata
  const md = { ...shared.metadata };
  if (!statusOnly && shared.spec !== cur.spec) md.generation = (cur.metadata.generation ?? 1) + 1;
  return { ...shared, metadata: md };
}
