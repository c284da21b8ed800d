// GameStatefulSet (tkex.tencent.com/v1alpha1): bk-bcs's StatefulSet with canary steps, hooks and
// in-place update. Partition at spec.updateStrategy.rollingUpdate.partition (= ordinal: pods >=
// partition are updated, highest first). Shared bk-bcs reader, actions and plans in bkbcs/.
import type { KubeObject } from '../kube/object.js';
import type { WorkloadInfo } from '../model/types.js';
import { tkexType } from './bkbcs/group.js';
import { planBkbcs } from './bkbcs/plans.js';
import { readBkbcsWorkload } from './bkbcs/workload.js';
import { controllerRevision } from './controllerrevision.js';
import type { ReadContext } from './shared/context.js';
import { workloadPreconditions } from './shared/observe.js';
import { WORKLOAD_VIEWS, type WorkloadSpec } from './spec.js';
import { bkbcsRestart } from './plan/restart-effects.js';

declare module '../model/workload-kinds.js' {
  interface WorkloadKinds {
    GameStatefulSet: true;
  }
}

export function readGameStatefulSet(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return readBkbcsWorkload(cluster, obj, 'GameStatefulSet', ctx);
}

export const gameStatefulSet: WorkloadSpec<'GameStatefulSet'> = {
  kind: 'GameStatefulSet',
  role: 'workload',
  type: tkexType('gamestatefulsets', 'GameStatefulSet'),
  aliases: ['gamestatefulset', 'gamestatefulsets', 'gsts', 'gss'],
  short: 'GameSTS',
  watchedBy: WORKLOAD_VIEWS,
  read: readGameStatefulSet,
  plan: (intent, input) => planBkbcs(gameStatefulSet, intent, input),
  prefetch: { hookRuns: true, revisions: true },
  restart: { how: 'template-annotation', template: '/spec/template', effect: bkbcsRestart },
  revisions: controllerRevision.type,
  preconditions: workloadPreconditions(readGameStatefulSet),
  pods: {},
  partition: true,
};
