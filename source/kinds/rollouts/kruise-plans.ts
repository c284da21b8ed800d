// Plans for Kruise Rollouts (research/crds.md §3.1): approve = status StepPaused -> StepReady;
// reject and hot update act on the workload the rollout drives.
import {
  availability,
  deny,
  holdAnnotation,
  imageChanges,
  imageOps,
  type Intent,
  jsonBody,
  mergeBody,
  ok,
  type PlanInput,
  type PlannedKind,
  refWorkload,
  releaseAnnotation,
  templateOfRevision,
  typeFromRef,
  what,
} from '../plan/common.js';
import { compose, type PlanParts, seen, write } from '../plan/compose.js';
import type { PlanResult, PlanStep } from '../plan/types.js';

export function planKruise(k: PlannedKind, intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = k.read(cluster, obj, { now: input.now, utc: input.utc });
  const a = availability(w, intent.action);
  if (!a.possible) return deny(`cannot ${intent.action} ${what(w)}: ${a.reason}`);
  const t = k.type;
  const rv = w.resourceVersion;
  const r = w.rollout;
  const pre = seen(w);
  // Writes to the workload the rollout drives carry its resourceVersion in their bodies.
  const viaWorkload = seen(w, { step: false });
  const plan = (action: PlanParts['action'], step: PlanStep, summary: string[], warnings: string[], preconditions = pre): PlanResult =>
    ok(compose(w, t, input, { action, steps: [step], preconditions, summary, warnings }));
  const n = r.steps.length;
  const at = r.stepIndex !== undefined && n ? `at step ${Math.min(r.stepIndex + 1, n)}/${n}` : '';
  const head = (verb: string) => `${verb} ${what(w)}`;
  const ref = w.workloadRef;

  switch (intent.action) {
    case 'approve': {
      const sub = r.strategy === 'BlueGreen' ? 'blueGreenStatus' : 'canaryStatus';
      return plan(
        'approve',
        write(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { status: { [sub]: { currentStepState: 'StepReady' } } }), 'status'),
        [head('approve'), at, a.reason ?? ''].filter(Boolean),
        [],
      );
    }
    case 'reject': {
      const o = refWorkload(w, input);
      if (typeof o === 'string') return deny(`cannot reject ${what(w)}: ${o}`);
      const stable = r.stableRevision;
      const rev = input.revisions?.find((x) => {
        const name = x.metadata?.name ?? '';
        const hash = x.metadata?.labels?.['pod-template-hash'] ?? x.metadata?.labels?.['controller-revision-hash'];
        return !!stable && (name === stable || name.endsWith(`-${stable}`) || hash === stable);
      });
      if (!rev) return deny(`cannot reject ${what(w)}: the stable revision ${stable ?? '?'} of ${ref!.kind} ${ref!.name} is not loaded`);
      const template = templateOfRevision(rev);
      if (!template) return deny(`cannot reject ${what(w)}: revision ${rev.metadata?.name} has no pod template`);
      const trv = typeof o.metadata?.resourceVersion === 'string' ? o.metadata.resourceVersion : '';
      return plan(
        'reject',
        write(
          cluster,
          typeFromRef(ref!.apiVersion, ref!.kind),
          w.namespace,
          ref!.name,
          'json',
          jsonBody(trv, [{ op: 'replace', path: '/spec/template', value: template }]),
        ),
        [
          head('roll back the workload of'),
          `${ref!.kind} ${ref!.name} -> stable revision ${stable}`,
          ...imageChanges(o.spec?.template, template).map((c) => `  ${c}`),
        ],
        ['the rollout sees a template change and finishes without its remaining steps'],
        viaWorkload,
      );
    }
    case 'hotupdate': {
      const o = refWorkload(w, input);
      if (typeof o === 'string') return deny(`cannot hot-update ${what(w)}: ${o}`);
      const img = imageOps(o, '/spec/template', intent.container, intent.image);
      if (typeof img === 'string') return deny(`cannot hot-update ${what(w)}: ${img}`);
      const trv = typeof o.metadata?.resourceVersion === 'string' ? o.metadata.resourceVersion : '';
      const warnings: string[] = [];
      const inPlace =
        o.spec?.updateStrategy?.type === 'InPlaceIfPossible' ||
        o.spec?.updateStrategy?.type === 'InPlaceOnly' ||
        o.spec?.updateStrategy?.rollingUpdate?.podUpdatePolicy === 'InPlaceIfPossible';
      if (!inPlace) warnings.push(`${ref!.kind} ${ref!.name} recreates pods (no InPlaceIfPossible update policy)`);
      if (intent.partition !== undefined) warnings.push('partition is ignored: the rollout steps decide how many pods update');
      return plan(
        'hotupdate',
        write(cluster, typeFromRef(ref!.apiVersion, ref!.kind), w.namespace, ref!.name, 'json', jsonBody(trv, img.ops)),
        [head('set image via'), `${ref!.kind} ${ref!.name} container ${intent.container}: ${img.old} -> ${intent.image}`],
        warnings,
        viaWorkload,
      );
    }
    case 'hold':
      return plan(
        'hold',
        write(
          cluster,
          t,
          w.namespace,
          w.name,
          'merge',
          mergeBody(rv, { spec: { strategy: { paused: true } } }, { annotations: holdAnnotation(false, input) }),
        ),
        [head('hold'), 'set spec.strategy.paused = true', at].filter(Boolean),
        [],
      );
    case 'release':
      return plan(
        'release',
        write(
          cluster,
          t,
          w.namespace,
          w.name,
          'merge',
          mergeBody(rv, { spec: { strategy: { paused: false } } }, { annotations: releaseAnnotation() }),
        ),
        [head('release'), 'set spec.strategy.paused = false', at].filter(Boolean),
        [],
      );
    default:
      return deny(`cannot ${intent.action} ${what(w)}: not supported for Kruise Rollout`);
  }
}
