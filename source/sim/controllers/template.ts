// ControllerRevisions and pods built from a workload's pod template.
import type { KubeObject } from '../../kube/object.js';
import type { SimStore } from '../store-api.js';
import { hashOf, stableJson } from '../rand.js';
import { compact } from '../object-util.js';
import { T, ownerRefs, LABEL_REVISION_HASH } from './kinds.js';

export function templateOf(w: KubeObject): any {
  return w.spec?.template ?? {};
}

const jsonCache = new WeakMap<object, string>();
/** stableJson of a (frozen, shared) template, cached by identity. */
function templateJson(t: any): string {
  if (!t || typeof t !== 'object') return stableJson(t);
  let s = jsonCache.get(t);
  if (s === undefined) {
    const { $patch: _p, ...rest } = t;
    s = stableJson(rest);
    if (Object.isFrozen(t)) jsonCache.set(t, s);
  }
  return s;
}

function sameTemplate(a: any, b: any): boolean {
  if (a === b) return true;
  return templateJson(a) === templateJson(b);
}

export interface Revisions {
  update: KubeObject;
  all: KubeObject[];
  collisionCount: number;
}

/**
 * history.ListControllerRevisions + getActiveRevisions: find or create the revision for the current
 * template. An identical older revision is reused and renumbered to max+1 (as Kubernetes does on rollback).
 */
export function ensureRevision(store: SimStore, w: KubeObject, owned: KubeObject[]): Revisions {
  const template = templateOf(w);
  const all = [...owned].sort((a, b) => (a.revision as number) - (b.revision as number));
  const maxRev = all.reduce((m, r) => Math.max(m, (r.revision as number) ?? 0), 0);
  const last = all[all.length - 1];
  const equal = all.filter((r) => sameTemplate((r.data as any)?.spec?.template, template));
  if (equal.length) {
    const found = equal[equal.length - 1];
    if (found !== last) {
      const updated = store.mutate(T.controllerRevision, found.metadata.namespace, found.metadata.name!, (o) => {
        o.revision = maxRev + 1;
        return o;
      })!;
      return { update: updated, all: all.map((r) => (r === found ? updated : r)), collisionCount: w.status?.collisionCount ?? 0 };
    }
    return { update: found, all, collisionCount: w.status?.collisionCount ?? 0 };
  }
  let collisionCount = w.status?.collisionCount ?? 0;
  for (;;) {
    const hash = hashOf(`${templateJson(template)}/${collisionCount}`);
    const name = `${w.metadata.name}-${hash}`;
    if (store.get(T.controllerRevision, w.metadata.namespace, name)) {
      collisionCount++;
      continue;
    }
    const labels = { ...(w.spec?.selector?.matchLabels ?? {}), 'controller.kubernetes.io/hash': hash };
    const rev = store.create(T.controllerRevision, {
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: { name, namespace: w.metadata.namespace, labels, ownerReferences: ownerRefs(w) },
      data: { spec: { template } },
      revision: maxRev + 1,
    });
    return { update: rev, all: [...all, rev], collisionCount };
  }
}

export function revisionTemplate(rev: KubeObject | undefined): any {
  return (rev?.data as any)?.spec?.template;
}

/** Label selector string (matchLabels only) for status.labelSelector. */
export function selectorString(w: KubeObject): string {
  const ml = (w.spec?.selector?.matchLabels ?? {}) as Record<string, string>;
  return Object.keys(ml)
    .sort()
    .map((k) => `${k}=${ml[k]}`)
    .join(',');
}

export const INPLACE_READY = 'InPlaceUpdateReady';
const READINESS_GATES = Object.freeze([Object.freeze({ conditionType: INPLACE_READY })]) as any;

const condCache = new Map<string, any>();
/** A frozen condition object shared by every pod with the same content (pods are kept compact). */
export function condition(type: string, status: string, time: string, reason?: string): any {
  const k = `${type}|${status}|${time}|${reason ?? ''}`;
  let c = condCache.get(k);
  if (!c) {
    if (condCache.size > 20_000) condCache.clear();
    c = Object.freeze(reason ? { type, status, lastTransitionTime: time, reason } : { type, status, lastTransitionTime: time });
    condCache.set(k, c);
  }
  return c;
}

