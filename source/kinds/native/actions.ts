// Action availability for native apps/v1 workloads (no canary steps, no hooks).
import type { ActionAvailability } from '../../model/types.js';
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
      cannot('approve', `${x.kind} has no canary steps to approve`),
      cannot('reject', `${x.kind} has no staged rollout to reject (use a rollback to an earlier revision)`),
      cannot('skip-hook', `${x.kind} has no step hooks`),
      cannot('retry-hooks', `${x.kind} has no pod hooks`),
      can('hotupdate', x.hotupdateNote),
      x.hold ? cannot('hold', 'already held by zonectl') : x.holdBlocked ? cannot('hold', x.holdBlocked) : can('hold', x.holdWhat),
      x.hold ? can('release', x.releaseWhat) : cannot('release', 'not held by zonectl'),
    ],
    x.hold,
  );
}
