// What the console needs from the actions layer. The UI never builds patches or talks to a
// cluster: it asks which actions are possible on a workload, asks for a plan, shows it for
// confirmation and hands it back to run. Without a port the console shows the keys as disabled.
import type { ActionAvailability, ActionName, WorkloadKind } from '../model/types.js';

export interface ActionTarget {
  cluster: string;
  kind: WorkloadKind;
  namespace: string;
  name: string;
}

/** A plan as the UI sees it: what the confirm step shows. The executor's own plan type stays opaque. */
export interface PlanView<P = unknown> {
  summary: string[];
  plan: P;
  /** Protected context: the confirm step must have this (the workload name) typed. */
  confirmName?: string;
}

/** What the operator enters for an action: hot update form fields and the audit reason. */
export interface ActionInput {
  container?: string;
  image?: string;
  partition?: number;
  onePodFirst?: boolean;
  reason?: string;
}

export interface ActionResult {
  ok: boolean;
  /** One sentence for the status line (names the cluster on failure). */
  message: string;
}

export interface ActionsPort<P = unknown> {
  /** Which actions are possible now and why not (access review + state). */
  available(target: ActionTarget): Promise<ActionAvailability[]>;
  /** Builds the plan for one action (pure adapter + preflight); shown before running. */
  plan(target: ActionTarget, action: ActionName, input?: ActionInput): Promise<PlanView<P>>;
  /** Runs a confirmed plan; `reason` is what the operator typed on the card (audit trail). */
  run(plan: P, opts?: RunOptions): Promise<ActionResult>;
}

export interface RunOptions {
  reason?: string;
}
