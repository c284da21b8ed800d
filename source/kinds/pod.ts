// Pod -> PodInfo. Called for every pod event (100k pods in the bench fleet): keep it cheap.
import type { KubeObject } from '../kube/object.js';
import type { PodInfo } from '../model/types.js';
import type { ReadContext } from './shared/context.js';
import { controllerOwner, expected, guard, isRecord, looseMeta, meta, optArray, optString } from './shared/read-util.js';
import type { RowSpec } from './spec.js';

type PodContainer = PodInfo['containers'][number];

function stateOf(s: Record<string, unknown>): { state?: string; reason?: string; running: boolean } {
  const st = isRecord(s.state) ? s.state : undefined;
  if (!st) return { running: false };
  if (isRecord(st.running)) return { state: 'running', running: true };
  if (isRecord(st.waiting)) {
    const r = typeof st.waiting.reason === 'string' ? st.waiting.reason : undefined;
    return { state: r ? `waiting: ${r}` : 'waiting', reason: r, running: false };
  }
  if (isRecord(st.terminated)) {
    const r = typeof st.terminated.reason === 'string' ? st.terminated.reason : undefined;
    return { state: r ? `terminated: ${r}` : 'terminated', reason: r, running: false };
  }
  return { running: false };
}

export function readPod(cluster: string, obj: KubeObject, _ctx?: ReadContext): PodInfo {
  return guard(
    () => {
      const m = meta(obj);
      const specContainers = optArray(obj, 'spec.containers') ?? [];
      const statuses = optArray(obj, 'status.containerStatuses') ?? [];
      const byName = new Map<string, Record<string, unknown>>();
      for (const s of statuses) if (isRecord(s) && typeof s.name === 'string') byName.set(s.name, s);
      let restarts = 0;
      let waitingReason: string | undefined;
      const containers: PodContainer[] = specContainers.map((c, i) => {
        if (!isRecord(c) || typeof c.name !== 'string') throw expected(`spec.containers[${i}]`, 'plans.read.aContainer');
        const image = typeof c.image === 'string' ? c.image : '';
        const s = byName.get(c.name);
        const out: PodContainer = { name: c.name, image, ready: false, restartCount: 0 };
        if (s) {
          out.ready = s.ready === true;
          out.restartCount = typeof s.restartCount === 'number' ? s.restartCount : 0;
          restarts += out.restartCount;
          if (typeof s.imageID === 'string' && s.imageID) out.imageID = s.imageID;
          if (typeof s.containerID === 'string' && s.containerID) out.containerID = s.containerID;
          if (
            typeof s.image === 'string' &&
            s.image &&
            s.image !== image &&
            !image.endsWith(`/${s.image}`) &&
            !s.image.endsWith(`/${image}`)
          )
            out.runningImage = s.image;
          const st = stateOf(s);
          if (st.state) out.state = st.state;
          const last = isRecord(s.lastState) && isRecord(s.lastState.terminated) ? s.lastState.terminated.reason : undefined;
          if (typeof last === 'string' && last) out.lastTerminated = last;
          if (!st.running && st.reason && !waitingReason) waitingReason = st.reason;
        }
        return out;
      });
      let ready = false;
      for (const c of optArray(obj, 'status.conditions') ?? []) {
        if (isRecord(c) && c.type === 'Ready') ready = c.status === 'True';
      }
      const basePhase = optString(obj, 'status.phase') || 'Pending';
      const statusReason = optString(obj, 'status.reason');
      const deleting = typeof obj.metadata.deletionTimestamp === 'string';
      // What kubectl shows in STATUS: Terminating > pod reason (Evicted) > a container's waiting/terminated reason > phase.
      const phase = deleting ? 'Terminating' : statusReason || (basePhase !== 'Succeeded' && waitingReason) || basePhase;
      const info: PodInfo = {
        cluster,
        namespace: m.namespace,
        name: m.name,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        phase,
        ready,
        restarts,
        containers,
        labels: m.labels,
      };
      const node = optString(obj, 'spec.nodeName');
      if (node) info.node = node;
      const revision = m.labels['controller-revision-hash'] ?? m.labels['pod-template-hash'];
      if (revision) info.revision = revision;
      const owner = controllerOwner(obj);
      if (owner) info.owner = owner;
      if (m.createdAt) info.createdAt = m.createdAt;
      for (const [k, v] of Object.entries(m.annotations)) {
        if (k === 'inplace-update-state' || k.endsWith('/inplace-update-state')) info.inPlaceUpdateState = v;
      }
      return info;
    },
    (reason) => {
      const m = looseMeta(obj);
      return {
        cluster,
        namespace: m.namespace,
        name: m.name,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        phase: 'Unknown',
        ready: false,
        restarts: 0,
        containers: [],
        labels: m.labels,
        invalid: reason,
      };
    },
  );
}

export const pod: RowSpec<'pod', 'Pod'> = {
  kind: 'Pod',
  role: 'pod',
  type: { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
  watchedBy: ['hotupdate', 'pods', 'logs'],
  read: readPod,
};
