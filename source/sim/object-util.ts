// Small helpers for stored objects: freezing, names, timestamps, validation messages like the apiserver's.
import { randomBytes } from 'node:crypto';
import type { ResourceType } from '../kube/object.js';
import { StoreError } from './store-api.js';

/** Stored objects are frozen so nobody mutates the store's copy by accident (use SimStore.mutate). */
export function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    if (Array.isArray(o)) {
      for (let i = 0; i < o.length; i++) deepFreeze(o[i]);
    } else {
      for (const k in o) if (Object.prototype.hasOwnProperty.call(o, k)) deepFreeze((o as Record<string, unknown>)[k]);
    }
  }
  return o;
}

/** RFC 3339 with seconds precision, as the apiserver writes metav1.Time. */
export function nowRfc3339(d = new Date()): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

const GEN_CHARS = 'bcdfghjklmnpqrstvwxz2456789';
export function randomSuffix(n = 5): string {
  const b = randomBytes(n);
  let s = '';
  for (let i = 0; i < n; i++) s += GEN_CHARS[b[i] % GEN_CHARS.length];
  return s;
}

/** "pods" or "deployments.apps": the qualified resource in apiserver messages. */
export function qualified(t: Pick<ResourceType, 'group' | 'resource'>): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function validateName(t: ResourceType, name: string): void {
  if (name.length > 253 || !SUBDOMAIN.test(name)) {
    throw new StoreError(
      422,
      'Invalid',
      `${t.kind} "${name}" is invalid: metadata.name: Invalid value: "${name}": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
    );
  }
}

export function notFound(t: Pick<ResourceType, 'group' | 'resource'>, name: string): StoreError {
  return new StoreError(404, 'NotFound', `${qualified(t)} "${name}" not found`);
}

export function conflict(
  t: Pick<ResourceType, 'group' | 'resource'>,
  name: string,
  detail = 'the object has been modified; please apply your changes to the latest version and try again',
): StoreError {
  return new StoreError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(t)} "${name}": ${detail}`);
}

/**
 * Returns `next` with every subtree that deep-equals the one at the same place in `prev` replaced by
 * prev's (already frozen) subtree, and every equal string by prev's, so versions of an object share memory. Returns `prev` itself when
 * nothing changed. Never mutates either argument; objects it builds are compact (see compact()).
 */
export function shareWith(next: any, prev: any): any {
  if (next === prev) return prev; // for strings: keep the stored copy, the new equal one dies young
  if (next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return next;
  if (Array.isArray(next)) {
    if (!Array.isArray(prev)) return next;
    let same = next.length === prev.length;
    const out = next.map((v, i) => {
      const s = i < prev.length ? shareWith(v, prev[i]) : v;
      if (s !== prev[i]) same = false;
      return s;
    });
    return same ? prev : out;
  }
  if (Array.isArray(prev)) return next;
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const vals = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const pv = Object.prototype.hasOwnProperty.call(prev, k) ? prev[k] : undefined;
    const s = pv === undefined ? next[k] : shareWith(next[k], pv);
    if (s !== pv || !(k in prev)) same = false;
    vals[i] = s;
  }
  return same ? prev : build(keys, vals);
}

// V8 gives an object built by `{ ...a, newKey }`, by `{}` plus more than 4 assignments, or by spreading such
// an object, an out-of-object property array: ~30-40 bytes more per object, which adds up over 100k pods.
// A spread of a JSON.parse'd template holds every property in-object, and so does every later spread of it.
interface TemplateNode {
  next: Map<string, TemplateNode>;
  template?: object;
}
const templates: TemplateNode = { next: new Map() };
let templateCount = 0;
const MAX_TEMPLATES = 4096;

function build(keys: string[], vals: unknown[]): Record<string, unknown> {
  const t = keys.length > 0 && keys.length <= 64 ? template(keys) : undefined;
  const out: Record<string, unknown> = t ? { ...t } : {};
  for (let i = 0; i < keys.length; i++) out[keys[i]] = vals[i];
  return out;
}

/** The shared template of a key list, found through a trie of keys (no signature string per call). */
function template(keys: string[]): object | undefined {
  let node = templates;
  for (let i = 0; i < keys.length; i++) {
    let child = node.next.get(keys[i]);
    if (!child) {
      if (templateCount >= MAX_TEMPLATES) return undefined;
      node.next.set(keys[i], (child = { next: new Map() }));
      templateCount++;
    }
    node = child;
  }
  if (node.template === undefined) {
    if (keys.includes('__proto__')) return undefined;
    const shape: Record<string, null> = {};
    for (const k of keys) shape[k] = null;
    node.template = JSON.parse(JSON.stringify(shape)) as object;
  }
  return node.template;
}

/** A shallow copy of a plain object with the same keys in the same order, holding its properties in-object. */
export function compact<T extends object>(o: T): T {
  const keys = Object.keys(o);
  const vals = new Array(keys.length);
  for (let i = 0; i < keys.length; i++) vals[i] = (o as Record<string, unknown>)[keys[i]];
  return build(keys, vals) as T;
}

let tsCache = { sec: -1, text: '' };
/** nowRfc3339 with one shared string per second (many objects are created within the same second). */
export function nowStamp(): string {
  const sec = Math.floor(Date.now() / 1000);
  if (sec !== tsCache.sec) tsCache = { sec, text: nowRfc3339(new Date(sec * 1000)) };
  return tsCache.text;
}
