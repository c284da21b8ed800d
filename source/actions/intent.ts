// From what the operator asked (an action and its input) to the planner's intent, the same for every
// front end. Nothing here knows a kind: whether a kind has a partition is asked of its planner.
import { planAction, type Intent } from '../kinds/plans.js';
import type { Plan } from '../kinds/plan/types.js';
import { typeFromRef } from '../kinds/plan/common.js';
import { workloadSpec } from '../kinds/registry.js';
import { Refusal } from '../errors.js';
import { t } from '../i18n/t.js';
import type { ContainerImage } from '../model/types.js';
import type { ActionInput, ActionName } from '../model/action-types.js';
import { IMAGE_REFERENCE_FORM, isImageReference } from '../model/image-ref.js';
import type { Loaded } from './load.js';
import { readWorkloadObject } from './observe.js';

/** Input that is wrong whatever the workload: refused before anything is read. */
export function checkInput(cluster: string, action: ActionName, input: ActionInput): void {
  if (action !== 'hotupdate') return;
  if (input.continue) {
    if (input.image !== undefined || input.onePodFirst) throw new Refusal('usage', cluster, t('actions.input.continueKeepsImages'));
  } else if (!input.container || !input.image) throw new Refusal('usage', cluster, t('actions.input.needsImage'));
  if (input.partition !== undefined && input.onePodFirst) throw new Refusal('usage', cluster, t('actions.input.partitionOrOnePod'));
  if (input.partition !== undefined && (!Number.isInteger(input.partition) || input.partition < 0))
    throw new Refusal('usage', cluster, t('actions.input.partitionWhole'));
  if (input.image && !isImageReference(input.image))
    throw new Refusal('usage', cluster, t('actions.input.badImage', { image: JSON.stringify(input.image), form: IMAGE_REFERENCE_FORM }));
}

/**
 * A partition counts pods (or game servers) kept on the old revision, or the lowest ordinal that
 * updates: 0 to the replica count (every pod kept old). More is refused, with the count, rather than
 * silently capped.
 */
function checkPartition(partition: number | undefined, loaded: Loaded): void {
  const replicas = loaded.info.rollout.replicas;
  if (partition === undefined || partition <= replicas || !workloadSpec(loaded.info.kind)?.partition) return;
  throw new Refusal(
    'usage',
    loaded.info.cluster,
    t('actions.input.partitionTooHigh', { partition, target: `${loaded.info.kind}/${loaded.info.name}`, replicas }),
  );
}

/** The writes of a plan, comparable. */
const writes = (p: Plan) => JSON.stringify(p.steps.map((s) => [s.target, s.subresource ?? '', s.patchType, s.body]));

/**
 * The planner's intent for `action` on the loaded workload. "One pod first" is partition =
 * replicas - 1 where the kind has a partition; a kind whose planner writes the same with and without
 * a partition has none, and the request is refused (for Deployments and Rollouts it would update
 * every pod at once).
 */
export function intentFor(action: ActionName, input: ActionInput, loaded: Loaded): Intent {
  if (action !== 'hotupdate') return { action } as Intent;
  checkPartition(input.partition, loaded);
  const resumed = input.resumed ? { resumed: input.resumed } : {};
  if (input.continue) {
    // Keep the template's image and move the partition: the way on after one pod first.
    if (!workloadSpec(loaded.info.kind)?.partition)
      throw new Refusal('usage', loaded.info.cluster, t('actions.input.noPartition', { flag: '--continue', kind: loaded.info.kind }));
    const c = input.container ? containersOf(loaded).find((x) => x.name === input.container) : containersOf(loaded)[0];
    if (!c)
      throw new Refusal(
        'usage',
        loaded.info.cluster,
        t('actions.input.noContainer', { container: input.container ?? '', target: `${loaded.info.kind}/${loaded.info.name}` }),
      );
    return { action, container: c.name, image: c.image, partition: input.partition ?? 0, ...resumed };
  }
  const base: Intent = { action, container: input.container!, image: input.image!, ...resumed };
  if (!input.onePodFirst) return input.partition !== undefined ? { ...base, partition: input.partition } : base;
  const withPartition: Intent = { ...base, partition: Math.max(0, loaded.info.rollout.replicas - 1) };
  const a = planAction(withPartition, loaded.input);
  const b = planAction(base, loaded.input);
  if (a.ok && b.ok && writes(a.plan) === writes(b.plan))
    throw new Refusal('usage', loaded.info.cluster, t('actions.input.noPartition', { flag: '--one-pod-first', kind: loaded.info.kind }));
  return withPartition;
}

/** An image no workload runs: a probe plan's hot update is never sent, only its writes are reviewed. */
const PROBE_IMAGE = 'zonectl.invalid/access-probe:0';

function containersOf(loaded: Loaded): ContainerImage[] {
  if (loaded.info.containers.length) return loaded.info.containers;
  // A rollout that drives a workload (workloadRef): the containers are the workload's.
  const ref = loaded.info.workloadRef;
  const obj = loaded.input.workloadObj;
  if (!ref || !obj) return [];
  return readWorkloadObject(loaded.info.cluster, typeFromRef(ref.apiVersion, ref.kind), obj)?.containers ?? [];
}

/** The intent behind an action key before the operator has entered anything (availability). */
export function probeIntent(action: ActionName, loaded: Loaded): Intent | undefined {
  if (action !== 'hotupdate') return { action } as Intent;
  const c = containersOf(loaded)[0];
  return c ? { action, container: c.name, image: PROBE_IMAGE } : undefined;
}
