// The error model. An expected failure (bad input, a refusal, a cluster that said no) is an
// ExpectedError: it knows its exit code and, when one is involved, the cluster, and it reads as one
// line. Anything else that is thrown is a bug (exit 10 with a stack trace). This file imports nothing
// but the exit codes so that every layer, kube/ included, may use it.
import { EXIT, type ExitCode } from './exit-codes.js';

export abstract class ExpectedError extends Error {
  abstract readonly exitCode: ExitCode;
  /** The cluster (kubeconfig context) it happened on, when one is involved. */
  declare readonly cluster?: string;
  /** Set when the failure is a refusal to act (see Refusal). */
  declare readonly code?: RefusalCode;

  /** One line for humans; names the cluster when there is one. */
  oneLine(): string {
    return this.message;
  }
}

export function isExpected(e: unknown): e is ExpectedError {
  return e instanceof ExpectedError;
}

/** Input the user can fix: a flag, a file, a name (exit 2). */
export class InputError extends ExpectedError {
  readonly exitCode: ExitCode = EXIT.USAGE;
}

/**
 * Why an action was not done. Front ends map the code to an exit code (REFUSAL_EXIT) or to the
 * console's words; nothing matches on the English text.
 */
export type RefusalCode =
  /** Read-only mode: --readonly, config readOnly or the context's readOnly. */
  | 'read-only'
  /** An access review (or the server) said no. */
  | 'forbidden'
  /** The workload's state does not allow the action now. */
  | 'not-possible'
  /** A warning needs --force when confirming with --yes. */
  | 'needs-force'
  /** Nobody confirmed (no terminal to ask and no --yes). */
  | 'needs-confirmation'
  /** The request itself is wrong (missing image, unknown cluster, an option the kind does not have). */
  | 'usage'
  /** The object changed since it was read: nothing was written. */
  | 'conflict'
  /** The access review could not be made: the answer is unknown. */
  | 'unchecked';

export const REFUSAL_EXIT: Record<RefusalCode, ExitCode> = {
  'read-only': EXIT.FORBIDDEN,
  forbidden: EXIT.FORBIDDEN,
  'not-possible': EXIT.CONDITION,
  'needs-force': EXIT.USAGE,
  'needs-confirmation': EXIT.USAGE,
  usage: EXIT.USAGE,
  conflict: EXIT.CONFLICT,
  unchecked: EXIT.PARTIAL,
};

/** A refusal: the code, the cluster and the whole one-line message (which names the cluster where it matters). */
export class Refusal extends ExpectedError {
  readonly exitCode: ExitCode;
  declare readonly cluster?: string;
  override readonly code: RefusalCode;

  constructor(code: RefusalCode, cluster: string | undefined, message: string) {
    super(message);
    this.name = 'Refusal';
    this.code = code;
    this.exitCode = REFUSAL_EXIT[code];
    if (cluster !== undefined) this.cluster = cluster;
  }
}

export function isRefusal(e: unknown): e is ExpectedError & { code: RefusalCode } {
  return isExpected(e) && e.code !== undefined;
}
