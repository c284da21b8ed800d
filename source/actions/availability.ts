// Which actions a freshly read workload allows now, and why not. The state verdicts come from the
// workload's reader; read-only mode disables every possible one; otherwise the action is planned
// (a probe plan: nothing is sent) and its Plan.access is reviewed, so the key is checked against the
// very writes the action would make.
import { t } from '../i18n/t.js';
import { planAction } from '../kinds/plans.js';
import { workloadSpec } from '../kinds/registry.js';
import { isKubeError } from '../kube/errors.js';
import type { ClusterClient } from '../kube/client-api.js';
import type { ActionAvailability } from '../model/action-types.js';
import type { AccessCache } from './access.js';
import { readOnlyText } from './errors.js';
import { probeIntent } from './intent.js';
import type { Loaded } from './load.js';

export interface AvailabilityContext {
  client: ClusterClient;
  access: AccessCache;
  /** Why the cluster is read-only (config/read-only.ts), or undefined. */
  readOnly?: string;
}

export function availability(loaded: Loaded, ctx: AvailabilityContext): Promise<ActionAvailability[]> {
  // Restart is the kind's capability (its RestartSpec), not a rollout state: the planner says why not.
  const restart: ActionAvailability = workloadSpec(loaded.info.kind)?.restart
    ? { action: 'restart', possible: true }
    : { action: 'restart', possible: false, reason: t('actions.availability.noRestart', { kind: loaded.info.kind }) };
  return Promise.all([...loaded.info.rollout.actions, restart].map((a) => verdict(a, loaded, ctx)));
}

async function verdict(a: ActionAvailability, loaded: Loaded, ctx: AvailabilityContext): Promise<ActionAvailability> {
  if (!a.possible) return a;
  const no = (refusal: ActionAvailability['refusal'], reason: string): ActionAvailability => ({
    action: a.action,
    possible: false,
    reason,
    refusal,
  });
  if (ctx.readOnly) return no('read-only', readOnlyText(ctx.readOnly));
  const intent = probeIntent(a.action, loaded);
  // No container to probe a hot update with: the state verdict stands; run() reviews the real plan.
  if (!intent) return a;
  const planned = planAction(intent, loaded.input);
  if (!planned.ok) return no('not-possible', planned.reason);
  try {
    const denied = (await ctx.access.checkAll(ctx.client, planned.plan.access)).find((d) => !d.allowed);
    if (!denied) return a;
    const what = denied.describe;
    return no(
      'forbidden',
      denied.reason ? t('actions.availability.forbiddenWhy', { what, why: denied.reason }) : t('actions.availability.forbidden', { what }),
    );
  } catch (e) {
    return no('unchecked', t('actions.availability.reviewFailed', { message: isKubeError(e) ? e.message : String(e) }));
  }
}
