// The planner tests read a plan (kinds/plan/types.ts) through its writes: the first write with
// the guard it carries, the later writes as `also`, and the summary as headline + detail lines.
import type { Plan, PlanResult, PlanStep } from '../../../source/kinds/plan/types.js';

export interface WriteView {
  cluster: string;
  /** The target's type fields with its namespace and name. */
  target: { group: string; version: string; resource: string; kind: string; namespace: string; name: string };
  subresource?: string;
  patchType: PlanStep['patchType'];
  body: unknown;
  /**
   * The guard of the write: the resourceVersion its body carries (merge-patch metadata.resourceVersion
   * or a leading JSON-patch `test`), and for the plan's first write on the workload or its step run
   * the stage the plan was made at (step index, update revision).
   */
  preconditions: { resourceVersion?: string; stepIndex?: number; revision?: string };
}

export interface PlanView extends WriteView {
  action: Plan['action'];
  summary: string[];
  warnings: string[];
  also?: WriteView[];
}

function bodyVersion(s: PlanStep): string | undefined {
  if (s.patchType === 'json' && Array.isArray(s.body)) {
    const t = (s.body as Array<{ op: string; path: string; value?: unknown }>).find(
      (o) => o.op === 'test' && o.path === '/metadata/resourceVersion',
    );
    return typeof t?.value === 'string' ? t.value : undefined;
  }
  const rv = (s.body as { metadata?: { resourceVersion?: unknown } } | null)?.metadata?.resourceVersion;
  return typeof rv === 'string' ? rv : undefined;
}

function writeView(p: Plan, s: PlanStep, first: boolean): WriteView {
  const { type, namespace, name, cluster } = s.target;
  const pre: WriteView['preconditions'] = {};
  const rv = bodyVersion(s);
  if (rv !== undefined) pre.resourceVersion = rv;
  const onWorkload =
    type.group === p.primary.type.group &&
    type.resource === p.primary.type.resource &&
    namespace === p.primary.namespace &&
    name === p.primary.name;
  if (first && (onWorkload || name === p.preconditions.hookRunName)) {
    if (p.preconditions.stepIndex !== undefined) pre.stepIndex = p.preconditions.stepIndex;
    if (p.preconditions.updateRevision !== undefined) pre.revision = p.preconditions.updateRevision;
  }
  const v: WriteView = {
    cluster,
    target: { group: type.group, version: type.version, resource: type.resource, kind: type.kind, namespace, name },
    patchType: s.patchType,
    body: s.body,
    preconditions: pre,
  };
  if (s.subresource) v.subresource = s.subresource;
  return v;
}

export function viewOf(p: Plan): PlanView {
  const v: PlanView = { ...writeView(p, p.steps[0], true), action: p.action, summary: [p.summary, ...p.details], warnings: p.warnings };
  if (p.steps.length > 1) v.also = p.steps.slice(1).map((s) => writeView(p, s, false));
  return v;
}

export const planOf = (r: PlanResult): PlanView => {
  if (!r.ok) throw new Error(`expected a plan, got: ${r.reason}`);
  return viewOf(r.plan);
};
export const reasonOf = (r: PlanResult): string => (r.ok ? 'a plan' : r.reason);
