// Typed refusals of the executor. They extend KubeError so commands map them to the documented
// exit codes (Forbidden -> 4, Conflict -> 5) through the same path as transport errors.
import { KubeError } from '../kube/errors.js';
import type { AccessDecision } from './access.js';

/** The object changed since the operator looked: nothing was written. */
export class ActionConflict extends KubeError {
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

/** Read-only mode (global --readonly / config readOnly, or per-context readOnly) refuses every mutation. */
export class ReadOnlyError extends Error {
  constructor(
    readonly cluster: string,
    readonly why: string,
  ) {
    super(`${cluster}: read-only (${why}): refusing to change anything`);
    this.name = 'ReadOnlyError';
  }
}

/** A later write of a multi-write plan failed after earlier writes landed. */
export function partialWriteError(e: KubeError, done: number, total: number): KubeError {
  if (done === 0) return e;
  return new KubeError(e.kind, e.cluster, `${done} of ${total} writes applied, then: ${e.message}`, e.status, e.reason);
}
