// Typed refusals of the action service and the executor. ActionConflict and ActionForbidden are
// KubeErrors (the cluster's own words for the same outcome: Conflict -> 5, Forbidden -> 4); every
// refusal carries its code (source/errors.ts) so front ends never read the English.
import { Refusal, type RefusalCode } from '../errors.js';
import { t, tEn } from '../i18n/t.js';
import { KubeError } from '../kube/errors.js';
import type { AccessDecision } from './access.js';

/** The object changed since the operator looked: nothing was written. */
export class ActionConflict extends KubeError {
  override readonly code: RefusalCode = 'conflict';

  constructor(
    cluster: string,
    readonly what: string,
    /** Human lines, e.g. "step index 1 -> 2", "resourceVersion changed: someone else acted". */
    readonly changes: string[],
    status?: number,
  ) {
    super('Conflict', cluster, t('actions.error.conflict', { what, changes: changes.join('; ') }), status, 'Conflict');
  }
}

/** A preflight access review said no: nothing was written. */
export class ActionForbidden extends KubeError {
  override readonly code: RefusalCode = 'forbidden';

  constructor(
    cluster: string,
    readonly denied: AccessDecision[],
  ) {
    const first = denied[0];
    const values = { what: first ? first.describe : t('actions.error.act'), more: Math.max(0, denied.length - 1) };
    super(
      'Forbidden',
      cluster,
      first?.reason ? t('actions.error.forbiddenWhy', { ...values, why: first.reason }) : t('actions.error.forbidden', values),
      403,
      'Forbidden',
    );
  }
}

/** "read-only (config contexts.prod.readOnly)": the one wording of read-only mode, `why` from config/read-only.ts. */
export function readOnlyText(why: string): string {
  return t('actions.error.readOnly', { why });
}

/** Read-only mode (global --readonly / config readOnly, or per-context readOnly) refuses every mutation. */
export class ReadOnlyError extends Refusal {
  constructor(
    cluster: string,
    readonly why: string,
  ) {
    super('read-only', cluster, t('actions.error.readOnlyRefusal', { cluster, readOnly: readOnlyText(why) }));
    this.name = 'ReadOnlyError';
  }
}

/** A later write of a multi-write plan failed after earlier writes landed. */
export function partialWriteError(e: KubeError, done: number, total: number): KubeError {
  if (done === 0) return e;
  // Also the audit log's `error` (a record): English whatever the run's language.
  return new KubeError(e.kind, e.cluster, tEn('actions.error.partial', { done, total, message: e.message }), e.status, e.reason);
}
