// Plans for the pod actions operators expect beside rollouts (issue 12): delete a pod (its controller
// recreates it) and open a shell in it (kubectl exec, run by the front end with the console
// suspended). Planned like every other action: the same card, access review, confirmation and audit
// (an Event on the pod and the local log line; no annotation on a pod about to go away). Pure.
import { t } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import { deny, headline, named, ok } from './plan/common.js';
import type { Plan, PlanResult } from './plan/types.js';
import { pod as podSpec, readPod } from './pod.js';
import { isRecord } from './shared/read-util.js';

/** Controllers that bring a deleted pod back under the same name (a stable ordinal identity; Kruise's Advanced StatefulSet too). */
const SAME_NAME = new Set(['StatefulSet', 'GameStatefulSet']);
/** Controllers that replace a deleted pod with a new one of a new name. */
const NEW_NAME = new Set(['ReplicaSet', 'GameDeployment', 'DaemonSet', 'CloneSet']);

/** The pod as plans name it ("Pod ns/name on cluster"). */
function podOf(cluster: string, obj: KubeObject) {
  return { kind: 'Pod', namespace: obj.metadata.namespace ?? '', name: obj.metadata.name ?? '', cluster };
}

function where(cluster: string, obj: KubeObject): string {
  return named(podOf(cluster, obj));
}

/** What happens to the pod after the delete, by its controller: [line, warnings, needs --force]. */
function afterDelete(obj: KubeObject): { line: string; warnings: string[]; force: boolean } {
  const ctrl = (obj.metadata.ownerReferences ?? []).find((r) => isRecord(r) && r.controller === true);
  if (!ctrl)
    return {
      line: t('plans.pod.noController'),
      warnings: [t('plans.pod.goneForGood')],
      force: true,
    };
  const c = `${ctrl.kind}/${ctrl.name}`;
  if (SAME_NAME.has(ctrl.kind)) return { line: t('plans.pod.sameName', { controller: c }), warnings: [], force: false };
  if (NEW_NAME.has(ctrl.kind)) return { line: t('plans.pod.newName', { controller: c }), warnings: [], force: false };
  if (ctrl.kind === 'Job')
    return {
      line: t('plans.pod.job', { controller: c }),
      warnings: [t('plans.pod.jobWarning')],
      force: true,
    };
  if (ctrl.kind === 'Node') return { line: t('plans.pod.static'), warnings: [], force: false };
  return {
    line: t('plans.pod.expected', { controller: c }),
    warnings: [t('plans.pod.unknownController', { kind: String(ctrl.kind) })],
    force: false,
  };
}

function podPlan(
  cluster: string,
  obj: KubeObject,
  action: 'delete-pod' | 'shell',
  head: { summary: string; record: string },
  details: string[],
  warnings: string[],
): Plan {
  const type = podSpec.type;
  const ns = obj.metadata.namespace ?? '';
  const name = obj.metadata.name ?? '';
  const p = readPod(cluster, obj);
  return {
    action,
    primary: { cluster, type, namespace: ns, name },
    preconditions: { resourceVersion: obj.metadata.resourceVersion ?? '', ...(obj.metadata.uid ? { uid: obj.metadata.uid } : {}) },
    steps: [],
    summary: head.summary,
    record: head.record,
    details,
    card: {
      cluster,
      namespace: ns,
      kind: 'Pod',
      name,
      ...(p.owner ? { owner: `${p.owner.kind}/${p.owner.name}` } : {}),
      percentUpdated: t(p.node ? 'plans.pod.stateOnNode' : 'plans.pod.state', {
        phase: p.phase,
        ready: p.ready ? 'yes' : 'no',
        restarts: p.restarts,
        node: p.node ?? '',
      }),
    },
    warnings,
    access: [],
    noAnnotation: true,
  };
}

/** Delete one pod; the DeleteOptions carry its uid, so a pod recreated under the same name since is left alone. */
export function planDeletePod(cluster: string, obj: KubeObject, opts: { gracePeriodSeconds?: number } = {}): PlanResult {
  if (obj.kind !== 'Pod') return deny(t('plans.pod.notAPodDelete', { kind: obj.kind ?? 'object', name: obj.metadata.name ?? '', cluster }));
  if (obj.metadata.deletionTimestamp)
    return deny(t('plans.pod.beingDeleted', { what: where(cluster, obj), since: String(obj.metadata.deletionTimestamp) }));
  const after = afterDelete(obj);
  const details = [after.line];
  if (opts.gracePeriodSeconds !== undefined) details.push(t('plans.pod.grace', { seconds: opts.gracePeriodSeconds }));
  const plan = podPlan(cluster, obj, 'delete-pod', headline(podOf(cluster, obj), 'plans.head.deletePod'), details, after.warnings);
  const body = {
    preconditions: { uid: obj.metadata.uid },
    ...(opts.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: opts.gracePeriodSeconds } : {}),
  };
  plan.steps = [
    {
      target: plan.primary,
      verb: 'delete',
      patchType: 'merge',
      body,
      describe: t('plans.pod.deleteWrite', { uid: obj.metadata.uid ?? '?' }),
    },
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
  if (obj.kind !== 'Pod') return deny(t('plans.pod.notAPodShell', { kind: obj.kind ?? 'object', name: obj.metadata.name ?? '' }));
  const names = podContainers(obj);
  const c = container ?? names[0];
  if (!c || !names.includes(c))
    return deny(
      t('plans.pod.shellRefused', {
        what: where(cluster, obj),
        reason: t('plans.pod.noContainer', { container: container ?? '', names: names.join(', ') || t('plans.pod.none') }),
      }),
    );
  const p = readPod(cluster, obj);
  if (p.phase !== 'Running')
    return deny(t('plans.pod.shellRefused', { what: where(cluster, obj), reason: t('plans.pod.notRunning', { phase: p.phase }) }));
  const vars: Record<string, string> = {
    namespace: obj.metadata.namespace ?? '',
    pod: obj.metadata.name ?? '',
    container: c,
    context: cluster,
  };
  const command = template.map((a) => a.replace(/\{(namespace|pod|container|context)\}/g, (_m, k: string) => vars[k]));
  const head = headline(podOf(cluster, obj), 'plans.head.shell', { container: c });
  const plan = podPlan(cluster, obj, 'shell', head, [t('plans.pod.run', { command: command.join(' ') })], []);
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
