// List + watch cache driver for one resource type on one cluster: list (paged) -> watch from the
// list's resourceVersion with bookmarks and a server timeout -> on clean end re-watch from the last
// seen resourceVersion -> on 410 Gone relist -> on errors reconnect with exponential backoff + jitter.
// "watching" only once a watch's response headers arrived; a watch the client found idle (its server
// still answers) is re-opened at once, one whose server stopped answering is an error (backoff).
import type { ClusterClient, ListWatchOptions } from './client-api.js';
import { type KubeError, WATCH_IDLE, toKubeError } from './errors.js';
import type { KubeObject, ResourceType } from './object.js';

export type InformerState = 'listing' | 'watching' | 'backoff' | 'forbidden' | 'notfound' | 'stopped';

export interface InformerHandlers {
  /** Full state after a (re)list: replace everything known for this type. */
  onReplace(items: KubeObject[], resourceVersion: string): void;
  onEvent(type: 'ADDED' | 'MODIFIED' | 'DELETED', obj: KubeObject): void;
  onState?(state: InformerState, error?: KubeError): void;
}

export interface InformerOptions extends ListWatchOptions {
  /** Server-side watch timeout; randomised in [min, 2*min) like client-go. Default 300 s. */
  timeoutSeconds?: number;
  /** A watch without a byte for this long (its server answering) is re-opened. Default min(120 s, timeoutSeconds + 30 s). */
  inactivityMs?: number;
  /** A watch without a byte for this long asks whether its server answers; if not, it fails. Default 30 s. */
  watchProbeAfterMs?: number;
  backoffInitialMs?: number;
  backoffMaxMs?: number;
  pageSize?: number;
  random?: () => number;
  /**
   * Resume from a resourceVersion known from earlier (skip the first list). If the server no longer
   * has it (410 Gone) the informer relists as usual. onReplace is not called until such a relist.
   */
  initialResourceVersion?: string;
  /**
   * What is kept of each object, applied as each list page and each event arrives (client-go's
   * SetTransform). Dropped fields die young with the page that brought them: applied only once the
   * whole list was in, a relist of thousands of objects first kept every page's objects whole, long
   * enough for V8 to move them to the old generation, where they raised the heap's high-water mark.
   */
  transform?: (o: KubeObject) => KubeObject;
  /**
   * List, hand the items to onReplace, and end: no watch (a one-shot command prints the list and
   * exits; a watch would only cost a request and, over HTTP/1.1, a socket). Retries a failed list as usual.
   */
  listOnly?: boolean;
}

export interface InformerStats {
  lists: number;
  relistsAfterGone: number;
  watches: number;
  reconnects: number;
  events: number;
  lastError?: string;
}

export class Informer {
  readonly stats: InformerStats = { lists: 0, relistsAfterGone: 0, watches: 0, reconnects: 0, events: 0 };
  private abort = new AbortController();
  private running?: Promise<void>;
  private rv?: string;
  private state: InformerState = 'listing';
  private wake?: () => void;

  constructor(
    private readonly client: ClusterClient,
    readonly type: ResourceType,
    private readonly opts: InformerOptions,
    private readonly handlers: InformerHandlers,
  ) {
    this.rv = opts.initialResourceVersion;
  }

  start(): void {
    if (!this.running) this.running = this.loop();
  }

  /** Abort the current watch and reconnect now (used by tests and by "refresh"). */
  reconnect(): void {
    this.current?.abort();
    this.wake?.();
  }

  async stop(): Promise<void> {
    this.abort.abort();
    this.current?.abort();
    this.wake?.();
    await this.running;
    this.setState('stopped');
  }

  get resourceVersion(): string | undefined {
    return this.rv;
  }

  private current?: AbortController;

