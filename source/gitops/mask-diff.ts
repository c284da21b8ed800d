// Masking for the diff (research/diff.md §7 rule 21), on BOTH sides, after `Modified` is decided: wraps the
// product's masking (source/model/mask.ts: Secret data/stringData, the last-applied annotation, keys named like
// password/token/secret/accessKey anywhere, {name,value} pairs such as DB_PASSWORD env vars, GameZone
// mysqlConfig.pwd and artifact keys) and adds what is configured for the diff: CR paths by JSON pointer and
// annotation keys. A masked value is `***(hmac:<8 hex>)` (keyed per process, see model/mask.ts): equal values look equal, a changed secret shows as
// changed, nothing readable is printed. Server messages are scrubbed of the sensitive values they might echo.
import { isMasked, maskObject, maskText, maskValue } from '../model/mask.js';
import { isPlainObject, pointerSlots } from './canonical.js';
import { groupOf, ruleMatches } from './normalize.js';
import type { KubeObject } from '../kube/object.js';

export { isMasked } from '../model/mask.js';

export interface SensitiveRule {
  group?: string;
  kind?: string;
  /** JSON pointers (RFC 6901; `*` = every element/key) of sensitive values. */
  paths: string[];
}

export interface MaskOptions {
  sensitive?: SensitiveRule[];
  /** Annotation keys whose values are masked. */
  sensitiveAnnotations?: string[];
}

/** Sensitive fields of the project's own kinds (DESIGN §9, seed 004 GameZone), explicit even where key rules apply. */
export const DEFAULT_SENSITIVE: SensitiveRule[] = [
  {
    group: 'apps.example.com',
    kind: 'GameZone',
    paths: [
      '/spec/gameZone/mysqlConfig/pwd',
      '/spec/gameZone/redisConfig/pwd',
      '/spec/artifacts/*/s3/secretKey',
      '/spec/artifacts/*/s3/accessKey',
      '/spec/gameZone/artifacts/*/s3/secretKey',
      '/spec/gameZone/artifacts/*/s3/accessKey',
    ],
  },
];

const maskAny = (v: unknown): unknown =>
  v === null || v === undefined || v === '' ? v : maskValue(typeof v === 'string' || typeof v === 'number' ? v : JSON.stringify(v));

/** Masks each object in place (contents replaced by the masked copy). */
export function maskObjects(objects: Array<KubeObject | undefined>, opts: MaskOptions = {}): void {
  const rules = [...DEFAULT_SENSITIVE, ...(opts.sensitive ?? [])];
  for (const o of objects) {
    if (!o) continue;
    const masked = maskObject(o);
    for (const k of Object.keys(o)) delete (o as Record<string, unknown>)[k];
    Object.assign(o, masked);
    for (const r of rules) {
      if (!ruleMatches(r, o)) continue;
      for (const p of r.paths) for (const slot of pointerSlots(o, p)) if (!isMasked(slot.get())) slot.set(maskAny(slot.get()));
    }
    const ann = o.metadata?.annotations;
    if (ann) for (const k of opts.sensitiveAnnotations ?? []) if (k in ann && !isMasked(ann[k])) ann[k] = maskValue(ann[k]!);
  }
}

/** Sensitive string values of objects (decoded Secret data included), to scrub from server messages before printing. */
export function sensitiveValues(objects: Array<KubeObject | undefined>, opts: MaskOptions = {}): string[] {
  const out = new Set<string>();
  const rules = [...DEFAULT_SENSITIVE, ...(opts.sensitive ?? [])];
  for (const o of objects) {
    if (!o) continue;
    if (o.kind === 'Secret' && groupOf(o.apiVersion) === '') {
      for (const field of ['data', 'stringData'] as const) {
        const d = o[field];
        if (!isPlainObject(d)) continue;
        for (const v of Object.values(d)) {
          if (typeof v !== 'string') continue;
          out.add(v);
          if (field === 'data') out.add(Buffer.from(v, 'base64').toString('utf8'));
        }
      }
    }
    for (const r of rules) {
      if (!ruleMatches(r, o)) continue;
      for (const p of r.paths) for (const slot of pointerSlots(o, p)) if (typeof slot.get() === 'string') out.add(slot.get() as string);
    }
  }
  return [...out].filter((v) => v.length >= 3);
}

/** Replaces every occurrence of a sensitive value in `text` by `***`, then applies the product's text rules. */
export function scrub(text: string, secrets: string[]): string {
  let t = text;
  for (const s of [...secrets].sort((a, b) => b.length - a.length)) t = t.split(s).join('***');
  return maskText(t);
}
