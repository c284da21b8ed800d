// One followed container slot: (cluster, namespace, pod name, container). At most one log request is
// open per slot, so lines leave in order, and one SeamCursor de-duplicates every seam:
//   - a broken stream is reopened with sinceTime = the last timestamp (floored to the second) and
//     the overlap is dropped (resume);
//   - a container restarted in place ends its stream at EOF; once the pod watch shows the new
//     containerID the new instance is read from its first line, skipping only lines an earlier
//     read already served (fresh instance);
//   - a stream that broke while its container was being replaced first drains the old instance's
//     rest with previous=true, from the last timestamp seen (as stern does). So does a stream closed
//     after the grace period while it lagged behind (retire). A resumed read must begin with a line
//     already seen: the server picks the instance when the request arrives, so a restart between the
//     pod GET and the log request serves the next instance, and that read is cut unread. previous=true
//     serves only lastState.terminated: when the container restarted twice, the instance in between is
//     read from its first line and a notice says what is gone;
//   - a pod deleted and recreated under the same name while its slot drains keeps the slot.
// The first read of a slot present at start honours --tail / --since; later joiners read everything.
import type { ClusterClient } from '../kube/client-api.js';
import { isKubeError, type KubeError } from '../kube/errors.js';
import { resourcePath, type ResourceType } from '../kube/object.js';
import { type ContainerState, containerStateOf, olderRv, startSecOf } from './container-state.js';
import { SeamCursor } from './seam.js';
import { Waker } from './waker.js';
import { lineHandler, logQuery, type LineStats, type ReadMode } from './line-path.js';
import { sinceTimeOf, splitTimestamped } from './timestamp.js';
import type { FollowerEvent, LogSink, StreamInfo } from './types.js';
import { t } from '../i18n/t.js';

const POD: ResourceType = { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true };

export interface SlotOptions {
  follow: boolean;
  previous: boolean;
  /** First read of a slot present at start: user's --tail / --since. Later joiners read from their start. */
  initial: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  filter?: (message: string) => boolean;
  leaveGraceMs: number;
  /** Shared counters (the follower's stats object). */
  stats: LineStats;
}

export type SlotState = 'queued' | 'streaming' | 'waiting' | 'backoff' | 'done';

export class ContainerSlot {
  state: SlotState = 'queued';
  readonly cursor = new SeamCursor();
  private status: ContainerState;
  private leaving = false;
  private stopped = false;
  private current?: AbortController;
  private readonly waker = new Waker();
  private graceTimer?: NodeJS.Timeout;
  private firstRead = true;
  /** Why the last read ended early on our side: the instance was replaced, or the server read another one. */
  private cutBy?: 'retired' | 'other-instance';
  /** Resolves when the slot is done. */
  finished?: Promise<void>;
  /** A `leave` event was already sent (pod deleted). */
  leaveAnnounced = false;
  /** Set when the slot ended because of an error (for exit codes). */
  failure?: KubeError;

  constructor(
    readonly info: StreamInfo,
    private readonly client: ClusterClient,
    status: ContainerState,
    private readonly opts: SlotOptions,
    private readonly sink: LogSink,
    private readonly onDone: (slot: ContainerSlot) => void,
  ) {
    this.status = status;
  }

  get isLeaving(): boolean {
    return this.leaving;
  }

  start(): void {
    if (this.finished) return;
    this.finished = this.loop().finally(() => {
      this.state = 'done';
      clearTimeout(this.graceTimer);
      this.onDone(this);
    });
  }

  /** New pod status for this container (from the pod watch). */
  update(next: ContainerState): void {
    const prev = this.status;
    if (next.uid === prev.uid && olderRv(next.rv, prev.rv)) return; // a watch event older than a fresh GET
    this.status = next;
    const changed = next.uid !== prev.uid || next.containerID !== prev.containerID || next.running !== prev.running;
    if (next.uid !== prev.uid) {
      if (this.leaving) this.revive();
      else this.event('restart', t('commands.logs.podRecreatedNewUid'));
    } else if (prev.containerID && next.containerID && next.containerID !== prev.containerID) {
      this.opts.stats.restarts++;
      this.event('restart', t('commands.logs.restartedInPlace', { restarts: next.restartCount }));
    }
    // A new instance (pod uid or containerID): the old instance's stream normally ends by itself (the kubelet stops
    // following a stopped container), but not when its node is unreachable (or under kwok): let it drain for the
    // grace period, then close it so the loop moves on to the new instance.
    if (next.uid !== prev.uid || (prev.containerID && next.containerID && next.containerID !== prev.containerID)) this.retire();
    if (changed && next.running && this.state === 'waiting') this.waker.wake();
  }

