// The pods the screen in front needs (a detail view, the Alerts view) or `zonectl alerts` reads:
// one pod watch per focus entry (a namespace of a cluster, optionally a label selector), its pods put
// into the store's cache. A focus that keeps an entry keeps its watch running and its pods in place,
// so a list that gains or loses one workload does not drop and relist every pod. The watches come from the
// fleet's informer pool: a log view of the same workload shares them.
import type { Fleet } from '../fleet/fleet.js';
import type { InformerOptions } from '../kube/informer.js';
import type { KubeObject } from '../kube/object.js';
import { KINDS } from '../kinds/registry.js';
import type { ObjectCache } from './object-cache.js';
import type { PodFocus } from './types.js';

interface Watch {
  /** Leaves the shared watch (it stops when nobody else uses it). */
  stop: () => Promise<void>;
  /** This watch in `pending`. */
  token: object;
  /** The pods this watch put into the cache, by uid. */
  mine: Map<string, KubeObject>;
  cluster: string;
}

const uidOf = (o: KubeObject) => o.metadata.uid ?? o.metadata.name ?? '';

export class FocusPods {
  private key = '';
  private watches = new Map<string, Watch>();
  /** Watches that have not listed yet (a one-shot command waits for them). */
  private pending = new Set<object>();
  private waiters: Array<() => void> = [];

  constructor(
    private readonly fleet: Fleet,
    private readonly cache: ObjectCache,
    private readonly informer: Omit<InformerOptions, 'namespace' | 'labelSelector' | 'fieldSelector'> | undefined,
    private readonly changed: () => void,
  ) {}

  set(focus: PodFocus[] | undefined): void {
    const list = [...(focus ?? [])].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    const key = JSON.stringify(list);
    if (key === this.key) return;
    this.key = key;
    const wanted = new Map(list.map((f) => [JSON.stringify(f), f]));
    const dropped = [...this.watches].filter(([k]) => !wanted.has(k));
    for (const [k, w] of dropped) {
      this.watches.delete(k);
      this.pending.delete(w.token);
      void w.stop();
    }
    // A pod another kept watch also holds (overlapping selectors) stays.
    for (const [, w] of dropped)
      for (const [uid, o] of w.mine)
        if (![...this.watches.values()].some((x) => x.cluster === w.cluster && x.mine.has(uid)))
          this.cache.apply(w.cluster, KINDS.Pod, 'DELETED', o);
    for (const [k, f] of wanted) if (!this.watches.has(k)) this.start(k, f);
    this.changed();
    this.listed(undefined);
  }

  private start(k: string, f: PodFocus): void {
    const m = this.fleet.member(f.cluster);
    if (!m) return;
    const mine = new Map<string, KubeObject>();
    const token = {};
    this.pending.add(token);
    const stop = this.fleet.informers.subscribe(
      m.client,
      KINDS.Pod,
      { ...this.informer, namespace: f.namespace, labelSelector: f.labelSelector },
      {
        onReplace: (items) => {
          for (const o of mine.values()) this.cache.apply(f.cluster, KINDS.Pod, 'DELETED', o);
          mine.clear();
          for (const o of items) {
            mine.set(uidOf(o), o);
            this.cache.apply(f.cluster, KINDS.Pod, 'ADDED', o);
          }
          this.changed();
          this.listed(token);
        },
        onEvent: (type, obj) => {
          if (type === 'DELETED') mine.delete(uidOf(obj));
          else mine.set(uidOf(obj), obj);
          this.cache.apply(f.cluster, KINDS.Pod, type, obj);
          this.changed();
        },
        onState: (state) => {
          if (state === 'backoff' || state === 'forbidden' || state === 'notfound') this.listed(token);
        },
      },
    );
    this.watches.set(k, { stop, token, mine, cluster: f.cluster });
  }

  private listed(token: object | undefined): void {
    if (token) this.pending.delete(token);
    if (this.pending.size) return;
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves once every watch has listed (or failed to), or after timeoutMs. */
  waitListed(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(resolve, timeoutMs);
      t.unref?.();
      this.waiters.push(() => {
        clearTimeout(t);
        resolve();
      });
      this.listed(undefined);
    });
  }

  stop(): Array<Promise<void>> {
    return [...this.watches.values()].map((w) => w.stop());
  }
}
