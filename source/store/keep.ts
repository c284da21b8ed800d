// What the store keeps of each object it is given (client-go's SetTransform): the object cache holds every
// watched object of the fleet, and pods are most of them (21,600 in the 3-cluster demo, 100,000 in the scale
// fleet), so a pod is kept as the fields its reader (kinds/pod.ts readPod) uses, with its repeated strings
// (images, image ids, nodes, owner kinds) shared. Everything else loses only metadata.managedFields.
// Nothing else reads a cached pod: views, details and alerts read the PodInfo rows, and the YAML/describe
// views fetch the full object from the API (app/story.ts). test/unit/store/keep.test.ts checks that
// readPod gives the same row for the kept pod as for the full one.
import { typeKey } from '../kube/discovery.js';
import type { KubeObject } from '../kube/object.js';

type Rec = Record<string, unknown>;
const isRec = (v: unknown): v is Rec => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Without metadata.managedFields (a shallow copy, so an object shared with other users of a watch stays whole). */
export function lean(o: KubeObject): KubeObject {
  if (!o.metadata?.managedFields) return o;
  const { managedFields: _drop, ...metadata } = o.metadata;
  return { ...o, metadata };
}

// Strings many pods repeat. Bounded: past the limit it starts over, which only costs sharing.
const shared = new Map<string, string>();
function intern(s: unknown): unknown {
  if (typeof s !== 'string') return s;
  const hit = shared.get(s);
  if (hit !== undefined) return hit;
  if (shared.size >= 20_000) shared.clear();
  shared.set(s, s);
  return s;
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
