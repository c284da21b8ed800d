// What the console needs from the actions layer. The UI never builds patches or talks to a
// cluster: it asks which actions are possible on a workload, asks for a plan, shows it for
// confirmation and hands it back to run. Without a port the console shows the keys as disabled.
// The implementation is an adapter over the action service (source/app/actions-port.ts).
import type { ActionAvailability, ActionInput, ActionName, ActionTarget, PodActionTarget } from '../model/action-types.js';

export type { ActionInput, ActionTarget, PodActionTarget } from '../model/action-types.js';

/** What a console action acts on: a workload, or one pod (delete-pod, shell). */
export type ConsoleTarget = ActionTarget | PodActionTarget;

/** A plan as the UI sees it: what the confirm step shows. The executor's own plan type stays opaque. */
export interface PlanView<P = unknown> {
  summary: string[];
  plan: P;
  /**
   * Protected context: the confirm step must have this typed — the workload name for one target; for a
   * batch, the protected contexts among its targets joined by ','.
   */
  confirmName?: string;
}

export interface ActionResult {
  ok: boolean;
  /** One sentence for the status line (names the cluster on failure). */
  message: string;
  /** A shell: the command the console runs on its terminal, suspended until it exits (argv). */
  exec?: string[];
}

export interface ActionsPort<P = unknown> {
  /** Which actions are possible now and why not (state, read-only mode, access review). */
  available(target: ActionTarget): Promise<ActionAvailability[]>;
  /** Builds the plan for one action (fresh read + planner); shown before running. Rejects with the refusal. */
  plan(target: ConsoleTarget, action: ActionName, input?: ActionInput): Promise<PlanView<P>>;
  /**
   * Plans one action on many targets (the console's marked rows): one card for the batch — counts per
   * cluster and state, the targets where it is not possible and why, owners acted through, pods that
   * take a new image — and one batch id. A target that cannot be planned is on the card, not a rejection.
   */
  planMany(targets: readonly ActionTarget[], action: ActionName, input?: ActionInput): Promise<PlanView<P>>;
  /** Runs a confirmed plan (one target's or a batch's); `reason` is what the operator typed on the card (audit trail). */
  run(plan: P, opts?: RunOptions): Promise<ActionResult>;
}

export interface RunOptions {
  reason?: string;
}
