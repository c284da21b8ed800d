// In-memory state of the fleet fed by per-cluster list+watch informers. Publishes immutable
// snapshots, coalesced to at most one per `intervalMs`. One cluster being slow or down never blocks
// another: each cluster connects, discovers and syncs on its own.
import { t } from '../i18n/t.js';
import type { Fleet, Member } from '../fleet/fleet.js';
import { stateFor } from '../fleet/fleet.js';
import { discover, typeKey } from '../kube/discovery.js';
import { KubeError, toKubeError } from '../kube/errors.js';
import type { InformerOptions, InformerState } from '../kube/informer.js';
import type { SharedInformer } from '../kube/informer-pool.js';
import type { ResourceType } from '../kube/object.js';
import type { ClusterInfo } from '../model/types.js';
import { ObjectCache } from './object-cache.js';
import { FocusPods } from './focus-pods.js';
import { ReadyWait } from './ready-wait.js';
import type { PodFocus, Snapshot, SnapshotSource } from './types.js';
import type { AlertThresholds } from '../config/alerts.js';
import { AlertEngine } from '../model/alerts/engine.js';
import { monotonicMs } from '../clock.js';

export type Derive = (cache: ObjectCache, clusters: ClusterInfo[]) => Omit<Snapshot, 'seq' | 'clusters' | 'synced'>;

export interface WatchSpec {
  type: ResourceType;
  /** Kind name reported in ClusterInfo.kinds (e.g. 'GameDeployment'). */
  kind: string;
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
}

export interface FleetStoreOptions {
  intervalMs?: number;
  /** Derive alerts with these thresholds into every snapshot (absent: no alerts). */
  alerts?: AlertThresholds;
  informer?: Omit<InformerOptions, 'namespace' | 'labelSelector' | 'fieldSelector'>;
  discoveryTimeoutMs?: number;
  retryMs?: number;
  /**
   * Ask each cluster its version (GET /version, for the console's cluster list and its latency) once
   * discovery answered; default true. A one-shot list prints no version: one request fewer (issue 14).
   */
  askVersion?: boolean;
}

interface ClusterRuntime {
  member: Member;
  informers: Map<string, SharedInformer>;
  states: Map<string, InformerState>;
  listed: Set<string>;
  errors: Map<string, KubeError>;
  failed?: KubeError; // discovery/probe failure
  /** Discovery answered: the informers left are the kinds the cluster serves. */
  discovered?: boolean;
  retry?: NodeJS.Timeout;
}

export class FleetStore implements SnapshotSource {
  readonly cache = new ObjectCache();
  private runtimes = new Map<string, ClusterRuntime>();
  private subscribers = new Set<(s: Snapshot) => void>();
  private seq = 0;
  private current?: Snapshot;
  private dirty = true;
  private timer?: NodeJS.Timeout;
  private lastPublish = 0;
  private stopped = false;
  private syncWaiters: Array<() => void> = [];
  private readonly ready = new ReadyWait();
  private readonly alertEngine?: AlertEngine;
  /** Fires when the next alert candidate reaches its threshold (nothing else would publish then). */
  private dueTimer?: NodeJS.Timeout;
  private dueAt?: number;

  constructor(
    readonly fleet: Fleet,
    private readonly specs: WatchSpec[] | ((cluster: string) => WatchSpec[]),
    private readonly derive: Derive,
    private readonly opts: FleetStoreOptions = {},
  ) {
    fleet.onChange(() => this.markDirty());
    if (opts.alerts) this.alertEngine = new AlertEngine(opts.alerts);
    this.focus = new FocusPods(fleet, this.cache, opts.informer, () => this.markDirty());
  }

  start(): void {
    for (const m of this.fleet.members) {
      const rt: ClusterRuntime = { member: m, informers: new Map(), states: new Map(), listed: new Set(), errors: new Map() };
      this.runtimes.set(m.name, rt);
      void this.connect(rt);
    }
  }