/** A new pod from a template at a revision (scheduled to `nodeName` when given). */
export function newPod(
  w: KubeObject,
  template: any,
  revision: string,
  name: string,
  extraLabels: Record<string, string>,
  now: string,
  nodeName?: string,
): KubeObject {
  const t = template ?? {};
  // shallow: containers etc. are shared with the (frozen) revision template to keep pods compact;
  // the pod's own objects are built compact (all properties in-object), see compact()
  const spec: any = { ...(t.spec ?? {}) };
  if (!w.spec?.disableReadinessGate) spec.readinessGates = READINESS_GATES;
  if (w.kind === 'GameStatefulSet') {
    spec.hostname = name;
    if (w.spec?.serviceName) spec.subdomain = w.spec.serviceName;
  }
  if (nodeName) spec.nodeName = nodeName;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: w.metadata.namespace,
      labels: compact({ ...(t.metadata?.labels ?? {}), [LABEL_REVISION_HASH]: revision, ...extraLabels }),
      ...(t.metadata?.annotations ? { annotations: compact({ ...t.metadata.annotations }) } : {}),
      ownerReferences: ownerRefs(w),
    },
    spec: compact(spec),
    status: {
      phase: 'Pending',
      conditions: w.spec?.disableReadinessGate
        ? [condition('PodScheduled', 'True', now)]
        : [condition('PodScheduled', 'True', now), condition(INPLACE_READY, 'True', now)],
    },
  };
}

export function podCondition(pod: KubeObject, type: string): any {
  return (pod.status?.conditions as any[] | undefined)?.find((c) => c.type === type);
}

export function isRunningAndReady(pod: KubeObject): boolean {
  return pod.status?.phase === 'Running' && podCondition(pod, 'Ready')?.status === 'True';
}

/** Set a condition on a pod status object in place; returns true when something changed. */
export function setCondition(status: any, type: string, value: 'True' | 'False', now: string, reason?: string): boolean {
  const list: any[] = Object.isFrozen(status.conditions) ? [...status.conditions] : (status.conditions ?? []);
  status.conditions = list;
  const i = list.findIndex((x: any) => x.type === type);
  if (i >= 0 && list[i].status === value) return false;
  if (i >= 0) list[i] = condition(type, value, now, reason);
  else list.push(condition(type, value, now, reason));
  return true;
}

interface CondNode {
  next: Map<object, CondNode>;
  list?: any[];
}
let condTrie: CondNode = { next: new Map() };
let condTrieSize = 0;
/**
 * One shared frozen conditions array per distinct content. Conditions not yet shared are mapped to the
 * shared condition objects, then the list is looked up by identity in a trie (no key string per pod write).
 */
export function internConditions(list: any[]): any[] {
  if (condTrieSize > 20_000) {
    condTrie = { next: new Map() };
    condTrieSize = 0;
  }
  let node = condTrie;
  const shared: any[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    const sc = (shared[i] = Object.isFrozen(c) ? c : condition(c.type, c.status, c.lastTransitionTime, c.reason));
    let child = node.next.get(sc);
    if (!child) {
      node.next.set(sc, (child = { next: new Map() }));
      condTrieSize++;
    }
    node = child;
  }
  node.list ??= Object.freeze(shared) as any[];
  return node.list;
}

/** Kubelet rule: Ready = all containers ready and every readiness gate condition True. */
export function recomputeReady(pod: KubeObject, now: string): boolean {
  const st = pod.status ?? (pod.status = {});
  if (Object.isFrozen(st)) throw new Error('recomputeReady needs a mutable status');
  const cs = (st.containerStatuses as any[] | undefined) ?? [];
  const containersReady = st.phase === 'Running' && cs.length > 0 && cs.every((c) => c.ready);
  const gates = ((pod.spec?.readinessGates as any[] | undefined) ?? []).every((g) => podCondition(pod, g.conditionType)?.status === 'True');
  let changed = setCondition(st, 'ContainersReady', containersReady ? 'True' : 'False', now);
  changed =
    setCondition(
      st,
      'Ready',
      containersReady && gates ? 'True' : 'False',
      now,
      containersReady && !gates ? 'ReadinessGatesNotReady' : undefined,
    ) || changed;
  st.conditions = internConditions(st.conditions);
  return changed;
}

/**
 * Writes a pod's InPlaceUpdateReady readiness gate (and so its Ready) through the status subresource:
 * False while an in-place update restarts its containers, True once they run the new images. One
 * writer for the Kruise ASTS and the GameDeployment / GameStatefulSet controllers, which both gate so.
 */
export function writeInPlaceReady(
  store: SimStore,
  pod: KubeObject,
  value: 'True' | 'False',
  now: string,
  reason?: string,
): KubeObject | undefined {
  return store.mutate(
    T.pod,
    pod.metadata.namespace,
    pod.metadata.name!,
    (o) => {
      setCondition((o.status ??= {}), INPLACE_READY, value, now, reason);
      recomputeReady(o, now);
      return o;
    },
    { subresource: 'status' },
  );
}
