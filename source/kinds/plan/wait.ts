// What "done" means for --wait after each action, judged on the workload model. A kind whose
// controller ends an action differently overrides the action in its spec (`wait`).
import { t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import { hookUnsuccessful } from '../shared/hook-phase.js';
import type { Plan } from './types.js';
import { ownerLabel } from '../shared/owner.js';

export type WaitPredicate = (info: WorkloadInfo, obj: KubeObject) => boolean;

export interface WaitTarget {
  describe: string;
  reached: WaitPredicate;
  failed?: (info: WorkloadInfo) => string | undefined;
}

/** The controller has seen the current spec. */
export const observed = (i: WorkloadInfo): boolean =>
  i.generation === undefined || i.observedGeneration === undefined || i.observedGeneration >= i.generation;

/** Every pod the partition lets through is updated and ready, and the controller saw the spec. */
const settled = (i: WorkloadInfo) => {
  const r = i.rollout;
  const target = Math.max(0, r.replicas - (r.partition ?? 0));
  return observed(i) && r.updatedReady >= target && r.updated >= target && r.phase !== 'progressing';
};

const failedMessage = (i: WorkloadInfo) => (i.rollout.phase === 'failed' ? i.rollout.message : undefined);

export function sharedWaitTarget(plan: Plan, before: WorkloadInfo): WaitTarget {
  const b = before.rollout;
  switch (plan.action) {
    case 'approve':
    case 'skip-hook':
      return {
        describe:
          b.steps.length && b.stepIndex !== undefined
            ? t('plans.wait.step', { step: b.stepIndex + 1, steps: b.steps.length })
            : t('plans.wait.continue'),
        // Past the approved step, and settled: paused at the next step, or done.
        reached: (i) =>
          observed(i) &&
          ((i.rollout.phase === 'complete' && settled(i)) ||
            ((i.rollout.updateRevision !== b.updateRevision || (i.rollout.stepIndex ?? 0) > (b.stepIndex ?? 0)) &&
              i.rollout.phase === 'paused')),
        failed: failedMessage,
      };
    case 'reject':
      return {
        failed: failedMessage,
        describe: t('plans.wait.reject'),
        reached: (i) =>
          observed(i) &&
          i.rollout.updateRevision !== b.updateRevision &&
          i.rollout.updated >= i.rollout.replicas &&
          i.rollout.updatedReady >= i.rollout.replicas,
      };
    case 'hotupdate': {
      // A resume's target that was live already (only its record written now): the image asked for,
      // rolled out and settled; its revision may have moved before this run read it.
      const asked = plan.recordOnly;
      if (asked)
        return {
          describe: t('plans.wait.updated'),
          reached: (i) => i.containers.some((c) => c.name === asked.container && c.image === asked.image) && settled(i),
          failed: failedMessage,
        };
      const images = (plan.card.images ?? []).filter((im) => im.from !== im.to);
      // The image was written to the workload itself (not to an owner that rolls it out later): once
      // the wait starts the new image is there, so the old one again means someone put it back.
      const direct = plan.steps.some(
        (s) =>
          s.target.cluster === plan.primary.cluster &&
          s.target.name === plan.primary.name &&
          s.target.type.resource === plan.primary.type.resource &&
          JSON.stringify(s.body).includes('/containers/'),
      );
      // Only the partition moved (hotupdate --continue): no new revision, the same settling.
      if (!images.length)
        return {
          describe: t('plans.wait.partition'),
          reached: (i) => i.resourceVersion !== before.resourceVersion && settled(i),
          failed: failedMessage,
        };
      return {
        describe: t('plans.wait.updated'),
        reached: (i) =>
          images.every((im) => i.containers.some((c) => c.name === im.container && c.image === im.to)) &&
          i.rollout.updateRevision !== b.updateRevision &&
          settled(i),
        // Failed; the old image back where we wrote the new one (the owner reverted it); or neither
        // ours nor the old one (a newer change replaced it).
        failed: (i) => {
          const f = failedMessage(i);
          if (f) return f;
          for (const im of images) {
            const c = i.containers.find((x) => x.name === im.container);
            if (c && c.image === im.from && direct)
              return before.owner
                ? t('plans.wait.revertedBy', { owner: ownerLabel(before.owner), container: im.container, image: im.from })
                : t('plans.wait.reverted', { container: im.container, image: im.from });
            if (c && c.image !== im.to && c.image !== im.from)
              return t('plans.wait.superseded', { container: im.container, image: c.image });
          }
          return undefined;
        },
      };
    }
    case 'retry-hooks':
      return {
        describe: t('plans.wait.retry'),
        failed: failedMessage,
        reached: (i) => observed(i) && !i.rollout.hookConditions.some((c) => hookUnsuccessful(c.phase)) && settled(i),
      };
    case 'hold':
    case 'release':
      return {
        describe: t('plans.wait.observe'),
        reached: (i) => observed(i) && i.resourceVersion !== before.resourceVersion,
      };
    case 'restart':
      // A template annotation makes a new revision; Argo's restartAt keeps it (its pods are replaced in
      // place of the same revision): then the controller having seen the change and settled is the sign.
      return {
        describe: t('plans.wait.restart'),
        failed: failedMessage,
        reached: (i) =>
          observed(i) &&
          i.resourceVersion !== before.resourceVersion &&
          (i.rollout.updateRevision === undefined || i.rollout.updateRevision !== b.updateRevision) &&
          settled(i),
      };
    case 'delete-pod':
    case 'shell':
      // Pod actions are followed by the front end (the pod's replacement, the shell's exit), not here.
      return { describe: t('plans.wait.finish'), reached: () => true };
  }
}
