// What the store keeps of each object it is given: the object itself without metadata.managedFields, its
// repeated strings (images, apiVersions, kinds, env, label values, condition types, timestamps) shared.
// The object is the one the fleet's informer pool keeps for the watch (kube/informer-pool.ts: for late
// subscribers, --wait and the Git-vs-live diff), so the cache adds no second copy. Pods used to be kept as
// a copy of the fields readPod reads: beside the pool's whole pod that copy cost more than it saved
// (the session's live heap per watched pod 4.2 KB with it, 2.3 KB without, 20,000 pods of the fleet-scale world).
import type { KubeObject } from '../kube/object.js';

type Rec = Record<string, unknown>;

// Strings many objects repeat (images, apiVersions, kinds, env names, label values): one copy each. Two
// generations, the older dropped when the newer is full, so strings in use stay shared while one-off
// strings pass through; a miss only costs sharing.
const INTERN_MAX = 16_384;
let young = new Map<string, string>();
let old = new Map<string, string>();
function intern(s: unknown): unknown {
  if (typeof s !== 'string' || s.length > 256) return s;
  const hit = young.get(s) ?? old.get(s);
  if (hit !== undefined) {
    if (young.size < INTERN_MAX) young.set(hit, hit);
    return hit;
  }
  if (young.size >= INTERN_MAX) {
    old = young;
    young = new Map();
  }
  young.set(s, s);
  return s;
}

/** Metadata fields unique to each object: not worth a table entry. */
const UNIQUE = new Set(['name', 'uid', 'resourceVersion', 'creationTimestamp', 'generateName']);

/**
 * Replaces the strings of a decoded object by shared equal ones, in place: the object stays equal for
 * everyone who holds it (other users of a shared watch included).
 */
function internAll(v: unknown, depth: number, skip?: Set<string>): void {
  if (depth > 12 || v === null || typeof v !== 'object' || Object.isFrozen(v)) return;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x === 'string') v[i] = intern(x);
      else internAll(x, depth + 1);
    }
    return;
  }
  const r = v as Rec;
  for (const k in r) {
    if (skip?.has(k)) continue;
    const x = r[k];
    if (typeof x === 'string') r[k] = intern(x);
    else if (k !== 'managedFields') internAll(x, depth + 1);
  }
}

/** Without metadata.managedFields (a shallow copy, so an object shared with other users of a watch stays whole), strings shared. */
export function lean(o: KubeObject): KubeObject {
  if (!Object.isFrozen(o)) {
    for (const k in o) {
      const x = (o as Rec)[k];
      if (typeof x === 'string') (o as Rec)[k] = intern(x);
      else internAll(x, 1, k === 'metadata' ? UNIQUE : undefined);
    }
  }
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _drop, ...metadata } = o.metadata;
  return { ...o, metadata };
}
