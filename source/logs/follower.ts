// The multi-stream follower: a target across every cluster of the fleet. Per cluster it resolves the
// target to pod sources, keeps each source current with a pod list+watch (Informer: resourceVersion,
// 410 relist, backoff), and keeps one ContainerSlot per (pod name, container): new pods join, deleted
// pods leave, restarted containers are re-tailed. --max-streams bounds concurrent slots; the rest
// wait in a queue, with one clear `cap` event each time the cap is hit.
import { KINDS } from '../kinds/registry.js';
import { type KubeError, toKubeError } from '../kube/errors.js';
import type { InformerHandlers } from '../kube/informer.js';
import { InformerPool } from '../kube/informer-pool.js';
import type { KubeObject } from '../kube/object.js';
import { StreamCap } from './cap.js';
import { containerMatcher, lineFilter } from './filters.js';
import { type PodSource, ownedBy, resolveTarget } from './resolve.js';
import { containerStateOf } from './container-state.js';
import { ContainerSlot, type SlotOptions } from './slot.js';
import { describeTarget } from './target.js';
import type { FollowOptions, FollowerEvent, FollowerStats, LogSink, LogTarget, StreamInfo } from './types.js';
import { t } from '../i18n/t.js';
import { type ClusterRun, type FollowerCluster, type FollowerSummary, type Member, newRun, podKey, summarize } from './follower-runs.js';

export type { FollowerCluster, FollowerSummary } from './follower-runs.js';

// The console's LogFollowerPort (ports/logs.ts), wired by app/logs-port.ts.
export class LogFollower {
  readonly title: string;
  private sink!: LogSink;
  private readonly counters = { lines: 0, duplicatesSkipped: 0, filtered: 0, resumes: 0, restarts: 0, errors: 0 };
  private readonly slots = new Map<string, ContainerSlot>();
  private readonly cap: StreamCap<ContainerSlot>;
  private colours = 0;
  /** Stops of the pod watches (own informers, or subscriptions to the shared pool). */
  private informers: Array<() => Promise<void>> = [];
  private runs: ClusterRun[];
  private stopped = false;
  private readonly matchContainer: (name: string) => boolean;
  private readonly filter?: (message: string) => boolean;
  private settle!: (s: FollowerSummary) => void;
  private finish!: () => void;
  /** Resolves once every cluster synced or failed its first attempt. */
  readonly ready: Promise<FollowerSummary>;
  /** Resolves when there is nothing left to read (not following) or after stop(). */
  readonly done: Promise<void>;

  constructor(
    clusters: FollowerCluster[],
    readonly target: LogTarget,
    readonly opts: FollowOptions,
  ) {
    this.runs = clusters.map(newRun);
    this.title =
      clusters.length === 1
        ? t('commands.logs.titleOne', { target: describeTarget(target), cluster: clusters[0]!.name })
        : t('commands.logs.titleMany', { target: describeTarget(target), n: clusters.length });
    this.matchContainer = containerMatcher(opts.container);
    this.filter = lineFilter(opts.include, opts.exclude);
    this.ready = new Promise((r) => (this.settle = r));
    this.done = new Promise((r) => (this.finish = r));
    this.cap = new StreamCap<ContainerSlot>(
      opts.maxStreams,
      (s) => {
        this.emit({ kind: 'join', cluster: s.info.cluster, stream: s.info, message: 'joined' });
        s.start();
      },
      (max) =>
        this.emit({
          kind: 'cap',
          message: t('commands.logs.cap', { max }),
        }),
    );
  }

  stats(): FollowerStats {
    return { ...this.counters, streams: this.cap.active, queued: this.cap.queued };
  }

