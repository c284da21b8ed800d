// Rows for the alert rule tests: a workload row as the kind readers make it, and a pod object read by
// the real pod reader (so container states come through the product's own parsing).
import { DEFAULT_ALERT_THRESHOLDS } from '../../../../source/config/alerts.js';
import { readPod } from '../../../../source/kinds/pod.js';
import type { KubeObject } from '../../../../source/kube/object.js';
import type { PodInfo, RolloutStatus, WorkloadInfo } from '../../../../source/model/types.js';
import type { ActionName } from '../../../../source/model/action-types.js';

export const T = DEFAULT_ALERT_THRESHOLDS;
export const NOW = Date.parse('2026-12-03T10:00:00Z');
export const ago = (ms: number): string => new Date(NOW - ms).toISOString();
export const MIN = 60_000;

export function workload(
  rollout: Partial<RolloutStatus> = {},
  extra: Partial<WorkloadInfo> = {},
  possible: ActionName[] = [],
): WorkloadInfo {
  return {
    cluster: 'shanghai',
    namespace: 'zone-101',
    name: 'game-1',
    kind: 'GameStatefulSet',
    apiVersion: 'tkex.tencent.com/v1alpha1',
    uid: 'u1',
    resourceVersion: '1',
    labels: {},
    zone: '101',
    containers: [{ name: 'main', image: 'registry.example.com/game:1.9.0' }],
    ...extra,
    rollout: {
      strategy: 'InplaceUpdate',
      replicas: 4,
      updated: 4,
      updatedReady: 4,
      ready: 4,
      steps: [],
      phase: 'complete',
      paused: false,
      message: 'up to date',
      hookConditions: [],
      actions: (['approve', 'reject', 'skip-hook', 'retry-hooks', 'release', 'hold'] as ActionName[]).map((action) => ({
        action,
        possible: possible.includes(action),
      })),
      ...rollout,
    },
  };
}

type ContainerStatus = Record<string, unknown>;

export function pod(name: string, statuses: ContainerStatus[], opts: { phase?: string; ready?: boolean; owner?: string } = {}): PodInfo {
  const obj: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: 'zone-101',
      uid: `uid-${name}`,
      resourceVersion: '1',
      labels: {},
      ownerReferences: [
        { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameStatefulSet', name: opts.owner ?? 'game-1', uid: 'u1', controller: true },
      ],
    },
    spec: { containers: [{ name: 'main', image: 'registry.example.com/game:1.9.1' }] },
    status: {
      phase: opts.phase ?? 'Running',
      conditions: [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
      containerStatuses: statuses.map((s) => ({
        name: 'main',
        image: 'registry.example.com/game:1.9.1',
        ready: opts.ready !== false,
        restartCount: 0,
        ...s,
      })),
    },
  };
  return readPod('shanghai', obj);
}
