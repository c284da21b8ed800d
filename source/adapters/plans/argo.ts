// Plans for Argo Rollouts (research/crds.md §2): the same patches kubectl-argo-rollouts sends.
import type { Plan, PlanResult } from '../../model/types.js';
import { readArgoRollout } from '../argo-rollout.js';
import { KINDS } from '../kinds.js';
import { availability, deny, holdAnnotation, imageOps, type Intent, jsonBody, mergeBody, ok, type PlanInput, releaseAnnotation, request, typeFromRef, what } from './common.js';

const ANALYSIS_RUNS = { group: 'argoproj.io', version: 'v1alpha1', resource: 'analysisruns', kind: 'AnalysisRun', namespaced: true };

export function planArgo(intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = readArgoRollout(cluster, obj, { now: input.now, utc: input.utc });
  const a = availability(w, intent.action);
  if (!a.possible) return deny(`cannot ${intent.action} ${what(w)}: ${a.reason}`);
  const t = KINDS.Rollout;
  const rv = w.resourceVersion;
  const r = w.rollout;
  const pre = { resourceVersion: rv, ...(r.stepIndex !== undefined ? { stepIndex: r.stepIndex } : {}), ...(r.updateRevision ? { revision: r.updateRevision } : {}) };
  const at = r.steps.length && r.stepIndex !== undefined ? `at step ${Math.min(r.stepIndex + 1, r.steps.length)}/${r.steps.length}, ${r.updated}/${r.replicas} updated` : `${r.updated}/${r.replicas} updated`;
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
      const spec = request(cluster, t, w.namespace, w.name, 'merge', { spec: { paused: false } }, {});
      if (!hasConds) {
        // Only spec.paused: resume on the main resource.
        return ok({ ...request(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { spec: { paused: false } }), pre), action: 'approve', summary: [head('resume'), at], warnings: [] });
      }
      const plan: Plan = { ...request(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { status }), pre, 'status'), action: 'approve', summary: [head('promote'), at, a.reason ?? ''].filter(Boolean), warnings: inconclusive ? ['the inconclusive analysis is skipped, not passed'] : [] };
      if (specPaused) plan.also = [spec];
      return ok(plan);
    }
    case 'reject':
      return ok({ ...request(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { status: { abort: true } }), pre, 'status'), action: 'reject', summary: [head('abort'), at, 'traffic and pods go back to the stable ReplicaSet'], warnings: ['spec.template still holds the new version: retry would roll it out again'] });
    case 'retry-hooks':
      return ok({ ...request(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { status: { abort: false } }), pre, 'status'), action: 'retry-hooks', summary: [head('retry'), 'clear the abort: the new version is rolled out again from step 1'], warnings: [] });
    case 'skip-hook': {
      const name = r.hookRunName!;
      return ok({ ...request(cluster, ANALYSIS_RUNS, w.namespace, name, 'merge', { spec: { terminate: true } }, { ...(pre.stepIndex !== undefined ? { stepIndex: pre.stepIndex } : {}), ...(pre.revision ? { revision: pre.revision } : {}) }), action: 'skip-hook', summary: [head('terminate the running analysis of'), `AnalysisRun ${name}`, at], warnings: ['the analysis result is not checked'] });
    }
    case 'hotupdate': {
      const ref = w.workloadRef;
      const target = ref ? input.workloadObj : obj;
      if (!target) return deny(`cannot hot-update ${what(w)}: the referenced ${ref!.kind} ${ref!.name} is not loaded`);
      if (ref && (target.kind !== ref.kind || target.metadata?.name !== ref.name)) return deny(`cannot hot-update ${what(w)}: the loaded workload is not ${ref.kind} ${ref.name}`);
      const img = imageOps(target, '/spec/template', intent.container, intent.image);
      if (typeof img === 'string') return deny(`cannot hot-update ${what(w)}: ${img}`);
      const tt = ref ? typeFromRef(ref.apiVersion, ref.kind) : t;
      const trv = typeof target.metadata?.resourceVersion === 'string' ? target.metadata.resourceVersion : '';
      const warnings = [a.reason?.replace(/^warning: /, '') ?? ''].filter(Boolean);
      if (intent.partition !== undefined) warnings.push('partition is ignored: the rollout steps decide how many pods update');
      return ok({ ...request(cluster, tt, w.namespace, ref ? ref.name : w.name, 'json', jsonBody(trv, img.ops), { resourceVersion: trv }), action: 'hotupdate', summary: [head('set image on'), ...(ref ? [`via ${ref.kind} ${ref.name}`] : []), `container ${intent.container}: ${img.old} -> ${intent.image}`], warnings });
    }
    case 'hold':
      return ok({ ...request(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { spec: { paused: true } }, { annotations: holdAnnotation(specPaused, input) }), pre), action: 'hold', summary: [head('hold'), 'set spec.paused = true', at], warnings: [] });
    case 'release':
      return ok({ ...request(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { spec: { paused: false } }, { annotations: releaseAnnotation() }), pre), action: 'release', summary: [head('release'), 'set spec.paused = false', at], warnings: [] });
  }
}
