// The checks around an executor's writes: the plan's shape, the fresh re-read of every target against
// the plan's preconditions (step 2), and what a refused write becomes (a retry after a fresh read, the
// operator's conflict, or a partial write).
import { t as tr } from '../i18n/t.js';
import type { Plan, PlanTarget } from '../kinds/plan/types.js';
import type { ClusterClient } from '../kube/client-api.js';
import type { KubeError } from '../kube/errors.js';
import type { KubeObject } from '../kube/object.js';
import { ActionConflict, partialWriteError } from './errors.js';
import { compareObserved, hookRunGone, modelKind, observe } from './observe.js';

export const targetKey = (t: PlanTarget): string => `${t.cluster}|${t.type.group}|${t.type.resource}|${t.namespace}|${t.name}`;
export const sameTarget = (a: PlanTarget, b: PlanTarget): boolean => targetKey(a) === targetKey(b);
export const targetLabel = (t: PlanTarget): string => `${t.type.kind} ${t.namespace}/${t.name}`;

/** Sends of one write after a resourceVersion refusal (each after a fresh read) before zonectl gives up. */
export const STALE_WRITE_ATTEMPTS = 3;

/** The server refused a guarded write to an object this run has not written yet: read again and retry. */
export class StaleWrite extends Error {
  constructor(override readonly cause: KubeError) {
    super(cause.message);
  }
}

/** A refused write: before any write it is the operator's conflict (exit 5); after one, a partial write. */
export function refusedWrite(cluster: string, e: KubeError, t: PlanTarget, done: number, total: number): KubeError {
  if (e.kind === 'Conflict' && done === 0)
    return new ActionConflict(cluster, targetLabel(t), [tr('actions.execute.refused', { message: e.message })], e.status);
  return partialWriteError(e, done, total);
}

export function checkShape(plan: Plan, client: ClusterClient, others: boolean): void {
  // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant (exit 10 bug report, in English)
  if (!plan.steps.length && !plan.exec && !plan.recordOnly) throw new Error(`plan "${plan.summary}" has no writes`);
  if (plan.primary.cluster !== client.context)
    // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant (exit 10 bug report, in English)
    throw new Error(`plan primary ${targetLabel(plan.primary)} is on ${plan.primary.cluster}, the client on ${client.context}`);
  for (const t of plan.steps.map((s) => s.target)) {
    if (t.cluster !== client.context && !others)
      // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant (exit 10 bug report, in English)
      throw new Error(`plan target ${targetLabel(t)} is on ${t.cluster}, the client on ${client.context}`);
  }
}

/** Step 2: re-read every target; refuse with what changed. Returns the objects by target key. */
export async function verify(plan: Plan, clientOf: (cluster: string) => ClusterClient): Promise<Map<string, KubeObject>> {
  const targets = new Map<string, PlanTarget>([[targetKey(plan.primary), plan.primary]]);
  for (const s of plan.steps) targets.set(targetKey(s.target), s.target);
  const objects = new Map<string, KubeObject>();
  await Promise.all(
    [...targets.entries()].map(async ([key, t]) => {
      objects.set(key, await clientOf(t.cluster).get(t.type, t.namespace, t.name));
    }),
  );
  const p = plan.primary;
  const primary = objects.get(targetKey(p))!;
  const isHookRun = modelKind(p.type) === 'HookRun';
  const changes = compareObserved(plan.preconditions, observe(p.cluster, p.type, primary), isHookRun);
  // skip-hook with the workload as primary: the HookRun it terminates must still be running.
  const hr = plan.preconditions.hookRunName;
  if (hr && !isHookRun) {
    for (const s of plan.steps) {
      if (modelKind(s.target.type) === 'HookRun' && s.target.name === hr) {
        changes.push(...hookRunGone(hr, observe(s.target.cluster, s.target.type, objects.get(targetKey(s.target))!)));
        break;
      }
    }
  }
  if (changes.length) throw new ActionConflict(p.cluster, targetLabel(p), changes);
  return objects;
}
