// Pod-level hooks of GameDeployment / GameStatefulSet (pre-delete, pre-inplace, post-inplace): the
// HookRun a pod waits on before it is deleted or updated, and its condition in the workload's status.
// Apart from workload-pods.ts because scale, rolling update and in-place update all gate on them.
import type { ControllerRuntime } from './runtime.js';
import { T } from './kinds.js';
import { createPodHookRun, hookCompleted, podHookRunName, POD_HOOK, type PodHookKind } from './hooks.js';
import { instanceIdOf, type PodSyncInput } from './workload-pod-state.js';
import type { KubeObject } from '../../kube/object.js';

/** Drop hook conditions of pods that are gone. */
export function truncateHookConditions({ newStatus, pods }: PodSyncInput): void {
  const names = new Set(pods.map((p) => p.metadata.name));
  for (const k of Object.values(POD_HOOK)) {
    const list = newStatus[k.cond] as any[] | undefined;
    if (list) newStatus[k.cond] = list.filter((c) => names.has(c.podName));
  }
}

/** spec.<x>UpdateStrategy.retry: delete completed, unsuccessful pod HookRuns (they get recreated). */
export function retryHooks(rt: ControllerRuntime, { w, hookRuns }: PodSyncInput): boolean {
  let retried = false;
  for (const kind of ['preDelete', 'preInplace', 'postInplace'] as PodHookKind[]) {
    if (!w.spec?.[`${kind}UpdateStrategy`]?.retry) continue;
    retried = true;
    for (const hr of hookRuns) {
      if (hr.metadata.labels?.['hookrun-type'] !== POD_HOOK[kind].type) continue;
      if (hookCompleted(hr) && hr.status?.phase !== 'Successful') rt.store.delete(T.hookRun, hr.metadata.namespace, hr.metadata.name!);
    }
  }
  return retried;
}

/** Run (or check) a pod-level hook. Returns true when the pod may proceed. */
export function podHook(rt: ControllerRuntime, input: PodSyncInput, kind: PodHookKind, pod: KubeObject, modified?: string): boolean {
  const hook = input.w.spec?.[`${kind}UpdateStrategy`]?.hook;
  if (!hook?.templateName) return true;
  const id = instanceIdOf(input.kind, pod);
  const name = podHookRunName(kind, pod, id, hook.templateName);
  let hr = input.hookRuns.find((h) => h.metadata.name === name);
  if (!hr) {
    hr = createPodHookRun(rt.store, input.w, kind, pod, id, hook, modified);
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
  else list.push({ podName: pod.metadata.name, startTime: hr.status?.startedAt ?? hr.metadata.creationTimestamp ?? rt.clock.iso(), phase });
  return false;
}
