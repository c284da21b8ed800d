// Typed refusals of the action service and the executor. ActionConflict and ActionForbidden are
// KubeErrors (the cluster's own words for the same outcome: Conflict -> 5, Forbidden -> 4); every
// refusal carries its code (source/errors.ts) so front ends never read the English.
import { Refusal, type RefusalCode } from '../errors.js';
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
    super('Conflict', cluster, `${what} changed since it was read (${changes.join('; ')}); nothing was written`, status, 'Conflict');
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
    const more = denied.length > 1 ? ` (and ${denied.length - 1} more)` : '';
    super(
      'Forbidden',
      cluster,
      `not allowed to ${first ? first.describe : 'act'}${first?.reason ? `: ${first.reason}` : ''}${more}; nothing was written`,
      403,
      'Forbidden',
    );
  }
}

/** "read-only (config contexts.prod.readOnly)": the one wording of read-only mode, `why` from config/read-only.ts. */
export function readOnlyText(why: string): string {
  return `read-only (${why})`;
}

/** Read-only mode (global --readonly / config readOnly, or per-context readOnly) refuses every mutation. */
export class ReadOnlyError extends Refusal {
  constructor(
    cluster: string,
    readonly why: string,
  ) {
    super('read-only', cluster, `${cluster}: ${readOnlyText(why)}: refusing to change anything`);
    this.name = 'ReadOnlyError';
  }
}

/** A later write of a multi-write plan failed after earlier writes landed. */
export function partialWriteError(e: KubeError, done: number, total: number): KubeError {
  if (done === 0) return e;
  return new KubeError(e.kind, e.cluster, `${done} of ${total} writes applied, then: ${e.message}`, e.status, e.reason);
}
