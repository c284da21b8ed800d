// What the executor and --wait see of an object: the workload model (via the kinds' readers) and
// the fields the plan preconditions name (resourceVersion, step index, update revision, hook run).
import { hookCompleted, readHookRun } from '../kinds/hookrun.js';
import { knownKindOf } from '../kinds/registry.js';
import type { PlanPreconditions } from '../kinds/plan/types.js';
import { WORKLOAD_READERS } from '../kinds/read.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { apiVersionOf } from '../kube/object.js';
import type { HookRunInfo, WorkloadInfo } from '../model/types.js';

type Reader = (cluster: string, obj: KubeObject, ctx?: { hookRuns?: readonly HookRunInfo[] }) => WorkloadInfo;

const READERS: Partial<Record<string, Reader>> = WORKLOAD_READERS;

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
  const kind = modelKind(type);
  const reader = kind ? READERS[kind] : undefined;
  return reader ? reader(cluster, obj, { hookRuns }) : undefined;
}

export interface Observed {
  resourceVersion: string;
  stepIndex?: number;
  updateRevision?: string;
  /** Current step hook run (workload) or the run itself (HookRun primary). */
  hookRunName?: string;
  /** Phase of the HookRun when the object is one. */
  hookPhase?: string;
  hookTerminating?: boolean;
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v ? v : undefined;
}

/** The precondition fields of an object as it is now. */
export function observe(cluster: string, type: ResourceType, obj: KubeObject): Observed {
  const out: Observed = { resourceVersion: obj.metadata.resourceVersion ?? '' };
  const kind = modelKind(type);
  if (kind === 'HookRun') {
    const h = readHookRun(cluster, obj);
    out.hookRunName = h.name;
    out.hookPhase = h.phase;
    out.hookTerminating = h.terminate;
    return out;
  }
  const info = readWorkloadObject(cluster, type, obj);
  if (info && !info.invalid) {
    if (info.rollout.stepIndex !== undefined) out.stepIndex = info.rollout.stepIndex;
    if (info.rollout.updateRevision) out.updateRevision = info.rollout.updateRevision;
    if (info.rollout.hookRunName) out.hookRunName = info.rollout.hookRunName;
    return out;
  }
  // Not a workload zonectl reads, or an invalid one: the raw status fields.
  const st = (obj.status ?? {}) as Record<string, any>;
  if (kind === 'KruiseRollout') {
    const cs = (st.canaryStatus ?? st.blueGreenStatus ?? {}) as Record<string, unknown>;
    const idx = num(cs.currentStepIndex) ?? num(st.currentStepIndex);
    if (idx !== undefined) out.stepIndex = idx;
    const rev = str(cs.podTemplateHash) ?? str(cs.canaryRevision);
    if (rev) out.updateRevision = rev;
  } else {
    const idx = num(st.currentStepIndex);
    if (idx !== undefined) out.stepIndex = idx;
    const rev = str(st.currentPodHash) ?? str(st.updateRevision);
    if (rev) out.updateRevision = rev;
  }
  return out;
}

/** Human lines for what changed between the plan's preconditions and the object now; empty = unchanged. */
export function compareObserved(pre: PlanPreconditions, now: Observed, isHookRun = false): string[] {
  const changes: string[] = [];
  if (pre.stepIndex !== undefined && now.stepIndex !== pre.stepIndex) {
    changes.push(`step index ${pre.stepIndex} -> ${now.stepIndex ?? 'none'}`);
  }
  if (pre.updateRevision !== undefined && now.updateRevision !== pre.updateRevision) {
    changes.push(`update revision ${pre.updateRevision} -> ${now.updateRevision ?? 'none'}`);
  }
  if (pre.hookRunName !== undefined) {
    if (isHookRun) changes.push(...hookRunGone(pre.hookRunName, now));
    else if (now.hookRunName !== pre.hookRunName) changes.push(`current hook run ${pre.hookRunName} -> ${now.hookRunName ?? 'none'}`);
  }
  if (now.resourceVersion !== pre.resourceVersion) {
    changes.push(`resourceVersion changed (${pre.resourceVersion} -> ${now.resourceVersion}): someone else acted`);
  }
  return changes;
}

/** A hook run to be skipped must still be running and not already terminating. */
export function hookRunGone(name: string, now: Observed): string[] {
  if (now.hookRunName && now.hookRunName !== name) return [`hook run ${name} -> ${now.hookRunName}`];
  if (hookCompleted(now.hookPhase)) return [`hook run ${name} already finished (${now.hookPhase})`];
  if (now.hookTerminating) return [`hook run ${name} is already terminating`];
  return [];
}
