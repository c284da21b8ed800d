// Patch application: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and a strategic merge patch for
// built-in kinds (lists merged by their Kubernetes merge keys; $patch directives). Errors like the apiserver.
import { HttpError, badRequest } from './status.js';

const isObj = (v: unknown): v is Record<string, any> => v !== null && typeof v === 'object' && !Array.isArray(v);

export function mergePatch(target: any, patch: any): any {
  if (!isObj(patch)) return structuredClone(patch);
  const out: Record<string, any> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// ---- RFC 6902 ----

function unescape(tok: string): string {
  return tok.replace(/~1/g, '/').replace(/~0/g, '~');
}

function pointer(path: unknown): string[] {
  if (typeof path !== 'string' || (path !== '' && !path.startsWith('/')))
    throw new PatchApplyError(`invalid JSON pointer: ${String(path)}`);
  return path === '' ? [] : path.slice(1).split('/').map(unescape);
}

class PatchApplyError extends Error {}

function parentOf(doc: any, toks: string[]): any {
  let cur = doc;
  for (const t of toks.slice(0, -1)) {
    if (Array.isArray(cur)) cur = cur[arrayIndex(cur, t, false)];
    else if (isObj(cur) && t in cur) cur = cur[t];
    else throw new PatchApplyError(`doc is missing path: ${toks.join('/')}`);
    if (cur === null || typeof cur !== 'object') throw new PatchApplyError(`doc is missing path: ${toks.join('/')}`);
  }
  return cur;
}

function arrayIndex(arr: any[], t: string, forAdd: boolean): number {
  if (forAdd && t === '-') return arr.length;
  if (!/^(0|[1-9]\d*)$/.test(t)) throw new PatchApplyError(`invalid array index: ${t}`);
  const i = Number(t);
  if (i > arr.length || (!forAdd && i === arr.length)) throw new PatchApplyError(`index out of bounds: ${t}`);
  return i;
}

function getAt(doc: any, toks: string[]): any {
  if (!toks.length) return doc;
  const p = parentOf(doc, toks);
  const last = toks[toks.length - 1];
  if (Array.isArray(p)) return p[arrayIndex(p, last, false)];
  if (!(last in p)) throw new PatchApplyError(`doc is missing key: ${last}`);
  return p[last];
}

function removeAt(doc: any, toks: string[]): any {
  const p = parentOf(doc, toks);
  const last = toks[toks.length - 1];
  if (Array.isArray(p)) return p.splice(arrayIndex(p, last, false), 1)[0];
  if (!(last in p)) throw new PatchApplyError(`doc is missing key: ${last}`);
  const v = p[last];
  delete p[last];
  return v;
}

function addAt(doc: any, toks: string[], value: any): any {
  if (!toks.length) return value;
  const p = parentOf(doc, toks);
  const last = toks[toks.length - 1];
  if (Array.isArray(p)) p.splice(arrayIndex(p, last, true), 0, value);
  else p[last] = value;
  return doc;
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return ka.length === kb.length && ka.every((k) => deepEqual((a as any)[k], (b as any)[k]));
}

/**
 * Applies RFC 6902 ops to a copy of doc. A malformed patch -> 400; an op that does not apply (failed
 * `test`, missing path) -> 422 Invalid with the apiserver's generic message (NewGenericServerResponse).
 */
export function jsonPatch(doc: any, ops: unknown): any {
  if (!Array.isArray(ops)) throw badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  if (ops.length > 10000)
    throw new HttpError(
      413,
      'RequestEntityTooLarge',
      `Request entity too large: The allowed maximum operations in a JSON patch is 10000, got ${ops.length}`,
    );
  let out = structuredClone(doc);
  try {
    for (const op of ops) {
      if (!isObj(op) || typeof op.op !== 'string') throw badRequest('Unexpected kind: missing op');
      const toks = pointer(op.path);
      switch (op.op) {
        case 'add':
          out = addAt(out, toks, structuredClone(op.value));
          break;
        case 'remove':
          removeAt(out, toks);
          break;
        case 'replace':
          if (!toks.length) out = structuredClone(op.value);
          else {
            getAt(out, toks);
            const p = parentOf(out, toks);
            const last = toks[toks.length - 1];
            if (Array.isArray(p)) p[arrayIndex(p, last, false)] = structuredClone(op.value);
            else p[last] = structuredClone(op.value);
          }
          break;
        case 'move': {
          const v = removeAt(out, pointer(op.from));
          out = addAt(out, toks, v);
          break;
        }
        case 'copy':
          out = addAt(out, toks, structuredClone(getAt(out, pointer(op.from))));
          break;
        case 'test':
          if (!deepEqual(getAt(out, toks), op.value)) throw new PatchApplyError(`testing value ${op.path} failed: test failed`);
          break;
        default:
          throw badRequest(`Unexpected kind: ${op.op}`);
      }
    }
  } catch (e) {
    if (e instanceof PatchApplyError) throw new HttpError(422, 'Invalid', 'the server rejected our request due to an error in our request');
    throw e;
  }
  return out;
}

// ---- strategic merge patch (subset) ----

/** patchMergeKey of list fields in the built-in types the sim serves. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  ports: 'containerPort',
  conditions: 'type',
  imagePullSecrets: 'name',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
};
/** Lists of scalars merged as sets. */
const SET_LISTS = new Set(['finalizers']);

export function strategicMerge(target: any, patch: any, field = ''): any {
  if (Array.isArray(patch)) return mergeList(Array.isArray(target) ? target : [], patch, field);
  if (!isObj(patch)) return structuredClone(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _p, ...rest } = patch;
    return strategicMerge({}, rest);
  }
  if (patch.$patch === 'delete') return undefined;
  const out: Record<string, any> = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$setElementOrder/') || k === '$retainKeys' || k === '$patch') continue;
    if (k.startsWith('$deleteFromPrimitiveList/')) {
      const key = k.slice('$deleteFromPrimitiveList/'.length);
      if (Array.isArray(out[key]) && Array.isArray(v)) out[key] = out[key].filter((x: unknown) => !v.includes(x));
      continue;
    }
    if (v === null) delete out[k];
    else {
      const merged = strategicMerge(out[k], v, k);
      if (merged === undefined) delete out[k];
      else out[k] = merged;
    }
  }
  return out;
}

function mergeList(target: any[], patch: any[], field: string): any[] {
  const key = MERGE_KEYS[field];
  if (SET_LISTS.has(field)) return [...target, ...patch.filter((x) => !target.includes(x))];
  if (!key || !patch.every(isObj)) {
    if (patch.length === 1 && isObj(patch[0]) && patch[0].$patch === 'replace') return [];
    return structuredClone(patch);
  }
  const out = [...target];
  for (const item of patch) {
    if (item.$patch === 'replace') return patch.filter((x) => x.$patch !== 'replace').map((x) => strategicMerge({}, x));
    const i = out.findIndex((x) => isObj(x) && x[key] === item[key]);
    if (item.$patch === 'delete') {
      if (i >= 0) out.splice(i, 1);
    } else if (i >= 0) out[i] = strategicMerge(out[i], item);
    else out.push(strategicMerge({}, item));
  }
  return out;
}

export { isObj };