  /** Close the open stream (of an instance that was replaced) after the grace period, unless it ended already. */
  private retire(): void {
    const cur = this.current;
    if (!cur || this.state !== 'streaming') return;
    const t = setTimeout(() => {
      if (this.current !== cur) return;
      this.cutBy = 'retired';
      cur.abort();
    }, this.opts.leaveGraceMs);
    t.unref?.();
  }

  /** The pod is gone: let the open stream drain for the grace period, then close it. */
  leave(): void {
    if (this.leaving || this.state === 'done') return;
    this.leaving = true;
    this.leaveAnnounced = true;
    this.event('leave', t('commands.logs.podDeleted'));
    if (this.state !== 'streaming') {
      this.waker.wake();
      return;
    }
    clearTimeout(this.graceTimer);
    this.graceTimer = setTimeout(() => this.current?.abort(), this.opts.leaveGraceMs);
    this.graceTimer.unref?.();
  }

  private revive(): void {
    this.leaving = false;
    this.leaveAnnounced = false;
    clearTimeout(this.graceTimer);
    this.event('join', t('commands.logs.podRecreated'));
  }

  stop(): void {
    this.stopped = true;
    this.current?.abort();
    this.waker.wake();
  }

  private event(kind: FollowerEvent['kind'], message: string): void {
    this.sink.event({ kind, cluster: this.info.cluster, stream: this.info, message });
  }

  private async loop(): Promise<void> {
    let backoff = 0;
    let notReady = 0; // consecutive "container not started / gone" answers
    let readFor: string | undefined; // containerID the last read was opened for
    let instanceMode: ReadMode = 'first'; // how the current instance's reading began
    let broke = false; // the last read ended with an error, or was cut before the end of its instance
    let readRestarts = 0; // restartCount of the instance the last read was opened for
    let suspects = 0; // consecutive resumes of the same instance that the server answered with another one
    while (!this.stopped) {
      if (this.leaving) return;
      // Following a container that is not running: wait for the pod watch to say it runs. A container
      // that ran and stopped (completed pod) is read once first.
      if (this.opts.follow && !this.status.running && (!this.firstRead || !this.status.containerID)) {
        await this.waitForChange();
        continue;
      }
      // Reopening: ask the API which container instance runs now. The watch may lag behind (or be
      // reconnecting after the same network cut), and a log request always serves the current one.
      if (readFor !== undefined && this.opts.follow && !(await this.refresh())) {
        // Without knowing the instance, a reopened stream could mix two of them: wait and retry.
        if (this.stopped || this.leaving) return;
        backoff = Math.min(10_000, backoff ? backoff * 2 : 250);
        this.state = 'backoff';
        await this.sleep(backoff);
        continue;
      }
      if (this.stopped || this.leaving) return;
      const cid = this.status.containerID;
      let mode: ReadMode = readFor === undefined ? 'first' : 'resume';
      if (readFor !== undefined && cid && cid !== readFor) {
        // A new instance (restart in place, or a recreated pod). If our stream of the old one broke,
        // collect its rest first, then read the new one from its first line.
        if (broke && this.opts.follow) await this.drainPrevious(readFor, readRestarts);
        suspects = 0;
        this.cursor.beginInstance(startSecOf(this.status.startedAt));
        mode = instanceMode = 'fresh';
      } else if (mode === 'resume' && !this.cursor.stamp) {
        mode = instanceMode; // nothing emitted yet for this instance: begin it again
      } else if (mode === 'resume' && broke) {
        this.opts.stats.resumes++;
        this.event(
          'resume',
          this.cursor.stamp ? t('commands.logs.resumedFrom', { at: sinceTimeOf(this.cursor.stamp) }) : t('commands.logs.resumedFromStart'),
        );
      }
      const prevReadFor = readFor;
      readFor = cid;
      readRestarts = this.status.restartCount;
      broke = false;
      this.state = 'streaming';
      try {
        // A followed resume must begin with lines this slot already had. Three times in a row not, with the
        // pod still naming the same instance, and the overlap is taken as gone (a rotated log file). A
        // one-pass read has no next instance to wait for: it keeps what it gets.
        const got = await this.read(mode, this.opts.previous, this.opts.follow, this.opts.follow && mode === 'resume' && suspects < 3);
        const cutBy = this.cutBy;
        this.firstRead = false;
        notReady = 0;
        backoff = 0;
        if (!this.opts.follow || this.leaving || this.stopped) return;
        if (cutBy) {
          // Not the end of the instance we were reading: what is left of it is read with previous=true once
          // the pod names its successor (a GET at the top of the loop).
          broke = true;
          if (cutBy === 'other-instance') {
            suspects++;
            if (this.status.containerID === readFor) await this.waitForChange(500 * 2 ** suspects);
          }
          continue;
        }
        suspects = 0;
        // Clean end while following: the container exited (restart in place) or the server closed
        // the stream. Give the pod watch a moment to report a new instance, then reopen.
        if (this.status.containerID === readFor) await this.waitForChange(got > 0 ? 1_000 : 2_000);
      } catch (e) {
        this.firstRead = false;
        if (this.stopped) return;
        const err = e as KubeError;
        if (!isKubeError(err)) throw e;
        if (err.kind === 'Forbidden' || err.kind === 'Unauthorized') {
          this.failure = err;
          this.opts.stats.errors++;
          this.event('error', t('commands.logs.cannotRead', { message: err.message }));
          return;
        }
        if (err.kind === 'Invalid' || err.kind === 'NotFound') {
          // Container not started yet / already gone / no previous instance.
          if (!this.opts.follow) {
            this.event('notice', err.message);
            return;
          }
          if (this.leaving) return;
          readFor = prevReadFor; // decide again how to begin once the container runs
          // The watch may be ahead of the kubelet (or behind it): retry on the next pod change, or
          // after a short while if the watch already says running.
          notReady = Math.min(5, notReady + 1);
          await this.waitForChange(250 * 2 ** notReady);
          continue;
        }
        this.opts.stats.errors++;
        if (this.leaving) return;
        if (!this.opts.follow && backoff >= 4_000) {
          this.failure = err;
          this.event('error', t('commands.logs.streamFailed', { message: err.message }));
          return;
        }
        broke = true;
        backoff = Math.min(10_000, backoff ? backoff * 2 : 250);
        this.state = 'backoff';
        await this.sleep(backoff);
      }
    }
  }

