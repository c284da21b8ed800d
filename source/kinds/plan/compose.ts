// Assembles a planner's writes into the Plan the executor runs: the primary object (the workload the
// operator looked at), the preconditions it was planned at, the access reviews the writes need, the
// approval card and whether a warning needs --force. Pure.
import type { ResourceType } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { ActionName } from '../../model/action-types.js';
import { cardFor } from './card.js';
import type { PlanInput } from './common.js';
import { describeBody } from './describe.js';
import { belowOwnerWarning, ownerLabel } from '../shared/owner.js';
import type { Plan, PlanPatchType, PlanPreconditions, PlanStep, PlanTarget } from './types.js';

/** One write of a plan: a patch of `name` (optionally its status subresource) on `cluster`. */
export function write(
  cluster: string,
  type: ResourceType,
  namespace: string,
  name: string,
  patchType: PlanPatchType,
  body: unknown,
  subresource?: 'status',
): PlanStep {
  const step: PlanStep = { target: { cluster, type, namespace, name }, patchType, body, describe: describeBody(patchType, body) };
  if (subresource) step.subresource = subresource;
  return step;
}

/**
 * The workload as the operator saw it: its resourceVersion, the update revision and (with `step`)
 * the canary step index. Writes to other objects (a step HookRun, the workload a Rollout drives)
 * carry that object's resourceVersion in their own bodies.
 */
export function seen(w: WorkloadInfo, opts: { step?: boolean; hookRunName?: string } = {}): PlanPreconditions {
  const pre: PlanPreconditions = { resourceVersion: w.resourceVersion };
  if (opts.step !== false && w.rollout.stepIndex !== undefined) pre.stepIndex = w.rollout.stepIndex;
  if (w.rollout.updateRevision) pre.updateRevision = w.rollout.updateRevision;
  if (opts.hookRunName !== undefined) pre.hookRunName = opts.hookRunName;
  if (w.generation !== undefined) pre.generation = w.generation;
  if (w.rollout.hold) pre.held = true;
  return pre;
}

/** Actions whose writes change the workload's spec (approve / skip-hook / retry touch controller-owned fields). */
const SPEC_ACTIONS = new Set<ActionName>(['hotupdate', 'reject', 'hold', 'release']);

export interface PlanParts {
  action: ActionName;
  /** The writes, in order. */
  steps: PlanStep[];
  preconditions: PlanPreconditions;
  /** Headline first, then the detail lines (in the run's language). */
  summary: string[];
  /** The headline in English for the records (Plan.record), when the summary is translated. */
  record?: string;
  warnings: string[];
  /** The plan needs explicit confirmation (a change an owner will revert). */
  requiresForce?: boolean;
}

/** The executor's plan for writes planned on workload `w` of wire type `type` (read from `input.obj`). */
export function compose(w: WorkloadInfo, type: ResourceType, input: PlanInput, parts: PlanParts): Plan {
  const primary: PlanTarget = { cluster: w.cluster, type, namespace: w.namespace, name: w.name };
  const plan: Plan = {
    action: parts.action,
    primary,
    preconditions: parts.preconditions,
    steps: parts.steps,
    summary: parts.summary[0] ?? `${parts.action} ${w.kind} ${w.namespace}/${w.name} on ${w.cluster}`,
    ...(parts.record ? { record: parts.record } : {}),
    details: parts.summary.slice(1),
    card: cardFor(w, parts.action, parts.summary, input.obj, input.revisions),
    warnings: parts.warnings,
    access: parts.steps.map((s) => {
      const a: Plan['access'][number] = {
        verb: 'patch',
        group: s.target.type.group,
        resource: s.target.type.resource,
        namespace: s.target.namespace,
        name: s.target.name,
      };
      if (s.subresource) a.subresource = s.subresource;
      if (s.target.cluster !== w.cluster) a.cluster = s.target.cluster;
      return a;
    }),
  };
  // A hot update the strategy turns into pod recreation needs explicit confirmation (--force with --yes).
  if (parts.action === 'hotupdate' && w.rollout.actions.find((a) => a.action === 'hotupdate')?.reason?.startsWith('warning:'))
    plan.requiresForce = true;
  if (parts.requiresForce) plan.requiresForce = true;
  // kubefed, Argo CD and Helm own the whole spec: a spec change made here is put back (DESIGN §5).
  const o = w.owner;
  const onWorkload = parts.steps.some((s) => !s.subresource && s.target.cluster === w.cluster && s.target.name === w.name);
  if (o?.owns === 'spec' && SPEC_ACTIONS.has(parts.action) && onWorkload && !plan.warnings.some((x) => x.includes(ownerLabel(o)))) {
    plan.warnings.push(belowOwnerWarning(o));
    plan.requiresForce = true;
  }
  if (o) plan.card.owner = ownerLabel(o);
  return plan;
}
