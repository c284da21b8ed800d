// What the executor and --wait see of an object: the workload model (via the kinds' readers) and
// the fields the plan preconditions name (resourceVersion, step index, update revision, hook run),
// as the object's kind spec reads them (`preconditions`; raw status fields for other kinds).
import { t } from '../i18n/t.js';
import type { PlanPreconditions } from '../kinds/plan/types.js';
import { knownKindOf, specOfType, workloadSpecOfType } from '../kinds/registry.js';
import { parseHold } from '../kinds/shared/hold.js';
import { hookCompleted } from '../kinds/shared/hook-phase.js';
import { type PreconditionFields, rawStatusFields } from '../kinds/shared/observe.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { apiVersionOf } from '../kube/object.js';
import type { HookRunInfo, WorkloadInfo } from '../model/types.js';

export function modelKind(type: ResourceType): string | undefined {
  return knownKindOf(apiVersionOf(type), type.kind);
}

/** The workload model of an object, or undefined when the kind is not a workload zonectl reads. */
export function readWorkloadObject(
  cluster: string,
  type: ResourceType,
  obj: KubeObject,
  hookRuns?: readonly HookRunInfo[],
): WorkloadInfo | undefined {
  return workloadSpecOfType(type)?.read(cluster, obj, { hookRuns });
}

export interface Observed extends PreconditionFields {
  resourceVersion: string;
  uid?: string;
  generation?: number;
  /** zonectl's hold annotation is on the object now. */
  held?: boolean;
}

/** The precondition fields of an object as it is now. */
export function observe(cluster: string, type: ResourceType, obj: KubeObject): Observed {
  const spec = specOfType(type);
  const fields = spec && 'preconditions' in spec && spec.preconditions ? spec.preconditions(cluster, obj) : rawStatusFields(obj);
  const out: Observed = {
    resourceVersion: obj.metadata.resourceVersion ?? '',
    held: parseHold(obj.metadata.annotations) !== undefined,
    ...fields,
  };
  if (typeof obj.metadata.generation === 'number') out.generation = obj.metadata.generation;
  if (obj.metadata.uid) out.uid = obj.metadata.uid;
  return out;
}

const none = () => t('actions.changed.none');

/** Human lines for what changed between the plan's preconditions and the object now; empty = unchanged. */
export function compareObserved(pre: PlanPreconditions, now: Observed, isHookRun = false): string[] {
  const changes: string[] = [];
  if (pre.stepIndex !== undefined && now.stepIndex !== pre.stepIndex) {
    changes.push(t('actions.changed.stepIndex', { from: pre.stepIndex, to: now.stepIndex ?? none() }));
  }
  if (pre.updateRevision !== undefined && now.updateRevision !== pre.updateRevision) {
    changes.push(t('actions.changed.updateRevision', { from: pre.updateRevision, to: now.updateRevision ?? none() }));
  }
  if (pre.hookRunName !== undefined) {
    if (isHookRun) changes.push(...hookRunGone(pre.hookRunName, now));
    else if (now.hookRunName !== pre.hookRunName)
      changes.push(t('actions.changed.hookRun', { from: pre.hookRunName, to: now.hookRunName ?? none() }));
  }
  // The spec the operator decided on: its generation when the object has one (status writes by the
  // controller do not count), else any change at all.
  if (pre.uid !== undefined) {
    if (now.uid !== pre.uid) changes.push(t('actions.changed.replaced', { from: pre.uid, to: now.uid ?? none() }));
  } else if (pre.generation !== undefined && now.generation !== undefined) {
    if (now.generation !== pre.generation) changes.push(t('actions.changed.generation', { from: pre.generation, to: now.generation }));
  } else if (now.resourceVersion !== pre.resourceVersion) {
    changes.push(t('actions.changed.resourceVersion', { from: pre.resourceVersion, to: now.resourceVersion }));
  }
  if (!pre.held && now.held && !isHookRun) changes.push(t('actions.changed.held'));
  return changes;
}

/** A hook run to be skipped must still be running and not already terminating. */
export function hookRunGone(name: string, now: Observed): string[] {
  if (now.hookRunName && now.hookRunName !== name) return [t('actions.changed.hookRunMoved', { name, now: now.hookRunName })];
  if (hookCompleted(now.hookPhase)) return [t('actions.changed.hookRunFinished', { name, phase: now.hookPhase ?? '' })];
  if (now.hookTerminating) return [t('actions.changed.hookRunTerminating', { name })];
  return [];
}