  start(sink: LogSink): void {
    // eslint-disable-next-line i18next/no-literal-string -- a programming error (a bug report), never a person's mistake
    if (this.sink) throw new Error('LogFollower.start called twice');
    this.sink = sink;
    if (this.runs.length === 0) {
      this.settle({ clusters: 0, withTarget: 0, pods: 0, containers: 0, containerNames: [], failures: [] });
      this.finish();
      return;
    }
    for (const run of this.runs) void this.startCluster(run);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    const waits: Promise<unknown>[] = this.informers.map((stop) => stop());
    for (const s of this.cap.drain()) s.stop();
    for (const s of this.slots.values()) {
      s.stop();
      if (s.finished) waits.push(s.finished);
    }
    await Promise.allSettled(waits);
    this.settleIfReady(true);
    this.finish();
  }

  private emit(ev: FollowerEvent): void {
    // After stop() (Ctrl-C, the reader of stdout gone) the requests still in flight fail as their
    // connections close: that is no news about the cluster.
    if (this.stopped) return;
    this.sink.event(ev);
  }

  private async startCluster(run: ClusterRun): Promise<void> {
    let backoff = 1_000;
    while (!this.stopped) {
      try {
        const r = await resolveTarget(run.client, this.target, {
          namespace: run.namespace,
          selector: this.opts.selector,
          zoneLabel: this.opts.zoneLabel,
        });
        run.sources = r.sources;
        if (r.missing) this.emit({ kind: 'notice', cluster: run.name, message: r.missing });
        break;
      } catch (e) {
        if (this.stopped) return;
        const err = toKubeError(e, run.name);
        this.clusterError(run, err);
        if (!this.opts.follow || err.kind === 'Forbidden' || err.kind === 'Unauthorized') {
          this.settleCluster(run);
          return;
        }
        this.settleCluster(run);
        await new Promise((r) => setTimeout(r, backoff).unref?.());
        backoff = Math.min(30_000, backoff * 2);
      }
    }
    if (this.stopped) return;
    if (run.sources.length === 0) {
      run.synced = true;
      this.settleCluster(run);
      return;
    }
    if (this.opts.follow && !this.opts.previous) {
      run.sources.forEach((src, i) => this.watchSource(run, src, i));
      return;
    }
    // One pass: list the pods once and read each container once.
    try {
      for (let i = 0; i < run.sources.length && !this.stopped; i++) {
        const src = run.sources[i]!;
        const list = await run.client.listAll(KINDS.Pod, {
          namespace: src.namespace,
          labelSelector: src.labelSelector,
          fieldSelector: src.fieldSelector,
        });
        for (const pod of list.items) if (this.accepts(pod, src)) this.upsert(run, pod, i);
      }
      run.synced = true;
    } catch (e) {
      if (!this.stopped) this.clusterError(run, toKubeError(e, run.name));
    }
    this.settleCluster(run);
  }

  private watchSource(run: ClusterRun, src: PodSource, i: number): void {
    const selection = { namespace: src.namespace, labelSelector: src.labelSelector, fieldSelector: src.fieldSelector };
    const handlers: InformerHandlers = {
      onReplace: (items) => {
        const seen = new Set<string>();
        for (const pod of items) {
          if (!this.accepts(pod, src)) continue;
          seen.add(podKey(pod));
          this.upsert(run, pod, i);
        }
        for (const [key, m] of [...run.members]) if (m.sources.has(i) && !seen.has(key)) this.removeMember(run, key, i);
        run.syncedSources.add(i);
        if (run.syncedSources.size === run.sources.length && !run.synced) {
          run.synced = true;
          run.lastError = undefined;
          this.settleCluster(run);
        }
      },
      onEvent: (type, pod) => {
        if (type !== 'DELETED' && this.accepts(pod, src)) this.upsert(run, pod, i);
        else this.removeMember(run, podKey(pod), i, pod.metadata.uid);
      },
      onState: (state, err) => {
        if (err && state !== 'watching' && state !== 'listing') {
          this.clusterError(run, err);
          if (!run.synced) this.settleCluster(run);
        }
      },
    };
    // Without the fleet's pool (scripted `zonectl logs`), a pool of its own: the sources' selections differ.
    this.informers.push((this.opts.informers ?? new InformerPool()).subscribe(run.client, KINDS.Pod, selection, handlers));
  }

  private accepts(pod: KubeObject, src: PodSource): boolean {
    return !src.owner || ownedBy(pod, src.owner, !!src.labelSelector);
  }

