// Building blocks shared by the per-kind planners. Pure: every input comes in as an argument.
import { type MessageKey, type MessageValues, t, tEn } from '../../i18n/t.js';
import type { KubeObject, ResourceType } from '../../kube/object.js';
import type { HookRunInfo, WorkloadInfo } from '../../model/types.js';
import type { WorkloadKind } from '../../model/workload-kinds.js';
import type { ActionName } from '../../model/action-types.js';
import type { ReadContext } from '../shared/context.js';
import { formatHold, HOLD_ANNOTATION } from '../shared/hold.js';
import { isRecord } from '../shared/read-util.js';
import type { Plan, PlanResult } from './types.js';

export type Intent =
  | { action: 'approve' }
  | { action: 'reject' }
  | { action: 'skip-hook' }
  | { action: 'retry-hooks' }
  | {
      action: 'hotupdate';
      container: string;
      image: string;
      /** bk-bcs / StatefulSet: partition to set with the image. */ partition?: number;
      /**
       * A resume of a batch that had reached this target's wave: a change already live where the plan
       * would write it (written before an interruption, its audit record lost) is recorded, not refused
       * or written again (plan/resume.ts). `since`: when the batch started, as its earliest record says.
       */
      resumed?: { since?: string };
    }
  | { action: 'hold' }
  | { action: 'release' }
  | { action: 'restart' };

/** The kind a planner plans for, from its KindSpec: model name, wire type and reader. */
export interface PlannedKind<K extends WorkloadKind = WorkloadKind> {
  kind: K;
  type: ResourceType;
  read: (cluster: string, obj: KubeObject, ctx?: ReadContext) => WorkloadInfo;
}

export interface PlanInput {
  cluster: string;
  /** The object as the operator saw it (its resourceVersion becomes the precondition). */
  obj: KubeObject;
  /** Epoch ms, recorded in the hold annotation. */
  now?: number;
  /** Who acts (user / context), recorded in the hold annotation. */
  by?: string;
  /** HookRuns of the cluster (bk-bcs skip-hook needs the step hook run). */
  hookRuns?: readonly HookRunInfo[];
  /** ControllerRevisions / ReplicaSets owned by the workload (reject restores one of them). */
  revisions?: readonly KubeObject[];
  /** The workload a Rollout drives (Argo workloadRef / Kruise) for hotupdate and reject. */
  workloadObj?: KubeObject;
  /**
   * The owner object where the truth lives: the GameZone that generates the workload, or the kubefed
   * host's Federated<Kind> (then `ownerCluster` is the host's context).
   */
  ownerObj?: KubeObject;
  ownerCluster?: string;
  utc?: boolean;
}

/** A workload's ResourceType from apiVersion + kind (for workloadRef targets outside the table). */
export function typeFromRef(apiVersion: string, kind: string): ResourceType {
  const slash = apiVersion.indexOf('/');
  const group = slash >= 0 ? apiVersion.slice(0, slash) : '';
  const version = slash >= 0 ? apiVersion.slice(slash + 1) : apiVersion;
  return { group, version, resource: `${kind.toLowerCase()}s`, kind, namespaced: true };
}

export function deny(reason: string): PlanResult {
  return { ok: false, reason };
}

export function ok(plan: Plan): PlanResult {
  return { ok: true, plan };
}

/** The action's availability as the read side computed it; a plan is only made when possible. */
export function availability(w: WorkloadInfo, action: ActionName): { possible: boolean; reason?: string } {
  if (w.invalid) return { possible: false, reason: t('plans.common.invalid', { reason: w.invalid }) };
  return (
    w.rollout.actions.find((a) => a.action === action) ?? {
      possible: false,
      reason: t('plans.common.unsupported', { action, kind: w.kind }),
    }
  );
}

/** What names an object in a plan: a workload, or a pod. */
interface Named {
  kind: string;
  namespace: string;
  name: string;
  cluster: string;
}

/** "GameDeployment games/game-1 on shanghai", in English whatever the run speaks (records, and the
 * planners of other areas that build English headlines from it). */
export function what(w: Named): string {
  return tEn('plans.common.what', { kind: w.kind, namespace: w.namespace, name: w.name, cluster: w.cluster });
}

/** The object as a person reads it, in the run's language (refusals, detail lines). */
export function named(w: Named): string {
  return t('plans.common.what', { kind: w.kind, namespace: w.namespace, name: w.name, cluster: w.cluster });
}

/** A plan's headline `key` (with `{what}` the object) in the run's language, and in English for the record. */
export function headline(w: Named, key: MessageKey, values: MessageValues = {}): { summary: string; record: string } {
  return { summary: t(key, { ...values, what: named(w) }), record: tEn(key, { ...values, what: what(w) }) };
}

/** How refusals name an action: "cannot approve X: why" (English keeps the action's own word). */
export const VERBS: Record<ActionName, MessageKey> = {
  approve: 'plans.verb.approve',
  reject: 'plans.verb.reject',
  'skip-hook': 'plans.verb.skipHook',
  'retry-hooks': 'plans.verb.retryHooks',
  hotupdate: 'plans.verb.hotupdate',
  hold: 'plans.verb.hold',
  release: 'plans.verb.release',
  restart: 'plans.verb.restart',
  'delete-pod': 'plans.verb.deletePod',
  shell: 'plans.verb.shell',
};

/** The refusal "cannot <verb> <object>: <reason>"; `verb` an action, or a key for another wording. */
export function refuse(verb: ActionName | MessageKey, w: Named, reason: string): PlanResult {
  const key = verb in VERBS ? VERBS[verb as ActionName] : (verb as MessageKey);
  return deny(t('plans.common.cannot', { verb: t(key), what: named(w), reason }));
}