  private async connect(rt: ClusterRuntime): Promise<void> {
    if (this.stopped) return;
    const m = rt.member;
    const specs = typeof this.specs === 'function' ? this.specs(m.name) : this.specs;
    // The lists go out beside discovery, not one round trip after it (the first frame waits for them):
    // a kind the cluster turns out not to serve answers 404 ("notfound") and is dropped below.
    for (const s of specs) this.watch(rt, s);
    try {
      const t0 = monotonicMs();
      const installed = await discover(
        m.client,
        specs.map((s) => s.type),
        this.opts.discoveryTimeoutMs ?? 8_000,
      );
      const latencyMs = Math.round(monotonicMs() - t0);
      // The version (and the latency it measures) is asked first but not waited for: the lists go out
      // beside it instead of one round trip later (the first frame waits for the lists).
      const version = this.opts.askVersion === false ? Promise.resolve(undefined) : m.client.version().catch(() => undefined);
      rt.failed = undefined;
      rt.discovered = true;
      const kinds: Record<string, boolean> = {};
      for (const s of specs) kinds[s.kind] = installed.get(typeKey(s.type)) === true;
      for (const s of specs) if (!installed.get(typeKey(s.type))) void this.unwatch(rt, typeKey(s.type));
      this.fleet.setState(m.name, 'connecting', undefined, { kinds, latencyMs });
      // Discovery is a step (whenReady's quiet timer); not checkSync: the informers' states decide.
      this.ready.notify(false);
      void version.then((v) => {
        if (v && !this.stopped) this.fleet.setState(m.name, m.info.state, undefined, { version: v.gitVersion, latencyMs: v.latencyMs });
      });
      this.updateClusterState(rt);
    } catch (e) {
      const err = toKubeError(e, m.name);
      rt.failed = err;
      // Not known again until the next attempt's discovery answers (its lists go out before that).
      rt.discovered = false;
      // The lists sent beside it stop with it: the next attempt starts them again.
      for (const key of [...rt.informers.keys()]) void this.unwatch(rt, key);
      this.fleet.setState(m.name, stateFor(err), err.message);
      this.markDirty();
      this.checkSync();
      rt.retry = setTimeout(() => void this.connect(rt), this.opts.retryMs ?? 3_000);
      rt.retry.unref?.();
    }
  }

  /** Starts the list+watch of one kind on a cluster (from the fleet's pool), unless it runs already. */
  private watch(rt: ClusterRuntime, s: WatchSpec): void {
    const key = typeKey(s.type);
    if (rt.informers.has(key) || this.stopped) return;
    const m = rt.member;
    // From the fleet's pool: a --wait, a log view or the story panel on a type watched here adds no watch.
    const inf = this.fleet.informers.informer(
      m.client,
      s.type,
      { ...this.opts.informer, namespace: s.namespace, labelSelector: s.labelSelector, fieldSelector: s.fieldSelector },
      {
        onReplace: (items) => {
          this.cache.replace(m.name, s.type, items);
          rt.listed.add(key);
          this.markDirty();
          // A one-shot list needs the list, not the watch that follows (it is "watching" once its headers came).
          this.checkSync();
        },
        onEvent: (type, obj) => {
          this.cache.apply(m.name, s.type, type, obj);
          this.markDirty();
        },
        onState: (state, err) => {
          rt.states.set(key, state);
          if (err) rt.errors.set(key, err);
          else if (state === 'watching') rt.errors.delete(key);
          this.updateClusterState(rt);
        },
      },
    );
    rt.informers.set(key, inf);
    inf.start();
  }

  /**
   * Stops one kind's informer on a cluster and forgets what it reported (a kind the cluster does not
   * serve). Leaving the pool is synchronous: none of its handlers is called after this.
   */
  private unwatch(rt: ClusterRuntime, key: string): Promise<void> {
    const inf = rt.informers.get(key);
    if (inf && rt.listed.has(key)) this.cache.replace(rt.member.name, inf.type, []);
    rt.informers.delete(key);
    rt.states.delete(key);
    rt.errors.delete(key);
    rt.listed.delete(key);
    return inf ? inf.stop() : Promise.resolve();
  }