  private upsert(run: ClusterRun, pod: KubeObject, source: number): void {
    if (this.stopped) return;
    const key = podKey(pod);
    let m = run.members.get(key);
    if (m && m.pod.metadata.uid && pod.metadata.uid && m.pod.metadata.uid !== pod.metadata.uid) {
      // Same name, new uid: the pod was deleted and recreated (one source may report the new pod
      // before another reports the deletion). The old pod leaves; the new one joins.
      this.dropMember(run, key, m);
      m = undefined;
    }
    if (!m) run.members.set(key, (m = { pod, sources: new Set(), slotIds: new Set() }));
    m.pod = pod;
    m.sources.add(source);
    const ns = pod.metadata.namespace ?? '';
    const name = pod.metadata.name ?? '';
    for (const c of (pod.spec?.containers as Array<{ name: string }> | undefined) ?? []) {
      if (!this.matchContainer(c.name)) continue;
      const id = `${run.name}/${ns}/${name}/${c.name}`;
      const state = containerStateOf(pod, c.name);
      const slot = this.slots.get(id);
      if (slot) {
        slot.update(state);
        m.slotIds.add(id);
        continue;
      }
      // A slot that ended while its pod stayed (forbidden, or a one-pass read) is not reopened:
      // that would print its log again.
      if (m.slotIds.has(id)) continue;
      const info: StreamInfo = { id, cluster: run.name, namespace: ns, pod: name, container: c.name, colour: this.colours++ };
      const s = new ContainerSlot(info, run.client, state, this.slotOptions(!run.synced), this.sink, (x) => this.slotDone(x));
      this.slots.set(id, s);
      m.slotIds.add(id);
      this.cap.admit(s);
    }
  }

  private removeMember(run: ClusterRun, key: string, source: number, uid?: string): void {
    const m = run.members.get(key);
    if (!m || (uid && m.pod.metadata.uid && uid !== m.pod.metadata.uid)) return; // a late event about an older pod
    if (!m.sources.delete(source) || m.sources.size > 0) return;
    this.dropMember(run, key, m);
  }

  private dropMember(run: ClusterRun, key: string, m: Member): void {
    run.members.delete(key);
    for (const id of m.slotIds) {
      const s = this.slots.get(id);
      if (!s) continue;
      if (this.cap.withdraw(s)) this.slots.delete(id);
      else s.leave();
    }
  }

  private slotOptions(initial: boolean): SlotOptions {
    return {
      follow: this.opts.follow && !this.opts.previous,
      previous: !!this.opts.previous,
      initial,
      tailLines: this.opts.tailLines,
      sinceSeconds: this.opts.sinceSeconds,
      filter: this.filter,
      leaveGraceMs: this.opts.leaveGraceMs ?? 2_000,
      stats: this.counters,
    };
  }

  private slotDone(s: ContainerSlot): void {
    if (this.slots.get(s.info.id) === s) this.slots.delete(s.info.id);
    if (!this.stopped && !s.leaveAnnounced)
      this.emit({ kind: 'leave', cluster: s.info.cluster, stream: s.info, message: s.failure ? t('commands.logs.closedError') : 'left' });
    this.cap.release(!this.stopped);
    this.checkDone();
  }

  private clusterError(run: ClusterRun, err: KubeError): void {
    this.counters.errors++;
    if (!run.synced) run.failure = err;
    if (run.lastError === err.message) return;
    run.lastError = err.message;
    this.emit({ kind: 'error', cluster: run.name, message: err.message });
  }

  private settleCluster(run: ClusterRun): void {
    run.settled = true;
    this.settleIfReady(false);
    this.checkDone();
  }

  private settleIfReady(force: boolean): void {
    if (!force && !this.runs.every((r) => r.settled)) return;
    this.settle(summarize(this.runs));
  }

  private checkDone(): void {
    if (this.opts.follow && !this.opts.previous) return;
    if (this.runs.every((r) => r.settled) && this.cap.active === 0 && this.cap.queued === 0) this.finish();
  }
}
