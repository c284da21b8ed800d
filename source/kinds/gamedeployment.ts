// GameDeployment (tkex.tencent.com/v1alpha1) -> WorkloadInfo. Partition at spec.updateStrategy.partition
// (= number of pods kept on the old revision). Shared canary logic in bkbcs-workload.ts.
import type { KubeObject } from '../kube/object.js';
import type { WorkloadInfo } from '../model/types.js';
import { readBkbcsWorkload } from './bkbcs/workload.js';
import type { ReadContext } from './shared/context.js';

export function readGameDeployment(cluster: string, obj: KubeObject, ctx?: ReadContext): WorkloadInfo {
  return readBkbcsWorkload(cluster, obj, 'GameDeployment', ctx);
}
