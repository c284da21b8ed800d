// Pod management of GameDeployment / GameStatefulSet: scale (create/delete) and update
// (RollingUpdate recreates, InplaceUpdate restarts containers in place pod by pod, with
// pre-delete / pre-inplace / post-inplace hooks, grace period and maxUnavailable).
import type { KubeObject } from '../../kube/object.js';
import type { ControllerRuntime } from './runtime.js';
import { flat, stableJson } from '../rand.js';
import { T, LABEL_GD_INSTANCE, LABEL_REVISION_HASH, LABEL_STS_POD_NAME, clone, trailingNumber } from './kinds.js';
import { currentPartition, intOrPercent, replicasOf, type WorkloadKindName } from './canary.js';
import { INPLACE_READY, isRunningAndReady, newPod, podCondition, recomputeReady, revisionTemplate, setCondition } from './template.js';
import { recordEvent } from './events.js';
import { createPodHookRun, hookCompleted, podHookRunName, POD_HOOK, type PodHookKind } from './hooks.js';

export const ANN_INPLACE_STATE = 'inplace-update-state';
export const ANN_INPLACE_GRACE = 'inplace-update-grace';

export interface PodSyncInput {
  kind: WorkloadKindName;
  w: KubeObject;
  pods: KubeObject[];
  hookRuns: KubeObject[];
  revisions: KubeObject[];
  updateRevision: string;
  currentRevision: string;
  newStatus: any;
}

export interface PodSyncResult {
  requeueMs?: number;
  failedUpdate?: { reason: string; message: string };
}

export function ordinalOf(pod: KubeObject): number {
  return trailingNumber(pod.metadata.name ?? '');
}

export function instanceIdOf(kind: WorkloadKindName, pod: KubeObject): string {
  return kind === 'GameDeployment' ? (pod.metadata.labels?.[LABEL_GD_INSTANCE] ?? '') : String(ordinalOf(pod));
}

