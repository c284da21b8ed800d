// What one pass of a GameDeployment / GameStatefulSet's pod work (workload-pods.ts) reads and
// writes, and the pod facts its parts (scale, hooks, in-place update) share. A file of its own so
// those parts import it without importing each other.
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadKindName } from './canary.js';
import { LABEL_GD_INSTANCE, LABEL_REVISION_HASH, trailingNumber } from './kinds.js';
import { revisionTemplate } from './template.js';

export const ANN_INPLACE_STATE = 'inplace-update-state';
export const ANN_INPLACE_GRACE = 'inplace-update-grace';

export interface PodSyncInput {
  kind: WorkloadKindName;
  w: KubeObject;
  pods: KubeObject[];
  hookRuns: KubeObject[];
  revisions: KubeObject[];
  updateRevision: string;
  currentRevision: string;
  newStatus: any;
}

export interface PodSyncResult {
  requeueMs?: number;
  failedUpdate?: { reason: string; message: string };
}

export function ordinalOf(pod: KubeObject): number {
  return trailingNumber(pod.metadata.name ?? '');
}

export function instanceIdOf(kind: WorkloadKindName, pod: KubeObject): string {
  return kind === 'GameDeployment' ? (pod.metadata.labels?.[LABEL_GD_INSTANCE] ?? '') : String(ordinalOf(pod));
}

export function revOf(pod: KubeObject): string {
  return pod.metadata.labels?.[LABEL_REVISION_HASH] ?? '';
}

/** The pod template of a revision (the workload's own template when that revision is gone). */
export function templateFor(input: PodSyncInput, revision: string): any {
  const rev = input.revisions.find((r) => r.metadata.name === revision);
  return revisionTemplate(rev) ?? input.w.spec?.template;
}
