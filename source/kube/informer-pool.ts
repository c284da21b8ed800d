// Shared, reference-counted informers (issue 11): one list+watch per (client, type) selection however many
// parts of the process want it — the store, the pod focus, the log follower, --wait, the story panel.
//
// A subscription is served, in this order, by: a running informer of the same selection (however its
// selectors are spelled); a running informer of the same (client, type) whose selection covers it (every
// namespace covers one; a selector covers any selector that has all its terms and more), filtered here with
// the apiserver's selector semantics (selectors.ts); or a new informer. A store that watches GameDeployments
// cluster-wide thus serves a --wait on one of them (namespace + metadata.name=X) without another watch.
// A filtered subscriber sees what a watch of its own selection would: an object that starts matching is
// ADDED, one that stops matching is DELETED, as the apiserver's filtered watch reports them.
//
// A subscriber that joins a running informer gets the objects known so far as its first onReplace (and the
// current state), as if it had listed them itself, and only then the events that follow. The informer stops
// when its last subscriber leaves (a narrow subscriber keeps a wide informer running). The first
// subscriber's informer options (timeouts, backoff) are the ones used; relists and 410 Gone stay in Informer.
// Objects are kept without metadata.managedFields (client-go's informers offer the same trim): nothing read
// from a watch uses them, and on a real apiserver they are often as big as the rest of the object.
import type { ClusterClient } from './client-api.js';
import type { KubeError } from './errors.js';
import { Informer, type InformerHandlers, type InformerOptions, type InformerState, type InformerStats } from './informer.js';
import type { KubeObject, ResourceType } from './object.js';
import { filtered, type Selection } from './informer-view.js';
import { parseLabelSelector } from './label-selector.js';
import { fieldTermKey, labelTermKey, parseFieldSelector } from './selectors.js';

interface Entry {
  informer: Informer;
  selection: Selection;
  subscribers: Set<InformerHandlers>;
  /** Joined late and not yet given the current state: no events before it. */
  joining: Set<InformerHandlers>;
  items: Map<string, KubeObject>;
  resourceVersion?: string;
  state?: InformerState;
  error?: KubeError;
}

export interface PoolStats {
  /** Informers running now (one watch each). */
  informers: number;
  /** Subscriptions open now (>= informers when some are shared). */
  subscribers: number;
  /** Of those, subscriptions served by a wider informer through a filter. */
  filtered: number;
}

/** What the store keeps of an informer it got from the pool: the same surface as an Informer of its own. */
export interface SharedInformer {
  readonly type: ResourceType;
  /** The stats of the informer serving it (shared with its other subscribers). */
  readonly stats: InformerStats;
  readonly resourceVersion: string | undefined;
  start(): void;
  /** Leaves the informer (it stops when nobody else uses it). */
  stop(): Promise<void>;
  reconnect(): void;
}

