// Rules over one workload row (its rollout status, hook results, replicas, last zonectl action):
// a pause that waits for someone, a failed hook or rollout, progress that stopped, replicas not
// ready, and a hot update an owner put back. Pure; the engine memoizes them per row object.
import type { AlertThresholds } from '../../config/alerts.js';
import { t as tr } from '../../i18n/t.js';
import { imageTag } from '../format.js';
import type { WorkloadInfo } from '../types.js';
import { alertId, type AlertFix, type AlertRule, type Candidate, type Severity } from './types.js';

const UNSUCCESSFUL = new Set(['Failed', 'Error', 'Inconclusive']);
const HOOK_PAUSES = new Set(['PausedByStepBasedHook', 'InconclusiveAnalysisRun', 'InconclusiveExperiment']);

/**
 * The fixes among `wanted` the row says are possible now (order kept; a fix by hand such as logs is
 * always kept); every wanted action when the row offers none (the operator still learns what fixes it).
 */
function possible(w: WorkloadInfo, wanted: AlertFix[]): AlertFix[] {
  const isAction = (f: AlertFix) => w.rollout.actions.some((x) => x.action === f);
  const ok = wanted.filter((f) => !isAction(f) || w.rollout.actions.some((x) => x.action === f && x.possible));
  return ok.some(isAction) ? ok : wanted;
}

function candidate(
  w: WorkloadInfo,
  rule: AlertRule,
  severity: Severity,
  message: string,
  fixes: AlertFix[],
  after: number,
  extra: Partial<Candidate> = {},
): Candidate {
  const c: Candidate = {
    id: alertId(rule, w.cluster, w.namespace, w.kind, w.name),
    severity,
    rule,
    cluster: w.cluster,
    namespace: w.namespace,
    object: { kind: w.kind, name: w.name },
    message,
    fixes,
    workload: { kind: w.kind, name: w.name },
    after,
    ...extra,
  };
  if (w.zone) c.zone = w.zone;
  return c;
}

/** Failed / Error hooks are critical, Inconclusive ones wait for a person (warning). */
function hookCandidate(w: WorkloadInfo, t: AlertThresholds): Candidate | undefined {
  const r = w.rollout;
  const bad = r.hookConditions.find((c) => UNSUCCESSFUL.has(c.phase));
  if (bad)
    return candidate(
      w,
      'hook-failed',
      bad.phase === 'Inconclusive' ? 'warning' : 'critical',
      tr('report.alert.podHook', { type: bad.type, phase: bad.phase, pod: bad.podName }),
      possible(w, ['retry-hooks', 'reject']),
      0,
      bad.startTime ? { since: bad.startTime } : {},
    );
  if (r.hookPhase && UNSUCCESSFUL.has(r.hookPhase)) {
    const values = { name: r.hookRunName ?? '', phase: r.hookPhase };
    const severity: Severity = r.hookPhase === 'Inconclusive' ? 'warning' : 'critical';
    return candidate(
      w,
      'hook-failed',
      severity,
      (r.stepIndex !== undefined && r.steps.length
        ? tr('report.alert.stepHookAt', { ...values, step: r.stepIndex + 1, steps: r.steps.length })
        : tr('report.alert.stepHook', values)
      ).replace('  ', ' '),
      possible(w, ['skip-hook', 'retry-hooks', 'approve', 'reject']),
      // A hook that paused the rollout is a pause by hook: it waits its threshold, a failure does not.
      r.paused ? t.pause.hook : 0,
      r.pausedSince ? { since: r.pausedSince } : {},
    );
  }
  return undefined;
}

