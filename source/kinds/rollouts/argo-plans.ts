// Plans for Argo Rollouts (research/crds.md §2): the same patches kubectl-argo-rollouts sends.
import {
  availability,
  deny,
  holdAnnotation,
  imageOps,
  type Intent,
  jsonBody,
  mergeBody,
  ok,
  type PlanInput,
  type PlannedKind,
  refWorkload,
  releaseAnnotation,
  typeFromRef,
} from '../plan/common.js';
import { compose, type PlanParts, seen, write } from '../plan/compose.js';
import type { PlanResult, PlanStep } from '../plan/types.js';
import { t as tr, type MessageKey } from '../../i18n/t.js';
import { headline, whatOf } from './common.js';

export const ANALYSIS_RUNS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'analysisruns', kind: 'AnalysisRun', namespaced: true };

export function planArgo(k: PlannedKind, intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = k.read(cluster, obj, { now: input.now, utc: input.utc });
  const a = availability(w, intent.action);
  const what = whatOf(w);
  if (!a.possible) return deny(tr('actions.rollout.cannot', { action: intent.action, what, reason: a.reason ?? '' }));
  const t = k.type;
  const rv = w.resourceVersion;
  const r = w.rollout;
  const pre = seen(w);
  // The headline in the run's language on the card, in English in the records (Plan.record).
  const plan = (
    action: PlanParts['action'],
    steps: PlanStep[],
    head: MessageKey,
    details: string[],
    warnings: string[],
    preconditions = pre,
  ): PlanResult => {
    const h = headline(head, w);
    return ok(compose(w, t, input, { action, steps, preconditions, summary: [h.text, ...details], record: h.record, warnings }));
  };
  const self = (body: unknown, subresource?: 'status') => write(cluster, t, w.namespace, w.name, 'merge', body, subresource);
  const at =
    r.steps.length && r.stepIndex !== undefined
      ? tr('actions.argo.plan.atStep', {
          step: Math.min(r.stepIndex + 1, r.steps.length),
          steps: r.steps.length,
          updated: r.updated,
          replicas: r.replicas,
        })
      : tr('actions.argo.plan.updated', { updated: r.updated, replicas: r.replicas });
  const specPaused = obj.spec?.paused === true;

  switch (intent.action) {
    case 'approve': {
      const inconclusive = r.pauseReason === 'InconclusiveAnalysisRun' || r.pauseReason === 'InconclusiveExperiment';
      const hasConds = Array.isArray(obj.status?.pauseConditions) && obj.status.pauseConditions.length > 0;
      const status: Record<string, unknown> = { pauseConditions: null };
      if (inconclusive && obj.status?.controllerPause === true) {
        status.controllerPause = false;
        status.currentStepIndex = (r.stepIndex ?? 0) + 1;
      }
      // Only spec.paused: resume on the main resource.
      if (!hasConds) return plan('approve', [self(mergeBody(rv, { spec: { paused: false } }))], 'actions.argo.head.resume', [at], []);
      // Promote on the status subresource, then (when paused) spec.paused=false.
      const steps = [self(mergeBody(rv, { status }), 'status'), ...(specPaused ? [self({ spec: { paused: false } })] : [])];
      return plan(
        'approve',
        steps,
        'actions.argo.head.promote',
        [at, a.reason ?? ''].filter(Boolean),
        inconclusive ? [tr('actions.argo.plan.inconclusiveSkipped')] : [],
      );
    }
    case 'reject':
      return plan(
        'reject',
        [self(mergeBody(rv, { status: { abort: true } }), 'status')],
        'actions.argo.head.abort',
        [at, tr('actions.argo.plan.backToStable')],
        [tr('actions.argo.plan.templateStillNew')],
      );
    case 'retry-hooks':
      return plan(
        'retry-hooks',
        [self(mergeBody(rv, { status: { abort: false } }), 'status')],
        'actions.argo.head.retry',
        [tr('actions.argo.plan.clearAbort')],
        [],
      );
    case 'skip-hook': {
      const name = r.hookRunName!;
      return plan(
        'skip-hook',
        [write(cluster, ANALYSIS_RUNS, w.namespace, name, 'merge', { spec: { terminate: true } })],
        'actions.argo.head.terminate',
        [`AnalysisRun ${name}`, at],
        [tr('actions.argo.plan.analysisNotChecked')],
        seen(w, { hookRunName: name }),
      );
    }
    case 'hotupdate': {
      const ref = w.workloadRef;
      const target = ref ? refWorkload(w, input) : obj;
      if (typeof target === 'string') return deny(tr('actions.rollout.cannotHotUpdate', { what, reason: target }));
      const img = imageOps(target, '/spec/template', intent.container, intent.image);
      if (typeof img === 'string') return deny(tr('actions.rollout.cannotHotUpdate', { what, reason: img }));
      const tt = ref ? typeFromRef(ref.apiVersion, ref.kind) : t;
      const trv = typeof target.metadata?.resourceVersion === 'string' ? target.metadata.resourceVersion : '';
      const warnings = [a.reason?.replace(/^warning: /, '') ?? ''].filter(Boolean);
      if (intent.partition !== undefined) warnings.push(tr('actions.rollout.plan.partitionIgnored'));
      // On the Rollout itself the write is guarded by its resourceVersion alone; via the workloadRef, by
      // the Rollout's resourceVersion and update revision (the workload's resourceVersion is in the body).
      const guard = ref ? seen(w, { step: false }) : { resourceVersion: w.resourceVersion };
      return plan(
        'hotupdate',
        [write(cluster, tt, w.namespace, ref ? ref.name : w.name, 'json', jsonBody(trv, img.ops))],
        'actions.argo.head.setImage',
        [
          ...(ref ? [tr('actions.rollout.plan.via', { target: `${ref.kind} ${ref.name}` })] : []),
          tr('actions.rollout.plan.container', { container: intent.container, from: img.old, to: intent.image }),
        ],
        warnings,
        guard,
      );
    }
    case 'hold':
      return plan(
        'hold',
        [self(mergeBody(rv, { spec: { paused: true } }, { annotations: holdAnnotation(specPaused, input) }))],
        'actions.rollout.head.hold',
        [tr('actions.rollout.plan.set', { field: 'spec.paused', value: 'true' }), at],
        [],
      );
    case 'release':
      return plan(
        'release',
        [self(mergeBody(rv, { spec: { paused: false } }, { annotations: releaseAnnotation() }))],
        'actions.rollout.head.release',
        [tr('actions.rollout.plan.set', { field: 'spec.paused', value: 'false' }), at],
        [],
      );
    case 'restart':
      // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant: restart never reaches this planner
      return deny(`cannot restart ${what}: planned by plan/restart.ts`);
  }
}
