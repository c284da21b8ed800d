// What the store keeps of each object it is given (client-go's SetTransform). The object cache holds every
// watched object of the fleet: every object loses metadata.managedFields and has its repeated strings
// (images, apiVersions, kinds, env, label values) shared; a pod, when pods are watched (the pods, hot-update
// and logs views; 21,600 in the 3-cluster demo, 100,000 in the scale fleet), keeps only the fields its
// reader (kinds/pod.ts readPod) uses.
// Nothing else reads a cached pod: views, details and alerts read the PodInfo rows, and the YAML/describe
// views fetch the full object from the API (app/story.ts). test/unit/store/keep.test.ts checks that
// readPod gives the same row for the kept pod as for the full one.
import { typeKey } from '../kube/discovery.js';
import type { KubeObject } from '../kube/object.js';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

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

const RUNNING = Object.freeze({});

function keepState(st: unknown): unknown {
  if (!isRec(st)) return st;
  const out: Rec = {};
  if (isRec(st.running)) out.running = RUNNING;
  if (isRec(st.waiting)) out.waiting = { reason: intern(st.waiting.reason) };
  if (isRec(st.terminated)) out.terminated = { reason: intern(st.terminated.reason) };
  return out;
}

function keepStatus(s: unknown): Rec | undefined {
  if (!isRec(s) || typeof s.name !== 'string') return undefined; // readPod passes over these
  const out: Rec = { name: s.name, ready: s.ready, restartCount: s.restartCount };
  if (s.image !== undefined) out.image = intern(s.image);
  if (s.imageID !== undefined) out.imageID = intern(s.imageID);
  if (s.containerID !== undefined) out.containerID = s.containerID;
  if (s.state !== undefined) out.state = keepState(s.state);
  if (isRec(s.lastState) && isRec(s.lastState.terminated))
    out.lastState = { terminated: { reason: intern(s.lastState.terminated.reason) } };
  return out;
}

/** The fields of a pod readPod reads; a pod it would find invalid is kept whole (its row says why). */
export function keepPod(o: KubeObject): KubeObject {
  const md = o.metadata as Rec | undefined;
  const spec = o.spec as Rec | undefined;
  const status = o.status as Rec | undefined;
  if (!isRec(md) || typeof md.name !== 'string') return lean(o);
  const containers = spec?.containers;
  if (containers !== undefined && (!Array.isArray(containers) || !containers.every((c) => isRec(c) && typeof c.name === 'string')))
    return lean(o);
  const metadata: Rec = { name: md.name, namespace: md.namespace, uid: md.uid, resourceVersion: md.resourceVersion };
  if (md.generation !== undefined) metadata.generation = md.generation;
  if (md.creationTimestamp !== undefined) metadata.creationTimestamp = md.creationTimestamp;
  if (md.deletionTimestamp !== undefined) metadata.deletionTimestamp = md.deletionTimestamp;
  if (md.labels !== undefined) metadata.labels = md.labels;
  if (isRec(md.annotations)) {
    const kept = Object.entries(md.annotations).filter(([k]) => k === 'inplace-update-state' || k.endsWith('/inplace-update-state'));
    if (kept.length) metadata.annotations = Object.fromEntries(kept);
  } else if (md.annotations !== undefined) metadata.annotations = md.annotations;
  if (Array.isArray(md.ownerReferences)) {
    const refs = md.ownerReferences.filter(isRec);
    const ref = refs.find((r) => r.controller === true) ?? refs[0];
    if (ref) metadata.ownerReferences = [{ kind: intern(ref.kind), name: ref.name, controller: ref.controller }];
  } else if (md.ownerReferences !== undefined) metadata.ownerReferences = md.ownerReferences;
  const out: KubeObject = { apiVersion: o.apiVersion, kind: o.kind, metadata: metadata as KubeObject['metadata'] };
  if (spec !== undefined) {
    const s: Rec = {};
    if (Array.isArray(containers)) s.containers = containers.map((c: Rec) => ({ name: c.name, image: intern(c.image) }));
    if (spec.nodeName !== undefined) s.nodeName = intern(spec.nodeName);
    out.spec = s;
  }
  if (status !== undefined) {
    const s: Rec = {};
    if (status.phase !== undefined) s.phase = intern(status.phase);
    if (status.reason !== undefined) s.reason = status.reason;
    // not a list: kept as it is, for readPod to report
    const conds = status.conditions;
    if (Array.isArray(conds))
      s.conditions = conds.filter((c) => isRec(c) && c.type === 'Ready').map((c: Rec) => ({ type: c.type, status: c.status }));
    else if (conds !== undefined) s.conditions = conds;
    const cs = status.containerStatuses;
    if (Array.isArray(cs)) s.containerStatuses = cs.map(keepStatus).filter((x) => x !== undefined);
    else if (cs !== undefined) s.containerStatuses = cs;
    out.status = s;
  }
  return out;
}

const POD = typeKey({ group: '', version: 'v1', resource: 'pods' });

/** What the cache keeps of an object of this type. */
export function keeperFor(key: string): (o: KubeObject) => KubeObject {
  return key === POD ? keepPod : lean;
}
