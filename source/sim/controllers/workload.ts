// GameDeployment / GameStatefulSet controller (2022 bk-bcs behaviour, research/crds.md §1.2-§1.8):
// revisions, canary step hook runs, pod sync, status via the status subresource and the
// controller-owned spec.updateStrategy.paused / retry flags via a patch of the main resource.
import type { KubeObject, ResourceType } from '../../kube/object.js';
import { stableJson } from '../rand.js';
import { T, clone, controllerOf, jsonEqual, LABEL_HOOK_REVISION, LABEL_HOOK_TYPE, LABEL_REVISION_HASH } from './kinds.js';
import { keyOf, splitKey, type ControllerHandle, type ControllerRuntime, type OwnerIndex } from './runtime.js';
import { currentStep, stepHash, updateCanaryStatus, PAUSE_HOOK, type WorkloadKindName } from './canary.js';
import { ensureRevision, isRunningAndReady, selectorString } from './template.js';
import { CANCEL_HOOKRUN, createStepHookRun, hookCompleted } from './hooks.js';
import { PodSyncer } from './workload-pods.js';

export class WorkloadController {
  readonly type: ResourceType;
  private h: ControllerHandle;
  private pods: OwnerIndex;
  private revs: OwnerIndex;
  private hooks: OwnerIndex;
  private syncer: PodSyncer;

  constructor(
    private rt: ControllerRuntime,
    readonly kind: WorkloadKindName,
  ) {
    this.type = kind === 'GameDeployment' ? T.gameDeployment : T.gameStatefulSet;
    this.pods = rt.index(T.pod);
    this.revs = rt.index(T.controllerRevision);
    this.hooks = rt.index(T.hookRun);
    this.syncer = new PodSyncer(rt);
    this.h = rt.addController(kind, (key) => this.reconcile(key));
    rt.watch(this.type, (e) => {
      if (e.type !== 'DELETED') this.h.enqueue(keyOf(e.object));
    });
    const byOwner = (o: KubeObject) => {
      const c = controllerOf(o);
      if (c?.kind === kind) this.h.enqueue(`${o.metadata.namespace ?? ''}/${c.name}`);
    };
    rt.watch(T.pod, (e) => byOwner(e.object));
    rt.watch(T.hookRun, (e) => byOwner(e.object));
  }

  enqueueAll(): void {
    for (const w of this.rt.store.list(this.type).items) this.h.enqueue(keyOf(w));
  }

  reconcile(key: string): number | void {
    const [ns, name] = splitKey(key);
    const store = this.rt.store;
    const w = store.get(this.type, ns, name);
    if (!w || w.metadata.deletionTimestamp) return;
    const uid = w.metadata.uid!;
    const now = this.rt.clock.now();
    const iso = (ms: number) => this.rt.clock.iso(ms);
    const revisions = ensureRevision(store, w, this.revs.owned(uid));
    const updateRevision = revisions.update.metadata.name!;
    let pods = this.pods.owned(uid);
    const hookRuns = this.hooks.owned(uid);
    const old = w.status ?? {};
    const currentRevision =
      old.currentRevision && revisions.all.some((r) => r.metadata.name === old.currentRevision) ? old.currentRevision : updateRevision;

    const newStatus: any = {
      observedGeneration: w.metadata.generation,
      replicas: 0,
      readyReplicas: 0,
      updatedReplicas: 0,
      updatedReadyReplicas: 0,
      currentRevision,
      updateRevision,
      collisionCount: revisions.collisionCount,
      labelSelector: selectorString(w),
      canary: { revision: old.canary?.revision ?? '', currentStepHookRun: old.canary?.currentStepHookRun },
      preDeleteHookCondition: clone(old.preDeleteHookCondition),
      preInplaceHookCondition: clone(old.preInplaceHookCondition),
      postInplaceHookCondition: clone(old.postInplaceHookCondition),
    };
    const pauseReasons: string[] = [];
    let stepHookPhase: string | undefined;
    let requeueMs: number | undefined;
    let failedUpdate: { reason: string; message: string } | undefined;

    const revisionChanged = !!old.updateRevision && old.updateRevision !== updateRevision;
    const stepHashChanged = !!old.currentStepHash && !!w.spec?.updateStrategy?.canary && old.currentStepHash !== stepHash(w);
    if (!revisionChanged && !stepHashChanged) {
      // reconcileHookRuns
      const stepRun = this.reconcileStepHookRun(w, hookRuns, updateRevision, pauseReasons);
      stepHookPhase = stepRun?.status?.phase;
      newStatus.canary.currentStepHookRun = stepRun?.metadata.name;
      if (!pauseReasons.length) {
        const r = this.syncer.sync({
          kind: this.kind,
          w,
          pods,
          hookRuns,
          revisions: revisions.all,
          updateRevision,
          currentRevision,
          newStatus,
        });
        requeueMs = r.requeueMs;
        failedUpdate = r.failedUpdate;
        pods = this.pods.owned(uid);
      }
    }
    // base status counts
    for (const p of pods) {
      const ready = isRunningAndReady(p);
      const updated = p.metadata.labels?.[LABEL_REVISION_HASH] === updateRevision;
      newStatus.replicas++;
      if (ready) newStatus.readyReplicas++;
      if (updated) newStatus.updatedReplicas++;
      if (updated && ready) newStatus.updatedReadyReplicas++;
    }
    if (this.kind === 'GameDeployment') newStatus.availableReplicas = newStatus.readyReplicas;
    const replicas = typeof w.spec?.replicas === 'number' ? w.spec.replicas : 1;
    if (newStatus.updatedReplicas === replicas && newStatus.replicas === replicas) newStatus.currentRevision = updateRevision;
    if (this.kind === 'GameStatefulSet') {
      newStatus.currentReplicas = pods.filter((p) => p.metadata.labels?.[LABEL_REVISION_HASH] === newStatus.currentRevision).length;
    }
    if (failedUpdate) {
      const prev = (old.conditions as any[] | undefined)?.find((c) => c.type === 'FailedUpdate' && c.message === failedUpdate!.message);
      newStatus.conditions = [
        {
          type: 'FailedUpdate',
          status: 'True',
          lastTransitionTime: prev?.lastTransitionTime ?? iso(now),
          reason: failedUpdate.reason,
          message: failedUpdate.message,
        },
      ];
    }
    // A pre-inplace hook condition only matters while its pod still waits for the update revision
    // (after a rollback to the pod's own revision there is nothing left to update in place).
    if (newStatus.preInplaceHookCondition?.length) {
      const waiting = new Set(pods.filter((p) => p.metadata.labels?.[LABEL_REVISION_HASH] !== updateRevision).map((p) => p.metadata.name));
      newStatus.preInplaceHookCondition = newStatus.preInplaceHookCondition.filter((c: { podName?: string }) => waiting.has(c.podName));
    }
    for (const k of ['preDeleteHookCondition', 'preInplaceHookCondition', 'postInplaceHookCondition']) {
      if (!newStatus[k]?.length) delete newStatus[k];
    }

    const result = updateCanaryStatus({ kind: this.kind, w, newStatus, stepHookPhase, pauseReasons, now, iso });
    if (result.requeueMs !== undefined) requeueMs = requeueMs === undefined ? result.requeueMs : Math.min(requeueMs, result.requeueMs);
    this.writeSpec(w, result.paused);
    this.writeStatus(w, result.status);
    // the step advanced or reset: reconcile again to act on the new step
    if (result.status.currentStepIndex !== old.currentStepIndex || revisionChanged || stepHashChanged) this.h.enqueue(key);
    return requeueMs;
  }

