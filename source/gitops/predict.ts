// Predicted live = the server's answer to a server-side apply dry-run of the Git object (rule 17): PATCH with
// application/apply-patch+yaml, dryRun=All, force=true, fieldValidation=Warn and the field manager that really
// applies the objects, body sent as raw JSON; every `Warning:` header is kept (unknown fields in Git). Results are
// cached by (cluster, live resourceVersion, desired hash, field manager) (rule 23). When the dry-run is impossible
// (403, SSA unsupported) or rejected, the client-side fallback (fallback.ts) predicts, marked approximate.
import { t as tr } from '../i18n/t.js';
import type { ClusterClient } from '../kube/client-api.js';
import { KubeError, isKubeError } from '../kube/errors.js';
import { type KubeObject, type ResourceType, resourcePath } from '../kube/object.js';
import { hashOf } from './canonical.js';
import { predictClientSide } from './fallback.js';
import type { PredictedBy } from './types.js';

export interface Prediction {
  predicted: KubeObject;
  by: PredictedBy;
  approximate: boolean;
  note?: string;
  warnings: string[];
  dryRun?: { ok: boolean; message?: string };
}

interface CachedDryRun {
  predicted: KubeObject;
  warnings: string[];
}

/** Dry-run results across runs (the console keeps one per session; refresh re-uses unchanged pairs). */
export class DryRunCache {
  private map = new Map<string, CachedDryRun>();
  hits = 0;
  get(key: string): CachedDryRun | undefined {
    const v = this.map.get(key);
    if (v) this.hits += 1;
    return v;
  }
  set(key: string, v: CachedDryRun): void {
    if (this.map.size > 20_000) this.map.delete(this.map.keys().next().value!);
    this.map.set(key, v);
  }
  get size(): number {
    return this.map.size;
  }
}

export interface PredictContext {
  client: ClusterClient;
  fieldManager: string;
  cache: DryRunCache;
  /** Types on which this run already got 403 for patch: no more attempts there. */
  forbidden: Map<string, string>;
  counters: { dryRuns: number };
}

export function dryRunKey(cluster: string, liveRv: string | undefined, desired: KubeObject, fieldManager: string): string {
  return `${cluster}|${liveRv ?? '-'}|${hashOf(desired)}|${fieldManager}`;
}

/** The raw SSA dry-run request (no cache, no fallback). */
export async function dryRunApply(
  client: ClusterClient,
  t: ResourceType,
  desired: KubeObject,
  fieldManager: string,
): Promise<CachedDryRun> {
  const warnings: string[] = [];
  const predicted = await client.request<KubeObject>({
    method: 'PATCH',
    path: resourcePath(t, { namespace: desired.metadata.namespace, name: desired.metadata.name }),
    query: { dryRun: 'All', fieldManager, force: 'true', fieldValidation: 'Warn' },
    body: JSON.stringify(desired),
    contentType: 'application/apply-patch+yaml',
    onWarning: (w) => warnings.push(w),
  });
  if (!predicted || typeof predicted !== 'object') throw new KubeError('Server', client.context, tr('report.gitops.noObject'));
  return { predicted, warnings };
}

function fallback(desired: KubeObject, live: KubeObject, fieldManager: string, why: string, dryRun?: Prediction['dryRun']): Prediction {
  const c = predictClientSide(desired, live, fieldManager);
  return {
    predicted: c.predicted,
    by: c.by,
    approximate: true,
    note: tr('report.gitops.clientSide', { why, note: c.note }),
    warnings: [],
    dryRun,
  };
}

const UNDECLARED = /field not declared in schema|failed to create typed patch object/;

/** Unknown fields make the apply itself fail (the typed patch cannot be built), even with fieldValidation=Warn.
 * Ask the server which fields are unknown with a dry-run merge patch (it answers with `Warning: unknown field
 * "<path>"`), drop those fields from the Git object, and dry-run the apply again. */
