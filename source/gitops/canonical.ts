// Canonical JSON (recursively sorted keys) for comparing objects, and small JSON helpers shared by gitops.
import { createHash } from 'node:crypto';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Sorted-key JSON text; `undefined` members are dropped, like JSON.stringify. Numbers print in JS form (1.0 -> 1). */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}

export function sortKeysDeep<T>(v: T): T {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.map(sortKeysDeep) as T;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(o).sort()) if (o[k] !== undefined) out[k] = sortKeysDeep(o[k]);
  return out as T;
}

export function deepClone<T>(v: T): T {
  return v === undefined ? v : (structuredClone(v) as T);
}

export function hashOf(v: unknown): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex').slice(0, 32);
}

export function isPlainObject(v: unknown): v is Record<string, any> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** RFC 6901 pointer -> tokens (`~1` is `/`, `~0` is `~`). */
export function pointerTokens(pointer: string): string[] {
  if (pointer === '' || pointer === '/') return pointer === '/' ? [''] : [];
  // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant
  if (!pointer.startsWith('/')) throw new Error(`JSON pointer must start with "/": ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Removes the value at a JSON pointer; a missing path is a no-op. `*` matches every array element or map key. */
export function removePointer(obj: unknown, pointer: string): void {
  const tokens = pointerTokens(pointer);
  if (tokens.length === 0) return;
  const walk = (node: unknown, i: number): void => {
    if (node === null || typeof node !== 'object') return;
    const t = tokens[i]!;
    const last = i === tokens.length - 1;
    const keys = t === '*' ? (Array.isArray(node) ? node.map((_, j) => String(j)) : Object.keys(node)) : [t];
    if (Array.isArray(node)) {
      const idx = keys.map(Number).filter((n) => Number.isInteger(n) && n >= 0 && n < node.length);
      if (last) for (const j of idx.sort((a, b) => b - a)) node.splice(j, 1);
      else for (const j of idx) walk(node[j], i + 1);
      return;
    }
    const o = node as Record<string, unknown>;
    for (const k of keys) {
      if (!(k in o)) continue;
      if (last) delete o[k];
      else walk(o[k], i + 1);
    }
  };
  walk(obj, 0);
}

/** Values at a pointer (with `*` wildcards), with a setter for each. */
export function pointerSlots(obj: unknown, pointer: string): Array<{ get: () => unknown; set: (v: unknown) => void; path: string }> {
  const tokens = pointerTokens(pointer);
  const out: Array<{ get: () => unknown; set: (v: unknown) => void; path: string }> = [];
  const walk = (node: unknown, i: number, path: string): void => {
    if (node === null || typeof node !== 'object') return;
    const t = tokens[i]!;
    const keys = t === '*' ? (Array.isArray(node) ? node.map((_, j) => String(j)) : Object.keys(node)) : [t];
    for (const k of keys) {
      const container = node as Record<string, unknown>;
      if (!(k in container)) continue;
      const p = `${path}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`;
      if (i === tokens.length - 1) out.push({ get: () => container[k], set: (v) => (container[k] = v), path: p });
      else walk(container[k], i + 1, p);
    }
  };
  if (tokens.length) walk(obj, 0, '');
  return out;
}

/** Simple glob: `*` matches any run of characters; everything else is literal. */
export function globMatch(pattern: string | undefined, value: string): boolean {
  if (pattern === undefined || pattern === '*') return true;
  const re = new RegExp(
    `^${pattern
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );
  return re.test(value);
}
