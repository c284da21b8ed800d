// Plans for bk-bcs GameDeployment / GameStatefulSet (research/crds.md §1.5-1.8 and §6; DESIGN §5).
import type { WorkloadInfo } from '../../model/types.js';
import { percent } from '../../model/format.js';
import { previousRevision } from './actions.js';
import { type BkbcsKind, partitionPath, specPartition } from './steps.js';
import { HOOK_RUN_TYPE } from './group.js';
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
  releaseAnnotation,
  rollingPartitionOp,
  templateOfRevision,
  what,
} from '../plan/common.js';
import { compose, seen, write } from '../plan/compose.js';
import { federatedImageWrite, gameZoneImageWrite, type OwnerWrite, ownerManagedContainer } from '../plan/owner-write.js';
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
        ? `step ${r.stepIndex + 1}/${n} (${r.steps[r.stepIndex].summary}), `
        : `all ${n} steps done, `
      : '';
  return `${step}${r.updated}/${r.replicas} updated (${percent(r.updated, r.replicas)}), revision ${r.updateRevision ?? '?'}`;
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
  if (!a.possible) return deny(`cannot ${intent.action} ${what(w)}: ${a.reason}`);
  const t = k.type;
  const rv = w.resourceVersion;
  const pre = seen(w);
  const head = (verb: string) => `${verb} ${what(w)}`;
  const base = (body: unknown, patchType: PlanPatchType, summary: string[], warnings: string[] = []): Plan =>
    compose(w, t, input, {
      action: intent.action,
      steps: [write(cluster, t, w.namespace, w.name, patchType, body)],
      preconditions: pre,
      summary,
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
    compose(w, t, input, { action: intent.action, steps, preconditions: pre, summary, warnings });
  const belowOwner = (step: PlanStep, summary: string[], warnings: string[], why: string): Plan =>
    compose(w, t, input, {
      action: intent.action,
      steps: [step],
      preconditions: pre,
      summary,
      warnings: [...warnings, belowOwnerWarning(w.owner!, why)],
      requiresForce: true,
    });

  switch (intent.action) {
    case 'approve':
      return ok(
        base(
          mergeBody(rv, { spec: { updateStrategy: { paused: false } } }),
          'merge',
          [head('approve'), `at ${stage(w)}`, a.reason ?? ''].filter(Boolean),
        ),
      );

    case 'reject': {
      const prev = previousRevision(w.rollout);
      if (!prev) return deny(`cannot reject ${what(w)}: no previous revision`);
      const rev = input.revisions?.find((r) => r.metadata?.name === prev);
      if (!rev) return deny(`cannot reject ${what(w)}: ControllerRevision ${prev} is not loaded`);
      const template = templateOfRevision(rev);
      if (!template) return deny(`cannot reject ${what(w)}: ControllerRevision ${prev} has no pod template in data.spec.template`);
      const changes = imageChanges(obj.spec?.template, template);
      const warnings =
        prev === w.rollout.stableRevision && w.rollout.steps.length
          ? ['this is the last fully released revision: the controller skips all canary steps and rolls every pod back']
          : [];
      if (w.rollout.stepIndex !== undefined && prev !== w.rollout.stableRevision)
        warnings.push('restoring a revision that did not finish its canary restarts the canary at step 1');
      const summary = [head('reject'), `at ${stage(w)}`, `restore pod template of ${prev}`, ...changes.map((c) => `  ${c}`)];
      const restore = write(
        cluster,
        t,
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
      if (!run) return deny(`cannot skip the hook of ${what(w)}: hook run ${name ?? '?'} is not loaded`);
      return ok(
        compose(w, t, input, {
          action: 'skip-hook',
          steps: [
            write(cluster, HOOK_RUN_TYPE, run.namespace, run.name, 'merge', mergeBody(run.resourceVersion, { spec: { terminate: true } })),
          ],
          preconditions: seen(w, { hookRunName: run.name }),
          summary: [
            head('skip the running step hook of'),
            `at ${stage(w)}`,
            `terminate HookRun ${run.name} (${run.phase}); it is assessed Successful and the step advances`,
          ],
          warnings: ['the hook result is not checked: the canary continues as if it had passed'],
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
        .map((c) => `  ${c.type} ${c.phase} on ${c.podName}`);
      return ok(
        base(mergeBody(rv, { spec }), 'merge', [
          head('retry failed hooks of'),
          ...pods,
          'the controller deletes the failed HookRuns so they run again, then resets retry to false',
        ]),
      );
    }

    case 'hotupdate': {
      const img = imageOps(obj, '/spec/template', intent.container, intent.image, intent.partition !== undefined);
      if (typeof img === 'string') return deny(`cannot hot-update ${what(w)}: ${img}`);
      const ops = [...img.ops];
      const warnings: string[] = [];
      const move = ops.length === 0; // same image: only the partition moves (--continue)
      if (a.reason?.startsWith('warning: ') && !move) warnings.push(a.reason.slice('warning: '.length));
      if (w.rollout.phase !== 'complete' && !move)
        warnings.push(
          `a rollout is in progress (${w.rollout.message}): a new template starts a new revision${w.rollout.steps.length ? ' and restarts the canary at step 1' : ''}`,
        );
      const summary = [
        head(move ? 'move the partition of' : 'hot-update'),
        move ? `container ${intent.container} keeps ${img.old}` : `container ${intent.container}: ${img.old} -> ${intent.image}`,
        `strategy ${w.rollout.strategy}`,
      ];
      if (intent.partition !== undefined) {
        if (kind === 'GameDeployment' && w.rollout.steps.length)
          return deny(`cannot set a partition on ${what(w)}: GameDeployment partition does not apply while canary steps are set`);
        const p = Math.max(0, Math.min(intent.partition, w.rollout.replicas));
        if (kind === 'GameDeployment') {
          ops.push({ op: 'add', path: '/spec/updateStrategy/partition', value: p });
          summary.push(`partition ${p}: ${w.rollout.replicas - p} of ${w.rollout.replicas} pods take the new image, ${p} stay old`);
        } else {
          ops.push(rollingPartitionOp(obj, p));
          summary.push(
            `partition ${p}: ordinals ${p}..${w.rollout.replicas - 1} take the new image (highest first), ordinals below ${p} stay old`,
          );
        }
      }
      // The GameZone that generates this workload decides this container's image: write it there.
      // kubefed: the image goes into this cluster's override on the host (a partition stays below it).
      if (w.owner?.kind === 'kubefed' && input.ownerObj && !move && intent.partition === undefined) {
        const fw = federatedImageWrite(w, input, intent.container, intent.image);
        if (typeof fw !== 'string') return ok(withOwner([fw.step], [...summary, fw.line], warnings));
        return ok(belowOwner(write(cluster, t, w.namespace, w.name, 'json', jsonBody(rv, ops)), summary, warnings, fw));
      }
      const gz = move ? undefined : gameZoneImage(intent.container, intent.image);
      if (gz === undefined) return ok(base(jsonBody(rv, ops), 'json', summary, warnings));
      const direct = write(cluster, t, w.namespace, w.name, 'json', jsonBody(rv, ops));
      if (typeof gz === 'string') return ok(belowOwner(direct, summary, warnings, gz));
      const partitionOps = ops.slice(img.ops.length);
      const steps = partitionOps.length ? [write(cluster, t, w.namespace, w.name, 'json', jsonBody(rv, partitionOps)), gz.step] : [gz.step];
      return ok(withOwner(steps, [...summary, gz.line], warnings));
    }

    case 'hold': {
      if (w.rollout.steps.length)
        return ok(
          base(
            mergeBody(rv, {}, { annotations: holdAnnotation(null, input, 'step') }),
            'merge',
            [head('hold'), `at ${stage(w)}`, 'record the hold: approve, skip-hook and hot update are refused until release'],
            ['the step waits for approval by itself; only zonectl honours the hold (kubectl can still approve)'],
          ),
        );
      const prev = specPartition(kind, obj) ?? null;
      const path = partitionPath(kind);
      const body = mergeBody(rv, nest(path, w.rollout.replicas), { annotations: holdAnnotation(prev, input) });
      return ok(
        base(
          body,
          'merge',
          [head('hold'), `set ${path} = ${w.rollout.replicas} (was ${prev ?? 'unset'}): no further pods are updated`, `at ${stage(w)}`],
          ['pods already updated stay on the new revision'],
        ),
      );
    }

    case 'release': {
      if (w.rollout.hold?.on === 'step')
        return ok(
          base(mergeBody(rv, {}, { annotations: releaseAnnotation() }), 'merge', [head('release'), 'remove the hold', `at ${stage(w)}`]),
        );
      const prev = w.rollout.hold?.previous;
      const path = partitionPath(kind);
      const value = typeof prev === 'number' || typeof prev === 'string' ? prev : null;
      const body = mergeBody(rv, nest(path, value), { annotations: releaseAnnotation() });
      return ok(base(body, 'merge', [head('release'), value === null ? `remove ${path}` : `restore ${path} = ${value}`, `at ${stage(w)}`]));
    }
    case 'restart':
      return deny(`cannot restart ${what(w)}: planned by plan/restart.ts`);
  }
}
