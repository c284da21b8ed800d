// HookRun creation for the game workload controllers: canary step runs and pod-level
// pre-delete / pre-inplace / post-inplace runs (research/crds.md §1.5-§1.7).
import type { KubeObject } from '../../kube/object.js';
import type { SimStore } from '../store-api.js';
import { StoreError } from '../store-api.js';
import {
  T,
  TKEX,
  clone,
  ownerRef,
  LABEL_HOOK_INSTANCE,
  LABEL_HOOK_REVISION,
  LABEL_HOOK_STEP,
  LABEL_HOOK_TYPE,
  LABEL_REVISION_HASH,
} from './kinds.js';

export const CANCEL_HOOKRUN = { spec: { terminate: true } };
const COMPLETED = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);
export function hookCompleted(hr: KubeObject | undefined): boolean {
  return !!hr && COMPLETED.has(hr.status?.phase);
}

export type PodHookKind = 'preDelete' | 'preInplace' | 'postInplace';
export const POD_HOOK = {
  preDelete: { prefix: 'predelete', type: 'pre-delete-step', cond: 'preDeleteHookCondition' },
  preInplace: { prefix: 'preinplace', type: 'pre-inplace-step', cond: 'preInplaceHookCondition' },
  postInplace: { prefix: 'postinplace', type: 'post-inplace-step', cond: 'postInplaceHookCondition' },
} as const;

/** commonhookutil.NewHookRunFromTemplate: metrics/policy from the template, args merged. */
export function newHookRun(
  template: KubeObject,
  args: Array<{ name: string; value?: string }>,
  name: string,
  namespace: string,
  labels: Record<string, string>,
  owner: KubeObject,
): KubeObject {
  const merged: Array<{ name: string; value?: string }> = [];
  for (const a of (template.spec?.args as Array<{ name: string; value?: string }> | undefined) ?? []) {
    const given = args.find((x) => x.name === a.name);
    merged.push(given ?? { ...a });
  }
  for (const a of args) if (!merged.some((m) => m.name === a.name)) merged.push(a);
  return {
    apiVersion: TKEX,
    kind: 'HookRun',
    metadata: { name, namespace, labels, ownerReferences: [ownerRef(owner)] },
    spec: {
      metrics: clone(template.spec?.metrics ?? []),
      args: merged,
      ...(template.spec?.policy ? { policy: template.spec.policy } : {}),
    },
  };
}

/** CreateWithCollisionCounter: on a name collision append ".<n>". */
export function createWithCollision(store: SimStore, hr: KubeObject): KubeObject {
  const base = hr.metadata.name!;
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : `${base}.${i}`;
    try {
      return store.create(T.hookRun, { ...hr, metadata: { ...hr.metadata, name } });
    } catch (err) {
      if (err instanceof StoreError && err.code === 409 && i < 100) continue;
      throw err;
    }
  }
}

function getTemplate(store: SimStore, ns: string, name: string, w: KubeObject): KubeObject {
  const t = store.get(T.hookTemplate, ns, name);
  if (!t) throw new Error(`HookTemplate '${name}' not found for ${w.kind} ${ns}/${w.metadata.name}`);
  return t;
}

export function createStepHookRun(store: SimStore, w: KubeObject, hook: any, index: number, revision: string, hostIP: string): KubeObject {
  const ns = w.metadata.namespace!;
  const template = getTemplate(store, ns, hook.templateName, w);
  const args = [
    ...((hook.args as Array<{ name: string; value: string }>) ?? []).map((a) => ({ name: a.name, value: a.value })),
    { name: 'HostIP', value: hostIP },
  ];
  const labels = { [LABEL_HOOK_REVISION]: revision, [LABEL_HOOK_TYPE]: 'canary-step', [LABEL_HOOK_STEP]: String(index) };
  const name = `canary-${revision}-${index}-${hook.templateName}`;
  return createWithCollision(store, newHookRun(template, args, name, ns, labels, w));
}

export function podHookRunName(kind: PodHookKind, pod: KubeObject, instanceId: string, templateName: string): string {
  return `${POD_HOOK[kind].prefix}-${pod.metadata.labels?.[LABEL_REVISION_HASH] ?? ''}-${instanceId}-${templateName}`;
}

export function createPodHookRun(
  store: SimStore,
  w: KubeObject,
  kind: PodHookKind,
  pod: KubeObject,
  instanceId: string,
  hook: any,
  modified?: string,
): KubeObject {
  const ns = w.metadata.namespace!;
  const template = getTemplate(store, ns, hook.templateName, w);
  const containers = (pod.spec?.containers as any[] | undefined) ?? [];
  const args = [
    ...((hook.args as Array<{ name: string; value: string }>) ?? []).map((a) => ({ name: a.name, value: a.value })),
    { name: 'PodName', value: pod.metadata.name },
    { name: 'PodNamespace', value: ns },
    { name: 'PodIP', value: pod.status?.podIP ?? '' },
    { name: 'HostIP', value: pod.status?.hostIP ?? '' },
    ...containers.map((c, i) => ({ name: `PodContainer[${i}]`, value: c.name as string })),
    ...(modified ? [{ name: 'ModifiedContainer', value: modified }] : []),
  ];
  const labels = {
    [LABEL_HOOK_TYPE]: POD_HOOK[kind].type,
    [LABEL_HOOK_REVISION]: pod.metadata.labels?.[LABEL_REVISION_HASH] ?? '',
    [LABEL_HOOK_INSTANCE]: instanceId,
  };
  const name = podHookRunName(kind, pod, instanceId, hook.templateName);
  return store.create(T.hookRun, newHookRun(template, args, name, ns, labels, w));
}
