// intent -> Plan for any workload kind, by the kind's spec (kinds/<kind>.ts `plan`). The same plan feeds
// the confirm dialog, --dry-run, the audit record and the executor (DESIGN §3 "Plan, then execute").
import { deny, type Intent, type PlanInput } from './plan/common.js';
import { planRestart } from './plan/restart.js';
import type { PlanResult } from './plan/types.js';
import { knownKindOf, workloadSpec } from './registry.js';

export type { Intent, PlanInput } from './plan/common.js';
export type { PlanResult } from './plan/types.js';

export function planAction(intent: Intent, input: PlanInput): PlanResult {
  const spec = workloadSpec(knownKindOf(input.obj?.apiVersion, input.obj?.kind) ?? '');
  if (spec) return intent.action === 'restart' ? planRestart(spec, input) : spec.plan(intent, input);
  return deny(
    `cannot ${intent.action}: ${input.obj?.kind ?? 'object'} (${input.obj?.apiVersion ?? '?'}) is not a workload zonectl acts on`,
  );
}