  private updateClusterState(rt: ClusterRuntime): void {
    // Until discovery answers, a list's 404 or error may be a kind the cluster does not serve: no verdict yet.
    if (!rt.discovered) return;
    // A kind whose informer has reported no state yet is still listing (the pool's first subscriber
    // joins after its informer said "listing").
    const states = [...rt.informers.keys()].map((k) => rt.states.get(k) ?? 'listing');
    const errs = [...rt.errors.values()];
    const n = rt.informers.size;
    let state: ClusterInfo['state'];
    let error: string | undefined;
    const bad = states.filter((s) => s === 'backoff' || s === 'forbidden').length;
    if (n === 0 || states.every((s) => s === 'watching')) state = rt.listed.size >= n ? 'ready' : 'connecting';
    else if (bad === 0) state = 'connecting';
    else if (bad === n && errs.length > 0) state = stateFor(errs[0]!);
    else state = 'degraded';
    if (state !== 'ready' && errs.length > 0) error = errs[0]!.message;
    this.fleet.setState(rt.member.name, state, error);
    this.markDirty();
    this.checkSync();
  }

  /** True once the cluster listed every watched kind, or failed. */
  private settled(rt: ClusterRuntime): boolean {
    if (rt.failed) return true;
    if (!rt.discovered) return false;
    if (rt.informers.size === 0) return true;
    for (const key of rt.informers.keys()) {
      if (rt.listed.has(key)) continue;
      const s = rt.states.get(key);
      if (s !== 'backoff' && s !== 'forbidden' && s !== 'notfound') return false;
    }
    return true;
  }

  private checkSync(): void {
    const runtimes = [...this.runtimes.values()];
    const settled = runtimes.every((rt) => this.settled(rt));
    if (settled) {
      const w = this.syncWaiters;
      this.syncWaiters = [];
      for (const f of w) f();
    }
    if (this.ready.waiting) this.ready.notify(settled && runtimes.every((rt) => rt.failed || rt.member.info.state !== 'connecting'));
  }

  /** Set when a waitForSync gave up: clusterErrors then names the clusters still not listed. */
  private syncGaveUpMs?: number;

