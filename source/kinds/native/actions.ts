// Action availability for native apps/v1 workloads (no canary steps, no hooks).
import { t } from '../../i18n/t.js';
import type { ActionAvailability } from '../../model/action-types.js';
import type { HoldRecord } from '../shared/hold.js';
import { can, cannot, respectHold } from '../shared/workload-base.js';

export function nativeActions(x: {
  kind: 'StatefulSet' | 'Deployment';
  strategy: string;
  hold?: HoldRecord;
  holdBlocked?: string;
  holdWhat: string;
  releaseWhat: string;
  hotupdateNote: string;
}): ActionAvailability[] {
  return respectHold(
    [
      cannot('approve', t('plans.native.noSteps', { kind: x.kind })),
      cannot('reject', t('plans.native.noReject', { kind: x.kind })),
      cannot('skip-hook', t('plans.common.noStepHooks', { kind: x.kind })),
      cannot('retry-hooks', t('plans.common.noPodHooks', { kind: x.kind })),
      can('hotupdate', x.hotupdateNote),
      x.hold ? cannot('hold', t('plans.hold.already')) : x.holdBlocked ? cannot('hold', x.holdBlocked) : can('hold', x.holdWhat),
      x.hold ? can('release', x.releaseWhat) : cannot('release', t('plans.release.notHeld')),
    ],
    x.hold,
  );
}
