// Plans for apps/v1 Deployment and StatefulSet: hot update (image), hold and release.
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
  releaseAnnotation,
  rollingPartitionOp,
  what,
} from '../plan/common.js';
import { compose, type PlanParts, seen, write } from '../plan/compose.js';
import type { PlanPatchType, PlanResult } from '../plan/types.js';

export function planNative(k: PlannedKind<'Deployment' | 'StatefulSet'>, intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const kind = k.kind;
  const w = k.read(cluster, obj);
  const a = availability(w, intent.action);
  if (!a.possible) return deny(`cannot ${intent.action} ${what(w)}: ${a.reason}`);
  const t = k.type;
  const rv = w.resourceVersion;
  const pre = seen(w);
  const plan = (action: PlanParts['action'], patchType: PlanPatchType, body: unknown, summary: string[], warnings: string[]): PlanResult =>
    ok(
      compose(w, t, input, {
        action,
        steps: [write(cluster, t, w.namespace, w.name, patchType, body)],
        preconditions: pre,
        summary,
        warnings,
      }),
    );
  const head = (verb: string) => `${verb} ${what(w)}`;
  switch (intent.action) {
    case 'hotupdate': {
      const img = imageOps(obj, '/spec/template', intent.container, intent.image, intent.partition !== undefined && kind === 'StatefulSet');
      if (typeof img === 'string') return deny(`cannot hot-update ${what(w)}: ${img}`);
      const ops = [...img.ops];
      const summary = img.ops.length
        ? [head('set image on'), `container ${intent.container}: ${img.old} -> ${intent.image}`]
        : [head('move the partition of'), `container ${intent.container} keeps ${img.old}`];
      const warnings = [a.reason?.replace(/^warning: /, '') ?? ''].filter(Boolean);
      if (intent.partition !== undefined) {
        if (kind === 'Deployment') warnings.push('partition is ignored: Deployments have none');
        else {
          const p = Math.max(0, Math.min(intent.partition, w.rollout.replicas));
          ops.push(rollingPartitionOp(obj, p));
          summary.push(`partition ${p}: ordinals ${p}..${w.rollout.replicas - 1} update`);
        }
      }
      return plan('hotupdate', 'json', jsonBody(rv, ops), summary, warnings);
    }
    case 'hold': {
      if (kind === 'Deployment') {
        return plan(
          'hold',
          'merge',
          mergeBody(rv, { spec: { paused: true } }, { annotations: holdAnnotation(false, input) }),
          [head('hold'), 'set spec.paused = true'],
          [],
        );
      }
      const prev = obj.spec?.updateStrategy?.rollingUpdate?.partition ?? null;
      return plan(
        'hold',
        'merge',
        mergeBody(
          rv,
          { spec: { updateStrategy: { rollingUpdate: { partition: w.rollout.replicas } } } },
          { annotations: holdAnnotation(typeof prev === 'number' ? prev : null, input) },
        ),
        [head('hold'), `set spec.updateStrategy.rollingUpdate.partition = ${w.rollout.replicas} (was ${prev ?? 'unset'})`],
        ['pods already updated stay on the new revision'],
      );
    }
    case 'release': {
      if (kind === 'Deployment') {
        return plan(
          'release',
          'merge',
          mergeBody(rv, { spec: { paused: false } }, { annotations: releaseAnnotation() }),
          [head('release'), 'set spec.paused = false'],
          [],
        );
      }
      const prev = w.rollout.hold?.previous;
      const value = typeof prev === 'number' ? prev : null;
      return plan(
        'release',
        'merge',
        mergeBody(rv, { spec: { updateStrategy: { rollingUpdate: { partition: value } } } }, { annotations: releaseAnnotation() }),
        [
          head('release'),
          value === null
            ? 'remove spec.updateStrategy.rollingUpdate.partition'
            : `restore spec.updateStrategy.rollingUpdate.partition = ${value}`,
        ],
        [],
      );
    }
    default:
      return deny(`cannot ${intent.action} ${what(w)}: not supported for ${kind}`);
  }
}
