// What an action is for and what the operator enters: the action names, their targets (a workload or a
// pod), the input of the confirm dialog and the flags, and whether an action is possible now. Plain data.
import type { RefusalCode } from '../errors.js';
import type { WorkloadKind } from './workload-kinds.js';

export type ActionName = 'approve' | 'reject' | 'skip-hook' | 'retry-hooks' | 'hotupdate' | 'hold' | 'release' | 'restart' | PodActionName;

/** Actions on one pod (issue 12): delete it (its controller recreates it), open a shell in it. */
export type PodActionName = 'delete-pod' | 'shell';

export interface ActionAvailability {
  action: ActionName;
  possible: boolean;
  reason?: string; // why not (or a caveat when possible)
  /** Why not, as a code, when the action service refused (read-only, forbidden, ...); state reasons have none. */
  refusal?: RefusalCode;
}

/** The workload an action is for. */
export interface ActionTarget {
  cluster: string;
  kind: WorkloadKind;
  namespace: string;
  name: string;
}

/** The pod a pod action (delete-pod, shell) is for. */
export interface PodTarget {
  cluster: string;
  namespace: string;
  name: string;
}

/** A pod as the target of a console action (the overlays carry workload and pod targets alike). */
export interface PodActionTarget extends PodTarget {
  kind: 'Pod';
}

/** What the operator enters for a pod action. */
export interface PodActionInput {
  /** shell: the container (default: the pod's first). */
  container?: string;
  /** delete-pod: seconds the pod gets to stop (default: the pod's own terminationGracePeriodSeconds). */
  gracePeriodSeconds?: number;
  reason?: string;
}

/** What the operator enters for an action: hot update fields and the audit reason. */
export interface ActionInput {
  container?: string;
  image?: string;
  /** Pods (bk-bcs GameDeployment) or ordinals (StatefulSet-like) kept on the old revision. */
  partition?: number;
  /** Update one pod first: partition = replicas - 1 (only for kinds that have a partition). */
  onePodFirst?: boolean;
  /** Keep the images and move the partition (to `partition`, default 0): go on after one pod first. */
  continue?: boolean;
  reason?: string;
  /**
   * `--resume`: the target is in a wave the batch had started (a change already live is only recorded);
   * `since`: the batch's earliest record (its `at`), when one is found.
   */
  resumed?: { since?: string };
}
