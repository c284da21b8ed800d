// intent -> Plan for any workload kind, by the kind's spec (kinds/<kind>.ts `plan`). The same plan feeds
// the confirm dialog, --dry-run, the audit record and the executor (DESIGN §3 "Plan, then execute").
import { t } from '../i18n/t.js';
import { deny, type Intent, type PlanInput, VERBS } from './plan/common.js';
import { planRestart } from './plan/restart.js';
import { planResumedHotUpdate } from './plan/resume.js';
import type { PlanResult } from './plan/types.js';
import { knownKindOf, workloadSpec } from './registry.js';

export type { Intent, PlanInput } from './plan/common.js';
export type { PlanResult } from './plan/types.js';

export function planAction(intent: Intent, input: PlanInput): PlanResult {
  const spec = workloadSpec(knownKindOf(input.obj?.apiVersion, input.obj?.kind) ?? '');
  if (spec) {
    if (intent.action === 'restart') return planRestart(spec, input);
    // A resumed batch's hot update that is live already is recorded, not refused (plan/resume.ts).
    if (intent.action === 'hotupdate') return planResumedHotUpdate(spec, intent, input) ?? spec.plan(intent, input);
    return spec.plan(intent, input);
  }
  return deny(
    t('plans.common.notAWorkload', {
      verb: t(VERBS[intent.action]),
      kind: input.obj?.kind ?? 'object',
      apiVersion: input.obj?.apiVersion ?? '?',
    }),
  );
}
