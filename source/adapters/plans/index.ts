// intent -> Plan for any workload kind. The same plan feeds the confirm dialog, --dry-run, the audit
// record and the executor (DESIGN §3 "Plan, then execute").
import { knownKindOf } from '../kinds.js';
import { planArgo } from './argo.js';
import { planBkbcs } from './bkbcs.js';
import { deny, type Intent, type PlanInput } from './common.js';
import { planKruise } from './kruise.js';
import { planNative } from './native.js';
import type { PlanResult } from './types.js';

export type { Intent, PlanInput } from './common.js';
export type { PlanResult } from './types.js';

export function planAction(intent: Intent, input: PlanInput): PlanResult {
  const kind = knownKindOf(input.obj?.apiVersion, input.obj?.kind);
  switch (kind) {
    case 'GameDeployment':
    case 'GameStatefulSet':
      return planBkbcs(kind, intent, input);
    case 'Rollout':
      return planArgo(intent, input);
    case 'KruiseRollout':
      return planKruise(intent, input);
    case 'Deployment':
    case 'StatefulSet':
      return planNative(kind, intent, input);
    default:
      return deny(
        `cannot ${intent.action}: ${input.obj?.kind ?? 'object'} (${input.obj?.apiVersion ?? '?'}) is not a workload zonectl acts on`,
      );
  }
}