const idOf = (o: KubeObject): string => o.metadata.uid ?? `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

const lean = (o: KubeObject): KubeObject => {
  if (o.metadata?.managedFields) o.metadata.managedFields = undefined; // same shape, the memory freed
  return o;
};

/**
 * One spelling per selector: terms split at top-level commas (not inside `in (a,b)`), trimmed and sorted,
 * so `b=2,a=1` and `a=1, b=2` share an informer.
 */
export function canonicalSelector(sel: string | undefined): string {
  if (!sel) return '';
  const terms: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < sel.length; i++) {
    const c = sel[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) {
      terms.push(sel.slice(start, i).trim());
      start = i + 1;
    }
  }
  terms.push(sel.slice(start).trim());
  return terms.filter(Boolean).sort().join(',');
}

const typeId = (t: ResourceType) => `${t.group}|${t.version}|${t.resource}`;
const selectionKey = (s: Selection) =>
  [s.namespace ?? '', canonicalSelector(s.labelSelector), canonicalSelector(s.fieldSelector)].join('|');

/** Whether `wide`'s objects include every object of `narrow` (both of one client and type). */
function covers(wide: Selection, narrow: Selection): boolean {
  if (wide.namespace !== undefined && wide.namespace !== narrow.namespace) return false;
  const wl = parseLabelSelector(wide.labelSelector);
  const nl = parseLabelSelector(narrow.labelSelector);
  const wf = parseFieldSelector(wide.fieldSelector);
  const nf = parseFieldSelector(narrow.fieldSelector);
  if (!wl || !nl || !wf || !nf) return false;
  const nlKeys = new Set(nl.map(labelTermKey));
  const nfKeys = new Set(nf.map(fieldTermKey));
  return wl.every((r) => nlKeys.has(labelTermKey(r))) && wf.every((t) => nfKeys.has(fieldTermKey(t)));
}

export class InformerPool {
  private readonly byClient = new WeakMap<ClusterClient, Map<string, Map<string, Entry>>>();
  private open = 0;
  private subs = 0;
  private views = 0;

  /** Start receiving (cluster, type, selection); returns the function that stops it (resolved once stopped). */
  subscribe(client: ClusterClient, type: ResourceType, opts: InformerOptions, handlers: InformerHandlers): () => Promise<void> {
    return this.attach(client, type, opts, handlers).stop;
  }

  /** A subscription shaped as an Informer (start, stop, stats): the store keeps these in place of its own informers. */
  informer(client: ClusterClient, type: ResourceType, opts: InformerOptions, handlers: InformerHandlers): SharedInformer {
    let sub: { stop: () => Promise<void>; entry: Entry } | undefined;
    const idle: InformerStats = { lists: 0, relistsAfterGone: 0, watches: 0, reconnects: 0, events: 0 };
    return {
      type,
      get stats() {
        return sub?.entry.informer.stats ?? idle;
      },
      get resourceVersion() {
        return sub?.entry.informer.resourceVersion;
      },
      start: () => {
        sub ??= this.attach(client, type, opts, handlers);
      },
      stop: () => sub?.stop() ?? Promise.resolve(),
      reconnect: () => sub?.entry.informer.reconnect(),
    };
  }

  private attach(
    client: ClusterClient,
    type: ResourceType,
    opts: InformerOptions,
    handlers: InformerHandlers,
  ): { stop: () => Promise<void>; entry: Entry } {
    const selection: Selection = { namespace: opts.namespace, labelSelector: opts.labelSelector, fieldSelector: opts.fieldSelector };
    const entries = this.entriesOf(client, type);
    const key = selectionKey(selection);
    let entry = entries.get(key);
    let view = false;
    if (!entry) {
      const wide = this.covering(entries, selection);
      const h = wide && filtered(handlers, selection, wide.selection);
      if (wide && h) {
        entry = wide;
        handlers = h;
        view = true;
      }
    }
    if (!entry) {
      entry = this.start(client, type, opts, selection);
      entries.set(key, entry);
      this.open++;
    } else this.join(entry, handlers);
    entry.subscribers.add(handlers);
    this.subs++;
    if (view) this.views++;
    const e = entry;
    const h = handlers;
    let done = false;
    const stop = async () => {
      if (done) return;
      done = true;
      e.subscribers.delete(h);
      e.joining.delete(h);
      this.subs--;
      if (view) this.views--;
      if (e.subscribers.size > 0) return;
      for (const [k, x] of entries) if (x === e) entries.delete(k);
      this.open--;
      await e.informer.stop();
    };
    return { stop, entry: e };
  }

  /**
   * The objects of `selection` now, from a running informer that has listed and is watching (its own or a
   * covering one), or undefined when none does: a one-off read (the diff view's) then lists for itself.
   */
  peek(client: ClusterClient, type: ResourceType, selection: Selection): KubeObject[] | undefined {
    const entries = this.entriesOf(client, type);
    const exact = entries.get(selectionKey(selection));
    const e = exact?.state === 'watching' ? exact : this.covering(entries, selection);
    if (!e || e.state !== 'watching' || e.resourceVersion === undefined) return undefined;
    if (e === exact) return [...e.items.values()];
    let out: KubeObject[] | undefined;
    const h = filtered({ onReplace: (items) => (out = items), onEvent: () => undefined }, selection, e.selection);
    h?.onReplace([...e.items.values()], e.resourceVersion);
    return out;
  }

  get stats(): PoolStats {
    return { informers: this.open, subscribers: this.subs, filtered: this.views };
  }

  private entriesOf(client: ClusterClient, type: ResourceType): Map<string, Entry> {
    let byType = this.byClient.get(client);
    if (!byType) this.byClient.set(client, (byType = new Map()));
    let entries = byType.get(typeId(type));
    if (!entries) byType.set(typeId(type), (entries = new Map()));
    return entries;
  }

  /**
   * A running informer whose objects include the selection's: a watching one first. One refused (a viewer
   * may list one namespace but not every one) or stopped serves nobody else: the narrower selection may work.
   */
  private covering(entries: Map<string, Entry>, selection: Selection): Entry | undefined {
    let found: Entry | undefined;
    for (const e of entries.values()) {
      if (e.state === 'forbidden' || e.state === 'notfound' || e.state === 'stopped' || !covers(e.selection, selection)) continue;
      if (e.state === 'watching') return e;
      found ??= e;
    }
    return found;
  }

  /** Joining late: what the informer knows now is this subscriber's first list, its state the current one. */
  private join(e: Entry, handlers: InformerHandlers): void {
    if (e.resourceVersion === undefined) {
      if (e.state) queueMicrotask(() => e.subscribers.has(handlers) && handlers.onState?.(e.state!, e.error));
      return; // not listed yet: its first list is everybody's
    }
    e.joining.add(handlers);
    queueMicrotask(() => {
      if (!e.joining.delete(handlers) || !e.subscribers.has(handlers)) return;
      handlers.onReplace([...e.items.values()], e.resourceVersion!);
      if (e.state) handlers.onState?.(e.state, e.error);
    });
  }

  private start(client: ClusterClient, type: ResourceType, opts: InformerOptions, selection: Selection): Entry {
    const entry = { selection, subscribers: new Set(), joining: new Set(), items: new Map() } as unknown as Entry;
    // Each handler call goes to the subscribers of that moment; one that left in between is skipped.
    const each = (f: (h: InformerHandlers) => void) => {
      for (const h of [...entry.subscribers]) if (!entry.joining.has(h)) f(h);
    };
    // Lean per list page and per event (the informer's transform), not once the whole list is in.
    entry.informer = new Informer(
      client,
      type,
      { ...opts, transform: lean },
      {
        onReplace: (items, rv) => {
          entry.items = new Map(items.map((o) => [idOf(o), o]));
          entry.resourceVersion = rv;
          entry.joining.clear(); // a relist is everybody's current state
          each((h) => h.onReplace(items, rv));
        },
        onEvent: (t, obj) => {
          if (t === 'DELETED') entry.items.delete(idOf(obj));
          else entry.items.set(idOf(obj), obj);
          each((h) => h.onEvent(t, obj));
        },
        onState: (state, err) => {
          entry.state = state;
          entry.error = err;
          each((h) => h.onState?.(state, err));
        },
      },
    );
    entry.informer.start();
    return entry;
  }
}
