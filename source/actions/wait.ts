// --wait: follow the primary object (a shared watch, never a polling timer) until a predicate holds, reporting
// progress lines such as "updated 3/10, step 2/4, hook Running"; gives up at the deadline.
import { t } from '../i18n/t.js';
import { hookRun } from '../kinds/hookrun.js';
import type { Plan } from '../kinds/plan/types.js';
import { workloadSpecOfType } from '../kinds/registry.js';
import type { WaitPredicate } from '../kinds/plan/wait.js';
import type { ClusterClient } from '../kube/client-api.js';
import type { KubeError } from '../kube/errors.js';
import type { InformerState } from '../kube/informer.js';
import { InformerPool } from '../kube/informer-pool.js';
import { compareResourceVersions } from '../kube/resource-version.js';
import type { KubeObject } from '../kube/object.js';
import type { HookRunInfo, WorkloadInfo } from '../model/types.js';
import { readWorkloadObject } from './observe.js';

export type { WaitPredicate } from '../kinds/plan/wait.js';

export interface WaitOptions {
  client: ClusterClient;
  /** The process's shared informers (the fleet's): absent, the wait uses a pool of its own. */
  informers?: InformerPool;
  timeoutMs: number;
  /** Called when the progress line changes. */
  onProgress?: (line: string, info: WorkloadInfo) => void;
  /** Stop early with this message when it returns a string (e.g. the rollout failed). */
  failed?: (info: WorkloadInfo, obj: KubeObject) => string | undefined;
  signal?: AbortSignal;
}

export interface WaitResult {
  reached: boolean;
  /** Why it stopped: reached, timed out, failed: ..., aborted. */
  message: string;
  info?: WorkloadInfo;
  elapsedMs: number;
}

export function progressLine(info: WorkloadInfo): string {
  const r = info.rollout;
  const parts = [t('actions.wait.updated', { updated: r.updated, replicas: r.replicas })];
  if (r.updatedReady !== r.updated) parts.push(t('actions.wait.ready', { n: r.updatedReady }));
  if (r.steps.length && r.stepIndex !== undefined)
    parts.push(
      r.stepIndex >= r.steps.length
        ? t('actions.wait.stepsDone', { n: r.steps.length })
        : t('actions.wait.step', { step: r.stepIndex + 1, steps: r.steps.length }),
    );
  if (r.hookPhase) parts.push(t('actions.wait.hook', { phase: r.hookPhase }));
  return t('actions.wait.progress', { parts: parts.join(t('actions.console.comma')), message: r.message });
}