/** Merge patch with the resourceVersion precondition embedded. */
export function mergeBody(rv: string, rest: Record<string, unknown>, metadata: Record<string, unknown> = {}): Record<string, unknown> {
  const md = rv ? { resourceVersion: rv, ...metadata } : metadata;
  return Object.keys(md).length ? { metadata: md, ...rest } : rest;
}

/** JSON patch ops with a leading resourceVersion test. */
export function jsonBody(rv: string, ops: unknown[]): unknown[] {
  return rv ? [{ op: 'test', path: '/metadata/resourceVersion', value: rv }, ...ops] : ops;
}

export function holdAnnotation(previous: number | string | boolean | null, input: PlanInput, on?: 'step'): Record<string, string> {
  return {
    [HOLD_ANNOTATION]: formatHold({
      previous,
      ...(on ? { on } : {}),
      ...(input.now !== undefined ? { at: new Date(input.now).toISOString() } : {}),
      ...(input.by ? { by: input.by } : {}),
    }),
  };
}

export function releaseAnnotation(): Record<string, null> {
  return { [HOLD_ANNOTATION]: null };
}

/**
 * JSON patch ops that change one container's image in a pod template at `templatePath`
 * (e.g. "/spec/template"), guarded by a test of the old value. Errors as a string.
 */
export function imageOps(
  obj: KubeObject,
  templatePath: string,
  container: string,
  image: string,
  /** The plan also moves a partition: the same image is then "keep it" (no ops), not an error. */
  movesPartition = false,
): { ops: unknown[]; index: number; old: string } | string {
  const segs = templatePath.split('/').filter(Boolean);
  let cur: unknown = obj;
  for (const s of segs) cur = isRecord(cur) ? cur[s] : undefined;
  const containers = isRecord(cur) && isRecord(cur.spec) && Array.isArray(cur.spec.containers) ? cur.spec.containers : undefined;
  if (!containers) return t('plans.image.noContainers', { path: `${templatePath}/spec/containers` });
  const index = containers.findIndex((c) => isRecord(c) && c.name === container);
  if (index < 0) {
    const names = containers
      .filter(isRecord)
      .map((c) => String(c.name))
      .join(', ');
    return t('plans.image.noSuchContainer', { container, names });
  }
  const old = (containers[index] as Record<string, unknown>).image;
  if (typeof old !== 'string') return t('plans.image.noImage', { container });
  if (old === image) return movesPartition ? { ops: [], index, old } : t('plans.image.alreadyRuns', { container, image });
  const path = `${templatePath}/spec/containers/${index}/image`;
  return {
    ops: [
      { op: 'test', path, value: old },
      { op: 'replace', path, value: image },
    ],
    index,
    old,
  };
}

/** JSON patch op setting a StatefulSet-style spec.updateStrategy.rollingUpdate.partition (creating rollingUpdate when absent). */
export function rollingPartitionOp(obj: KubeObject, partition: number): { op: 'add'; path: string; value: unknown } {
  const hasRolling = isRecord(obj.spec?.updateStrategy) && isRecord(obj.spec.updateStrategy.rollingUpdate);
  return hasRolling
    ? { op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: partition }
    : { op: 'add', path: '/spec/updateStrategy/rollingUpdate', value: { partition } };
}

/** The workload a Rollout drives (workloadRef) as loaded into the input; why not, as a string. */
export function refWorkload(w: WorkloadInfo, input: PlanInput): KubeObject | string {
  const ref = w.workloadRef;
  if (!ref) return t('plans.ref.none');
  const o = input.workloadObj;
  if (!o) return t('plans.ref.notLoaded', { kind: ref.kind, name: ref.name });
  if (o.kind !== ref.kind || o.metadata?.name !== ref.name) return t('plans.ref.mismatch', { kind: ref.kind, name: ref.name });
  return o;
}

/** Pod template stored in a ControllerRevision (data.spec.template) or a ReplicaSet (spec.template). */
export function templateOfRevision(rev: KubeObject): Record<string, unknown> | undefined {
  const data = isRecord(rev.data) ? rev.data : undefined;
  const fromCr = data && isRecord(data.spec) && isRecord(data.spec.template) ? data.spec.template : undefined;
  const fromRs = isRecord(rev.spec) && isRecord(rev.spec.template) ? (rev.spec.template as Record<string, unknown>) : undefined;
  const t = fromCr ?? fromRs;
  if (!t) return undefined;
  const copy: Record<string, unknown> = structuredClone(t);
  delete copy.$patch; // a strategic-merge directive; meaningless in a JSON patch value
  // ReplicaSet templates carry the hash label the Deployment controller adds itself.
  if (fromRs && isRecord(copy.metadata) && isRecord(copy.metadata.labels))
    delete (copy.metadata.labels as Record<string, unknown>)['pod-template-hash'];
  return copy;
}

/** "main: r/s:0.2.0 -> r/s:0.1.0" lines between two pod templates. */
export function imageChanges(from: unknown, to: unknown): string[] {
  const list = (t: unknown): Array<[string, string]> => {
    const cs = isRecord(t) && isRecord(t.spec) && Array.isArray(t.spec.containers) ? t.spec.containers : [];
    return cs.filter(isRecord).map((c) => [String(c.name), typeof c.image === 'string' ? c.image : '']);
  };
  const a = new Map(list(from));
  const out: string[] = [];
  for (const [name, img] of list(to)) {
    const prev = a.get(name);
    if (prev !== img) out.push(`${name}: ${prev ?? t('plans.image.none')} -> ${img}`);
  }
  return out;
}
