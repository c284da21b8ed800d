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
  what,
} from '../plan/common.js';
import { compose, type PlanParts, seen, write } from '../plan/compose.js';
import type { PlanResult, PlanStep } from '../plan/types.js';

export const ANALYSIS_RUNS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'analysisruns', kind: 'AnalysisRun', namespaced: true };

export function planArgo(k: PlannedKind, intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = k.read(cluster, obj, { now: input.now, utc: input.utc });
  const a = availability(w, intent.action);
  if (!a.possible) return deny(`cannot ${intent.action} ${what(w)}: ${a.reason}`);
  const t = k.type;
  const rv = w.resourceVersion;
  const r = w.rollout;
  const pre = seen(w);
  const plan = (action: PlanParts['action'], steps: PlanStep[], summary: string[], warnings: string[], preconditions = pre): PlanResult =>
    ok(compose(w, t, input, { action, steps, preconditions, summary, warnings }));
  const self = (body: unknown, subresource?: 'status') => write(cluster, t, w.namespace, w.name, 'merge', body, subresource);
  const at =
    r.steps.length && r.stepIndex !== undefined
      ? `at step ${Math.min(r.stepIndex + 1, r.steps.length)}/${r.steps.length}, ${r.updated}/${r.replicas} updated`
      : `${r.updated}/${r.replicas} updated`;
  const head = (verb: string) => `${verb} ${what(w)}`;
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
      if (!hasConds) return plan('approve', [self(mergeBody(rv, { spec: { paused: false } }))], [head('resume'), at], []);
      // Promote on the status subresource, then (when paused) spec.paused=false.
      const steps = [self(mergeBody(rv, { status }), 'status'), ...(specPaused ? [self({ spec: { paused: false } })] : [])];
      return plan(
        'approve',
        steps,
        [head('promote'), at, a.reason ?? ''].filter(Boolean),
        inconclusive ? ['the inconclusive analysis is skipped, not passed'] : [],
      );
    }
    case 'reject':
      return plan(
        'reject',
        [self(mergeBody(rv, { status: { abort: true } }), 'status')],
        [head('abort'), at, 'traffic and pods go back to the stable ReplicaSet'],
        ['spec.template still holds the new version: retry would roll it out again'],
      );
    case 'retry-hooks':
      return plan(
        'retry-hooks',
        [self(mergeBody(rv, { status: { abort: false } }), 'status')],
        [head('retry'), 'clear the abort: the new version is rolled out again from step 1'],
        [],
      );
    case 'skip-hook': {
      const name = r.hookRunName!;
      return plan(
        'skip-hook',
        [write(cluster, ANALYSIS_RUNS, w.namespace, name, 'merge', { spec: { terminate: true } })],
        [head('terminate the running analysis of'), `AnalysisRun ${name}`, at],
        ['the analysis result is not checked'],
        seen(w, { hookRunName: name }),
      );
    }
    case 'hotupdate': {
      const ref = w.workloadRef;
      const target = ref ? refWorkload(w, input) : obj;
      if (typeof target === 'string') return deny(`cannot hot-update ${what(w)}: ${target}`);
      const img = imageOps(target, '/spec/template', intent.container, intent.image);
      if (typeof img === 'string') return deny(`cannot hot-update ${what(w)}: ${img}`);
      const tt = ref ? typeFromRef(ref.apiVersion, ref.kind) : t;
      const trv = typeof target.metadata?.resourceVersion === 'string' ? target.metadata.resourceVersion : '';
      const warnings = [a.reason?.replace(/^warning: /, '') ?? ''].filter(Boolean);
      if (intent.partition !== undefined) warnings.push('partition is ignored: the rollout steps decide how many pods update');
      // On the Rollout itself the write is guarded by its resourceVersion alone; via the workloadRef, by
      // the Rollout's resourceVersion and update revision (the workload's resourceVersion is in the body).
      const guard = ref ? seen(w, { step: false }) : { resourceVersion: w.resourceVersion };
      return plan(
        'hotupdate',
        [write(cluster, tt, w.namespace, ref ? ref.name : w.name, 'json', jsonBody(trv, img.ops))],
        [
          head('set image on'),
          ...(ref ? [`via ${ref.kind} ${ref.name}`] : []),
          `container ${intent.container}: ${img.old} -> ${intent.image}`,
        ],
        warnings,
        guard,
      );
    }
    case 'hold':
      return plan(
        'hold',
        [self(mergeBody(rv, { spec: { paused: true } }, { annotations: holdAnnotation(specPaused, input) }))],
        [head('hold'), 'set spec.paused = true', at],
        [],
      );
    case 'release':
      return plan(
        'release',
        [self(mergeBody(rv, { spec: { paused: false } }, { annotations: releaseAnnotation() }))],
        [head('release'), 'set spec.paused = false', at],
        [],
      );
    case 'restart':
      return deny(`cannot restart ${what(w)}: planned by plan/restart.ts`);
  }
}
