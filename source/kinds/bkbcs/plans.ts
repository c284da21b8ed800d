// Plans for bk-bcs GameDeployment / GameStatefulSet (research/crds.md §1.5-1.8 and §6; DESIGN §5).
import { t } from '../../i18n/t.js';
import type { WorkloadInfo } from '../../model/types.js';
import { percent } from '../../model/format.js';
import { previousRevision } from './actions.js';
import { type BkbcsKind, partitionPath, specPartition } from './steps.js';
import { HOOK_RUN_TYPE } from './group.js';
import {
  availability,
  headline,
  holdAnnotation,
  imageChanges,
  imageOps,
  type Intent,
  jsonBody,
  mergeBody,
  ok,
  type PlanInput,
  type PlannedKind,
  refuse,
  releaseAnnotation,
  rollingPartitionOp,
  templateOfRevision,
} from '../plan/common.js';
import { compose, seen, write } from '../plan/compose.js';
import { federatedImageWrite, gameZoneImageWrite, type OwnerWrite, ownerManagedContainer } from '../plan/owner-write.js';
import type { MessageKey } from '../../i18n/t.js';
import type { Plan, PlanPatchType, PlanResult, PlanStep } from '../plan/types.js';
import { belowOwnerWarning } from '../shared/owner.js';
import { isRecord } from '../shared/read-util.js';

/** The image of container `name` in a pod template. */
function imageOf(template: unknown, name: string | undefined): string | undefined {
  const cs: unknown = isRecord(template) && isRecord(template.spec) ? template.spec.containers : undefined;
  const c: unknown = Array.isArray(cs) ? cs.find((x) => isRecord(x) && x.name === name) : undefined;
  return isRecord(c) && typeof c.image === 'string' ? c.image : undefined;
}

function stage(w: WorkloadInfo): string {
  const r = w.rollout;
  const n = r.steps.length;
  const step =
    n && r.stepIndex !== undefined
      ? r.stepIndex < n
        ? t('plans.stage.step', { step: r.stepIndex + 1, steps: n, summary: r.steps[r.stepIndex].summary })
        : t('plans.stage.allDone', { steps: n })
      : '';
  return t('plans.stage.line', {
    step,
    updated: r.updated,
    replicas: r.replicas,
    percent: percent(r.updated, r.replicas),
    revision: r.updateRevision ?? '?',
  });
}

/** Nested merge-patch object for a dot path: "spec.updateStrategy.partition" = v. */
function nest(path: string, v: unknown): Record<string, unknown> {
  const segs = path.split('.');
  let out: unknown = v;
  for (let i = segs.length - 1; i >= 0; i--) out = { [segs[i]]: out };
  return out as Record<string, unknown>;
}

