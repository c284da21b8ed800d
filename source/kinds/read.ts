// One entry point for the store: wire object -> model row, by apiVersion + kind.
import type { KubeObject } from '../kube/object.js';
import type { FedClusterInfo, FederatedInfo, HookRunInfo, HookTemplateInfo, PodInfo, WorkloadInfo, ZoneInfo } from '../model/types.js';
import { readArgoRollout } from './argo-rollout.js';
import type { ReadContext } from './shared/context.js';
import { readDeployment } from './deployment.js';
import { readFederated } from './federated.js';
import { readGameDeployment } from './gamedeployment.js';
import { readGameStatefulSet } from './gamestatefulset.js';
import { readGameZone } from './gamezone.js';
import { readHookRun } from './hookrun.js';
import { readHookTemplate } from './hooktemplate.js';
import { type GameZoneTypeOptions, type KnownKind, knownKindOf } from './registry.js';
import { readKruiseRollout } from './kruise-rollout.js';
import { readKubeFedCluster } from './kubefedcluster.js';
import { readPod } from './pod.js';
import { readStatefulSet } from './statefulset.js';

export type ReadResult =
  | { type: 'workload'; row: WorkloadInfo }
  | { type: 'zone'; row: ZoneInfo }
  | { type: 'hookRun'; row: HookRunInfo }
  | { type: 'hookTemplate'; row: HookTemplateInfo }
  | { type: 'pod'; row: PodInfo }
  | { type: 'federated'; row: FederatedInfo }
  | { type: 'fedCluster'; row: FedClusterInfo };

export const WORKLOAD_READERS = {
  GameDeployment: readGameDeployment,
  GameStatefulSet: readGameStatefulSet,
  StatefulSet: readStatefulSet,
  Deployment: readDeployment,
  Rollout: readArgoRollout,
  KruiseRollout: readKruiseRollout,
} as const;

/** Read by a kind the caller already knows (e.g. the watch it came from). undefined for kinds with no model row. */
export function readAs(kind: KnownKind, cluster: string, obj: KubeObject, ctx?: ReadContext): ReadResult | undefined {
  switch (kind) {
    case 'GameDeployment':
    case 'GameStatefulSet':
    case 'StatefulSet':
    case 'Deployment':
    case 'Rollout':
    case 'KruiseRollout':
      return { type: 'workload', row: WORKLOAD_READERS[kind](cluster, obj, ctx) };
    case 'GameZone':
      return { type: 'zone', row: readGameZone(cluster, obj, ctx) };
    case 'HookRun':
      return { type: 'hookRun', row: readHookRun(cluster, obj, ctx) };
    case 'HookTemplate':
      return { type: 'hookTemplate', row: readHookTemplate(cluster, obj, ctx) };
    case 'Pod':
      return { type: 'pod', row: readPod(cluster, obj, ctx) };
    case 'FederatedGameDeployment':
    case 'FederatedGameStatefulSet':
    case 'FederatedDeployment':
    case 'FederatedStatefulSet':
      return { type: 'federated', row: readFederated(cluster, obj, ctx) };
    case 'KubeFedCluster':
      return { type: 'fedCluster', row: readKubeFedCluster(cluster, obj, ctx) };
    default:
      return undefined;
  }
}

/** Read any object by its own apiVersion/kind. */
export function readObject(cluster: string, obj: KubeObject, ctx?: ReadContext, gameZone?: GameZoneTypeOptions): ReadResult | undefined {
  const kind = knownKindOf(obj?.apiVersion, obj?.kind, gameZone);
  return kind ? readAs(kind, cluster, obj, ctx) : undefined;
}
