// The simulated kubelet of one cluster: starts pods (Pending -> Running, container statuses, Ready)
// and restarts containers whose spec image changed (in-place update: same pod uid, restartCount+1,
// new containerID and imageID). Work is batched into coarse time buckets: no timer per pod.
import type { KubeObject } from '../../kube/object.js';
import { flat, hexOf, mix } from '../rand.js';
import { T, trailingNumber } from './kinds.js';
import { recomputeReady } from './template.js';
import { keyOf, splitKey, type ControllerRuntime } from './runtime.js';
import { CRASH_STEP_MS, crashStep, crashing, faultOf, pullBackingOff, pullFailed } from './faults.js';

const BUCKET_MS = 250;

export interface KubeletOptions {
  nodes: string[];
  /** Virtual ms a new pod needs to become Running (min, max). */
  startMs?: [number, number];
  /** Virtual ms a container restart takes (min, max). */
  restartMs?: [number, number];
}

const imageIds = new Map<string, string>();
export function imageIdOf(image: string): string {
  let id = imageIds.get(image);
  if (!id) {
    if (imageIds.size > 10_000) imageIds.clear();
    imageIds.set(image, (id = computeImageId(image)));
  }
  return id;
}

function computeImageId(image: string): string {
  const at = image.indexOf('@');
  if (at >= 0) return image;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  const repo = colon > slash ? image.slice(0, colon) : image;
  return `${repo}@sha256:${hexOf(`image:${image}`)}`;
}

export function nodeIndexOf(nodeName: string | undefined): number {
  return Math.max(0, trailingNumber(nodeName ?? ''));
}

export class Kubelet {
  private buckets = new Map<number, Set<string>>();
  private pendingKeys = new Set<string>();
  private startMs: [number, number];
  private restartMs: [number, number];

  constructor(
    private rt: ControllerRuntime,
    private opts: KubeletOptions,
  ) {
    this.startMs = opts.startMs ?? [1000, 4000];
    this.restartMs = opts.restartMs ?? [800, 2500];
    rt.nodeFor = (name) => this.nodeFor(name);
    rt.watch(T.pod, (e) => {
      if (e.type === 'DELETED') return;
      this.consider(e.object);
    });
    for (const p of rt.store.list(T.pod).items) this.consider(p);
  }

  private hostIPs = new Map<number, string>();
  private hostIP(i: number): string {
    let ip = this.hostIPs.get(i);
    if (!ip) this.hostIPs.set(i, (ip = `10.0.${(i >> 8) & 255}.${(i & 255) + 1}`));
    return ip;
  }
  private runningCache = { at: '', state: {} as any };
  /** Shared frozen `{running:{startedAt}}` for containers started in the same second. */
  private running(now: string): any {
    if (this.runningCache.at !== now) this.runningCache = { at: now, state: Object.freeze({ running: Object.freeze({ startedAt: now }) }) };
    return this.runningCache.state;
  }

  /** Seeded identity of a pod instance (uids come from the store and are random). */
  private idKey(o: KubeObject): string {
    return `${this.rt.rand.seed}/${this.rt.cluster}/${o.metadata.namespace}/${o.metadata.name}/${this.starts++}`;
  }
  private starts = 0;

  /** Node for a pod name (stable). */
  nodeFor(podName: string): string {
    const n = this.opts.nodes;
    return n[mix(this.rt.cluster, podName) % n.length];
  }

  private consider(pod: KubeObject): void {
    const key = keyOf(pod);
    if (this.pendingKeys.has(key)) return;
    const uid = `${key}/${pod.metadata.resourceVersion}`;
    if (pod.status?.phase !== 'Running') {
      if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return;
      if (pullBackingOff(pod) && !this.needsRestart(pod)) return;
      this.schedule(key, this.delay(this.startMs, uid, 'start'));
      return;
    }
    if (this.needsRestart(pod)) this.schedule(key, this.delay(this.restartMs, uid, String(pod.metadata.resourceVersion)));
    // A crash loop goes on by itself: the next exit or restart (see faults.ts).
    else if (crashing(pod)) this.schedule(key, CRASH_STEP_MS);
  }

  private needsRestart(pod: KubeObject): boolean {
    const cs = (pod.status?.containerStatuses as any[] | undefined) ?? [];
    for (const c of (pod.spec?.containers as any[] | undefined) ?? []) {
      const s = cs.find((x) => x.name === c.name);
      if (s && s.image !== c.image) return true;
    }
    return false;
  }

  private delay([min, max]: [number, number], ...key: string[]): number {
    return min + (mix(this.rt.rand.seed, ...key) % (max - min + 1));
  }

  private schedule(key: string, ms: number): void {
    const at = Math.ceil((this.rt.clock.now() + ms) / BUCKET_MS) * BUCKET_MS;
    this.pendingKeys.add(key);
    let b = this.buckets.get(at);
    if (!b) {
      this.buckets.set(at, (b = new Set()));
      this.rt.clock.after(at - this.rt.clock.now(), () => this.fire(at));
    }
    b.add(key);
  }

