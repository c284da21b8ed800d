// Pieces shared by the Argo and Kruise Rollout readers.
import type { KubeObject } from '../../kube/object.js';
import type { ActionAvailability, WorkloadInfo } from '../../model/types.js';
import type { HoldRecord } from '../shared/hold.js';
import { Malformed, optRecord } from '../shared/read-util.js';
import { can, cannot } from '../shared/workload-base.js';

export function readWorkloadRef(obj: KubeObject, path: string): WorkloadInfo['workloadRef'] {
  const r = optRecord(obj, path);
  if (!r) return undefined;
  if (typeof r.kind !== 'string' || typeof r.name !== 'string') throw new Malformed(`${path}: expected {apiVersion, kind, name}`);
  return { apiVersion: typeof r.apiVersion === 'string' ? r.apiVersion : 'apps/v1', kind: r.kind, name: r.name };
}

/** hold = pause the rollout via `field`; release only undoes zonectl's own hold. */
export function rolloutHoldActions(hold: HoldRecord | undefined, paused: boolean, field: string): ActionAvailability[] {
  return [
    hold
      ? cannot('hold', 'already held by zonectl')
      : paused
        ? cannot('hold', 'already paused')
        : can('hold', `pauses the rollout (${field}=true)`),
    hold ? can('release', `resumes the rollout (${field}=false)`) : cannot('release', 'not held by zonectl'),
  ];
}
