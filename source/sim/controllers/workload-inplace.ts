// In-place update of GameDeployment / GameStatefulSet pods (InplaceUpdate, HotPatchUpdate): swap the
// container images of one pod (after its pre-inplace hook and grace period), then mark it ready again
// once the kubelet restarted the containers on the new image. Apart from workload-pods.ts (which
// picks the pods to update) because it is one strategy with its own annotations and conditions.
import type { KubeObject } from '../../kube/object.js';
import type { ControllerRuntime } from './runtime.js';
import { stableJson } from '../rand.js';
import { T, LABEL_REVISION_HASH, clone } from './kinds.js';
import { INPLACE_READY, podCondition, writeInPlaceReady } from './template.js';
import { podHook } from './workload-pod-hooks.js';
import { ANN_INPLACE_GRACE, ANN_INPLACE_STATE, revOf, templateFor, type PodSyncInput, type PodSyncResult } from './workload-pod-state.js';

/** Pods updated in place whose containers restarted with the new image: InPlaceUpdateReady=True. */
export function finishInPlace(rt: ControllerRuntime, input: PodSyncInput): void {
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
    const now = rt.clock.iso();
    const updated = writeInPlaceReady(rt.store, pod, 'True', now);
    if (updated && revOf(updated) === input.updateRevision) podHook(rt, input, 'postInplace', updated);
  }
}

export function updateInPlace(
  rt: ControllerRuntime,
  input: PodSyncInput,
  pod: KubeObject,
  res: PodSyncResult,
  requeue: (ms: number) => void,
  hotPatch: boolean,
): void {
  const oldT = templateFor(input, revOf(pod));
  const newT = templateFor(input, input.updateRevision);
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
  if (!pod.metadata.annotations?.[ANN_INPLACE_GRACE] && !podHook(rt, input, 'preInplace', pod, modified.join(','))) {
    const cond = (input.newStatus.preInplaceHookCondition as any[] | undefined)?.find((c) => c.podName === pod.metadata.name);
    if (cond && ['Failed', 'Error', 'Inconclusive'].includes(cond.phase)) {
      res.failedUpdate = { reason: 'PreInplaceHookFailed', message: `pre-inplace hook of pod ${pod.metadata.name} is ${cond.phase}` };
    }
    return;
  }
  const store = rt.store;
  const now = rt.clock.iso();
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
      if (p) writeInPlaceReady(store, p, 'False', now, 'StartInPlaceUpdate');
      requeue(grace * 1000 + 1);
      return;
    }
    const since = Date.parse(podCondition(pod, INPLACE_READY)?.lastTransitionTime ?? now);
    const left = since + grace * 1000 - rt.clock.now();
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
    writeInPlaceReady(store, updated, 'False', now, 'StartInPlaceUpdate');
  }
}
