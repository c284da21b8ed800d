// Small helpers for stored objects: freezing, names, timestamps, validation messages like the apiserver's.
import { randomBytes } from 'node:crypto';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { StoreError } from './store-api.js';

/** Stored objects are frozen so nobody mutates the store's copy by accident (use SimStore.mutate). */
export function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o as object)) deepFreeze(v);
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

export function conflict(t: Pick<ResourceType, 'group' | 'resource'>, name: string, detail = 'the object has been modified; please apply your changes to the latest version and try again'): StoreError {
  return new StoreError(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(t)} "${name}": ${detail}`);
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function keyOf(namespace: string | undefined, name: string): string {
  return namespace ? `${namespace}/${name}` : name;
}

export type Obj = KubeObject;

/**
 * Returns `next` with every subtree that deep-equals the one at the same place in `prev` replaced by
 * prev's (already frozen) subtree, so versions of an object share memory. Returns `prev` itself when
 * nothing changed. Never mutates either argument.
 */
export function shareWith(next: any, prev: any): any {
  if (next === prev || next === null || prev === null || typeof next !== 'object' || typeof prev !== 'object') return next;
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
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const pv = Object.prototype.hasOwnProperty.call(prev, k) ? prev[k] : undefined;
    const s = pv === undefined ? next[k] : shareWith(next[k], pv);
    if (s !== pv || !(k in prev)) same = false;
    out[k] = s;
  }
  return same ? prev : out;
}

let tsCache = { sec: -1, text: '' };
/** nowRfc3339 with one shared string per second (many objects are created within the same second). */
export function nowStamp(): string {
  const sec = Math.floor(Date.now() / 1000);
  if (sec !== tsCache.sec) tsCache = { sec, text: nowRfc3339(new Date(sec * 1000)) };
  return tsCache.text;
}