  private fire(at: number): void {
    const keys = this.buckets.get(at);
    this.buckets.delete(at);
    if (!keys) return;
    for (const key of keys) {
      this.pendingKeys.delete(key);
      try {
        this.rt.as('kubelet', () => this.process(key));
      } catch (err) {
        this.rt.errors.push({ controller: 'kubelet', key, message: (err as Error).message });
      }
    }
  }

  private process(key: string): void {
    const [ns, name] = splitKey(key);
    const store = this.rt.store;
    let pod = store.get(T.pod, ns, name);
    if (!pod) return;
    const now = this.rt.clock.iso();
    if (!pod.spec?.nodeName) {
      const node = this.nodeFor(name);
      pod = store.mutate(T.pod, ns, name, (o) => {
        o.spec = { ...(o.spec ?? {}), nodeName: node };
        return o;
      })!;
    }
    if (pod.status?.phase !== 'Running') {
      const id = this.idKey(pod);
      const h = mix(id);
      const nodeIdx = nodeIndexOf(pod.spec?.nodeName);
      const conditions = [...((pod.status?.conditions as any[] | undefined) ?? [])];
      const st: any = {
        ...(pod.status ?? {}),
        phase: 'Running',
        conditions,
        hostIP: this.hostIP(nodeIdx),
        podIP: flat(`172.${16 + (h & 15)}.${(h >>> 4) & 255}.${((h >>> 12) & 253) + 1}`),
        startTime: now,
        containerStatuses: ((pod.spec?.containers as any[] | undefined) ?? []).map((c) => ({
          name: c.name,
          image: c.image,
          imageID: imageIdOf(c.image),
          containerID: ['containerd://', hexOf(`${id}/${c.name}/0`)].join(''), // join: one flat string
          ready: true,
          started: true,
          restartCount: 0,
          state: this.running(now),
        })),
      };
      if (((pod.spec?.containers as any[] | undefined) ?? []).some((c) => faultOf(c.image) === 'pull')) {
        const prev = (pod.status?.containerStatuses as any[] | undefined) ?? [];
        st.phase = 'Pending';
        st.containerStatuses = st.containerStatuses.map((s: any) =>
          faultOf(s.image) === 'pull' ? pullFailed(prev.find((p) => p.name === s.name) ?? s, s.image) : s,
        );
      } else if (crashing(pod))
        st.containerStatuses = st.containerStatuses.map((s: any) => (faultOf(s.image) ? { ...s, ready: false } : s));
      const next = { ...pod, status: st };
      recomputeReady(next, now);
      store.update(T.pod, next, { subresource: 'status' });
      return;
    }
    if (!this.needsRestart(pod)) {
      if (crashing(pod)) this.crashStep(pod, now);
      return;
    }
    const hot = pod.metadata.annotations?.['io.kubernetes.hotpatch.container'] === 'true';
    const statuses = ((pod.status?.containerStatuses as any[] | undefined) ?? []).map((s) => {
      const c = ((pod.spec?.containers as any[] | undefined) ?? []).find((x) => x.name === s.name);
      if (!c || s.image === c.image) return s;
      // HotPatchUpdate: image swapped, container keeps running (BCS-customised runtime)
      if (hot && !faultOf(c.image)) return { ...s, image: c.image, imageID: imageIdOf(c.image) };
      if (faultOf(c.image) === 'pull') return pullFailed(s, c.image);
      const restarts = (s.restartCount ?? 0) + 1;
      return {
        ...s,
        lastState: {
          terminated: {
            exitCode: 0,
            reason: 'Completed',
            startedAt: s.state?.running?.startedAt,
            finishedAt: now,
            containerID: s.containerID,
          },
        },
        image: c.image,
        imageID: imageIdOf(c.image),
        containerID: ['containerd://', hexOf(`${s.containerID}/${restarts}`)].join(''),
        restartCount: restarts,
        // A crashing image starts, but is never ready (its next step crashes it: faults.ts).
        ready: !faultOf(c.image),
        started: true,
        state: this.running(now),
      };
    });
    const next = { ...pod, status: { ...pod.status, containerStatuses: statuses } };
    recomputeReady(next, now);
    store.update(T.pod, next, { subresource: 'status' });
  }

  /** One step of the crash loop of the pod's crashing containers (faults.ts). */
  private crashStep(pod: KubeObject, now: string): void {
    const spec = (pod.spec?.containers as any[] | undefined) ?? [];
    const statuses = ((pod.status?.containerStatuses as any[] | undefined) ?? []).map((s) => {
      const f = faultOf(spec.find((c) => c.name === s.name)?.image);
      return f === 'crash' || f === 'oom' ? crashStep(s, f, now) : s;
    });
    const next = { ...pod, status: { ...pod.status, containerStatuses: statuses } };
    recomputeReady(next, now);
    this.rt.store.update(T.pod, next, { subresource: 'status' });
  }
}
