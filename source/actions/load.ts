// Everything a planner needs about one workload, read fresh from its cluster: the object, the step
// HookRuns (bk-bcs), owned ControllerRevisions / ReplicaSets (reject) and the workload a Rollout
// drives (Argo / Kruise workloadRef). Shared by the commands and the console port.
import { readHookRun } from '../kinds/hookrun.js';
import { KINDS, TKEX_GROUP } from '../kinds/registry.js';
import type { PlanInput } from '../kinds/plan/index.js';
import { typeFromRef } from '../kinds/plan/common.js';
import type { ClusterClient } from '../kube/client-api.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { HookRunInfo, WorkloadInfo, WorkloadKind } from '../model/types.js';
import { readWorkloadObject } from './observe.js';

const REPLICA_SETS: ResourceType = { group: 'apps', version: 'v1', resource: 'replicasets', kind: 'ReplicaSet', namespaced: true };

export interface Loaded {
  type: ResourceType;
  obj: KubeObject;
  info: WorkloadInfo;
  input: PlanInput;
  hookRuns: HookRunInfo[];
}

const owned = (items: KubeObject[], uid: string | undefined) =>
  items.filter((o) => !!uid && o.metadata.ownerReferences?.some((r) => r.uid === uid));

/** Kinds as users type them (kubectl-style names, short names, plurals). */
const ALIASES: Record<string, WorkloadKind> = {
  gamedeployment: 'GameDeployment',
  gamedeployments: 'GameDeployment',
  gd: 'GameDeployment',
  gdeploy: 'GameDeployment',
  gamestatefulset: 'GameStatefulSet',
  gamestatefulsets: 'GameStatefulSet',
  gsts: 'GameStatefulSet',
  gss: 'GameStatefulSet',
  deployment: 'Deployment',
  deployments: 'Deployment',
  deploy: 'Deployment',
  statefulset: 'StatefulSet',
  statefulsets: 'StatefulSet',
  sts: 'StatefulSet',
  rollout: 'Rollout',
  rollouts: 'Rollout',
  ro: 'Rollout',
  'rollouts.argoproj.io': 'Rollout',
  kruiserollout: 'KruiseRollout',
  kruiserollouts: 'KruiseRollout',
  'rollouts.rollouts.kruise.io': 'KruiseRollout',
};

export function parseKind(s: string): WorkloadKind | undefined {
  return ALIASES[s.toLowerCase()];
}

export async function loadWorkload(
  client: ClusterClient,
  kind: WorkloadKind,
  namespace: string,
  name: string,
  opts: { now?: number; by?: string } = {},
): Promise<Loaded> {
  const type = KINDS[kind];
  const cluster = client.context;
  const obj = await client.get(type, namespace, name);
  const bkbcs = type.group === TKEX_GROUP;
  const [hookList, revList] = await Promise.all([
    bkbcs ? client.list(KINDS.HookRun, { namespace }) : undefined,
    bkbcs || kind === 'StatefulSet' ? client.list(KINDS.ControllerRevision, { namespace }) : undefined,
  ]);
  const hookRuns = (hookList?.items ?? []).map((h) => readHookRun(cluster, h));
  const info = readWorkloadObject(cluster, type, obj, hookRuns)!;
  const input: PlanInput = { cluster, obj, hookRuns, now: opts.now ?? Date.now(), ...(opts.by ? { by: opts.by } : {}) };
  if (revList) input.revisions = owned(revList.items, obj.metadata.uid);
  const ref = info.workloadRef;
  if (ref) {
    const refType = ref.kind === 'Deployment' || ref.kind === 'StatefulSet' ? KINDS[ref.kind] : typeFromRef(ref.apiVersion, ref.kind);
    const target = await client.get(refType, namespace, ref.name);
    input.workloadObj = target;
    const revType = ref.kind === 'Deployment' ? REPLICA_SETS : KINDS.ControllerRevision;
    const revs = await client.list(revType, { namespace }).catch(() => undefined);
    if (revs) input.revisions = owned(revs.items, target.metadata.uid);
  }
  return { type, obj, info, input, hookRuns };
}
