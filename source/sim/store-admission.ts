// The checks a simulated apiserver makes before a write reaches the store (the generic registry's
// validation and preconditions, and the NamespaceLifecycle admission plugin), with the apiserver's
// own status codes and messages. Apart from store.ts, which keeps the objects and their history.
import type { KubeObject } from '../kube/object.js';
import { StoreError } from './store-api.js';
import type { ResourceInfo } from './registry.js';
import { conflict, qualified, randomSuffix, validateName } from './object-util.js';
import { flat } from './rand.js';

/**
 * A new object's name (generateName filled in) and namespace, checked and set in place on `md`:
 * with requireNamespaces the namespace must exist and not be terminating (like NamespaceLifecycle).
 */
export function admitCreate(
  info: ResourceInfo,
  md: KubeObject['metadata'],
  namespace: (name: string) => KubeObject | undefined,
  requireNamespaces: boolean,
): asserts md is KubeObject['metadata'] & { name: string } {
  if (!md.name && typeof md.generateName === 'string' && md.generateName) md.name = md.generateName + randomSuffix();
  if (!md.name)
    throw new StoreError(422, 'Invalid', `${info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
  validateName(info, md.name);
  md.name = flat(md.name);
  if (info.namespaced) {
    if (!md.namespace) throw new StoreError(422, 'Invalid', `${info.kind} "${md.name}" is invalid: metadata.namespace: Required value`);
    if (requireNamespaces && !(info.group === '' && info.resource === 'namespaces')) {
      const nsObj = namespace(md.namespace);
      if (!nsObj) throw new StoreError(404, 'NotFound', `namespaces "${md.namespace}" not found`);
      if (nsObj.metadata.deletionTimestamp)
        throw new StoreError(
          403,
          'Forbidden',
          `${qualified(info)} "${md.name}" is forbidden: unable to create new content in namespace ${md.namespace} because it is being terminated`,
        );
      md.namespace = nsObj.metadata.name; // one shared string per namespace
    }
  } else if ('namespace' in md) delete md.namespace;
}

/** An update's resourceVersion and uid preconditions (409 Conflict when the stored object moved on). */
export function checkUpdatePreconditions(info: ResourceInfo, name: string, cur: KubeObject, obj: KubeObject): void {
  const wantRv = obj.metadata.resourceVersion;
  if (wantRv && wantRv !== cur.metadata.resourceVersion) throw conflict(info, name);
  if (obj.metadata.uid && obj.metadata.uid !== cur.metadata.uid) {
    throw conflict(info, name, `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${cur.metadata.uid}`);
  }
}

/** A delete's uid and resourceVersion preconditions (409 Conflict when they do not hold). */
export function checkDeletePreconditions(
  info: ResourceInfo,
  name: string,
  cur: KubeObject,
  pre: { uid?: string; resourceVersion?: string } | undefined,
): void {
  if (pre?.uid && pre.uid !== cur.metadata.uid)
    throw conflict(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid}`);
  if (pre?.resourceVersion && pre.resourceVersion !== cur.metadata.resourceVersion) {
    throw conflict(
      info,
      name,
      `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${cur.metadata.resourceVersion}`,
    );
  }
}