function revOf(pod: KubeObject): string {
  return pod.metadata.labels?.[LABEL_REVISION_HASH] ?? '';
}

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
    this.truncateHookConditions(input);
    if (this.retryHooks(input)) return res;
    if (this.scale(input, requeue)) return res;
    this.finishInPlace(input);
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

  /** Drop hook conditions of pods that are gone. */
  private truncateHookConditions({ newStatus, pods }: PodSyncInput): void {
    const names = new Set(pods.map((p) => p.metadata.name));
    for (const k of Object.values(POD_HOOK)) {
      const list = newStatus[k.cond] as any[] | undefined;
      if (list) newStatus[k.cond] = list.filter((c) => names.has(c.podName));
    }
  }

  /** spec.<x>UpdateStrategy.retry: delete completed, unsuccessful pod HookRuns (they get recreated). */
  private retryHooks({ w, hookRuns }: PodSyncInput): boolean {
    let retried = false;
    for (const kind of ['preDelete', 'preInplace', 'postInplace'] as PodHookKind[]) {
      if (!w.spec?.[`${kind}UpdateStrategy`]?.retry) continue;
      retried = true;
      for (const hr of hookRuns) {
        if (hr.metadata.labels?.['hookrun-type'] !== POD_HOOK[kind].type) continue;
        if (hookCompleted(hr) && hr.status?.phase !== 'Successful')
          this.rt.store.delete(T.hookRun, hr.metadata.namespace, hr.metadata.name!);
      }
    }
    return retried;
  }

  /** Run (or check) a pod-level hook. Returns true when the pod may proceed. */
  private podHook(input: PodSyncInput, kind: PodHookKind, pod: KubeObject, modified?: string): boolean {
    const hook = input.w.spec?.[`${kind}UpdateStrategy`]?.hook;
    if (!hook?.templateName) return true;
    const id = instanceIdOf(input.kind, pod);
    const name = podHookRunName(kind, pod, id, hook.templateName);
    let hr = input.hookRuns.find((h) => h.metadata.name === name);
    if (!hr) {
      hr = createPodHookRun(this.rt.store, input.w, kind, pod, id, hook, modified);
      input.hookRuns.push(hr);
    }
    const phase = hr.status?.phase ?? 'Pending';
    const condKey = POD_HOOK[kind].cond;
    const list: any[] = (input.newStatus[condKey] ??= []);
    const existing = list.find((c) => c.podName === pod.metadata.name);
    if (phase === 'Successful') {
      if (existing) input.newStatus[condKey] = list.filter((c) => c !== existing);
      return true;
    }
    if (existing) existing.phase = phase;
    else list.push({ podName: pod.metadata.name, startTime: hr.status?.startedAt ?? hr.metadata.creationTimestamp ?? this.now(), phase });
    return false;
  }

  private targetRevisionForNew(input: PodSyncInput, ordinal: number, updatedCount: number): string {
    const partition = currentPartition(input.w, input.kind);
    if (input.kind === 'GameStatefulSet') return ordinal >= partition ? input.updateRevision : input.currentRevision;
    return updatedCount < replicasOf(input.w) - partition ? input.updateRevision : input.currentRevision;
  }

  private templateFor(input: PodSyncInput, revision: string): any {
    const rev = input.revisions.find((r) => r.metadata.name === revision);
    return revisionTemplate(rev) ?? input.w.spec?.template;
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
        this.createPod(w, newPod(w, this.templateFor(input, rev), rev, name, { [LABEL_STS_POD_NAME]: name }, now, this.nodeFor(name)));
        changed = true;
        if (!parallel) break;
      }
      const extra = pods.filter((p) => ordinalOf(p) >= replicas || reserve.has(ordinalOf(p))).sort((a, b) => ordinalOf(b) - ordinalOf(a));
      for (const p of parallel ? extra : extra.slice(0, 1)) {
        if (this.podHook(input, 'preDelete', p)) {
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
        this.createPod(w, newPod(w, this.templateFor(input, rev), rev, name, { [LABEL_GD_INSTANCE]: id }, now, this.nodeFor(name)));
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
        if (this.podHook(input, 'preDelete', p)) {
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

  /** Pods updated in place whose containers restarted with the new image: InPlaceUpdateReady=True. */
  private finishInPlace(input: PodSyncInput): void {
    for (const pod of input.pods) {
      const raw = pod.metadata.annotations?.[ANN_INPLACE_STATE];
      if (!raw || podCondition(pod, INPLACE_READY)?.status !== 'False' || pod.metadata.annotations?.[ANN_INPLACE_GRACE]) continue;
      let state: any;
      try {
        state = JSON.parse(raw);
      } catch {
        continue;
      }
      const cs = (pod.status?.containerStatuses as any[] | undefined) ?? [];
      const done = Object.entries((state.lastContainerStatuses ?? {}) as Record<string, { imageID: string }>).every(([name, last]) => {
        const s = cs.find((c) => c.name === name);
        return s && s.imageID !== last.imageID && s.ready;
      });
      if (!done) continue;
      const now = this.now();
      const updated = this.rt.store.mutate(
        T.pod,
        pod.metadata.namespace,
        pod.metadata.name!,
        (o) => {
          setCondition((o.status ??= {}), INPLACE_READY, 'True', now);
          recomputeReady(o, now);
          return o;
        },
        { subresource: 'status' },
      );
      if (updated && revOf(updated) === input.updateRevision) this.podHook(input, 'postInplace', updated);
    }
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
      if (inPlace) this.updateInPlace(input, pod, res, requeue, strategy === 'HotPatchUpdate');
      else if (this.podHook(input, 'preDelete', pod)) this.deletePod(w, pod);
      else requeue(1000);
    }
  }

  private updateInPlace(input: PodSyncInput, pod: KubeObject, res: PodSyncResult, requeue: (ms: number) => void, hotPatch: boolean): void {
    const oldT = this.templateFor(input, revOf(pod));
    const newT = this.templateFor(input, input.updateRevision);
    const strip = (t: any) => {
      const s = clone(t?.spec ?? {});
      for (const c of (s.containers as any[] | undefined) ?? []) delete c.image;
      return stableJson(s);
    };
    if (strip(oldT) !== strip(newT)) {
      res.failedUpdate = {
        reason: 'FailedUpdatePodInPlace',
        message: `pod ${pod.metadata.name}: only container images can be updated in place`,
      };
      return;
    }
    const images: Record<string, string> = {};
    for (const c of (newT?.spec?.containers as any[] | undefined) ?? []) images[c.name] = c.image;
    const modified = Object.keys(images).filter((n) => (pod.spec?.containers as any[]).find((c) => c.name === n)?.image !== images[n]);
    if (!pod.metadata.annotations?.[ANN_INPLACE_GRACE] && !this.podHook(input, 'preInplace', pod, modified.join(','))) {
      const cond = (input.newStatus.preInplaceHookCondition as any[] | undefined)?.find((c) => c.podName === pod.metadata.name);
      if (cond && ['Failed', 'Error', 'Inconclusive'].includes(cond.phase)) {
        res.failedUpdate = { reason: 'PreInplaceHookFailed', message: `pre-inplace hook of pod ${pod.metadata.name} is ${cond.phase}` };
      }
      return;
    }
    const store = this.rt.store;
    const now = this.now();
    const grace = Number(input.w.spec?.updateStrategy?.inPlaceUpdateStrategy?.gracePeriodSeconds ?? 0);
    if (grace > 0 && !hotPatch) {
      const graceRaw = pod.metadata.annotations?.[ANN_INPLACE_GRACE];
      if (!graceRaw) {
        const p = store.mutate(T.pod, pod.metadata.namespace, pod.metadata.name!, (o) => {
          o.metadata.annotations = {
            ...(o.metadata.annotations ?? {}),
            [ANN_INPLACE_GRACE]: JSON.stringify({ revision: input.updateRevision, containerImages: images, graceSeconds: grace }),
          };
          return o;
        });
        if (p)
          store.mutate(
            T.pod,
            p.metadata.namespace,
            p.metadata.name!,
            (o) => {
              setCondition((o.status ??= {}), INPLACE_READY, 'False', now, 'StartInPlaceUpdate');
              recomputeReady(o, now);
              return o;
            },
            { subresource: 'status' },
          );
        requeue(grace * 1000 + 1);
        return;
      }
      const since = Date.parse(podCondition(pod, INPLACE_READY)?.lastTransitionTime ?? now);
      const left = since + grace * 1000 - this.rt.clock.now();
      if (left > 0) {
        requeue(left + 1);
        return;
      }
    }
    const cs = (pod.status?.containerStatuses as any[] | undefined) ?? [];
    const last: Record<string, { imageID: string }> = {};
    for (const n of modified) last[n] = { imageID: cs.find((c) => c.name === n)?.imageID ?? '' };
    const newLabels = (newT?.metadata?.labels ?? {}) as Record<string, string>;
    const newAnn = (newT?.metadata?.annotations ?? {}) as Record<string, string>;
    const updated = store.mutate(T.pod, pod.metadata.namespace, pod.metadata.name!, (o) => {
      for (const c of (o.spec?.containers as any[]) ?? []) if (images[c.name]) c.image = images[c.name];
      o.metadata.labels = { ...(o.metadata.labels ?? {}), ...newLabels, [LABEL_REVISION_HASH]: input.updateRevision };
      const ann: Record<string, string> = { ...(o.metadata.annotations ?? {}), ...newAnn };
      delete ann[ANN_INPLACE_GRACE];
      const stateKey = hotPatch ? 'hotpatch-update-state' : ANN_INPLACE_STATE;
      ann[stateKey] = JSON.stringify({ revision: input.updateRevision, updateTimestamp: now, lastContainerStatuses: last });
      if (hotPatch) ann['io.kubernetes.hotpatch.container'] = 'true';
      o.metadata.annotations = ann;
      return o;
    });
    if (updated && !hotPatch && podCondition(updated, INPLACE_READY)?.status !== 'False') {
      store.mutate(
        T.pod,
        updated.metadata.namespace,
        updated.metadata.name!,
        (o) => {
          setCondition((o.status ??= {}), INPLACE_READY, 'False', now, 'StartInPlaceUpdate');
          recomputeReady(o, now);
          return o;
        },
        { subresource: 'status' },
      );
    }
  }
}
