// Plans for apps/v1 Deployment and StatefulSet: hot update (image), hold and release.
import { type MessageKey, t } from '../../i18n/t.js';
import {
  availability,
  headline,
  holdAnnotation,
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
} from '../plan/common.js';
import { compose, type PlanParts, seen, write } from '../plan/compose.js';
import type { PlanPatchType, PlanResult } from '../plan/types.js';

const PARTITION = 'spec.updateStrategy.rollingUpdate.partition';

export function planNative(k: PlannedKind<'Deployment' | 'StatefulSet'>, intent: Intent, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const kind = k.kind;
  const w = k.read(cluster, obj);
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
  const plan = (action: PlanParts['action'], patchType: PlanPatchType, body: unknown, summary: string[], warnings: string[]): PlanResult =>
    ok(
      compose(w, type, input, {
        action,
        steps: [write(cluster, type, w.namespace, w.name, patchType, body)],
        preconditions: pre,
        summary,
        record,
        warnings,
      }),
    );
  switch (intent.action) {
    case 'hotupdate': {
      const img = imageOps(obj, '/spec/template', intent.container, intent.image, intent.partition !== undefined && kind === 'StatefulSet');
      if (typeof img === 'string') return refuse('plans.verb.hotUpdate', w, img);
      const ops = [...img.ops];
      const summary = img.ops.length
        ? [head('plans.head.setImage'), t('plans.image.change', { container: intent.container, from: img.old, to: intent.image })]
        : [head('plans.head.movePartition'), t('plans.image.keeps', { container: intent.container, image: img.old })];
      const warnings = [a.reason?.replace(/^warning: /, '') ?? ''].filter(Boolean);
      if (intent.partition !== undefined) {
        if (kind === 'Deployment') warnings.push(t('plans.native.partitionIgnored'));
        else {
          const p = Math.max(0, Math.min(intent.partition, w.rollout.replicas));
          ops.push(rollingPartitionOp(obj, p));
          summary.push(t('plans.native.partitionOrdinals', { p, last: w.rollout.replicas - 1 }));
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
          [head('plans.head.hold'), t('plans.set', { path: 'spec.paused', value: 'true' })],
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
        [head('plans.head.hold'), t('plans.setWas', { path: PARTITION, value: w.rollout.replicas, was: prev ?? t('plans.hold.unset') })],
        [t('plans.hold.updatedStay')],
      );
    }
    case 'release': {
      if (kind === 'Deployment') {
        return plan(
          'release',
          'merge',
          mergeBody(rv, { spec: { paused: false } }, { annotations: releaseAnnotation() }),
          [head('plans.head.release'), t('plans.set', { path: 'spec.paused', value: 'false' })],
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
          head('plans.head.release'),
          value === null ? t('plans.release.remove', { path: PARTITION }) : t('plans.release.restore', { path: PARTITION, value }),
        ],
        [],
      );
    }
    default:
      return refuse(intent.action, w, t('plans.common.notSupported', { kind }));
  }
}
