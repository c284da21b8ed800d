// A hot update on a resume (`--resume BATCH`) of a target in a wave the batch had started. Where the
// image is written to an owner (a GameZone entry, a kubefed override), the audit record on the workload
// is a write of its own after it: a process killed between the two leaves the change live and
// unrecorded. Such a target is "already done": when the owner (or the workload, when no owner takes the
// write) already holds exactly what was asked, the plan writes only the record — the one a normal run
// writes, so the batch's release lists it — instead of refusing it ("already runs the image") or writing
// the change again. When the workload runs the image but its owner asks for another one, someone else
// changed it since: refused, saying so. Anything else is planned as usual. Pure.
import { t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { WorkloadSpec } from '../spec.js';
import { ownerLabel } from '../shared/owner.js';
import { isRecord } from '../shared/read-util.js';
import { headline, type Intent, ok, type PlanInput, refuse, templateOfRevision } from './common.js';
import { compose, seen } from './compose.js';
import { federatedImage, gameZoneEntry, ownerManagedContainer } from './owner-write.js';
import type { PlanResult } from './types.js';

type HotUpdate = Extract<Intent, { action: 'hotupdate' }>;

/** The image of container `name` in a pod template (undefined: no such container). */
function imageIn(template: unknown, name: string): string | undefined {
  const cs: unknown = isRecord(template) && isRecord(template.spec) ? template.spec.containers : undefined;
  const c: unknown = Array.isArray(cs) ? cs.find((x) => isRecord(x) && x.name === name) : undefined;
  return isRecord(c) && typeof c.image === 'string' ? c.image : undefined;
}

/** A ControllerRevision's number, or a ReplicaSet's (its deployment.kubernetes.io/revision annotation). */
function revisionNumber(r: KubeObject): number {
  if (typeof r.revision === 'number') return r.revision;
  const a = r.metadata.annotations?.['deployment.kubernetes.io/revision'];
  return a === undefined ? NaN : Number(a);
}

/**
 * The image `container` ran before it took `image`: the newest of its revisions with another one there,
 * provided the revision that brought `image` was made after `since` (the batch's start). Otherwise the
 * workload may have run `image` before the batch — a target the first run found already done — and the
 * image before it is none of the batch's doing: an undo must not put it back. Undefined: not known.
 */
export function replacedImage(
  revisions: readonly KubeObject[] | undefined,
  container: string,
  image: string,
  since: string | undefined,
): string | undefined {
  if (since === undefined) return undefined;
  const numbered = (revisions ?? []).filter((r) => Number.isFinite(revisionNumber(r)));
  let brought: KubeObject | undefined;
  for (const r of numbered.sort((a, b) => revisionNumber(b) - revisionNumber(a))) {
    const im = imageIn(templateOfRevision(r), container);
    if (im === image) brought = r;
    else if (im !== undefined) {
      const made = brought?.metadata.creationTimestamp;
      // Object timestamps have whole seconds: the batch's start is compared at that precision.
      return made !== undefined && Date.parse(made) >= Math.floor(Date.parse(since) / 1000) * 1000 ? im : undefined;
    }
  }
  return undefined;
}

/** The owner the planner writes `container`'s image to, and the image it asks for now; undefined: none. */
function ownerAsks(w: WorkloadInfo, input: PlanInput, container: string): { owner: string; image: string } | undefined {
  const o = w.owner;
  if (o?.kind === 'GameZone' && container === ownerManagedContainer(input.obj)) {
    const e = gameZoneEntry(w, input);
    return typeof e === 'string' || typeof e.desired !== 'string' ? undefined : { owner: ownerLabel(o), image: e.desired };
  }
  if (o?.kind === 'kubefed') {
    const image = federatedImage(w, input, container);
    const fed = input.ownerObj!;
    return image === undefined
      ? undefined
      : { owner: `${fed.kind ?? ''} ${fed.metadata.namespace ?? ''}/${fed.metadata.name ?? ''}`, image };
  }
  return undefined;
}

/**
 * The plan of a resumed hot update whose change is already live (only its audit record is written),
 * the refusal of one someone else changed since, or undefined: plan it as usual.
 */
export function planResumedHotUpdate(spec: WorkloadSpec, intent: HotUpdate, input: PlanInput): PlanResult | undefined {
  if (!intent.resumed) return undefined;
  const w = spec.read(input.cluster, input.obj, { now: input.now, hookRuns: input.hookRuns, utc: input.utc });
  if (w.invalid) return undefined;
  // The object whose pod template runs the image: the workload, or the one a Rollout drives.
  const templateOf = w.workloadRef ? input.workloadObj : input.obj;
  const running = imageIn(templateOf?.spec?.template, intent.container);
  if (running === undefined) return undefined;
  const owner = ownerAsks(w, input, intent.container);
  const { container, image } = intent;
  if ((owner?.image ?? running) !== image) {
    // With a partition the image may be the one it runs (--continue moves only the partition, written
    // to the workload): the usual plan. Without, the batch's write went to the owner.
    if (owner && running === image && intent.partition === undefined)
      return refuse('plans.verb.hotUpdate', w, t('plans.resume.ownerChanged', { owner: owner.owner, asks: owner.image, container, image }));
    return undefined;
  }
  // A partition asked with the image must be where it was asked too (else the planner moves it).
  if (intent.partition !== undefined && w.rollout.partition !== Math.max(0, Math.min(intent.partition, w.rollout.replicas)))
    return undefined;
  // The image it replaced, for the record (what --undo puts back): still running while the owner rolls
  // the new one out, else the revision before the one the batch made.
  const from = running !== image ? running : replacedImage(input.revisions, container, image, intent.resumed.since);
  const h = headline(w, 'plans.head.hotUpdate');
  const summary = [
    h.summary,
    from !== undefined ? t('plans.image.change', { container, from, to: image }) : t('plans.resume.fromUnknown', { container, image }),
    owner ? t('plans.resume.ownerHolds', { owner: owner.owner, image }) : t('plans.resume.workloadRuns', { container, image }),
    t('plans.resume.recordOnly'),
  ];
  const plan = compose(w, spec.type, input, {
    action: 'hotupdate',
    steps: [],
    preconditions: seen(w),
    summary,
    record: h.record,
    warnings: [],
  });
  // Nothing changes on the cluster but the record: no confirmation a change would need (--force).
  delete plan.requiresForce;
  plan.recordOnly = { container, image };
  // The record is a patch of the primary's annotations.
  const p = plan.primary;
  plan.access = [{ verb: 'patch', group: p.type.group, resource: p.type.resource, namespace: p.namespace, name: p.name }];
  return ok(plan);
}
