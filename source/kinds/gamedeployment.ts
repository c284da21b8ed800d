// GameDeployment (tkex.tencent.com/v1alpha1): bk-bcs's Deployment with canary steps, hooks and in-place
// update. Partition at spec.updateStrategy.partition (= number of pods kept on the old revision).
// Shared bk-bcs reader, actions and plans in bkbcs/.
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
    GameDeployment: true;
  }
}

export function readGameDeployment(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return readBkbcsWorkload(cluster, obj, 'GameDeployment', ctx);
}

export const gameDeployment: WorkloadSpec<'GameDeployment'> = {
  kind: 'GameDeployment',
  role: 'workload',
  type: tkexType('gamedeployments', 'GameDeployment'),
  aliases: ['gamedeployment', 'gamedeployments', 'gd', 'gdeploy'],
  short: 'GameDeploy',
  watchedBy: WORKLOAD_VIEWS,
  read: readGameDeployment,
  plan: (intent, input) => planBkbcs(gameDeployment, intent, input),
  prefetch: { hookRuns: true, revisions: true },
  restart: { how: 'template-annotation', template: '/spec/template', effect: bkbcsRestart },
  revisions: controllerRevision.type,
  preconditions: workloadPreconditions(readGameDeployment),
  pods: {},
  partition: true,
};
