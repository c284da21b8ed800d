// Alerts: what needs the operator now. Each alert is derived from objects the store already watches
// (workload status, hook results, pods where watched, clusters, federation, zones): nothing polls.
// A rule sees one object and says whether it is a problem (a Candidate); the engine (engine.ts) turns
// candidates into alerts once they have lasted their threshold (config `alerts:`).
import type { WorkloadKind } from '../workload-kinds.js';
import type { ActionName } from '../action-types.js';

export type Severity = 'critical' | 'warning' | 'info';

/** Worst first. */
export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { critical: 0, warning: 1, info: 2 };

export const SEVERITIES: readonly Severity[] = ['critical', 'warning', 'info'];

export type AlertRule =
  | 'paused-approval'
  | 'paused-hook'
  | 'paused-held'
  | 'rollout-failed'
  | 'hook-failed'
  | 'stalled'
  | 'not-ready'
  | 'image-pull'
  | 'crash-loop'
  | 'oom-killed'
  | 'pod-not-ready'
  | 'restarts-rising'
  | 'owner-revert'
  | 'propagation-failed'
  | 'cluster-unreachable'
  | 'cluster-forbidden'
  | 'mixed-versions';

/** What fixes it: an action of the action service, or what the operator does by hand. */
export type AlertFix = ActionName | 'logs' | 'check-image' | 'check-access' | 'check-federation';

export interface Alert {
  /** Stable while the condition lasts: rule + cluster + object (+ container / member cluster). */
  id: string;
  severity: Severity;
  rule: AlertRule;
  cluster: string;
  namespace?: string;
  object: { kind: string; name: string };
  zone?: string;
  /** When the condition began (the object's own timestamp where it has one, else first seen). */
  since: string;
  message: string;
  /** What fixes it, most likely first. */
  fixes: AlertFix[];
  /** The workload the fix actions act on and Enter opens (same cluster and namespace). */
  workload?: { kind: WorkloadKind; name: string };
}

/** A rule's finding before it has lasted its threshold. */
export interface Candidate extends Omit<Alert, 'since'> {
  /** The object's own start of the condition (RFC3339); absent = when zonectl first saw it. */
  since?: string;
  /** How long it must last before it is an alert (ms). */
  after: number;
  /**
   * Extra state the first-seen clock restarts on (e.g. the updated count of a stalled rollout: any
   * progress starts the clock again). Absent = the id alone.
   */
  progress?: string;
}

/** Alert ids: parts joined by "/", the form scripts see. */
export function alertId(
  rule: AlertRule,
  cluster: string,
  namespace: string | undefined,
  kind: string,
  name: string,
  extra?: string,
): string {
  return [rule, cluster, namespace ?? '', `${kind}/${name}`, ...(extra ? [extra] : [])].join('/');
}