  /** reconcileStepHookRun + cancel/delete of other step HookRuns. */
  private reconcileStepHookRun(
    w: KubeObject,
    hookRuns: KubeObject[],
    updateRevision: string,
    pauseReasons: string[],
  ): KubeObject | undefined {
    const store = this.rt.store;
    const stepRuns = hookRuns.filter((h) => h.metadata.labels?.[LABEL_HOOK_TYPE] === 'canary-step');
    let current = stepRuns.find((h) => h.metadata.name === w.status?.canary?.currentStepHookRun);
    const hasCanary = !!w.spec?.updateStrategy?.canary && !!w.status?.canary?.revision;
    if (hasCanary) {
      const { step, index } = currentStep(w);
      if ((w.status?.pauseConditions as any[] | undefined)?.length) {
        // keep the current run while paused
      } else if (!step?.hook || index === undefined) {
        current = undefined;
      } else if (!current) {
        const hostIP = `10.0.0.1`;
        current = createStepHookRun(store, w, step.hook, index, updateRevision, hostIP);
      } else if (['Inconclusive', 'Error', 'Failed'].includes(current.status?.phase)) {
        pauseReasons.push(PAUSE_HOOK);
      }
    } else current = undefined;
    for (const hr of stepRuns) {
      if (hr === current || hr.metadata.name === current?.metadata.name) continue;
      if (!hr.spec?.terminate && !hookCompleted(hr)) {
        store.mutate(T.hookRun, hr.metadata.namespace, hr.metadata.name!, (o) => {
          o.spec = { ...(o.spec ?? {}), ...CANCEL_HOOKRUN.spec };
          return o;
        });
      }
      if (hr.metadata.labels?.[LABEL_HOOK_REVISION] !== updateRevision) store.delete(T.hookRun, hr.metadata.namespace, hr.metadata.name!);
    }
    return current;
  }

  /** Merge patch of the main resource: spec.updateStrategy.paused and the retry flags. */
  private writeSpec(w: KubeObject, paused: boolean): void {
    const retry = ['preDeleteUpdateStrategy', 'preInplaceUpdateStrategy', 'postInplaceUpdateStrategy'].filter(
      (k) => w.spec?.[k]?.retry === true,
    );
    if ((w.spec?.updateStrategy?.paused === true) === paused && retry.length === 0) return;
    this.rt.store.mutate(this.type, w.metadata.namespace, w.metadata.name!, (o) => {
      const spec = (o.spec ??= {});
      const before = stableJson(spec);
      spec.updateStrategy = { ...(spec.updateStrategy ?? {}), paused };
      for (const k of retry) if (spec[k]) spec[k] = { ...spec[k], retry: false };
      return stableJson(spec) === before ? undefined : o;
    });
  }

  private writeStatus(w: KubeObject, status: any): void {
    if (status.canary && !status.canary.currentStepHookRun) delete status.canary.currentStepHookRun;
    if (jsonEqual(status, w.status ?? {})) return;
    const clean = JSON.parse(JSON.stringify(status));
    // a status-subresource write of the current version (no deep copy of the whole object as mutate makes)
    const store = this.rt.store;
    const cur = store.get(this.type, w.metadata.namespace, w.metadata.name!);
    if (!cur || jsonEqual(cur.status ?? {}, clean)) return;
    store.update(this.type, { ...cur, status: clean }, { subresource: 'status' });
  }
}