async function applyWithoutUnknownFields(
  client: ClusterClient,
  t: ResourceType,
  desired: KubeObject,
  fieldManager: string,
): Promise<CachedDryRun | undefined> {
  const warnings: string[] = [];
  await client.request({
    method: 'PATCH',
    path: resourcePath(t, { namespace: desired.metadata.namespace, name: desired.metadata.name }),
    query: { dryRun: 'All', fieldManager, fieldValidation: 'Warn' },
    body: JSON.stringify(desired),
    contentType: 'application/merge-patch+json',
    onWarning: (w) => warnings.push(w),
  });
  const paths = warnings.map((w) => /^unknown field "(.+)"$/.exec(w)?.[1]).filter((p): p is string => Boolean(p));
  if (!paths.length) return undefined;
  const stripped = structuredClone(desired);
  for (const p of paths) removeDotted(stripped, p);
  const r = await dryRunApply(client, t, stripped, fieldManager);
  return { predicted: r.predicted, warnings: [...warnings, ...r.warnings] };
}

/** Removes `spec.containers[0].foo`-style paths (the form of the server's unknown-field warnings). */
export function removeDotted(obj: unknown, path: string): void {
  const tokens: Array<string | number> = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return;
    if (m[1]) tokens.push(m[1]);
    for (const idx of m[2]!.matchAll(/\[(\d+)\]/g)) tokens.push(Number(idx[1]));
  }
  let node: any = obj;
  for (let i = 0; i < tokens.length - 1; i++) {
    node = node?.[tokens[i]!];
    if (node === null || typeof node !== 'object') return;
  }
  const last = tokens[tokens.length - 1];
  if (last !== undefined && node && typeof node === 'object') delete node[last];
}

/** Predicts live after applying `desired` onto existing `live`. Network failures throw (the object becomes Unknown). */
export async function predict(ctx: PredictContext, t: ResourceType, desired: KubeObject, live: KubeObject): Promise<Prediction> {
  const typeId = `${t.group}/${t.resource}`;
  const denied = ctx.forbidden.get(typeId);
  if (denied) return fallback(desired, live, ctx.fieldManager, denied);
  const key = dryRunKey(ctx.client.context, live.metadata.resourceVersion, desired, ctx.fieldManager);
  const hit = ctx.cache.get(key);
  if (hit) return { predicted: hit.predicted, by: 'server-dry-run', approximate: false, warnings: [...hit.warnings], dryRun: { ok: true } };
  try {
    ctx.counters.dryRuns += 1;
    const r = await dryRunApply(ctx.client, t, desired, ctx.fieldManager);
    ctx.cache.set(key, r);
    return { predicted: r.predicted, by: 'server-dry-run', approximate: false, warnings: r.warnings, dryRun: { ok: true } };
  } catch (e) {
    if (!isKubeError(e)) throw e;
    if (e.kind === 'Forbidden' || e.kind === 'Unauthorized') {
      const why = tr('report.gitops.noDryRunPermission', { resource: `${t.resource}${t.group ? `.${t.group}` : ''}`, message: e.message });
      ctx.forbidden.set(typeId, why);
      return fallback(desired, live, ctx.fieldManager, why);
    }
    if (e.status === 415 || e.status === 405)
      return fallback(desired, live, ctx.fieldManager, tr('report.gitops.noSsa', { message: e.message }));
    if (UNDECLARED.test(e.message)) {
      try {
        const r = await applyWithoutUnknownFields(ctx.client, t, desired, ctx.fieldManager);
        if (r) {
          ctx.cache.set(key, r);
          return { predicted: r.predicted, by: 'server-dry-run', approximate: false, warnings: r.warnings, dryRun: { ok: true } };
        }
      } catch {
        /* fall through to the reported failure */
      }
    }
    if (e.kind === 'Invalid' || e.kind === 'Conflict' || e.status === 422 || e.status === 400 || e.kind === 'NotFound') {
      return fallback(desired, live, ctx.fieldManager, tr('report.gitops.dryRunRejected'), { ok: false, message: e.message });
    }
    throw e;
  }
}

/** Optional validation of an object that does not exist yet (dry-run create through SSA). */
export async function validateCreate(
  ctx: PredictContext,
  t: ResourceType,
  desired: KubeObject,
): Promise<{ ok: boolean; message?: string; warnings: string[] }> {
  try {
    ctx.counters.dryRuns += 1;
    const r = await dryRunApply(ctx.client, t, desired, ctx.fieldManager);
    return { ok: true, warnings: r.warnings };
  } catch (e) {
    if (!isKubeError(e)) throw e;
    if (e.kind === 'NotFound') return { ok: true, message: tr('report.gitops.wouldCreate', { message: e.message }), warnings: [] };
    return { ok: false, message: e.message, warnings: [] };
  }
}
