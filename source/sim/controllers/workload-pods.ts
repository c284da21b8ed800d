// Pod management of GameDeployment / GameStatefulSet: scale (create/delete) and update
// (RollingUpdate recreates; InplaceUpdate restarts containers in place pod by pod, in
// workload-inplace.ts), within maxUnavailable and gated by the pod hooks of workload-pod-hooks.ts.
import type { KubeObject } from '../../kube/object.js';
import type { ControllerRuntime } from './runtime.js';
import { flat } from '../rand.js';
import { T, LABEL_GD_INSTANCE, LABEL_STS_POD_NAME } from './kinds.js';
import { currentPartition, intOrPercent, replicasOf } from './canary.js';
import { isRunningAndReady, newPod } from './template.js';
import { recordEvent } from './events.js';
import { hookCompleted } from './hooks.js';
import { finishInPlace, updateInPlace } from './workload-inplace.js';
import { podHook, retryHooks, truncateHookConditions } from './workload-pod-hooks.js';
import {
  ANN_INPLACE_GRACE,
  instanceIdOf,
  ordinalOf,
  revOf,
  templateFor,
  type PodSyncInput,
  type PodSyncResult,
} from './workload-pod-state.js';

function strategyOf(w: KubeObject): string {
  return w.spec?.updateStrategy?.type ?? (w.kind === 'GameStatefulSet' ? 'RollingUpdate' : 'RollingUpdate');
}

export class PodSyncer {
  constructor(private rt: ControllerRuntime) {}

  sync(input: PodSyncInput): PodSyncResult {
    const res: PodSyncResult = {};
    const requeue = (ms: number) => {
      res.requeueMs = res.requeueMs === undefined ? ms : Math.min(res.requeueMs, ms);
    };
    truncateHookConditions(input);
    if (retryHooks(this.rt, input)) return res;
    if (this.scale(input, requeue)) return res;
    finishInPlace(this.rt, input);
    const paused = input.kind === 'GameDeployment' && input.w.spec?.updateStrategy?.paused === true;
    if (!paused) this.update(input, res, requeue);
    return res;
  }

  private now(): string {
    return this.rt.clock.iso();
  }

  private createPod(w: KubeObject, pod: KubeObject): void {
    this.rt.store.create(T.pod, pod);
    recordEvent(
      this.rt,
      w,
      'Normal',
      'SuccessfulCreate',
      `create Pod ${pod.metadata.name} in ${w.kind} ${w.metadata.name} successful`,
      `${w.kind?.toLowerCase()}-controller`,
    );
  }

  private deletePod(w: KubeObject, pod: KubeObject): void {
    this.rt.store.delete(T.pod, pod.metadata.namespace, pod.metadata.name!);
    recordEvent(
      this.rt,
      w,
      'Normal',
      'SuccessfulDelete',
      `delete Pod ${pod.metadata.name} in ${w.kind} ${w.metadata.name} successful`,
      `${w.kind?.toLowerCase()}-controller`,
    );
  }

  private targetRevisionForNew(input: PodSyncInput, ordinal: number, updatedCount: number): string {
    const partition = currentPartition(input.w, input.kind);
    if (input.kind === 'GameStatefulSet') return ordinal >= partition ? input.updateRevision : input.currentRevision;
    return updatedCount < replicasOf(input.w) - partition ? input.updateRevision : input.currentRevision;
  }

