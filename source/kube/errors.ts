// Typed, expected failures. Each carries the cluster (context) it happened on and renders as one sentence.

export type KubeErrorKind =
  'Unreachable' | 'Forbidden' | 'Unauthorized' | 'Conflict' | 'NotFound' | 'Invalid' | 'Timeout' | 'Gone' | 'Server';

export class KubeError extends Error {
  constructor(
    readonly kind: KubeErrorKind,
    readonly cluster: string,
    message: string,
    readonly status?: number,
    readonly reason?: string,
  ) {
    super(message);
    this.name = `${kind}Error`;
  }

  /** One line for humans, cluster named first. */
  oneLine(): string {
    return `${this.cluster}: ${this.message}`;
  }
}

export function isKubeError(e: unknown, kind?: KubeErrorKind): e is KubeError {
  return e instanceof KubeError && (kind === undefined || e.kind === kind);
}

/** Map an HTTP status + Kubernetes Status body to a typed error. */
export function errorFromStatus(cluster: string, status: number, body: unknown, what: string): KubeError {
  const b = (body ?? {}) as { message?: string; reason?: string };
  const msg = typeof b.message === 'string' && b.message ? b.message : `${what}: HTTP ${status}`;
  const reason = typeof b.reason === 'string' ? b.reason : undefined;
  switch (status) {
    case 401:
      return new KubeError('Unauthorized', cluster, `not authorized (check credentials): ${msg}`, status, reason);
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