  /** Resolves when every cluster has listed or failed (for one-shot commands), or after timeoutMs. */
  waitForSync(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.syncGaveUpMs = timeoutMs;
        resolve();
      }, timeoutMs);
      this.syncWaiters.push(() => {
        clearTimeout(t);
        resolve();
      });
      this.checkSync();
    });
  }

  /**
   * Resolves once every cluster has listed every watched kind, or failed: like waitForSync, without a
   * limit and without marking anything (the console derives its first snapshot then, while the watches open).
   */
  whenListed(): Promise<void> {
    return new Promise((resolve) => {
      this.syncWaiters.push(resolve);
      this.checkSync();
    });
  }

  /**
   * True once every cluster has listed every watched kind and opened its watches (its state is no
   * longer "connecting"), or failed. False when nothing came from any cluster for quietMs (a hung
   * cluster), or after maxMs in all. Unlike waitForSync, giving up marks nothing: the console waits
   * so to draw its first frame as it will stay (rows, no stale marks), else draws what it has and the
   * rest fills in. A list, a watch opening or a failure is progress.
   */
  whenReady(quietMs: number, maxMs: number): Promise<boolean> {
    const ready = this.ready.wait(quietMs, maxMs);
    this.checkSync();
    return ready;
  }

  /** Errors per cluster that made its data incomplete (failed discovery or informer errors). */
  clusterErrors(): Array<{ cluster: string; error: KubeError }> {
    const out: Array<{ cluster: string; error: KubeError }> = [];
    for (const rt of this.runtimes.values()) {
      // A failed connect, or an informer error while the data is incomplete or the cluster is not ready.
      const e = rt.failed ?? [...rt.errors.values()][0];
      if (e && (rt.failed || !this.allListed(rt) || rt.member.info.state !== 'ready')) out.push({ cluster: rt.member.name, error: e });
      // No error and no list when the wait gave up: its rows are missing, which must not pass unsaid.
      else if (!e && this.syncGaveUpMs !== undefined && !this.settled(rt))
        out.push({
          cluster: rt.member.name,
          error: new KubeError(
            'Timeout',
            rt.member.name,
            t('views.store.notListed', { ms: this.syncGaveUpMs, state: rt.member.info.state }),
          ),
        });
    }
    return out;
  }

  private allListed(rt: ClusterRuntime): boolean {
    for (const key of rt.informers.keys()) if (!rt.listed.has(key)) return false;
    return true;
  }

  private readonly focus: FocusPods;

  /** Watch only the pods a screen shows (see SnapshotSource.focusPods). */
  focusPods(focus: PodFocus[] | undefined): void {
    if (!this.stopped) this.focus.set(focus);
  }

  /** Resolves once every focused pod watch has listed (or failed to), or after timeoutMs. */
  waitForFocus(timeoutMs: number): Promise<void> {
    return this.focus.waitListed(timeoutMs);
  }

  informers(cluster: string): SharedInformer[] {
    return [...(this.runtimes.get(cluster)?.informers.values() ?? [])];
  }

  private markDirty(): void {
    this.dirty = true;
    if (this.subscribers.size === 0 || this.timer || this.stopped) return;
    const interval = this.opts.intervalMs ?? 66;
    const wait = Math.max(0, this.lastPublish + interval - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastPublish = Date.now();
      const s = this.snapshot();
      for (const fn of this.subscribers) fn(s);
    }, wait);
  }

  snapshot(): Snapshot {
    if (!this.dirty && this.current) return this.current;
    this.dirty = false;
    const clusters = this.fleet.clusters();
    const synced: Record<string, boolean> = {};
    for (const [name, rt] of this.runtimes) synced[name] = !rt.failed && this.allListed(rt) && rt.member.info.kinds !== undefined;
    const derived = this.derive(this.cache, clusters);
    this.current = { seq: ++this.seq, clusters, synced, ...derived };
    if (this.alertEngine) this.current.alerts = this.deriveAlerts({ clusters, ...derived });
    return this.current;
  }

  private deriveAlerts(input: Parameters<AlertEngine['derive']>[0]): NonNullable<Snapshot['alerts']> {
    const now = Date.now();
    const { alerts, nextDue } = this.alertEngine!.derive(input, now);
    // A pause crossing its threshold changes no object: publish again when it is due (no polling).
    if (nextDue !== undefined && nextDue !== this.dueAt && !this.stopped) {
      if (this.dueTimer) clearTimeout(this.dueTimer);
      this.dueAt = nextDue;
      this.dueTimer = setTimeout(
        () => {
          this.dueTimer = undefined;
          this.dueAt = undefined;
          this.markDirty();
        },
        Math.min(Math.max(0, nextDue - now) + 5, 2 ** 31 - 1),
      );
      this.dueTimer.unref?.();
    }
    return alerts;
  }

  subscribe(fn: (s: Snapshot) => void): () => void {
    this.subscribers.add(fn);
    if (this.dirty) this.markDirty();
    return () => this.subscribers.delete(fn);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.dueTimer) clearTimeout(this.dueTimer);
    const all: Promise<void>[] = [];
    all.push(...this.focus.stop());
    for (const rt of this.runtimes.values()) {
      if (rt.retry) clearTimeout(rt.retry);
      for (const inf of rt.informers.values()) all.push(inf.stop());
    }
    await Promise.all(all);
  }
}
