// Server-side apply, a reasonable subset: create-or-merge the applied configuration (strategic-merge list
// semantics), track which leaf fields each apply manager set, report conflicts with other apply managers
// whose fields would change (409 unless force=true), and drop fields a manager stopped applying.
import { HttpError } from './status.js';
import { isObj, strategicMerge } from './patch.js';

const LIST_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  ports: 'containerPort',
  conditions: 'type',
  imagePullSecrets: 'name',
};
const IDENTITY = new Set(['apiVersion', 'kind', 'metadata.name', 'metadata.namespace']);

type Seg = string | { key: string; value: unknown };

function leaves(v: unknown, path: Seg[], field: string, out: Map<string, Seg[]>): void {
  if (isObj(v) && Object.keys(v).length) {
    for (const [k, x] of Object.entries(v)) leaves(x, [...path, k], k, out);
    return;
  }
  const key = LIST_KEYS[field];
  if (Array.isArray(v) && key && v.length && v.every((x) => isObj(x) && key in x)) {
    for (const item of v) leaves(item, [...path, { key, value: item[key] }], '', out);
    return;
  }
  const p = render(path);
  if (!IDENTITY.has(p.slice(1))) out.set(p, path);
}

function render(path: Seg[]): string {
  return path.map((s) => (typeof s === 'string' ? `.${s}` : `[${s.key}=${JSON.stringify(s.value)}]`)).join('');
}

function valueAt(o: unknown, path: Seg[]): unknown {
  let cur: any = o;
  for (const s of path) {
    if (cur === undefined || cur === null) return undefined;
    cur = typeof s === 'string' ? cur[s] : Array.isArray(cur) ? cur.find((x) => isObj(x) && x[s.key] === s.value) : undefined;
  }
  return cur;
}

function removeAt(o: any, path: Seg[]): void {
  let cur = o;
  for (const s of path.slice(0, -1)) {
    cur = typeof s === 'string' ? cur?.[s] : Array.isArray(cur) ? cur.find((x: any) => isObj(x) && x[s.key] === s.value) : undefined;
    if (!cur || typeof cur !== 'object') return;
  }
  const last = path[path.length - 1];
  if (typeof last === 'string') delete cur[last];
  else if (Array.isArray(cur)) {
    const i = cur.findIndex((x: any) => isObj(x) && x[last.key] === last.value);
    if (i >= 0) cur.splice(i, 1);
  }
}

/** Per-cluster record of the fields each apply manager owns, keyed by object uid. */
export class ApplyManagers {
  private readonly owned = new Map<string, Map<string, Map<string, Seg[]>>>();

  /**
   * Returns the object to store: `live` (or {} when creating) with `cfg` applied by `manager`.
   * Throws 409 Conflict listing the fields other managers own and would lose, unless force.
   * Call commit() with the stored object's uid once the write succeeded.
   */
  apply(live: any | undefined, cfg: any, manager: string, force: boolean, apiVersion: string): { obj: any; commit: (uid: string) => void } {
    const mine = new Map<string, Seg[]>();
    leaves(cfg, [], '', mine);
    const uid: string | undefined = live?.metadata?.uid;
    const owners = uid ? (this.owned.get(uid) ?? new Map<string, Map<string, Seg[]>>()) : new Map<string, Map<string, Seg[]>>();
    const conflicts: string[] = [];
    for (const [other, fields] of owners) {
      if (other === manager) continue;
      for (const [p, segs] of mine) {
        if (fields.has(p) && JSON.stringify(valueAt(live, segs)) !== JSON.stringify(valueAt(cfg, segs)))
          conflicts.push(`conflict with "${other}" using ${apiVersion}: ${p}`);
      }
    }
    if (conflicts.length && !force) {
      const n = conflicts.length;
      throw new HttpError(409, 'Conflict', `Apply failed with ${n} conflict${n > 1 ? 's' : ''}: ${conflicts.join('\n')}`);
    }
    let obj = strategicMerge(live ?? {}, cfg);
    const before = owners.get(manager);
    if (before) {
      obj = structuredClone(obj);
      for (const [p, segs] of before) {
        if (mine.has(p)) continue;
        const ownedByOther = [...owners].some(([m, f]) => m !== manager && f.has(p));
        if (!ownedByOther) removeAt(obj, segs);
      }
    }
    return {
      obj,
      commit: (storedUid: string) => {
        const rec = this.owned.get(storedUid) ?? new Map<string, Map<string, Seg[]>>();
        if (force) for (const [m, f] of rec) if (m !== manager) for (const p of mine.keys()) f.delete(p);
        rec.set(manager, mine);
        this.owned.set(storedUid, rec);
      },
    };
  }

  forget(uid: string): void {
    this.owned.delete(uid);
  }
}
