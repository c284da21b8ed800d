// Masking of sensitive values for every view, diff and log line zonectl writes. Returns copies; the
// input is never modified. A masked value shows a short hash so two values can still be compared
// ("***(hmac:ab12cd34)" equal on both sides of a diff means unchanged) without showing either.
import { createHmac, randomBytes } from 'node:crypto';
import { redactUrlPasswords } from '../redact.js';

// A key drawn once per process: markers are equal for equal values within one run (so a diff shows
// changed / unchanged), but a printed marker cannot be brute-forced offline (an unkeyed hash of a
// weak password could be).
const MASK_KEY = randomBytes(32);

export const MASK_PREFIX = '***';

/** Key names whose primitive values are secrets (case-insensitive). */
const SENSITIVE = /(pass(word|wd)?|pwd|token|secret|access[-_]?key|api[-_]?key|private[-_]?key|credential|authorization|cookie)/i;
/** ...unless the key names a reference to a secret rather than the secret itself. */
const REFERENCE = /(ref|name|names|namespace|path|file|seconds|policy|type|mode|enabled|count|expiration|ttl)$/i;

export function isSensitiveKey(key: string): boolean {
  return SENSITIVE.test(key) && !REFERENCE.test(key);
}

/** "***(hmac:ab12cd34)": stable for equal values, reveals nothing readable. Empty stays empty. */
export function maskValue(v: string | number): string {
  const s = String(v);
  if (s === '') return '';
  return `${MASK_PREFIX}(hmac:${createHmac('sha256', MASK_KEY).update(s).digest('hex').slice(0, 8)})`;
}

export function isMasked(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith(`${MASK_PREFIX}(hmac:`);
}

type Json = unknown;

function maskMapValues(m: unknown): unknown {
  if (typeof m !== 'object' || m === null || Array.isArray(m)) return m;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m))
    out[k] = typeof v === 'string' || typeof v === 'number' ? maskValue(v) : v === null ? null : maskValue(JSON.stringify(v));
  return out;
}

function walk(v: Json): Json {
  if (Array.isArray(v)) return v.map((x) => walk(x));
  if (typeof v !== 'object' || v === null) return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  // {name: DB_PASSWORD, value: x} (env vars, hook args) and {key: Authorization, value: x} (web headers).
  const pairName = typeof o.name === 'string' ? o.name : typeof o.key === 'string' ? o.key : undefined;
  const pairSensitive = pairName !== undefined && SENSITIVE.test(pairName) && 'value' in o;
  for (const [k, x] of Object.entries(o)) {
    if (pairSensitive && k === 'value' && (typeof x === 'string' || typeof x === 'number')) out[k] = maskValue(x);
    else if ((typeof x === 'string' || typeof x === 'number') && isSensitiveKey(k)) out[k] = maskValue(x);
    else out[k] = walk(x);
  }
  return out;
}

/**
 * A masked deep copy of a Kubernetes object (or any JSON value):
 * - Secret: every value of data / stringData, and the last-applied-configuration annotation;
 * - GameZone: spec.gameZone.mysqlConfig.pwd, spec.artifacts[].s3.accessKey / secretKey (by the key rule);
 * - anywhere: primitive values under keys named like password / pwd / token / secret / accessKey /
 *   apiKey / privateKey / credential / authorization, and {name|key, value} pairs with such names.
 */
export function maskObject<T>(obj: T): T {
  if (typeof obj !== 'object' || obj === null) return obj;
  const masked = walk(obj) as Record<string, unknown>;
  if (!Array.isArray(obj) && (obj as Record<string, unknown>).kind === 'Secret') {
    const orig = obj as Record<string, unknown>;
    if ('data' in orig) masked.data = maskMapValues(orig.data);
    if ('stringData' in orig) masked.stringData = maskMapValues(orig.stringData);
    const md = masked.metadata as Record<string, unknown> | undefined;
    const ann = md?.annotations as Record<string, unknown> | undefined;
    const key = 'kubectl.kubernetes.io/last-applied-configuration';
    if (ann && typeof ann[key] === 'string') md!.annotations = { ...ann, [key]: maskValue(ann[key] as string) };
  }
  // Lists (kind: List / SecretList) carry items of their own kinds.
  if (Array.isArray(masked.items))
    masked.items = (masked.items as unknown[]).map((it, i) => maskObject(((obj as Record<string, unknown>).items as unknown[])[i] ?? it));
  return masked as T;
}

/** A value already masked by an earlier rule is left alone. */
const masked = (v: string) => v.startsWith(MASK_PREFIX);

const TEXT_RULES: Array<[RegExp, (m: string, ...g: string[]) => string]> = [
  // scheme://user:password@host (mysql://, redis://, amqp://, https://, ...): the password.
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s:/?#@]*:[^\s/?#]+@/gi, (m) => redactUrlPasswords(m, (p) => (masked(p) ? p : maskValue(p)))],
  // An HTTP authorization header in any case, with or without its scheme: "authorization: bearer x".
  [
    /\b((?:proxy-)?authorization)(["']?\s*[:=]\s*["']?)(?:(bearer|basic|digest|negotiate|token)\s+)?([^\s"',;&}]+)/gi,
    (m, key, sep, scheme, val) => (masked(val) ? m : `${key}${sep}${scheme ? `${scheme} ` : ''}${MASK_PREFIX}`),
  ],
  [/\b(Bearer|bearer|BEARER|Basic)\s+[A-Za-z0-9._~+/=-]{8,}/g, (_m, scheme) => `${scheme} ${MASK_PREFIX}`],
  // Redis AUTH [user] password (as a command, or as MONITOR prints it: "auth" "password").
  [
    /(\bAUTH|"auth"|'auth'|"AUTH"|'AUTH')((?:[ \t]+["']?[^\s"']+["']?){1,2})/g,
    (m, cmd, args) => (masked(args.trim()) ? m : `${cmd}${args.replace(/[^\s"']+/g, MASK_PREFIX)}`),
  ],
  [
    /\b([A-Za-z_-]*(?:password|passwd|passphrase|pwd|token|secret|credentials?|(?:access|api|private|secret)[-_]?key)[A-Za-z_-]*)(["']?\s*[:=]\s*["']?)([^\s"',;&}]+)/gi,
    (m, key, sep, val) => (REFERENCE.test(key) || masked(val) ? m : `${key}${sep}${maskValue(val)}`),
  ],
];

/**
 * Mask secrets in free text (log lines, error messages, hook messages): "password=x", "api_key=x",
 * "token: y", "Bearer z", "authorization: bearer z", "mysql://user:x@host", "AUTH x".
 */
export function maskText(s: string): string {
  let out = s;
  for (const [re, fn] of TEXT_RULES) out = out.replace(re, fn as (m: string, ...g: string[]) => string);
  return out;
}
