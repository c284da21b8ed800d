// Rules over one pod (where the store watches pods: the screen in front, the Alerts view's workloads,
// `zonectl alerts`): image pulls that fail, crash loops, OOM kills, pods not ready, restarts rising.
// A pod's alerts name the workload that owns it, so Enter and the fix actions reach the workload.
import type { AlertThresholds } from '../../config/alerts.js';
import { t as tr } from '../../i18n/t.js';
import type { PodInfo } from '../types.js';
import type { WorkloadKind } from '../workload-kinds.js';
import { alertId, type AlertFix, type AlertRule, type Candidate, type Severity } from './types.js';

export interface PodOwner {
  kind: WorkloadKind;
  name: string;
  zone?: string;
}

const WAITING_IMAGE = new Set(['ImagePullBackOff', 'ErrImagePull', 'InvalidImageName', 'ErrImageNeverPull']);

function candidate(
  p: PodInfo,
  owner: PodOwner | undefined,
  rule: AlertRule,
  severity: Severity,
  message: string,
  fixes: AlertFix[],
  after: number,
  extra?: string,
): Candidate {
  const c: Candidate = {
    id: alertId(rule, p.cluster, p.namespace, 'Pod', p.name, extra),
    severity,
    rule,
    cluster: p.cluster,
    namespace: p.namespace,
    object: { kind: 'Pod', name: p.name },
    message,
    fixes,
    after,
  };
  if (owner) {
    c.workload = { kind: owner.kind, name: owner.name };
    if (owner.zone) c.zone = owner.zone;
  }
  return c;
}

const waitingReason = (state: string | undefined) => (state?.startsWith('waiting: ') ? state.slice(9) : undefined);

/** The problems of one pod, its containers' first. Terminating and completed pods have none. */
export function podCandidates(p: PodInfo, owner: PodOwner | undefined, t: AlertThresholds): Candidate[] {
  if (p.invalid || p.phase === 'Terminating' || p.phase === 'Succeeded' || p.phase === 'Completed') return [];
  const out: Candidate[] = [];
  for (const c of p.containers) {
    const waiting = waitingReason(c.state);
    if (waiting && WAITING_IMAGE.has(waiting))
      out.push(
        candidate(
          p,
          owner,
          'image-pull',
          'critical',
          tr('report.alert.imagePull', { container: c.name, reason: waiting, image: c.image }),
          ['check-image', 'hotupdate', 'reject'],
          t.podProblem,
          c.name,
        ),
      );
    else if (waiting === 'CrashLoopBackOff')
      out.push(
        candidate(
          p,
          owner,
          'crash-loop',
          'critical',
          c.lastTerminated
            ? tr('report.alert.crashLoopLast', { container: c.name, restarts: c.restartCount, last: c.lastTerminated })
            : tr('report.alert.crashLoop', { container: c.name, restarts: c.restartCount }),
          ['logs', 'reject'],
          t.podProblem,
          c.name,
        ),
      );
    if (c.lastTerminated === 'OOMKilled' || c.state === 'terminated: OOMKilled')
      out.push(
        candidate(
          p,
          owner,
          'oom-killed',
          'warning',
          tr('report.alert.oomKilled', { container: c.name, restarts: c.restartCount }),
          ['logs'],
          t.podProblem,
          c.name,
        ),
      );
  }
  // Not ready without a named reason above: the container says nothing more (probe failing, starting).
  if (!p.ready && !out.some((c) => c.rule === 'image-pull' || c.rule === 'crash-loop'))
    out.push(candidate(p, owner, 'pod-not-ready', 'warning', tr('report.alert.podNotReady', { phase: p.phase }), ['logs'], t.notReady));
  return out;
}

/** Restart counts of one pod seen over time (oldest first), kept within the window. */
export type RestartSamples = ReadonlyArray<{ at: number; restarts: number }>;

/** The samples after seeing `restarts` at `now`: a new sample only when the count moved; older than the window dropped (one kept as the base). */
export function noteRestarts(samples: RestartSamples | undefined, restarts: number, now: number, windowMs: number): RestartSamples {
  // Nothing new and nothing aged out: the same list (a pass over many restarted pods copies nothing).
  if (samples?.length && samples[samples.length - 1]!.restarts === restarts && (samples.length < 2 || samples[1]!.at > now - windowMs))
    return samples;
  const list = samples ? [...samples] : [];
  if (!list.length || list[list.length - 1]!.restarts !== restarts) list.push({ at: now, restarts });
  // Keep the newest sample at or before the window's start as the base the rise is counted from.
  while (list.length > 1 && list[1]!.at <= now - windowMs) list.shift();
  return list;
}

/** "restarts rising": at least `count` restarts within the window, counted from the base sample. */
export function restartsCandidate(
  p: PodInfo,
  owner: PodOwner | undefined,
  samples: RestartSamples,
  t: AlertThresholds,
): Candidate | undefined {
  if (samples.length < 2) return undefined;
  const rise = samples[samples.length - 1]!.restarts - samples[0]!.restarts;
  if (rise < t.restarts.count) return undefined;
  const c = candidate(
    p,
    owner,
    'restarts-rising',
    'warning',
    tr('report.alert.restartsRising', { rise, minutes: Math.round(t.restarts.window / 60_000), total: p.restarts }),
    ['logs'],
    0,
  );
  c.since = new Date(samples[1]!.at).toISOString();
  return c;
}
