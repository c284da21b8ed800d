// Plans for the pod actions operators expect beside rollouts (issue 12): delete a pod (its controller
// recreates it) and open a shell in it (kubectl exec, run by the front end with the console
// suspended). Planned like every other action: the same card, access review, confirmation and audit
// (an Event on the pod and the local log line; no annotation on a pod about to go away). Pure.
import type { KubeObject } from '../kube/object.js';
import { deny, ok } from './plan/common.js';
import type { Plan, PlanResult } from './plan/types.js';
import { pod as podSpec, readPod } from './pod.js';
import { isRecord } from './shared/read-util.js';

/** Controllers that bring a deleted pod back under the same name (a stable ordinal identity; Kruise's Advanced StatefulSet too). */
const SAME_NAME = new Set(['StatefulSet', 'GameStatefulSet']);
/** Controllers that replace a deleted pod with a new one of a new name. */
const NEW_NAME = new Set(['ReplicaSet', 'GameDeployment', 'DaemonSet', 'CloneSet']);

function where(cluster: string, obj: KubeObject): string {
  return `Pod ${obj.metadata.namespace ?? ''}/${obj.metadata.name ?? ''} on ${cluster}`;
}

/** What happens to the pod after the delete, by its controller: [line, warnings, needs --force]. */
function afterDelete(obj: KubeObject): { line: string; warnings: string[]; force: boolean } {
  const ctrl = (obj.metadata.ownerReferences ?? []).find((r) => isRecord(r) && r.controller === true);
  if (!ctrl)
    return {
      line: 'no controller owns this pod: nothing recreates it',
      warnings: ['the pod has no controller: it is gone for good once deleted'],
      force: true,
    };
  const c = `${ctrl.kind}/${ctrl.name}`;
  if (SAME_NAME.has(ctrl.kind)) return { line: `${c} recreates it with the same name (and its volumes)`, warnings: [], force: false };
  if (NEW_NAME.has(ctrl.kind)) return { line: `${c} replaces it with a new pod (a new name)`, warnings: [], force: false };
  if (ctrl.kind === 'Job')
    return {
      line: `${c} may start a new pod, per its backoffLimit`,
      warnings: [`a Job's pod: the Job may count it as failed`],
      force: true,
    };
  if (ctrl.kind === 'Node') return { line: 'a static pod: the kubelet recreates it from its manifest', warnings: [], force: false };
  return {
    line: `${c} is expected to recreate it`,
    warnings: [`${ctrl.kind} is a controller zonectl does not know: check it recreates pods`],
    force: false,
  };
}

function podPlan(cluster: string, obj: KubeObject, action: 'delete-pod' | 'shell', summary: string[], warnings: string[]): Plan {
  const t = podSpec.type;
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name ?? '';
  const p = readPod(cluster, obj);
  return {
    action,
    primary: { cluster, type: t, namespace: ns, name },
    preconditions: { resourceVersion: obj.metadata.resourceVersion ?? '', ...(obj.metadata.uid ? { uid: obj.metadata.uid } : {}) },
    steps: [],
    summary: summary[0],
    details: summary.slice(1),
    card: {
      cluster,
      namespace: ns,
      kind: 'Pod',
      name,
      ...(p.owner ? { owner: `${p.owner.kind}/${p.owner.name}` } : {}),
      percentUpdated: `${p.phase}${p.ready ? ', ready' : ', not ready'}, ${p.restarts} restart${p.restarts === 1 ? '' : 's'}${p.node ? `, node ${p.node}` : ''}`,
    },
    warnings,
    access: [],
    noAnnotation: true,
  };
}

/** Delete one pod; the DeleteOptions carry its uid, so a pod recreated under the same name since is left alone. */
export function planDeletePod(cluster: string, obj: KubeObject, opts: { gracePeriodSeconds?: number } = {}): PlanResult {
  if (obj.kind !== 'Pod') return deny(`cannot delete ${obj.kind ?? 'object'} ${obj.metadata.name ?? ''} on ${cluster}: not a pod`);
  if (obj.metadata.deletionTimestamp)
    return deny(`cannot delete ${where(cluster, obj)}: already being deleted since ${String(obj.metadata.deletionTimestamp)}`);
  const after = afterDelete(obj);
  const summary = [`delete ${where(cluster, obj)}`, after.line];
  if (opts.gracePeriodSeconds !== undefined) summary.push(`grace period ${opts.gracePeriodSeconds}s`);
  const plan = podPlan(cluster, obj, 'delete-pod', summary, after.warnings);
  const body = {
    preconditions: { uid: obj.metadata.uid },
    ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}),
  };
  plan.steps = [
    { target: plan.primary, verb: 'delete', patchType: 'merge', body, describe: `delete (precondition uid ${obj.metadata.uid ?? '?'})` },
  ];
  plan.access = [{ verb: 'delete', group: '', resource: 'pods', namespace: plan.primary.namespace, name: plan.primary.name }];
  if (after.force) plan.requiresForce = true;
  return ok(plan);
}

/** The containers of a pod (spec order): the shell's choices. */
export function podContainers(obj: KubeObject): string[] {
  const cs: unknown = obj.spec?.containers;
  return Array.isArray(cs) ? cs.filter(isRecord).map((c) => String(c.name)) : [];
}

/**
 * Open a shell: `command` is the user's command with {namespace} {pod} {container} {context} filled in
 * (default: kubectl exec -it -n NS POD -c C --context CTX -- sh). Nothing is written; the access review
 * is the exec the command will make.
 */
export function planShell(cluster: string, obj: KubeObject, container: string | undefined, template: readonly string[]): PlanResult {
  if (obj.kind !== 'Pod') return deny(`cannot open a shell in ${obj.kind ?? 'object'} ${obj.metadata.name ?? ''}: not a pod`);
  const names = podContainers(obj);
  const c = container ?? names[0];
  if (!c || !names.includes(c))
    return deny(
      `cannot open a shell in ${where(cluster, obj)}: no container ${container ?? ''} (containers: ${names.join(', ') || 'none'})`,
    );
  const p = readPod(cluster, obj);
  if (p.phase !== 'Running') return deny(`cannot open a shell in ${where(cluster, obj)}: the pod is ${p.phase}, not Running`);
  const vars: Record<string, string> = {
    namespace: obj.metadata.namespace ?? '',
    pod: obj.metadata.name ?? '',
    container: c,
    context: cluster,
  };
  const command = template.map((a) => a.replace(/\{(namespace|pod|container|context)\}/g, (_m, k: string) => vars[k]));
  const plan = podPlan(cluster, obj, 'shell', [`open a shell in ${where(cluster, obj)}, container ${c}`, `run: ${command.join(' ')}`], []);
  plan.exec = { container: c, command };
  const ns = plan.primary.namespace;
  plan.access = [
    { verb: 'get', group: '', resource: 'pods', namespace: ns, name: plan.primary.name },
    { verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace: ns, name: plan.primary.name },
  ];
  return ok(plan);
}

/** kubectl's own exec, as zonectl runs it by default (config: shell.command). */
export const DEFAULT_SHELL = [
  'kubectl',
  'exec',
  '-it',
  '-n',
  '{namespace}',
  '{pod}',
  '-c',
  '{container}',
  '--context',
  '{context}',
  '--',
  'sh',
];
