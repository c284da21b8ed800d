// Building blocks shared by the per-kind planners. Pure: every input comes in as an argument.
import type { KubeObject, ResourceType } from '../../kube/object.js';
import type { ActionName, HookRunInfo, WorkloadInfo, WorkloadKind } from '../../model/types.js';
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
  if (w.invalid) return { possible: false, reason: `object is invalid: ${w.invalid}` };
  return w.rollout.actions.find((a) => a.action === action) ?? { possible: false, reason: `${action} is not supported for ${w.kind}` };
}

export function what(w: Pick<WorkloadInfo, 'kind' | 'namespace' | 'name' | 'cluster'>): string {
  return `${w.kind} ${w.namespace}/${w.name} on ${w.cluster}`;
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
  if (!containers) return `no containers at ${templatePath}/spec/containers`;
  const index = containers.findIndex((c) => isRecord(c) && c.name === container);
  if (index < 0) {
    const names = containers
      .filter(isRecord)
      .map((c) => String(c.name))
      .join(', ');
    return `no container named ${container} (containers: ${names})`;
  }
  const old = (containers[index] as Record<string, unknown>).image;
  if (typeof old !== 'string') return `container ${container} has no image`;
  if (old === image) return movesPartition ? { ops: [], index, old } : `container ${container} already runs ${image}`;
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
  if (!ref) return 'no workloadRef';
  const o = input.workloadObj;
  if (!o) return `the referenced ${ref.kind} ${ref.name} is not loaded`;
  if (o.kind !== ref.kind || o.metadata?.name !== ref.name) return `the loaded workload is not ${ref.kind} ${ref.name}`;
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
    if (prev !== img) out.push(`${name}: ${prev ?? '(none)'} -> ${img}`);
  }
  return out;
}