  /** Create missing pods / delete extra ones. Returns true when it changed something. */
  private scale(input: PodSyncInput, requeue: (ms: number) => void): boolean {
    const { w, pods, kind } = input;
    const replicas = replicasOf(w);
    const store = this.rt.store;
    const now = this.now();
    let changed = false;
    let updated = pods.filter((p) => revOf(p) === input.updateRevision).length;
    if (kind === 'GameStatefulSet') {
      const byOrdinal = new Map(pods.map((p) => [ordinalOf(p), p]));
      const reserve = new Set<number>((w.spec?.reserveOrders as number[] | undefined) ?? []);
      const parallel = w.spec?.podManagementPolicy === 'Parallel';
      for (let i = 0; i < replicas; i++) {
        if (reserve.has(i) || byOrdinal.has(i)) continue;
        if (!parallel && [...byOrdinal.entries()].some(([o, p]) => o < i && !isRunningAndReady(p))) break;
        const rev = this.targetRevisionForNew(input, i, updated);
        const name = flat(`${w.metadata.name}-${i}`);
        this.createPod(w, newPod(w, templateFor(input, rev), rev, name, { [LABEL_STS_POD_NAME]: name }, now, this.nodeFor(name)));
        changed = true;
        if (!parallel) break;
      }
      const extra = pods.filter((p) => ordinalOf(p) >= replicas || reserve.has(ordinalOf(p))).sort((a, b) => ordinalOf(b) - ordinalOf(a));
      for (const p of parallel ? extra : extra.slice(0, 1)) {
        if (podHook(this.rt, input, 'preDelete', p)) {
          this.deletePod(w, p);
          changed = true;
        }
      }
      return changed;
    }
    // GameDeployment
    if (pods.length < replicas) {
      for (let i = pods.length; i < replicas; i++) {
        const rev = this.targetRevisionForNew(input, i, updated);
        if (rev === input.updateRevision) updated++;
        let id = this.rt.rand.id(5);
        while (store.get(T.pod, w.metadata.namespace, `${w.metadata.name}-${id}`)) id = this.rt.rand.id(5);
        const name = flat(`${w.metadata.name}-${id}`);
        this.createPod(w, newPod(w, templateFor(input, rev), rev, name, { [LABEL_GD_INSTANCE]: id }, now, this.nodeFor(name)));
        changed = true;
      }
      return changed;
    }
    if (pods.length > replicas) {
      const explicit = new Set<string>((w.spec?.scaleStrategy?.podsToDelete as string[] | undefined) ?? []);
      const order = [...pods].sort((a, b) => {
        const score = (p: KubeObject) =>
          explicit.has(p.metadata.name!) ? 0 : !isRunningAndReady(p) ? 1 : revOf(p) !== input.updateRevision ? 2 : 3;
        return score(a) - score(b) || (b.metadata.name! < a.metadata.name! ? -1 : 1);
      });
      for (const p of order.slice(0, pods.length - replicas)) {
        if (podHook(this.rt, input, 'preDelete', p)) {
          this.deletePod(w, p);
          changed = true;
        } else requeue(1000);
      }
      return changed;
    }
    return false;
  }

  private nodeFor(name: string): string | undefined {
    return this.rt.nodeFor?.(name);
  }

  private maxUnavailable(w: KubeObject): number {
    const raw =
      w.kind === 'GameStatefulSet' ? w.spec?.updateStrategy?.rollingUpdate?.maxUnavailable : w.spec?.updateStrategy?.maxUnavailable;
    return Math.max(1, intOrPercent(raw ?? '25%', replicasOf(w)));
  }

  private update(input: PodSyncInput, res: PodSyncResult, requeue: (ms: number) => void): void {
    const { w, pods, kind } = input;
    const strategy = strategyOf(w);
    if (strategy === 'OnDelete') return;
    const partition = currentPartition(w, kind);
    const replicas = replicasOf(w);
    let candidates = pods.filter((p) => revOf(p) !== input.updateRevision);
    if (kind === 'GameStatefulSet') {
      candidates = candidates.filter((p) => ordinalOf(p) >= partition).sort((a, b) => ordinalOf(b) - ordinalOf(a));
    } else {
      const updated = pods.length - candidates.length;
      const want = Math.max(0, replicas - partition - updated);
      candidates = candidates
        .sort((a, b) => Number(isRunningAndReady(a)) - Number(isRunningAndReady(b)) || (a.metadata.name! < b.metadata.name! ? -1 : 1))
        .slice(0, want);
    }
    if (!candidates.length) return;
    const inPlace = strategy === 'InplaceUpdate' || strategy === 'HotPatchUpdate';
    const inProgress = (p: KubeObject) =>
      !!p.metadata.annotations?.[ANN_INPLACE_GRACE] ||
      input.hookRuns.some(
        (h) =>
          h.metadata.labels?.['instance-id'] === instanceIdOf(kind, p) &&
          h.metadata.labels?.['workload-revision'] === revOf(p) &&
          !hookCompleted(h),
      );
    const notReady = pods.filter((p) => !isRunningAndReady(p)).length + Math.max(0, replicas - pods.length);
    let budget = this.maxUnavailable(w) - notReady - candidates.filter((p) => isRunningAndReady(p) && inProgress(p)).length;
    for (const pod of candidates) {
      const busy = inProgress(pod) || !isRunningAndReady(pod);
      if (!busy) {
        if (budget <= 0) continue;
        budget--;
      }
      if (inPlace) updateInPlace(this.rt, input, pod, res, requeue, strategy === 'HotPatchUpdate');
      else if (podHook(this.rt, input, 'preDelete', pod)) this.deletePod(w, pod);
      else requeue(1000);
    }
  }
}
