// Typed, expected failures. Each carries the cluster (context) it happened on and renders as one sentence.
import { ExpectedError } from '../errors.js';
import { EXIT, type ExitCode } from '../exit-codes.js';
import { InvalidPathSegment } from './object.js';
import { t } from '../i18n/t.js';

export type KubeErrorKind =
  'Unreachable' | 'Forbidden' | 'Unauthorized' | 'Conflict' | 'NotFound' | 'Invalid' | 'Timeout' | 'Gone' | 'Server';

/** DESIGN §9: 4 forbidden, 5 conflict, 2 a name or body that is wrong, 3 the cluster failed. */
export function exitCodeOf(kind: KubeErrorKind): ExitCode {
  switch (kind) {
    case 'Forbidden':
    case 'Unauthorized':
      return EXIT.FORBIDDEN;
    case 'Conflict':
      return EXIT.CONFLICT;
    case 'NotFound':
    case 'Invalid':
      return EXIT.USAGE;
    default:
      return EXIT.PARTIAL;
  }
}

/**
 * The reason of a watch's Timeout when the watch was only quiet (the server still answers): the
 * informer re-opens it at once, without reporting the cluster stale.
 */
export const WATCH_IDLE = 'WatchIdle';

export class KubeError extends ExpectedError {
  readonly exitCode: ExitCode;

  constructor(
    readonly kind: KubeErrorKind,
    override readonly cluster: string,
    message: string,
    readonly status?: number,
    readonly reason?: string,
  ) {
    super(message);
    this.name = `${kind}Error`;
    this.exitCode = exitCodeOf(kind);
  }

  /** One line for humans, cluster named first. */
  override oneLine(): string {
    return `${this.cluster}: ${this.message}`;
  }
}

export function isKubeError(e: unknown, kind?: KubeErrorKind): e is KubeError {
  return e instanceof KubeError && (kind === undefined || e.kind === kind);
}

/**
 * Whatever a request to `cluster` threw, as a typed error: a KubeError stays as it is; a name that
 * cannot be put into a request path is Invalid (exit 2); anything else
 * (a stream or parser failure outside the client's own classification) becomes a Server error with
 * its first line.
 */
export function toKubeError(e: unknown, cluster: string): KubeError {
  if (e instanceof KubeError) return e;
  if (e instanceof InvalidPathSegment) return new KubeError('Invalid', cluster, e.message);
  const text = e instanceof Error ? e.message : String(e);
  return new KubeError('Server', cluster, text.split('\n')[0] ?? '');
}

/** Map an HTTP status + Kubernetes Status body to a typed error. */
export function errorFromStatus(cluster: string, status: number, body: unknown, what: string): KubeError {
  const b = (body ?? {}) as { message?: string; reason?: string };
  // eslint-disable-next-line i18next/no-literal-string -- the request and its HTTP status when the server sent no message
  const msg = typeof b.message === 'string' && b.message ? b.message : `${what}: HTTP ${status}`;
  const reason = typeof b.reason === 'string' ? b.reason : undefined;
  switch (status) {
    case 401:
      return new KubeError('Unauthorized', cluster, t('commands.kube.unauthorized', { message: msg }), status, reason);
    case 403:
      return new KubeError('Forbidden', cluster, msg, status, reason);
    case 404:
      return new KubeError('NotFound', cluster, msg, status, reason);
    case 409:
      return new KubeError('Conflict', cluster, msg, status, reason);
    case 410:
      return new KubeError('Gone', cluster, msg, status, reason);
    case 400:
    case 422:
      // A failed JSON-patch `test` is a generic 422 too; the caller that sent the test op decides
      // whether it means Conflict (source/actions/execute.ts re-reads the object).
      return new KubeError('Invalid', cluster, msg, status, reason);
    case 504:
      return new KubeError('Timeout', cluster, msg, status, reason);
    default:
      return new KubeError('Server', cluster, msg, status, reason);
  }
}
