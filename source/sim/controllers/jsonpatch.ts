// Minimal RFC 6902 JSON patch (add / replace / remove / test) on plain JSON, used for kubefed overrides.

function unescape(seg: string): string {
  return seg.replace(/~1/g, '/').replace(/~0/g, '~');
}

export interface PatchOp {
  op?: string;
  path: string;
  value?: unknown;
}

/** Applies ops to a deep copy of doc and returns it. Throws on a bad path. */
export function applyJsonPatch<T>(doc: T, ops: PatchOp[]): T {
  const root = { v: JSON.parse(JSON.stringify(doc)) as unknown };
  for (const o of ops) {
    const op = o.op ?? 'replace';
    if (!o.path.startsWith('/')) throw new Error(`invalid path ${o.path}`);
    const segs = o.path.slice(1).split('/').map(unescape);
    let parent: any = root;
    let key: string | number = 'v';
    for (const s of segs) {
      parent = parent[key];
      if (parent === null || typeof parent !== 'object') throw new Error(`path ${o.path} does not exist`);
      key = Array.isArray(parent) ? (s === '-' ? parent.length : Number(s)) : s;
      if (Array.isArray(parent) && (!Number.isInteger(key) || (key as number) < 0)) throw new Error(`bad array index in ${o.path}`);
    }
    const exists = Array.isArray(parent) ? (key as number) < parent.length : Object.prototype.hasOwnProperty.call(parent, key);
    const value = JSON.parse(JSON.stringify(o.value ?? null));
    if (op === 'add') {
      if (Array.isArray(parent)) parent.splice(key as number, 0, value);
      else parent[key] = value;
    } else if (op === 'replace') {
      if (!exists) throw new Error(`path ${o.path} does not exist`);
      parent[key] = value;
    } else if (op === 'remove') {
      if (!exists) throw new Error(`path ${o.path} does not exist`);
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
    } else if (op === 'test') {
      if (JSON.stringify(parent[key]) !== JSON.stringify(o.value)) throw new Error(`test failed at ${o.path}`);
    } else throw new Error(`unsupported op ${op}`);
  }
  return root.v as T;
}
