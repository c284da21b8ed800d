// KubeFedCluster (core.kubefed.io/v1beta1) -> FedClusterInfo. Never reads the referenced Secret.
import { t } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import type { FedClusterInfo } from '../model/types.js';
import type { ReadContext } from './shared/context.js';
import { guard, isRecord, looseMeta, meta, optArray, optString } from './shared/read-util.js';
import type { RowSpec } from './spec.js';

export const KUBEFED_CORE_GROUP = 'core.kubefed.io';

export function readKubeFedCluster(cluster: string, obj: KubeObject, _ctx?: ReadContext): FedClusterInfo {
  return guard<FedClusterInfo>(
    () => {
      const m = meta(obj);
      const apiEndpoint = optString(obj, 'spec.apiEndpoint') ?? '';
      let ready = 'Unknown';
      let message: string | undefined;
      for (const c of optArray(obj, 'status.conditions') ?? []) {
        if (!isRecord(c)) continue;
        const text = [c.reason, c.message].filter((x) => typeof x === 'string' && x).join(': ');
        if (c.type === 'Ready' && typeof c.status === 'string') {
          ready = c.status;
          if (c.status !== 'True' && text) message = text;
        }
        if (c.type === 'Offline' && c.status === 'True') {
          ready = 'False';
          message = text || t('plans.fed.offline');
        }
      }
      const info: FedClusterInfo = { cluster, name: m.name, apiEndpoint, ready };
      if (message) info.message = message;
      return info;
    },
    (reason) => ({
      cluster,
      name: looseMeta(obj).name,
      apiEndpoint: '',
      ready: 'Unknown',
      message: t('plans.rollout.invalid', { reason }),
      invalid: reason,
    }),
  );
}

export const kubeFedCluster: RowSpec<'fedCluster', 'KubeFedCluster'> = {
  kind: 'KubeFedCluster',
  role: 'fedCluster',
  type: { group: KUBEFED_CORE_GROUP, version: 'v1beta1', resource: 'kubefedclusters', kind: 'KubeFedCluster', namespaced: true },
  watchedBy: ['federation'],
  // Member clusters are named by the host, not labelled like the workloads -l narrows.
  selectable: false,
  read: readKubeFedCluster,
};
