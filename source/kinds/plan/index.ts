// intent -> Plan for any workload kind. The same plan feeds the confirm dialog, --dry-run, the audit
// record and the executor (DESIGN §3 "Plan, then execute").
import { knownKindOf } from '../registry.js';
import { planArgo } from '../rollouts/argo-plans.js';
import { planBkbcs } from '../bkbcs/plans.js';
import { deny, type Intent, type PlanInput } from './common.js';
import { planKruise } from '../rollouts/kruise-plans.js';
import { planNative } from '../native/plans.js';
import type { PlanResult } from './types.js';

export type { Intent, PlanInput } from './common.js';
export type { Plan, PlanCard, PlanPatchType, PlanPreconditions, PlanResult, PlanStep, PlanTarget } from './types.js';

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
