// When the client sends a request again, as client-go's rest.Request does (with_retry.go), within the
// request's own deadline:
// - the server answered 429, or 5xx to a GET, with Retry-After (seconds or an HTTP date): after that
//   wait, at most RETRY_AFTER_CAP_MS, up to MAX_RETRY_AFTER times. A 429 is retried for any method
//   (the apiserver's priority and fairness refused it before handling it); client-go also retries
//   writes on 5xx, zonectl does not (a write the server may have applied is never sent twice);
// - a GET whose connection the server reset or closed (ECONNRESET, EPIPE, "other side closed"):
//   once, after RESET_WAIT_MS (client-go's artificial Retry-After: 1). Never a write, never a watch.

export const RETRY_AFTER_CAP_MS = 10_000;
export const MAX_RETRY_AFTER = 10;
export const RESET_WAIT_MS = 1_000;

/** The wait a refused request asks for; undefined when it is not to be sent again. */
export function retryAfterMs(status: number, method: string, header: string | string[] | undefined, now = Date.now()): number | undefined {
  if (status !== 429 && !(status >= 500 && method === 'GET')) return undefined;
  const v = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!v) return undefined;
  const ms = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v) - now;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(RETRY_AFTER_CAP_MS, Math.max(0, ms));
}

/** The server reset or closed the connection under the request (client-go: IsConnectionReset, IsProbableEOF). */
export function isConnectionReset(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  const code = err?.code ?? err?.cause?.code;
  return code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET';
}
