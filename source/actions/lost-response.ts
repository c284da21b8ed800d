// A write whose response was lost (the cluster unreachable, a timeout): the request may have reached the
// server. Read the object again and decide from what is there, so an applied write is audited as applied
// and an unapplied one is reported as such — never "cannot reach" for a change that happened.
import { t as tr } from '../i18n/t.js';
import type { PlanStep } from '../kinds/plan/types.js';
import type { ClusterClient } from '../kube/client-api.js';
import { KubeError } from '../kube/errors.js';
import type { KubeObject } from '../kube/object.js';
import { type DeleteBody, deleteOutcome, writeOutcome } from './decorate.js';
import { targetLabel } from './verify.js';

/**
 * The object as it is after an applied write (undefined after an applied delete). A write that is not
 * there, or cannot be told, throws `e` reworded to say so. Its words are English: they follow earlier
 * writes into the audit log's `error` (a record), like the apiserver's own text they carry.
 */
export async function afterLostResponse(
  client: ClusterClient,
  step: Pick<PlanStep, 'target' | 'patchType' | 'verb'>,
  body: unknown,
  e: KubeError,
): Promise<KubeObject | undefined> {
  const t = step.target;
  const now = await client.get(t.type, t.namespace, t.name).catch(() => undefined);
  const verdict =
    step.verb === 'delete' ? deleteOutcome(body as DeleteBody, now) : now ? writeOutcome(step.patchType, body, now) : 'unknown';
  if (verdict === 'applied' && (now || step.verb === 'delete')) return now;
  const key = verdict === 'not-applied' ? 'actions.execute.notApplied' : 'actions.execute.mayBeApplied';
  throw new KubeError(e.kind, e.cluster, tr(key, { message: e.message, target: targetLabel(t) }), e.status, e.reason);
}
