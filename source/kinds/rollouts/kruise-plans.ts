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
} from '../plan/common.js';
import { compose, type PlanParts, seen, write } from '../plan/compose.js';
import type { PlanResult, PlanStep } from '../plan/types.js';
import { t as tr, type MessageKey } from '../../i18n/t.js';
import { headline, whatOf } from './common.js';

export function planKruise(k: PlannedKind, intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = k.read(cluster, obj, { now: input.now, utc: input.utc });
  const a = availability(w, intent.action);
  const what = whatOf(w);
  if (!a.possible) return deny(tr('actions.rollout.cannot', { action: intent.action, what, reason: a.reason ?? '' }));
  const t = k.type;
  const rv = w.resourceVersion;
  const r = w.rollout;
  const pre = seen(w);
  // Writes to the workload the rollout drives carry its resourceVersion in their bodies.
  const viaWorkload = seen(w, { step: false });
  // The headline in the run's language on the card, in English in the records (Plan.record).
  const plan = (
    action: PlanParts['action'],
    step: PlanStep,
    head: MessageKey,
    details: string[],
    warnings: string[],
    preconditions = pre,
  ): PlanResult => {
    const h = headline(head, w);
    return ok(compose(w, t, input, { action, steps: [step], preconditions, summary: [h.text, ...details], record: h.record, warnings }));
  };
  const n = r.steps.length;
  const at = r.stepIndex !== undefined && n ? tr('actions.kruise.plan.atStep', { step: Math.min(r.stepIndex + 1, n), steps: n }) : '';
  const ref = w.workloadRef;

  switch (intent.action) {
    case 'approve': {
      const sub = r.strategy === 'BlueGreen' ? 'blueGreenStatus' : 'canaryStatus';
      return plan(
        'approve',
        write(cluster, t, w.namespace, w.name, 'merge', mergeBody(rv, { status: { [sub]: { currentStepState: 'StepReady' } } }), 'status'),
        'actions.kruise.head.approve',
        [at, a.reason ?? ''].filter(Boolean),
        [],
      );
    }
    case 'reject': {
      const o = refWorkload(w, input);
      if (typeof o === 'string') return deny(tr('actions.rollout.cannot', { action: 'reject', what, reason: o }));
      const stable = r.stableRevision;
      const rev = input.revisions?.find((x) => {
        const name = x.metadata?.name ?? '';
        const hash = x.metadata?.labels?.['pod-template-hash'] ?? x.metadata?.labels?.['controller-revision-hash'];
        return !!stable && (name === stable || name.endsWith(`-${stable}`) || hash === stable);
      });
      if (!rev)
        return deny(
          tr('actions.rollout.cannot', {
            action: 'reject',
            what,
            reason: tr('actions.kruise.plan.stableNotLoaded', { revision: stable ?? '?', target: `${ref!.kind} ${ref!.name}` }),
          }),
        );
      const template = templateOfRevision(rev);
      if (!template)
        return deny(
          tr('actions.rollout.cannot', {
            action: 'reject',
            what,
            reason: tr('actions.kruise.plan.noTemplate', { revision: rev.metadata?.name ?? '' }),
          }),
        );
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
        'actions.kruise.head.rollBack',
        [
          tr('actions.kruise.plan.toStable', { target: `${ref!.kind} ${ref!.name}`, revision: stable ?? '' }),
          ...imageChanges(o.spec?.template, template).map((c) => `  ${c}`),
        ],
        [tr('actions.kruise.plan.finishesWithout')],
        viaWorkload,
      );
    }
    case 'hotupdate': {
      const o = refWorkload(w, input);
      if (typeof o === 'string') return deny(tr('actions.rollout.cannotHotUpdate', { what, reason: o }));
      const img = imageOps(o, '/spec/template', intent.container, intent.image);
      if (typeof img === 'string') return deny(tr('actions.rollout.cannotHotUpdate', { what, reason: img }));
      const trv = typeof o.metadata?.resourceVersion === 'string' ? o.metadata.resourceVersion : '';
      const warnings: string[] = [];
      const inPlace =
        o.spec?.updateStrategy?.type === 'InPlaceIfPossible' ||
        o.spec?.updateStrategy?.type === 'InPlaceOnly' ||
        o.spec?.updateStrategy?.rollingUpdate?.podUpdatePolicy === 'InPlaceIfPossible';
      if (!inPlace) warnings.push(tr('actions.kruise.plan.recreates', { target: `${ref!.kind} ${ref!.name}` }));
      if (intent.partition !== undefined) warnings.push(tr('actions.rollout.plan.partitionIgnored'));
      return plan(
        'hotupdate',
        write(cluster, typeFromRef(ref!.apiVersion, ref!.kind), w.namespace, ref!.name, 'json', jsonBody(trv, img.ops)),
        'actions.kruise.head.setImage',
        [
          tr('actions.kruise.plan.container', {
            target: `${ref!.kind} ${ref!.name}`,
            container: intent.container,
            from: img.old,
            to: intent.image,
          }),
        ],
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
        'actions.rollout.head.hold',
        [tr('actions.rollout.plan.set', { field: 'spec.strategy.paused', value: 'true' }), at].filter(Boolean),
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
        'actions.rollout.head.release',
        [tr('actions.rollout.plan.set', { field: 'spec.strategy.paused', value: 'false' }), at].filter(Boolean),
        [],
      );
    default:
      return deny(tr('actions.rollout.cannot', { action: intent.action, what, reason: tr('actions.kruise.plan.notSupported') }));
  }
}
