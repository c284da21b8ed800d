// What a failed request says: a network failure in one line naming the server (a password in its URL
// redacted), and the apiserver's Warning headers as plain lines.
// `tr`: `t` names a resource type in the client.
import { t as tr } from '../i18n/t.js';
import { redactUrlPasswords } from '../redact.js';
import { KubeError } from './errors.js';

/** A network failure as this cluster's Timeout (no answer) or Unreachable error; a KubeError stays as it is. */
export function networkError(context: string, server: string, e: unknown, what: string, signal?: AbortSignal): KubeError {
  if (e instanceof KubeError) return e;
  const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (signal?.aborted) return new KubeError('Timeout', context, tr('commands.kube.aborted', { what }));
  const code = err.code ?? err.cause?.code ?? '';
  if (/Timeout|ETIMEDOUT|UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT/i.test(`${err.name} ${code}`)) {
    return new KubeError('Timeout', context, tr('commands.kube.noAnswer', { what, server }));
  }
  const detail = code || redactUrlPasswords((err.message ?? String(e)).split('\n')[0] ?? '');
  return new KubeError('Unreachable', context, tr('commands.kube.unreachable', { server, detail }));
}

/** `299 - "unknown field \"spec.x\""` -> `unknown field "spec.x"` (one entry per header value). */
export function warningHeaders(h: string | string[] | undefined): string[] {
  if (h === undefined) return [];
  const out: string[] = [];
  for (const v of Array.isArray(h) ? h : [h]) {
    const found = [...v.matchAll(/(?:^|,)\s*\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
    out.push(...(found.length ? found : [v.trim()]));
  }
  return out;
}
