// N clusters: one client per context, connection state per cluster, fan-out with per-cluster
// timeouts so one slow or dead cluster never delays the others.
import { InformerPool } from '../kube/informer-pool.js';
import type { Config } from '../config/config.js';
import { readOnlyWhy } from '../config/read-only.js';
import type { ClusterClient } from '../kube/client-api.js';
import { HttpClusterClient } from '../kube/client.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import type { ClusterInfo, ConnectionState } from '../model/types.js';
// `tr`: `t` is a timer here.
import { t as tr } from '../i18n/t.js';

export interface Member {
  name: string;
  client: ClusterClient;
  info: ClusterInfo;
}

export type FanOutResult<T> = { cluster: string; ok: true; value: T } | { cluster: string; ok: false; error: KubeError };

export class Fleet {
  private listeners = new Set<() => void>();
  /** The process's shared watches on these clusters (store, log follower): one per selection, not one per user. */
  readonly informers = new InformerPool();

  constructor(readonly members: Member[]) {}

  static fromKubeconfig(kc: LoadedKubeconfig, contexts: string[], config: Config, opts: { connections?: number | null } = {}): Fleet {
    return new Fleet(
      contexts.map((name) =>
        memberOf(
          name,
          new HttpClusterClient(name, kc.forContext(name), { timeoutMs: config.requestTimeoutMs, connections: opts.connections }),
          config,
        ),
      ),
    );
  }

  member(name: string): Member | undefined {
    return this.members.find((m) => m.name === name);
  }

  clusters(): ClusterInfo[] {
    return this.members.map((m) => m.info);
  }

  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setState(name: string, state: ConnectionState, error?: string, extra: Partial<ClusterInfo> = {}): void {
    const m = this.member(name);
    if (!m) return;
    const next: ClusterInfo = { ...m.info, ...extra, state, lastError: error ?? (state === 'ready' ? undefined : m.info.lastError) };
    if (JSON.stringify(next) === JSON.stringify(m.info)) return;
    m.info = next;
    for (const l of this.listeners) l();
  }

  /** /version on every cluster in parallel: sets state, version and latency. */
  async probe(timeoutMs = 5_000): Promise<void> {
    // fanOut applies the per-cluster timeout.
    const results = await this.fanOut(async (m) => {
      const v = await m.client.version();
      this.setState(m.name, 'ready', undefined, { version: v.gitVersion, latencyMs: v.latencyMs });
      return v;
    }, timeoutMs);
    for (const r of results) if (!r.ok) this.setState(r.cluster, stateFor(r.error), r.error.message);
  }

  /** Run fn on every member in parallel; each gets its own timeout; errors are per cluster. */
  async fanOut<T>(fn: (m: Member) => Promise<T>, timeoutMs = 10_000): Promise<FanOutResult<T>[]> {
    return Promise.all(
      this.members.map(async (m): Promise<FanOutResult<T>> => {
        try {
          return { cluster: m.name, ok: true, value: await withTimeout(fn(m), timeoutMs, m.name) };
        } catch (e) {
          const err = toKubeError(e, m.name);
          return { cluster: m.name, ok: false, error: err };
        }
      }),
    );
  }

  close(): void {
    for (const m of this.members) m.client.close();
  }
}

export function stateFor(e: KubeError): ConnectionState {
  if (e.kind === 'Forbidden' || e.kind === 'Unauthorized') return 'forbidden';
  if (e.kind === 'Unreachable' || e.kind === 'Timeout') return 'unreachable';
  return 'degraded';
}

function withTimeout<T>(p: Promise<T>, ms: number, cluster: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p,
    new Promise<T>((_, reject) => {
      t = setTimeout(() => reject(new KubeError('Timeout', cluster, tr('commands.kube.noAnswerIn', { ms }))), ms);
      t.unref?.();
    }),
  ]).finally(() => clearTimeout(t));
}

/** A fleet member for `client`: connecting, or degraded from the start when `lastError` says why it has no usable client. */
export function memberOf(name: string, client: ClusterClient, config: Config, lastError?: string): Member {
  return {
    name,
    client,
    info: {
      name,
      server: client.server,
      user: client.user,
      state: (lastError === undefined ? 'connecting' : 'degraded') as ConnectionState,
      ...(lastError === undefined ? {} : { lastError }),
      readOnly: readOnlyWhy(name, { config }) !== undefined,
      protected: config.contexts[name]?.protected === true,
    },
  };
}
