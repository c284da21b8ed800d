// --wait: follow the primary object (a watch, never a polling timer) until a predicate holds, reporting
// progress lines such as "updated 3/10, step 2/4, hook Running"; gives up at the deadline.
import { t } from '../i18n/t.js';
import { hookRun } from '../kinds/hookrun.js';
import type { Plan } from '../kinds/plan/types.js';
import { workloadSpecOfType } from '../kinds/registry.js';
import type { WaitPredicate } from '../kinds/plan/wait.js';
import type { ClusterClient } from '../kube/client-api.js';
import { isKubeError } from '../kube/errors.js';
import type { KubeObject } from '../kube/object.js';
import type { HookRunInfo, WorkloadInfo } from '../model/types.js';
import { readWorkloadObject } from './observe.js';

export type { WaitPredicate } from '../kinds/plan/wait.js';

export interface WaitOptions {
  client: ClusterClient;
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

  const follow = async (list: () => Promise<string>, watch: (rv: string) => Promise<void>) => {
    let rv = await list();
    while (!signal.aborted) {
      try {
        await watch(rv);
      } catch (e) {
        if (signal.aborted) return;
        if (isKubeError(e, 'Gone')) rv = await list();
        else if (isKubeError(e, 'Timeout') || isKubeError(e, 'Unreachable')) await sleep(500, signal);
        else throw e;
      }
    }
  };

  const watchWorkload = follow(
    async () => {
      obj = await client.get(p.type, p.namespace, p.name);
      evaluate();
      return obj.metadata.resourceVersion ?? '';
    },
    (rv) =>
      client.watch(
        p.type,
        {
          namespace: p.namespace,
          fieldSelector: `metadata.name=${p.name}`,
          resourceVersion: rv,
          allowWatchBookmarks: true,
          timeoutSeconds: 60,
          signal,
        },
        (e) => {
          if (e.type === 'BOOKMARK') return;
          if (e.type === 'DELETED') {
            outcome = { reached: false, message: t('actions.wait.deleted', { target: `${p.type.kind} ${p.namespace}/${p.name}` }) };
            stop.abort();
            return;
          }
          obj = e.object;
          evaluate();
        },
      ),
  );
  // Kinds whose reader joins HookRuns (bk-bcs): the step hook's phase comes from its HookRun.
  const watchHooks = workloadSpecOfType(p.type)?.prefetch.hookRuns
    ? follow(
        async () => {
          const l = await client.list(hookRun.type, { namespace: p.namespace });
          hookRuns.clear();
          for (const o of l.items) hookRuns.set(o.metadata.name ?? '', hookRun.read(p.cluster, o));
          evaluate();
          return l.metadata.resourceVersion ?? '';
        },
        (rv) =>
          client.watch(
            hookRun.type,
            { namespace: p.namespace, resourceVersion: rv, allowWatchBookmarks: true, timeoutSeconds: 60, signal },
            (e) => {
              if (e.type === 'BOOKMARK') return;
              const name = e.object.metadata.name ?? '';
              if (e.type === 'DELETED') hookRuns.delete(name);
              else hookRuns.set(name, hookRun.read(p.cluster, e.object));
              evaluate();
            },
          ),
      ).catch(() => undefined) // hook phases are a nicety; the workload decides
    : Promise.resolve();
  try {
    await Promise.race([watchWorkload, new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))]);
  } finally {
    clearTimeout(timer);
    stop.abort();
    opts.signal?.removeEventListener('abort', onAbort);
    await Promise.allSettled([watchWorkload, watchHooks]);
  }
  const elapsedMs = Date.now() - start;
  if (outcome) return { ...outcome, info: last, elapsedMs };
  if (opts.signal?.aborted) return { reached: false, message: t('actions.wait.aborted'), info: last, elapsedMs };
  return { reached: false, message: t('actions.wait.timedOut', { secs: secs(opts.timeoutMs) }), info: last, elapsedMs };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(t);
        resolve();
      },
      { once: true },
    );
  });
}

function secs(ms: number): string {
  return String(ms < 10_000 ? Number((ms / 1000).toFixed(1)) : Math.round(ms / 1000));
}