function pauseCandidate(w: WorkloadInfo, t: AlertThresholds, now: number): Candidate | undefined {
  const r = w.rollout;
  if (r.phase !== 'paused') return undefined;
  const since = r.pausedSince ? { since: r.pausedSince } : {};
  const reason = r.pauseReason ?? 'Manual';
  if (reason === 'Held')
    return candidate(
      w,
      'paused-held',
      'info',
      r.hold?.by ? tr('report.alert.heldBy', { by: r.hold.by, message: r.message }) : tr('report.alert.held', { message: r.message }),
      ['release'],
      t.pause.held,
      since,
    );
  if (HOOK_PAUSES.has(reason))
    return candidate(
      w,
      'paused-hook',
      'warning',
      r.message,
      possible(w, ['skip-hook', 'retry-hooks', 'approve', 'reject']),
      t.pause.hook,
      since,
    );
  // A timed pause ends by itself: only once its end has passed does it wait for someone.
  if (r.pauseEndsAt && Date.parse(r.pauseEndsAt) > now) return undefined;
  return candidate(w, 'paused-approval', 'warning', r.message, possible(w, ['approve', 'reject']), t.pause.approval, since);
}

function stalledCandidate(w: WorkloadInfo, t: AlertThresholds): Candidate | undefined {
  const r = w.rollout;
  if (r.phase !== 'progressing' || r.replicas === 0 || r.updated >= r.replicas) return undefined;
  return candidate(
    w,
    'stalled',
    'warning',
    tr('report.alert.stalled', { updated: r.updated, replicas: r.replicas, ready: r.updatedReady }),
    possible(w, ['logs', 'reject']),
    t.stalled,
    // Any pod updated or ready starts the clock again.
    { progress: `${r.updateRevision ?? ''}:${r.updated}:${r.updatedReady}` },
  );
}

function notReadyCandidate(w: WorkloadInfo, t: AlertThresholds): Candidate | undefined {
  const r = w.rollout;
  // Rollout controllers (Argo / Kruise Rollout) report their workload's pods: the workload row says it.
  if (w.workloadRef || r.replicas === 0 || r.ready >= r.replicas) return undefined;
  return candidate(
    w,
    'not-ready',
    r.ready === 0 ? 'critical' : 'warning',
    tr('report.alert.notReady', { notReady: r.replicas - r.ready, replicas: r.replicas }),
    ['logs'],
    t.notReady,
    {
      progress: String(r.ready),
    },
  );
}

/** A hot update zonectl made below an owner (GameZone, kubefed, Argo CD, Helm) that is back on the old image. */
function revertCandidate(w: WorkloadInfo): Candidate | undefined {
  const a = w.lastAction;
  if (!a || a.action !== 'hotupdate' || !a.images?.length || !w.owner) return undefined;
  const back = a.images.find((im) => im.from !== im.to && w.containers.some((c) => c.name === im.container && c.image === im.from));
  if (!back) return undefined;
  const owner = `${w.owner.kind} ${w.owner.name}`;
  return candidate(
    w,
    'owner-revert',
    'warning',
    tr('report.alert.ownerRevert', { by: a.by, owner, container: back.container, from: imageTag(back.from), to: imageTag(back.to) }),
    ['hotupdate'],
    0,
    { since: a.at },
  );
}

/** Every problem of one workload row. `now` only decides whether a timed pause has ended. */
export function workloadCandidates(w: WorkloadInfo, t: AlertThresholds, now: number): Candidate[] {
  if (w.invalid) return [];
  const out: Candidate[] = [];
  const hook = hookCandidate(w, t);
  if (hook) out.push(hook);
  else if (w.rollout.phase === 'failed')
    out.push(candidate(w, 'rollout-failed', 'critical', w.rollout.message, possible(w, ['reject', 'retry-hooks']), t.pause.error));
  else {
    const p = pauseCandidate(w, t, now);
    if (p) out.push(p);
  }
  for (const c of [stalledCandidate(w, t), notReadyCandidate(w, t), revertCandidate(w)]) if (c) out.push(c);
  return out;
}

/** Whether a row's candidates depend on `now` (a timed pause): those are not memoized. */
export function dependsOnNow(w: WorkloadInfo): boolean {
  return w.rollout.phase === 'paused' && !!w.rollout.pauseEndsAt;
}
