// Git versus live for every app of a repo mapping: render -> scope/namespace/tracking -> live (LIST) -> pair ->
// predict (SSA dry-run, cached; client-side fallback) -> normalise -> compare -> mask -> diff. Clusters and
// apps run in parallel; dry-runs are bounded per cluster by settings.concurrency.
import { t as tr } from '../i18n/t.js';
import type { ClusterClient } from '../kube/client-api.js';
import { redactUrlPasswords } from '../redact.js';
import { isKubeError } from '../kube/errors.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { type ClusterFacts, discoverFacts } from './cluster-facts.js';
import { LiveReader, type WatchedSource } from './live.js';
import type { RepoMap } from './mapping.js';
import { buildObjectDiff, normalizeOptionsFor, type PairInput } from './pair.js';
import { mapLimit, AsyncMemo } from './pool.js';
import { DryRunCache, predict, validateCreate, type PredictContext } from './predict.js';
import { desiredObjects } from './desired.js';
import { detectTool, renderApp, type Rendered } from './render.js';
import type { RepoSnapshot } from './repo.js';
import { excludedReason, ignoreExtraneous, isExtraCandidate, wouldPrune } from './tracking.js';
import type { AppResult, AppSpec, DiffReport, ObjectDiff } from './types.js';
import { monotonicMs } from '../clock.js';
import { byText } from '../model/order.js';

export interface EngineDeps {
  repo: RepoSnapshot;
  map: RepoMap;
  /** The client for a kube context, or undefined when the context is not in view. */
  client: (context: string) => ClusterClient | undefined;
  /** Context whose cluster server URL is `server` (ApplicationSet destination.server). */
  contextForServer?: (server: string) => string | undefined;
  /** Namespace of a context (kubeconfig), used when an app names none. */
  defaultNamespace: (context: string) => string;
  cache?: DryRunCache;
  /** The console's shared informers of a context, read instead of a LIST when one covers it. */
  watched?: (context: string) => WatchedSource | undefined;
}

export interface EngineOptions {
  apps?: string[];
  contexts?: string[];
  /** Dry-run objects that do not exist yet too (validation only; they stay Missing). */
  validateMissing?: boolean;
  /** Also print YAML of Synced objects (default: only what differs, which keeps big runs fast). */
  syncedYaml?: boolean;
}

interface ClusterRun {
  client: ClusterClient;
  facts: Promise<ClusterFacts>;
  live: LiveReader;
  predict: PredictContext;
}

function contextOf(app: AppSpec, deps: EngineDeps): string | undefined {
  const d = app.destination;
  if (d.context) return d.context;
  if (d.name) return deps.map.settings.clusters[d.name] ?? d.name;
  if (d.server) return deps.contextForServer?.(d.server);
  return undefined;
}