  /** GET the pod for its current container state. False when the API could not say. */
  private async refresh(): Promise<boolean> {
    try {
      const pod = await this.client.get(POD, this.info.namespace, this.info.pod);
      this.update(containerStateOf(pod, this.info.container));
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The rest of a replaced instance whose stream broke: previous=true from the last timestamp. The kubelet
   * serves only the last terminated instance (lastState.terminated); when the container restarted again
   * since, ours is out of reach: say so, and read the one in between from its first line instead.
   */
  private async drainPrevious(readFor: string, readRestarts: number): Promise<void> {
    const { lastTerminatedID, restartCount } = this.status;
    const ours = lastTerminatedID ? lastTerminatedID === readFor : restartCount <= readRestarts + 1;
    if (!ours) {
      const at = this.cursor.stamp;
      this.event('notice', at ? t('commands.logs.instanceGoneAfter', { at: sinceTimeOf(at) }) : t('commands.logs.instanceGone'));
      this.cursor.beginInstance(startSecOf(this.status.lastStartedAt));
    }
    for (let attempt = 0; attempt < 4 && !this.stopped; attempt++) {
      try {
        await this.read(ours ? 'resume' : 'fresh', true, false);
        return;
      } catch (e) {
        if (isKubeError(e) && (e.kind === 'Invalid' || e.kind === 'NotFound' || e.kind === 'Forbidden')) return;
        await this.sleep(250 * 2 ** attempt);
      }
    }
  }

  /**
   * One log request. Returns the number of lines read. `sameInstance`: the read resumes the instance
   * read last, so its first line must be at or before the cursor; a later one is another instance's
   * (the server picks the instance when the request arrives, the pod GET before it may be stale): the read is
   * cut there (cutBy) and nothing of it is passed on.
   */
  private async read(mode: ReadMode, previous: boolean, follow: boolean, sameInstance = false): Promise<number> {
    const { info } = this;
    const query = logQuery(info.container, mode, previous, follow, this.cursor, this.opts);
    const ac = new AbortController();
    this.current = ac;
    this.cutBy = undefined;
    let check = sameInstance && !!this.cursor.stamp;
    let n = 0;
    const handle = lineHandler(info, this.cursor, this.sink, this.opts.stats, this.opts.filter);
    try {
      await this.client.streamLines(
        {
          path: resourcePath(POD, { namespace: info.namespace, name: info.pod, subresource: 'log' }),
          query,
          signal: ac.signal,
          paused: this.sink.paused && (() => this.sink.paused!()),
        },
        (line) => {
          if (ac.signal.aborted) return; // the rest of a chunk after a cut
          if (check) {
            const { ts } = splitTimestamped(line);
            if (ts) {
              check = false;
              if (this.cursor.isPast(ts)) {
                this.cutBy = 'other-instance';
                ac.abort();
                return;
              }
            }
          }
          n++;
          handle(line);
        },
      );
    } finally {
      this.current = undefined;
    }
    return n;
  }

  private waitForChange(maxMs = 0): Promise<void> {
    this.state = 'waiting';
    return this.waker.wait(maxMs);
  }

  private sleep(ms: number): Promise<void> {
    return this.waker.wait(ms);
  }
}
