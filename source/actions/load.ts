// Everything a planner needs about one workload, read fresh from its cluster: the object, the step
// HookRuns (bk-bcs), owned ControllerRevisions / ReplicaSets (reject) and the workload a Rollout
// drives (Argo / Kruise workloadRef). Shared by the commands and the console port.
import { hookRun } from '../kinds/hookrun.js';
import { typeFromRef } from '../kinds/plan/common.js';
import type { PlanInput } from '../kinds/plans.js';
import { federatedTypeOf } from '../kinds/federated.js';
import { parseWorkloadKind, refTarget, workloadSpec } from '../kinds/registry.js';
import type { ClusterClient } from '../kube/client-api.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { HookRunInfo, WorkloadInfo } from '../model/types.js';
import type { WorkloadKind } from '../model/workload-kinds.js';

export interface Loaded {
  type: ResourceType;
  obj: KubeObject;
  info: WorkloadInfo;
  input: PlanInput;
  hookRuns: HookRunInfo[];
}

const owned = (items: KubeObject[], uid: string | undefined) =>
  items.filter((o) => !!uid && o.metadata.ownerReferences?.some((r) => r.uid === uid));

/** Kinds as users type them (kubectl-style names, short names, plurals): the kinds' `aliases`. */
export function parseKind(s: string): WorkloadKind | undefined {
  return parseWorkloadKind(s);
}

export async function loadWorkload(
  client: ClusterClient,
  kind: WorkloadKind,
  namespace: string,
  name: string,
  opts: { now?: number; by?: string; kubefedHost?: ClusterClient } = {},
): Promise<Loaded> {
  const spec = workloadSpec(kind);
  // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant (callers pass registered kinds)
  if (!spec) throw new Error(`${kind} is not a workload kind zonectl knows`);
  const type = spec.type;
  const cluster = client.context;
  const obj = await client.get(type, namespace, name);
  // What the kind's planner needs besides the object (its spec's prefetch).
  const { prefetch } = spec;
  const [hookList, revList] = await Promise.all([
    prefetch.hookRuns ? client.list(hookRun.type, { namespace }) : undefined,
    prefetch.revisions && spec.revisions ? client.list(spec.revisions, { namespace }) : undefined,
  ]);
  const hookRuns = (hookList?.items ?? []).map((h) => hookRun.read(cluster, h));
  const info = spec.read(cluster, obj, { hookRuns });
  const input: PlanInput = { cluster, obj, hookRuns, now: opts.now ?? Date.now(), ...(opts.by ? { by: opts.by } : {}) };
  if (revList) input.revisions = owned(revList.items, obj.metadata.uid);
  const ref = info.workloadRef;
  if (ref && prefetch.workloadRef) {
    const target = refTarget(ref);
    const refObj = await client.get(target.type, namespace, ref.name);
    input.workloadObj = refObj;
    const revs = await client.list(target.revisions, { namespace }).catch(() => undefined);
    if (revs) input.revisions = owned(revs.items, refObj.metadata.uid);
  }
  // The GameZone that generates this workload decides its image: plans act there (kinds/plan/owner-write.ts).
  const owner = info.owner;
  if (owner?.kind === 'GameZone' && owner.apiVersion) {
    // Unreadable (forbidden, gone): the plan then says the change would be reverted and needs --force.
    const gz = await client.get(typeFromRef(owner.apiVersion, 'GameZone'), namespace, owner.name).catch(() => undefined);
    if (gz) input.ownerObj = gz;
  }
  // A kubefed member: its Federated<Kind> on the host holds the template and this cluster's overrides.
  if (owner?.kind === 'kubefed' && opts.kubefedHost) {
    const fedType = federatedTypeOf(spec.type);
    const fed = fedType ? await opts.kubefedHost.get(fedType, namespace, name).catch(() => undefined) : undefined;
    if (fed) {
      input.ownerObj = fed;
      input.ownerCluster = opts.kubefedHost.context;
    }
  }
  return { type, obj, info, input, hookRuns };
}