export async function compareRepo(deps: EngineDeps, opts: EngineOptions = {}): Promise<DiffReport> {
  const t0 = monotonicMs();
  const settings = deps.map.settings;
  const cache = deps.cache ?? new DryRunCache();
  const hits0 = cache.hits;
  const wantApps = opts.apps?.length ? new Set(opts.apps) : undefined;
  const errors: string[] = [];
  if (wantApps)
    for (const n of wantApps)
      if (!deps.map.apps.some((a) => a.name === n))
        errors.push(tr('report.gitops.noSuchApp', { app: n, have: deps.map.apps.map((a) => a.name).join(', ') || tr('report.md.none') }));
  const apps = deps.map.apps.filter((a) => !wantApps || wantApps.has(a.name));
  let workdir: Promise<{ dir: string; cleanup: () => Promise<void> }> | undefined;
  const runs = new Map<string, ClusterRun>();
  const counters = { dryRuns: 0 };
  const runFor = (ctx: string): ClusterRun | undefined => {
    let r = runs.get(ctx);
    if (r) return r;
    const client = deps.client(ctx);
    if (!client) return undefined;
    const facts = discoverFacts(client);
    facts.catch(() => undefined);
    r = {
      client,
      facts,
      live: new LiveReader(client, deps.watched?.(ctx)),
      predict: { client, fieldManager: settings.fieldManager, cache, forbidden: new Map(), counters },
    };
    runs.set(ctx, r);
    return r;
  };
  const renderSlots = new AsyncMemo<Rendered>();
  try {
    const selected = apps
      .map((app) => ({ app, context: contextOf(app, deps) }))
      .filter(({ context }) => !opts.contexts?.length || (context !== undefined && opts.contexts.includes(context)));
    const results = await mapLimit(selected, 8, async ({ app, context }): Promise<AppResult> => {
      const namespace = app.destination.namespace || (context ? deps.defaultNamespace(context) : '') || 'default';
      const base: AppResult = {
        app: app.name,
        cluster: context ?? app.destination.name ?? (app.destination.server ? redactUrlPasswords(app.destination.server) : '?'),
        namespace,
        path: app.path,
        tool: detectTool(deps.repo, app),
        origin: app.origin,
        status: 'Unknown',
        warnings: [],
        objects: [],
      };
      if (!context)
        return {
          ...base,
          error: tr('report.gitops.noContext', { destination: redactUrlPasswords(JSON.stringify(app.destination)) }),
        };
      const run = runFor(context);
      if (!run) return { ...base, error: tr('report.gitops.contextNotInKubeconfig', { ctx: context }) };
      let facts: ClusterFacts;
      try {
        facts = await run.facts;
      } catch (e) {
        return {
          ...base,
          error: tr('report.gitops.discoveryFailed', { ctx: context, message: isKubeError(e) ? e.message : String((e as Error).message) }),
        };
      }
      let rendered: Rendered;
      try {
        rendered = await renderSlots.get(`${app.name}`, () =>
          renderApp(
            {
              repo: deps.repo,
              workdir: async () => (await (workdir ??= deps.repo.materialize())).dir,
              kubeVersion: facts.gitVersion,
              apiVersions: facts.apiVersions,
            },
            app,
            namespace,
          ),
        );
      } catch (e) {
        return { ...base, error: String((e as Error).message) };
      }
      return compareApp(app, base, rendered, facts, run, settings, opts);
    });
    return {
      repo: { source: deps.repo.source, ref: deps.repo.ref, commit: deps.repo.commit },
      apps: results,
      errors,
      durationMs: Math.round(monotonicMs() - t0),
      stats: {
        objects: results.reduce((n, a) => n + a.objects.length, 0),
        dryRuns: counters.dryRuns,
        dryRunCacheHits: cache.hits - hits0,
        liveRequests: [...runs.values()].reduce((n, r) => n + r.live.requests, 0),
      },
    };
  } finally {
    if (workdir) await (await workdir).cleanup();
  }
}

