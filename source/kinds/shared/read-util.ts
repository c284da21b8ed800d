// Defensive field access for kind readers. Objects come off the wire from clusters we do not control:
// any field may be missing or of the wrong type. Getters return undefined for absent fields and
// throw Malformed for present-but-wrong ones; readers catch Malformed (and any other error) and
// return a row marked `invalid` instead of throwing.
import { type MessageKey, t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';

export class Malformed extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Malformed';
  }
}

/** "<path>: expected <what>[, got <got>]": `what` a catalog word (a string, an object...) or field names, shown "{name, value}". */
export function expected(path: string, what: MessageKey | readonly string[], got?: string): Malformed {
  const e = typeof what === 'string' ? t(what) : `{${what.join(', ')}}`;
  return new Malformed(
    got === undefined ? t('plans.read.expected', { path, expected: e }) : t('plans.read.expectedGot', { path, expected: e, got }),
  );
}

/** "<path>: missing" ("(required)" when the API requires it). */
export function missing(path: string, required = false): Malformed {
  return new Malformed(t(required ? 'plans.read.missingRequired' : 'plans.read.missing', { path }));
}

type Rec = Record<string, unknown>;

export function isRecord(v: unknown): v is Rec {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Value at a dot path ("spec.updateStrategy.partition"); undefined when any segment is absent/null. */
const SPLIT = new Map<string, readonly string[]>();

export function at(obj: unknown, path: string): unknown {
  let segs = SPLIT.get(path);
  if (!segs) {
    segs = path.split('.');
    if (SPLIT.size < 4096) SPLIT.set(path, segs);
  }
  let cur: unknown = obj;
  for (const seg of segs) {
    if (cur === undefined || cur === null) return undefined;
    if (!isRecord(cur)) throw new Malformed(t('plans.read.objectAt', { path, seg }));
    cur = cur[seg];
  }
  return cur === null ? undefined : cur;
}

function typeName(v: unknown): string {
  return Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v;
}

export function optString(obj: unknown, path: string): string | undefined {
  const v = at(obj, path);
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw expected(path, 'plans.read.aString', typeName(v));
  return v;
}

export function optNumber(obj: unknown, path: string): number | undefined {
  const v = at(obj, path);
  if (v === undefined) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v)) throw expected(path, 'plans.read.aNumber', typeName(v));
  return v;
}

export function optBool(obj: unknown, path: string): boolean | undefined {
  const v = at(obj, path);
  if (v === undefined) return undefined;
  if (typeof v !== 'boolean') throw expected(path, 'plans.read.aBoolean', typeName(v));
  return v;
}

export function optArray(obj: unknown, path: string): unknown[] | undefined {
  const v = at(obj, path);
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) throw expected(path, 'plans.read.aList', typeName(v));
  return v;
}

export function optRecord(obj: unknown, path: string): Rec | undefined {
  const v = at(obj, path);
  if (v === undefined) return undefined;
  if (!isRecord(v)) throw expected(path, 'plans.read.anObject', typeName(v));
  return v;
}

/** A map of string -> string (labels, annotations, matchLabels). */
export function optStringMap(obj: unknown, path: string): Record<string, string> | undefined {
  const r = optRecord(obj, path);
  if (!r) return undefined;
  for (const [k, v] of Object.entries(r)) {
    if (typeof v !== 'string') throw expected(`${path}.${k}`, 'plans.read.aString', typeName(v));
  }
  return r as Record<string, string>;
}

const PERCENT = /^(\d+(?:\.\d+)?)%$/;
const DIGITS = /^\d+$/;

/** IntOrString as Kubernetes accepts it: a number, "N%" or a decimal string. */
export function optIntOrString(obj: unknown, path: string): number | string | undefined {
  const v = at(obj, path);
  if (v === undefined) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && (PERCENT.test(v) || DIGITS.test(v))) return DIGITS.test(v) ? Number(v) : v;
  throw expected(path, 'plans.read.anIntOrPercent', JSON.stringify(v));
}

/** Resolve an IntOrString against a total (intstr.GetScaledValueFromIntOrPercent). */
export function resolveIntOrPercent(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = PERCENT.exec(v);
  if (!m) return Number(v);
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** RFC3339 timestamp -> epoch ms; Malformed when present but unparsable. */
export function optTime(obj: unknown, path: string): string | undefined {
  const s = optString(obj, path);
  if (s === undefined || s === '') return undefined;
  if (Number.isNaN(Date.parse(s))) throw new Malformed(t('plans.read.notTimestamp', { path, value: JSON.stringify(s) }));
  return s;
}

export interface MetaFields {
  name: string;
  namespace: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  createdAt?: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
}

/** Strict metadata: a name is required. */
export function meta(obj: KubeObject): MetaFields {
  if (!isRecord(obj) || !isRecord(obj.metadata)) throw missing('metadata');
  const name = optString(obj, 'metadata.name');
  if (!name) throw missing('metadata.name');
  return {
    name,
    namespace: optString(obj, 'metadata.namespace') ?? '',
    uid: optString(obj, 'metadata.uid') ?? '',
    resourceVersion: optString(obj, 'metadata.resourceVersion') ?? '',
    generation: optNumber(obj, 'metadata.generation'),
    createdAt: optTime(obj, 'metadata.creationTimestamp'),
    labels: optStringMap(obj, 'metadata.labels') ?? {},
    annotations: optStringMap(obj, 'metadata.annotations') ?? {},
  };
}

/** Best-effort metadata for an invalid row: never throws. */
export function looseMeta(obj: unknown): MetaFields {
  const m = isRecord(obj) && isRecord(obj.metadata) ? obj.metadata : {};
  const s = (v: unknown): string => (typeof v === 'string' ? v : '');
  const labels = isRecord(m.labels)
    ? (Object.fromEntries(Object.entries(m.labels).filter(([, v]) => typeof v === 'string')) as Record<string, string>)
    : {};
  return {
    name: s(m.name) || '(unnamed)',
    namespace: s(m.namespace),
    uid: s(m.uid),
    resourceVersion: s(m.resourceVersion),
    labels,
    annotations: {},
  };
}

export function errorReason(e: unknown): string {
  if (e instanceof Malformed) return e.message;
  return t('plans.read.unreadable', { error: e instanceof Error ? e.message : String(e) });
}

/** Run a strict reader; on any error, build the invalid row instead. */
export function guard<T>(read: () => T, invalid: (reason: string) => T): T {
  try {
    return read();
  } catch (e) {
    return invalid(errorReason(e));
  }
}

/** Controller ownerReference -> {kind, name}. */
export function controllerOwner(obj: KubeObject): { kind: string; name: string } | undefined {
  const refs = optArray(obj, 'metadata.ownerReferences');
  if (!refs) return undefined;
  const recs = refs.filter(isRecord);
  const ref = recs.find((r) => r.controller === true) ?? recs[0];
  if (!ref || typeof ref.kind !== 'string' || typeof ref.name !== 'string') return undefined;
  return { kind: ref.kind, name: ref.name };
}

/** Label lookup tolerant of a prefix: "hookrun-type" matches "tkex.tencent.com/hookrun-type" too. */
export function labelValue(labels: Record<string, string>, key: string): string | undefined {
  if (key in labels) return labels[key];
  for (const [k, v] of Object.entries(labels)) if (k.endsWith(`/${key}`)) return v;
  return undefined;
}
