// The fields a plan's preconditions guard, as an object is now (the executor re-reads them before
// writing, --wait compares them). Workloads take them from their model row; an object the reader
// cannot read falls back to the raw status fields.
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { ReadContext } from './context.js';

export interface PreconditionFields {
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

/** The step index and revision straight from status (bk-bcs, Argo, apps/v1 field names). */
export function rawStatusFields(obj: KubeObject): PreconditionFields {
  const out: PreconditionFields = {};
  const st = (obj.status ?? {}) as Record<string, unknown>;
  const idx = num(st.currentStepIndex);
  if (idx !== undefined) out.stepIndex = idx;
  const rev = str(st.currentPodHash) ?? str(st.updateRevision);
  if (rev) out.updateRevision = rev;
  return out;
}

/** Kruise Rollout keeps its step in status.canaryStatus / blueGreenStatus. */
export function rawKruiseFields(obj: KubeObject): PreconditionFields {
  const out: PreconditionFields = {};
  const st = (obj.status ?? {}) as Record<string, any>;
  const cs = (st.canaryStatus ?? st.blueGreenStatus ?? {}) as Record<string, unknown>;
  const idx = num(cs.currentStepIndex) ?? num(st.currentStepIndex);
  if (idx !== undefined) out.stepIndex = idx;
  const rev = str(cs.podTemplateHash) ?? str(cs.canaryRevision);
  if (rev) out.updateRevision = rev;
  return out;
}

/** A workload's precondition view: from its row, or from `raw` status fields when the row is invalid. */
export function workloadPreconditions(
  read: (cluster: string, obj: KubeObject, ctx?: ReadContext) => WorkloadInfo,
  raw: (obj: KubeObject) => PreconditionFields = rawStatusFields,
): (cluster: string, obj: KubeObject) => PreconditionFields {
  return (cluster, obj) => {
    const info = read(cluster, obj, { hookRuns: undefined });
    if (info.invalid) return raw(obj);
    const out: PreconditionFields = {};
    if (info.rollout.stepIndex !== undefined) out.stepIndex = info.rollout.stepIndex;
    if (info.rollout.updateRevision) out.updateRevision = info.rollout.updateRevision;
    if (info.rollout.hookRunName) out.hookRunName = info.rollout.hookRunName;
    return out;
  };
}
