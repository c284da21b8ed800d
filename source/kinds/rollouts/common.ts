// Pieces shared by the Argo and Kruise Rollout readers.
import { t, tEn, type MessageKey } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { ActionAvailability } from '../../model/action-types.js';
import type { HoldRecord } from '../shared/hold.js';
import { Malformed, optRecord } from '../shared/read-util.js';
import { can, cannot } from '../shared/workload-base.js';

export function readWorkloadRef(obj: KubeObject, path: string): WorkloadInfo['workloadRef'] {
  const r = optRecord(obj, path);
  if (!r) return undefined;
  if (typeof r.kind !== 'string' || typeof r.name !== 'string') throw new Malformed(t('actions.rollout.malformed.ref', { path }));
  return { apiVersion: typeof r.apiVersion === 'string' ? r.apiVersion : 'apps/v1', kind: r.kind, name: r.name };
}

/** hold = pause the rollout via `field`; release only undoes zonectl's own hold. */
export function rolloutHoldActions(hold: HoldRecord | undefined, paused: boolean, field: string): ActionAvailability[] {
  return [
    hold
      ? cannot('hold', t('actions.rollout.can.alreadyHeld'))
      : paused
        ? cannot('hold', t('actions.rollout.can.alreadyPaused'))
        : can('hold', t('actions.rollout.can.pauses', { field })),
    hold ? can('release', t('actions.rollout.can.resumes', { field })) : cannot('release', t('actions.rollout.can.notHeld')),
  ];
}

type Named = Pick<WorkloadInfo, 'kind' | 'namespace' | 'name' | 'cluster'>;
const whatValues = (w: Named) => ({ kind: w.kind, target: `${w.namespace}/${w.name}`, cluster: w.cluster });

/** "Rollout games/gs-1 on shanghai" in the run's language. */
export const whatOf = (w: Named): string => t('actions.rollout.what', whatValues(w));

/** A plan's headline ("resume Rollout games/gs-1 on shanghai"): for the card, and in English for the records. */
export function headline(key: MessageKey, w: Named): { text: string; record: string } {
  return { text: t(key, { what: whatOf(w) }), record: tEn(key, { what: tEn('actions.rollout.what', whatValues(w)) }) };
}
