// The approval card (seed 000) of a plan: where, what revision and step, how far, images, hook
// result. Pure: the ControllerRevisions come in through the planner input.
import { t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import { percent } from '../../model/format.js';
import type { RolloutStep, WorkloadInfo } from '../../model/types.js';
import type { ActionName } from '../../model/action-types.js';
import type { MessageKey } from '../../i18n/t.js';
import { imageChanges, templateOfRevision } from './common.js';
import type { PlanCard } from './types.js';

type Images = NonNullable<PlanCard['images']>;

/** A canary step's kind as the card names it. */
const STEP_KINDS: Record<RolloutStep['kind'], MessageKey> = {
  pause: 'plans.stepKind.pause',
  hook: 'plans.stepKind.hook',
  partition: 'plans.stepKind.partition',
};

/** Image lines ("  main: a -> b" / "container main: a -> b") of a planner's summary lines. */
export function imagesOf(lines: readonly string[]): Images {
  const out: Images = [];
  for (const line of lines) {
    // The summary line may be Chinese ("容器 main：a -> b"): its container word and colon are matched too.
    const m = /^(?:\s+|.*\bcontainer |.*容器 )([\w.-]+)(?:: |：)(\S+) -> (\S+)$/.exec(line);
    if (m) out.push({ container: m[1], from: m[2], to: m[3] });
  }
  return out;
}

/** Images old -> new between the revision pods run now and the workload's template (approve cards). */
export function revisionImages(w: WorkloadInfo, obj: KubeObject, revisions: readonly KubeObject[] | undefined): Images {
  const r = w.rollout;
  const from = r.currentRevision && r.currentRevision !== r.updateRevision ? r.currentRevision : r.stableRevision;
  const rev = from ? revisions?.find((x) => x.metadata.name === from) : undefined;
  const tpl = rev ? templateOfRevision(rev) : undefined;
  if (!tpl) return [];
  return imageChanges(tpl, obj.spec?.template).flatMap((line) => {
    const m = /^([^:]+): (\S+) -> (\S+)$/.exec(line);
    return m ? [{ container: m[1], from: m[2], to: m[3] }] : [];
  });
}

/** The card for `action` on workload `w`, with the images named in the planner's summary `lines`
 * (approve, which changes no image itself, shows the images of the revision it lets through). */
export function cardFor(
  w: WorkloadInfo,
  action: ActionName,
  lines: readonly string[],
  obj: KubeObject,
  revisions?: readonly KubeObject[],
): PlanCard {
  const r = w.rollout;
  const card: PlanCard = { cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name };
  const from = r.currentRevision ?? r.stableRevision;
  if (from && from === r.updateRevision) card.revision = t('plans.card.current', { revision: from });
  else if (from || r.updateRevision) card.revision = `${from ?? '?'} -> ${r.updateRevision ?? '?'}`;
  if (r.steps.length && r.stepIndex !== undefined) {
    const n = r.steps.length;
    const s = r.steps[r.stepIndex];
    card.step =
      r.stepIndex >= n
        ? t('plans.card.allDone', { steps: n })
        : t('plans.card.step', { step: r.stepIndex + 1, steps: n, kind: t(STEP_KINDS[s.kind]), summary: s.summary });
  }
  card.percentUpdated = t('plans.card.percent', {
    percent: percent(r.updated, r.replicas),
    updated: r.updated,
    replicas: r.replicas,
    ready: r.updatedReady,
  });
  let images = imagesOf(lines);
  if (!images.length && action === 'approve') images = revisionImages(w, obj, revisions);
  if (images.length) card.images = images;
  if (r.hookRunName || r.hookPhase) {
    const metrics = (r.hookMetrics ?? [])
      .map((m) => `${m.name}${m.lastValue !== undefined ? `=${m.lastValue}` : ''} ${m.phase}`)
      .join(', ');
    card.hook = `${r.hookRunName ?? t('plans.card.hook')} ${r.hookPhase ?? 'Unknown'}${metrics ? ` (${metrics})` : ''}`;
  }
  return card;
}