export async function waitFor(plan: Plan, predicate: WaitPredicate, opts: WaitOptions): Promise<WaitResult> {
  const { client } = opts;
  const p = plan.primary;
  const start = Date.now();
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), Math.max(0, opts.timeoutMs));
  const onAbort = () => stop.abort();
  opts.signal?.addEventListener('abort', onAbort);
  const signal = stop.signal;
  const hookRuns = new Map<string, HookRunInfo>();
  let obj: KubeObject | undefined;
  let last: WorkloadInfo | undefined;
  let lastLine = '';
  let outcome: { reached: boolean; message: string } | undefined;

  const evaluate = () => {
    if (!obj || outcome) return;
    const info = readWorkloadObject(p.cluster, p.type, obj, [...hookRuns.values()]);
    if (!info) {
      outcome = { reached: false, message: t('actions.wait.notFollowable', { kind: p.type.kind }) };
      stop.abort();
      return;
    }
    last = info;
    const line = progressLine(info);
    if (line !== lastLine) {
      lastLine = line;
      opts.onProgress?.(line, info);
    }
    if (predicate(info, obj)) outcome = { reached: true, message: t('actions.wait.reached') };
    else {
      const f = opts.failed?.(info, obj);
      if (f) outcome = { reached: false, message: f };
    }
    if (outcome) stop.abort();
  };

  // The workload from the fleet's shared informers: a store that watches its type already (cluster-wide or in its
  // namespace) serves this selection without another watch. A GET first gives the state at or after our write
  // (a shared informer may still be behind it); from there on a state older than the one held is ignored
  // (resourceVersions compare, KEP-5504), so the wait sees every change after its write and never an older one.
  const pool = opts.informers ?? new InformerPool();
  const leaves: Array<() => Promise<void>> = [];
  let broken: KubeError | undefined;
  const failWith = (state: InformerState, err?: KubeError) => {
    if ((state === 'forbidden' || state === 'notfound') && err && !outcome && !signal.aborted) {
      broken = err;
      stop.abort();
    }
  };
  const goneAfter = (rv: string, list: boolean) => {
    // A DELETED, or a list newer than what we hold without the object: it is gone. (Not comparable: a list
    // may be a late joiner's replay from before our GET, so only the DELETED event says so.)
    const order = compareResourceVersions(rv, obj?.metadata.resourceVersion);
    if (outcome || !obj || order === -1 || (order === undefined && list)) return;
    outcome = { reached: false, message: t('actions.wait.deleted', { target: `${p.type.kind} ${p.namespace}/${p.name}` }) };
    stop.abort();
  };
  const take = (o: KubeObject, replay: boolean) => {
    const order = compareResourceVersions(o.metadata.resourceVersion, obj?.metadata.resourceVersion);
    // Not comparable (an aggregated API's versions): events come in order after our GET, a replay may be older.
    if (order === -1 || order === 0 || (order === undefined && replay)) return;
    obj = o;
    evaluate();
  };
  const watchWorkload = (async () => {
    obj = await client.get(p.type, p.namespace, p.name);
    evaluate();
    if (outcome || signal.aborted) return;
    const own = (o: KubeObject) => o.metadata.name === p.name && o.metadata.namespace === p.namespace;
    leaves.push(
      pool.subscribe(
        client,
        p.type,
        { namespace: p.namespace, fieldSelector: `metadata.name=${p.name}`, timeoutSeconds: 60 },
        {
          onReplace: (items, rv) => {
            const o = items.find(own);
            if (o) take(o, true);
            else goneAfter(rv, true);
          },
          onEvent: (type, o) => {
            if (!own(o)) return;
            if (type === 'DELETED') goneAfter(o.metadata.resourceVersion ?? '', false);
            else take(o, false);
          },
          onState: failWith,
        },
      ),
    );
    await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })));
  })();
  // Kinds whose reader joins HookRuns (bk-bcs): the step hook's phase comes from its HookRun.
  if (workloadSpecOfType(p.type)?.prefetch.hookRuns)
    leaves.push(
      pool.subscribe(
        client,
        hookRun.type,
        { namespace: p.namespace, timeoutSeconds: 60 },
        {
          onReplace: (items) => {
            hookRuns.clear();
            for (const o of items) hookRuns.set(o.metadata.name ?? '', hookRun.read(p.cluster, o));
            evaluate();
          },
          onEvent: (type, o) => {
            const name = o.metadata.name ?? '';
            if (type === 'DELETED') hookRuns.delete(name);
            else hookRuns.set(name, hookRun.read(p.cluster, o));
            evaluate();
          }, // hook phases are a nicety; the workload decides (no onState: its errors end nothing)
        },
      ),
    );
  try {
    await Promise.race([watchWorkload, new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
  } finally {
    clearTimeout(timer);
    stop.abort();
    opts.signal?.removeEventListener('abort', onAbort);
    await Promise.allSettled([watchWorkload, ...leaves.map((leave) => leave())]);
  }
  if (broken && !outcome) throw broken; // refused or gone type: as a failed watch did, an error, not a timeout
  const elapsedMs = Date.now() - start;
  if (outcome) return { ...outcome, info: last, elapsedMs };
  if (opts.signal?.aborted) return { reached: false, message: t('actions.wait.aborted'), info: last, elapsedMs };
  return { reached: false, message: t('actions.wait.timedOut', { secs: secs(opts.timeoutMs) }), info: last, elapsedMs };
}

function secs(ms: number): string {
  return String(ms < 10_000 ? Number((ms / 1000).toFixed(1)) : Math.round(ms / 1000));
}
