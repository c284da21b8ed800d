// Client-side prediction when a server-side dry-run is impossible (no patch rights, SSA unsupported, invalid):
// rule 19. (a) live has last-applied -> three-way: fields in last-applied but absent from Git are removed, Git wins,
// live-only fields (server defaults, other managers) stay; (b) no last-applied but an Apply entry of our field
// manager in managedFields -> remove the fields it owns that Git no longer has; (c) otherwise overlay Git onto
// live (removals cannot be detected). Lists of built-in kinds merge by their strategic-merge key; CR lists are atomic.
import { t as tr } from '../i18n/t.js';
import { deepClone, isPlainObject } from './canonical.js';
import { LAST_APPLIED, groupOf } from './normalize.js';
import type { KubeObject } from '../kube/object.js';
import type { PredictedBy } from './types.js';

/** Strategic merge keys of common built-in lists, by field name. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  volumes: 'name',
  env: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  volumeClaimTemplates: '', // atomic
  conditions: 'type',
};
function listKey(field: string, items: unknown[]): string | undefined {
  if (field === 'ports') {
    const first = items.find(isPlainObject);
    if (first && 'containerPort' in first) return 'containerPort';
    if (first && 'port' in first) return 'port';
    return undefined;
  }
  const k = MERGE_KEYS[field];
  return k ? k : undefined;
}

const BUILTIN_GROUPS =
  /^(|apps|batch|autoscaling|policy|networking\.k8s\.io|rbac\.authorization\.k8s\.io|storage\.k8s\.io|scheduling\.k8s\.io|coordination\.k8s\.io|discovery\.k8s\.io|node\.k8s\.io)$/;

interface Ctx {
  strategic: boolean;
}

function itemByKey(list: unknown[], key: string, value: unknown): Record<string, unknown> | undefined {
  return list.find((x) => isPlainObject(x) && x[key] === value) as Record<string, unknown> | undefined;
}

/** Three-way merge of maps: result starts as live; `last` is what was applied before; `desired` is Git. */
function merge3(live: unknown, last: unknown, desired: unknown, field: string, ctx: Ctx): unknown {
  if (isPlainObject(desired) && isPlainObject(live)) {
    const out: Record<string, unknown> = { ...live };
    if (isPlainObject(last)) for (const k of Object.keys(last)) if (!(k in desired)) delete out[k];
    for (const [k, v] of Object.entries(desired)) out[k] = merge3(live[k], isPlainObject(last) ? last[k] : undefined, v, k, ctx);
    return out;
  }
  if (Array.isArray(desired) && Array.isArray(live) && ctx.strategic) {
    const key = listKey(field, desired.length ? desired : live);
    if (key) {
      const lastList = Array.isArray(last) ? last : [];
      const out: unknown[] = [];
      for (const d of desired) {
        const l = isPlainObject(d) ? itemByKey(live, key, d[key]) : undefined;
        const la = isPlainObject(d) ? itemByKey(lastList, key, d[key]) : undefined;
        out.push(l ? merge3(l, la, d, '', ctx) : d);
      }
      // live items not in Git stay unless we applied them before (then they are removed)
      for (const l of live) {
        if (!isPlainObject(l)) continue;
        if (itemByKey(desired, key, l[key])) continue;
        if (itemByKey(lastList, key, l[key])) continue;
        out.push(l);
      }
      return out;
    }
  }
  return deepClone(desired);
}

/** FieldsV1 removal: delete fields owned by our Apply entry that Git no longer sets. */
function removeOwned(result: unknown, desired: unknown, fields: Record<string, unknown>): void {
  if (!isPlainObject(fields)) return;
  for (const [fk, sub] of Object.entries(fields)) {
    if (fk === '.') continue;
    if (fk.startsWith('f:') && isPlainObject(result)) {
      const name = fk.slice(2);
      const d = isPlainObject(desired) ? desired[name] : undefined;
      const children = isPlainObject(sub) ? Object.keys(sub).filter((k) => k !== '.') : [];
      if (d === undefined && children.length === 0) {
        delete result[name];
        continue;
      }
      // a map we own only parts of: remove just our children (other managers' keys stay)
      removeOwned(result[name], d, sub as Record<string, unknown>);
    } else if (fk.startsWith('k:') && Array.isArray(result)) {
      let keyObj: Record<string, unknown>;
      try {
        keyObj = JSON.parse(fk.slice(2)) as Record<string, unknown>;
      } catch {
        continue;
      }
      const match = (x: unknown) => isPlainObject(x) && Object.entries(keyObj).every(([k, v]) => x[k] === v);
      // Git may omit key fields the server defaults (Service port protocol: TCP)
      const matchDesired = (x: unknown) =>
        isPlainObject(x) &&
        Object.entries(keyObj).every(([k, v]) => x[k] === undefined || x[k] === v) &&
        Object.keys(keyObj).some((k) => x[k] !== undefined);
      const idx = result.findIndex(match);
      if (idx < 0) continue;
      const d = Array.isArray(desired) ? desired.find(matchDesired) : undefined;
      if (d === undefined) result.splice(idx, 1);
      else removeOwned(result[idx], d, sub as Record<string, unknown>);
    } else if (fk.startsWith('v:') && Array.isArray(result)) {
      let v: unknown;
      try {
        v = JSON.parse(fk.slice(2));
      } catch {
        continue;
      }
      const inDesired = Array.isArray(desired) && desired.some((x) => JSON.stringify(x) === JSON.stringify(v));
      if (!inDesired) {
        const idx = result.findIndex((x) => JSON.stringify(x) === JSON.stringify(v));
        if (idx >= 0) result.splice(idx, 1);
      }
    }
  }
}

export interface ClientPrediction {
  predicted: KubeObject;
  by: Exclude<PredictedBy, 'server-dry-run' | 'none'>;
  note: string;
}

export function predictClientSide(desired: KubeObject, live: KubeObject, fieldManager: string): ClientPrediction {
  const ctx: Ctx = { strategic: BUILTIN_GROUPS.test(groupOf(desired.apiVersion)) };
  const lastText = live.metadata.annotations?.[LAST_APPLIED];
  let last: unknown;
  if (lastText) {
    try {
      last = JSON.parse(lastText);
    } catch {
      last = undefined;
    }
  }
  if (isPlainObject(last)) {
    return {
      predicted: merge3(live, last, desired, '', ctx) as KubeObject,
      by: 'client-three-way',
      note: tr('report.gitops.threeWay'),
    };
  }
  const entry = (
    live.metadata.managedFields as Array<{ manager?: string; operation?: string; fieldsV1?: Record<string, unknown> }> | undefined
  )?.find((m) => m.manager === fieldManager && m.operation === 'Apply' && m.fieldsV1);
  const overlaid = merge3(live, undefined, desired, '', ctx) as KubeObject;
  if (entry) {
    removeOwned(overlaid, desired, entry.fieldsV1!);
    return {
      predicted: overlaid,
      by: 'client-managed-fields',
      note: tr('report.gitops.managedFields', { fieldManager }),
    };
  }
  return {
    predicted: overlaid,
    by: 'client-two-way',
    note: tr('report.gitops.twoWay'),
  };
}