  private setState(s: InformerState, err?: KubeError): void {
    if (s === this.state && !err) return;
    this.state = s;
    this.handlers.onState?.(s, err);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wake = done;
    });
  }

  /**
   * One list, handed to onReplace. Its own function so the decoded list dies when it returns: a local of
   * loop() stays in the suspended async frame for the whole watch that follows, keeping every listed
   * object as decoded (managedFields included) beside what the handlers kept. False when stopped meanwhile.
   */
  private async relist(sel: Pick<InformerOptions, 'namespace' | 'labelSelector' | 'fieldSelector'>): Promise<boolean> {
    const list = await this.client.listAll(this.type, { ...sel, pageSize: this.opts.pageSize, each: this.opts.transform });
    if (this.abort.signal.aborted) return false;
    this.stats.lists++;
    this.rv = list.metadata.resourceVersion ?? '';
    this.handlers.onReplace(list.items, this.rv);
    return true;
  }

  private async loop(): Promise<void> {
    const rand = this.opts.random ?? Math.random;
    const initial = this.opts.backoffInitialMs ?? 500;
    const max = this.opts.backoffMaxMs ?? 30_000;
    let backoff = initial;
    const sel = { namespace: this.opts.namespace, labelSelector: this.opts.labelSelector, fieldSelector: this.opts.fieldSelector };
    while (!this.abort.signal.aborted) {
      this.current = undefined; // a failed list below must back off, not look like our own reconnect()
      try {
        if (this.rv === undefined) {
          this.setState('listing');
          if (!(await this.relist(sel))) break;
          if (this.opts.listOnly) break;
        }
        const base = this.opts.timeoutSeconds ?? 300;
        const timeoutSeconds = Math.floor(base * (1 + rand()));
        this.current = new AbortController();
        this.stats.watches++;
        await this.client.watch(
          this.type,
          {
            ...sel,
            resourceVersion: this.rv,
            allowWatchBookmarks: true,
            timeoutSeconds,
            inactivityMs: this.opts.inactivityMs,
            probeAfterMs: this.opts.watchProbeAfterMs,
            signal: AbortSignal.any([this.abort.signal, this.current.signal]),
            onOpen: () => this.setState('watching'),
          },
          (ev) => {
            const rv = ev.object?.metadata?.resourceVersion;
            if (rv) this.rv = rv;
            if (ev.type === 'BOOKMARK') return;
            this.stats.events++;
            const obj = this.opts.transform ? this.opts.transform(ev.object) : ev.object;
            this.handlers.onEvent(ev.type as 'ADDED' | 'MODIFIED' | 'DELETED', obj);
          },
        );
        backoff = initial; // clean end: server timeout or our reconnect(); re-watch from rv
        if (!this.abort.signal.aborted) this.stats.reconnects++;
      } catch (e) {
        if (this.abort.signal.aborted) break;
        if (this.current?.signal.aborted) {
          // Our own reconnect() cut the watch while it was still connecting (so it threw instead of
          // ending cleanly): watch again at once, as after a clean end; it is not a failure to back off from.
          backoff = initial;
          this.stats.reconnects++;
          continue;
        }
        const err = toKubeError(e, this.client.context);
        this.stats.lastError = err.message;
        if (err.reason === WATCH_IDLE) {
          // Only quiet, its server answers: watch again from rv, as after the server's timeout.
          backoff = initial;
          this.stats.reconnects++;
          continue;
        }
        if (err.kind === 'Gone') {
          // Our resourceVersion fell out of the server's history: relist, then watch again.
          this.stats.relistsAfterGone++;
          this.rv = undefined;
          continue;
        }
        this.stats.reconnects++;
        const state: InformerState =
          err.kind === 'Forbidden' || err.kind === 'Unauthorized' ? 'forbidden' : err.kind === 'NotFound' ? 'notfound' : 'backoff';
        this.setState(state, err);
        const wait = Math.min(max, backoff) * (0.5 + rand() / 2);
        backoff = Math.min(max, backoff * 2);
        await this.sleep(state === 'backoff' ? wait : Math.max(wait, 5_000));
      }
    }
  }
}