async function compareApp(
  app: AppSpec,
  base: AppResult,
  rendered: Rendered,
  facts: ClusterFacts,
  run: ClusterRun,
  settings: RepoMap['settings'],
  opts: EngineOptions,
): Promise<AppResult> {
  const warnings = [...rendered.warnings];
  const nopts = normalizeOptionsFor(settings, app.ignore);
  const desired = desiredObjects(app, base, rendered, facts, settings, warnings);
  // live listings: per (type, namespace) of the desired objects, plus configured extra kinds in the app namespace
  const listings = new Map<string, { t: ResourceType; ns: string; selector?: string }>();
  for (const d of desired)
    if (d.type)
      listings.set(`${d.type.group}/${d.type.version}/${d.type.resource}|${d.obj.metadata.namespace ?? ''}`, {
        t: d.type,
        ns: d.obj.metadata.namespace ?? '',
      });
  for (const gk of settings.extraKinds) {
    const [group, kind] = gk.includes('/') ? (gk.split('/') as [string, string]) : ['', gk];
    const t = facts.apiVersions
      .map((av) => av.split('/'))
      .filter((parts) => parts[parts.length - 1] === kind && (group ? parts[0] === group : parts.length === 2))
      .map((parts) => facts.typeFor(parts.slice(0, -1).join('/'), kind))
      .find(Boolean);
    if (!t) continue;
    const ns = t.namespaced ? base.namespace : '';
    const k = `${t.group}/${t.version}/${t.resource}|${ns}`;
    if (!listings.has(k))
      listings.set(k, { t, ns, selector: settings.tracking.label ? `${settings.tracking.label}=${app.name}` : undefined });
  }
  const listed = new Map<string, Map<string, KubeObject> | Error>();
  await Promise.all(
    [...listings.entries()].map(async ([k, l]) => {
      try {
        listed.set(k, await run.live.list(l.t, l.ns, l.selector));
      } catch (e) {
        listed.set(k, e as Error);
      }
    }),
  );
  const pairs: PairInput[] = [];
  const seenLive = new Set<string>();
  await mapLimit(desired, settings.concurrency, async (d) => {
    const input: PairInput = {
      app: app.name,
      cluster: base.cluster,
      desired: d.obj,
      predictedBy: 'none',
      approximate: false,
      warnings: [],
      note: d.note,
    };
    pairs.push(input);
    if (d.unknown || !d.type) {
      if (d.unknown) input.unknown = d.unknown;
      return;
    }
    const lk = `${d.type.group}/${d.type.version}/${d.type.resource}|${d.obj.metadata.namespace ?? ''}`;
    const l = listed.get(lk);
    if (l instanceof Error || l === undefined) {
      input.unknown = tr('report.gitops.cannotReadLive', {
        resource: d.type.resource,
        message: l ? l.message : tr('report.gitops.notListed'),
      });
      return;
    }
    const live = l.get(String(d.obj.metadata.name));
    if (!live) {
      if (opts.validateMissing) {
        try {
          const v = await validateCreate(run.predict, d.type, d.obj);
          input.dryRun = { ok: v.ok, message: v.message };
          input.warnings.push(...v.warnings);
        } catch (e) {
          input.dryRun = { ok: false, message: String((e as Error).message) };
        }
      }
      return;
    }
    seenLive.add(`${lk}|${live.metadata.name}`);
    input.live = live;
    try {
      const p = await predict(run.predict, d.type, d.obj, live);
      Object.assign(input, {
        predicted: p.predicted,
        predictedBy: p.by,
        approximate: p.approximate,
        note: p.note ?? input.note,
        dryRun: p.dryRun,
      });
      input.warnings.push(...p.warnings);
    } catch (e) {
      input.unknown = tr('report.diff.dryRunFailed', { message: isKubeError(e) ? e.message : String((e as Error).message) });
    }
  });
  // extras: ours, self-referenced, not owned by another object, no Git counterpart
  for (const [k, l] of listed) {
    if (l instanceof Error) continue;
    for (const o of l.values()) {
      if (seenLive.has(`${k}|${o.metadata.name}`)) continue;
      if (!isExtraCandidate(o, app.name, settings.tracking) || excludedReason(o) || ignoreExtraneous(o)) continue;
      pairs.push({
        app: app.name,
        cluster: base.cluster,
        live: o,
        predictedBy: 'none',
        approximate: false,
        warnings: [],
        prune: wouldPrune(o),
        note: tr(wouldPrune(o) ? 'report.gitops.notInGitPrune' : 'report.gitops.notInGitKept'),
      });
    }
  }
  const objects: ObjectDiff[] = pairs.map((p) => buildObjectDiff(p, settings, nopts, opts.syncedYaml === true));
  objects.sort((a, b) => byText(a.group, b.group) || byText(a.kind, b.kind) || byText(a.namespace, b.namespace) || byText(a.name, b.name));
  const unknown = objects.some((o) => o.status === 'Unknown');
  const drift = objects.some((o) => o.status !== 'Synced');
  return { ...base, warnings, objects, status: unknown ? 'Unknown' : drift ? 'OutOfSync' : 'Synced' };
}