export function planBkbcs(k: PlannedKind<BkbcsKind>, intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const kind = k.kind;
  const w = k.read(cluster, obj, { now: input.now, hookRuns: input.hookRuns, utc: input.utc });
  const a = availability(w, intent.action);
  if (!a.possible) return refuse(intent.action, w, a.reason ?? '');
  const type = k.type;
  const rv = w.resourceVersion;
  const pre = seen(w);
  // The headline in the run's language; its English twin is the record (audit annotation, Event).
  let record: string | undefined;
  const head = (key: MessageKey) => {
    const h = headline(w, key);
    record = h.record;
    return h.summary;
  };
  const at = () => t('plans.stage.at', { stage: stage(w) });
  const base = (body: unknown, patchType: PlanPatchType, summary: string[], warnings: string[] = []): Plan =>
    compose(w, type, input, {
      action: intent.action,
      steps: [write(cluster, type, w.namespace, w.name, patchType, body)],
      preconditions: pre,
      summary,
      record,
      warnings,
    });

  /**
   * The GameZone write that makes the managed (first) container run `image`: undefined when no
   * GameZone owns it, the change is to another container, or the GameZone already asks for it; a
   * string when it cannot be written there.
   */
  const gameZoneImage = (container: string | undefined, image: string | undefined): OwnerWrite | string | undefined => {
    if (w.owner?.kind !== 'GameZone' || image === undefined || container !== ownerManagedContainer(obj)) return undefined;
    return gameZoneImageWrite(w, input, image);
  };
  const withOwner = (steps: PlanStep[], summary: string[], warnings: string[]): Plan =>
    compose(w, type, input, { action: intent.action, steps, preconditions: pre, summary, record, warnings });
  const belowOwner = (step: PlanStep, summary: string[], warnings: string[], why: string): Plan =>
    compose(w, type, input, {
      action: intent.action,
      steps: [step],
      preconditions: pre,
      summary,
      record,
      warnings: [...warnings, belowOwnerWarning(w.owner!, why)],
      requiresForce: true,
    });

  switch (intent.action) {
    case 'approve':
      return ok(
        base(
          mergeBody(rv, { spec: { updateStrategy: { paused: false } } }),
          'merge',
          [head('plans.head.approve'), at(), a.reason ?? ''].filter(Boolean),
        ),
      );

    case 'reject': {
      const prev = previousRevision(w.rollout);
      if (!prev) return refuse('reject', w, t('plans.reject.noPrevious'));
      const rev = input.revisions?.find((r) => r.metadata?.name === prev);
      if (!rev) return refuse('reject', w, t('plans.reject.revisionNotLoaded', { revision: prev }));
      const template = templateOfRevision(rev);
      if (!template) return refuse('reject', w, t('plans.reject.noTemplate', { revision: prev }));
      const changes = imageChanges(obj.spec?.template, template);
      const warnings = prev === w.rollout.stableRevision && w.rollout.steps.length ? [t('plans.reject.lastReleased')] : [];
      if (w.rollout.stepIndex !== undefined && prev !== w.rollout.stableRevision) warnings.push(t('plans.reject.unfinished'));
      const summary = [head('plans.head.reject'), at(), t('plans.reject.restore', { revision: prev }), ...changes.map((c) => `  ${c}`)];
      const restore = write(
        cluster,
        type,
        w.namespace,
        w.name,
        'json',
        jsonBody(rv, [{ op: 'replace', path: '/spec/template', value: template }]),
      );
      // A GameZone would put its image back: the restored image goes to the GameZone as well.
      const managed = ownerManagedContainer(obj);
      const gz = gameZoneImage(managed, imageOf(template, managed));
      if (gz === undefined) return ok(base(restore.body, 'json', summary, warnings));
      if (typeof gz === 'string') return ok(belowOwner(restore, summary, warnings, gz));
      return ok(withOwner([restore, gz.step], [...summary, gz.line], warnings));
    }

    case 'skip-hook': {
      const name = w.rollout.hookRunName;
      const run = input.hookRuns?.find((h) => h.cluster === cluster && h.namespace === w.namespace && h.name === name);
      if (!run) return refuse('plans.verb.skipHookOf', w, t('plans.skipHook.notLoaded', { run: name ?? '?' }));
      const summary = [head('plans.head.skipHook'), at(), t('plans.skipHook.terminate', { run: run.name, phase: run.phase })];
      return ok(
        compose(w, type, input, {
          action: 'skip-hook',
          steps: [
            write(cluster, HOOK_RUN_TYPE, run.namespace, run.name, 'merge', mergeBody(run.resourceVersion, { spec: { terminate: true } })),
          ],
          preconditions: seen(w, { hookRunName: run.name }),
          summary,
          record,
          warnings: [t('plans.skipHook.unchecked')],
        }),
      );
    }

    case 'retry-hooks': {
      const types = new Set(
        w.rollout.hookConditions.filter((c) => ['Failed', 'Error', 'Inconclusive'].includes(c.phase)).map((c) => c.type),
      );
      const spec: Record<string, unknown> = {};
      if (types.has('pre-delete')) spec.preDeleteUpdateStrategy = { retry: true };
      if (types.has('pre-inplace')) spec.preInplaceUpdateStrategy = { retry: true };
      if (types.has('post-inplace')) spec.postInplaceUpdateStrategy = { retry: true };
      const pods = w.rollout.hookConditions
        .filter((c) => types.has(c.type) && c.phase !== 'Successful' && c.phase !== 'Running')
        .map((c) => `  ${t('plans.retry.pod', { type: c.type, phase: c.phase, pod: c.podName })}`);
      const headLine = head('plans.head.retryHooks');
      return ok(base(mergeBody(rv, { spec }), 'merge', [headLine, ...pods, t('plans.retry.how')]));
    }

    case 'hotupdate': {
      const img = imageOps(obj, '/spec/template', intent.container, intent.image, intent.partition !== undefined);
      if (typeof img === 'string') return refuse('plans.verb.hotUpdate', w, img);
      const ops = [...img.ops];
      const warnings: string[] = [];
      const move = ops.length === 0; // same image: only the partition moves (--continue)
      if (a.reason?.startsWith('warning: ') && !move) warnings.push(a.reason.slice('warning: '.length));
      if (w.rollout.phase !== 'complete' && !move)
        warnings.push(
          t(w.rollout.steps.length ? 'plans.hotupdate.inProgressSteps' : 'plans.hotupdate.inProgress', { message: w.rollout.message }),
        );
      const summary = [
        head(move ? 'plans.head.movePartition' : 'plans.head.hotUpdate'),
        move
          ? t('plans.image.keeps', { container: intent.container, image: img.old })
          : t('plans.image.change', { container: intent.container, from: img.old, to: intent.image }),
        t('plans.hotupdate.strategy', { strategy: w.rollout.strategy }),
      ];
      if (intent.partition !== undefined) {
        if (kind === 'GameDeployment' && w.rollout.steps.length)
          return refuse('plans.verb.setPartitionOn', w, t('plans.hotupdate.partitionWithSteps'));
        const p = Math.max(0, Math.min(intent.partition, w.rollout.replicas));
        if (kind === 'GameDeployment') {
          ops.push({ op: 'add', path: '/spec/updateStrategy/partition', value: p });
          summary.push(t('plans.partition.count', { p, n: w.rollout.replicas - p, replicas: w.rollout.replicas }));
        } else {
          ops.push(rollingPartitionOp(obj, p));
          summary.push(t('plans.partition.ordinals', { p, last: w.rollout.replicas - 1 }));
        }
      }
      // The GameZone that generates this workload decides this container's image: write it there.
      // kubefed: the image goes into this cluster's override on the host (a partition stays below it).
      if (w.owner?.kind === 'kubefed' && input.ownerObj && !move && intent.partition === undefined) {
        const fw = federatedImageWrite(w, input, intent.container, intent.image);
        if (typeof fw !== 'string') return ok(withOwner([fw.step], [...summary, fw.line], warnings));
        return ok(belowOwner(write(cluster, type, w.namespace, w.name, 'json', jsonBody(rv, ops)), summary, warnings, fw));
      }
      const gz = move ? undefined : gameZoneImage(intent.container, intent.image);
      if (gz === undefined) return ok(base(jsonBody(rv, ops), 'json', summary, warnings));
      const direct = write(cluster, type, w.namespace, w.name, 'json', jsonBody(rv, ops));
      if (typeof gz === 'string') return ok(belowOwner(direct, summary, warnings, gz));
      const partitionOps = ops.slice(img.ops.length);
      const steps = partitionOps.length
        ? [write(cluster, type, w.namespace, w.name, 'json', jsonBody(rv, partitionOps)), gz.step]
        : [gz.step];
      const plan = withOwner(steps, [...summary, gz.line], warnings);
      // The record after the GameZone write, not on the partition's: a process killed between them leaves
      // no record, and a resume writes the GameZone (or, if it landed, only the record: plan/resume.ts).
      if (steps.length > 1) plan.recordLast = true;
      return ok(plan);
    }

    case 'hold': {
      if (w.rollout.steps.length)
        return ok(
          base(
            mergeBody(rv, {}, { annotations: holdAnnotation(null, input, 'step') }),
            'merge',
            [head('plans.head.hold'), at(), t('plans.hold.record')],
            [t('plans.hold.stepWarning')],
          ),
        );
      const prev = specPartition(kind, obj) ?? null;
      const path = partitionPath(kind);
      const body = mergeBody(rv, nest(path, w.rollout.replicas), { annotations: holdAnnotation(prev, input) });
      return ok(
        base(
          body,
          'merge',
          [
            head('plans.head.hold'),
            t('plans.hold.setPartition', { path, value: w.rollout.replicas, was: prev ?? t('plans.hold.unset') }),
            at(),
          ],
          [t('plans.hold.updatedStay')],
        ),
      );
    }

    case 'release': {
      if (w.rollout.hold?.on === 'step')
        return ok(
          base(mergeBody(rv, {}, { annotations: releaseAnnotation() }), 'merge', [
            head('plans.head.release'),
            t('plans.release.removeHold'),
            at(),
          ]),
        );
      const prev = w.rollout.hold?.previous;
      const path = partitionPath(kind);
      const value = typeof prev === 'number' || typeof prev === 'string' ? prev : null;
      const body = mergeBody(rv, nest(path, value), { annotations: releaseAnnotation() });
      const headLine = head('plans.head.release');
      return ok(
        base(body, 'merge', [
          headLine,
          value === null ? t('plans.release.remove', { path }) : t('plans.release.restore', { path, value }),
          at(),
        ]),
      );
    }
    case 'restart':
      return refuse('restart', w, t('plans.restart.elsewhere'));
  }
}
