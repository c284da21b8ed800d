// A mutation, planned. Pure data produced by the kind planners (planAction: intent -> Plan); the
// same plan feeds the confirm dialog, --dry-run, the audit record and the executor (source/actions).
// This is the one plan type (DESIGN §3 "Plan, then execute").
import type { ResourceType } from '../../kube/object.js';
import type { ActionName } from '../../model/action-types.js';

export type PlanPatchType = 'merge' | 'json';

export interface PlanTarget {
  cluster: string;
  type: ResourceType;
  namespace: string;
  name: string;
}

export interface PlanStep {
  target: PlanTarget;
  /** 'delete': a DELETE of the target with `body` as its DeleteOptions (patchType unused); default a PATCH. */
  verb?: 'delete';
  /** e.g. 'status' for the status subresource. */
  subresource?: string;
  patchType: PlanPatchType;
  /** Merge patch object or JSON patch op list. JSON patches carry their own `test` ops. */
  body: unknown;
  /** Human description of this write, e.g. "spec.updateStrategy.paused: true -> false". */
  describe: string;
}

export interface PlanPreconditions {
  /** resourceVersion of the primary object as the operator saw it. */
  resourceVersion: string;
  /** For approve: the canary step index and update revision the operator saw. */
  stepIndex?: number;
  updateRevision?: string;
  /** For skip-hook: the HookRun that must still be the current step run. */
  hookRunName?: string;
  /**
   * metadata.generation as seen: the spec the operator decided on. Controllers' status writes move the
   * resourceVersion but not the generation, so the executor guards this (and the step, revision and
   * hook run above) rather than every status write.
   */
  generation?: number;
  /** zonectl's hold was on the object as seen (a hold set since then refuses approve / hot update). */
  held?: boolean;
  /**
   * The object's uid as seen, for objects with no generation whose status changes all the time (pods):
   * the same object must still be there; its resourceVersion is not compared.
   */
  uid?: string;
}

/** Facts for the approval card (seed 000), shown before confirming. */
export interface PlanCard {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  /** The owner that decides this workload's spec or image (GameZone, kubefed, Argo CD, Helm). */
  owner?: string;
  revision?: string; // "current -> update"
  step?: string; // "2/4 (pause)"
  percentUpdated?: string;
  images?: Array<{ container: string; from: string; to: string }>;
  hook?: string; // "check-online Inconclusive (metric x=…)"
}

export interface Plan {
  action: ActionName;
  /** The object the operator acted on (its resourceVersion is the precondition). */
  primary: PlanTarget;
  preconditions: PlanPreconditions;
  /** One or more writes, executed in order (e.g. Argo approve: status then spec). */
  steps: PlanStep[];
  /** One-line summary, e.g. "approve GameDeployment games/game-1 on shanghai". */
  summary: string;
  /**
   * The summary in English, for the records (the audit annotation and log, the Event): they never change
   * with the run's language (DESIGN §9). Planners that translate the summary with t() give it with tEn();
   * absent, the summary is English already.
   */
  record?: string;
  /** The planner's further lines for the confirm dialog and --dry-run (stage, images, partition...). */
  details: string[];
  card: PlanCard;
  /** Caveats the operator must see (e.g. "RollingUpdate recreates pods instead of updating in place"). */
  warnings: string[];
  /** Warnings that require explicit confirmation even with --yes unless --force is given. */
  requiresForce?: boolean;
  /**
   * The audit trail has no annotation on the primary (a pod about to be deleted, a shell that writes
   * nothing): the Event on it and the local log line record the action.
   */
  noAnnotation?: true;
  /**
   * The audit record goes after every write (a patch of its own when the last write is not on the
   * primary), not on an earlier workload write: for plans whose owner write follows the workload's and
   * can be planned again as it was (hot update: a partition, then the GameZone's image).
   */
  recordLast?: true;
  /**
   * A resume's target whose change is already live (the owner write landed, the process died before
   * the audit record): no steps; the executor writes only the audit record. What was asked, for --wait.
   */
  recordOnly?: { container: string; image: string };
  /** A shell: the front end runs this after the executor's checks and audit (kubectl exec -it ...). */
  exec?: { container: string; command: string[] };
  /** The RBAC checks the executor must pass first (SelfSubjectAccessReview). */
  access: Array<{
    verb: string;
    group: string;
    resource: string;
    subresource?: string;
    namespace: string;
    name: string;
    /** The cluster of the write when it is not the primary's (a kubefed host). */
    cluster?: string;
  }>;
}

/** A planner's answer: a plan, or why there is none (one sentence naming the object and cluster). */
export type PlanResult = { ok: true; plan: Plan } | { ok: false; reason: string };
