// Shared, reference-counted informers: one list+watch per (client, type, namespace, label selector, field
// selector) however many parts of the process want it. The console's pod detail and the log follower of the
// same workload, for instance, watch the same pods of the same namespace with the same selector; with a pool
// they share one watch (one connection slot, one copy of each event) instead of opening one each.
//
// A subscriber that joins a running informer gets the objects known so far as its first onReplace (and the
// current state), as if it had listed them itself; it then sees every event from there on. The informer stops
// when its last subscriber leaves. The first subscriber's informer options (timeouts, backoff) are the ones
// used; callers that need other options use their own pool.
import type { ClusterClient } from './client-api.js';
import type { KubeError } from './errors.js';
import { Informer, type InformerHandlers, type InformerOptions, type InformerState } from './informer.js';
import type { KubeObject, ResourceType } from './object.js';

interface Entry {
  informer: Informer;
  subscribers: Set<InformerHandlers>;
  items: Map<string, KubeObject>;
  resourceVersion?: string;
  state?: InformerState;
  error?: KubeError;
}

export interface PoolStats {
  /** Informers running now. */
  informers: number;
  /** Subscriptions open now (>= informers when some are shared). */
  subscribers: number;
}

const idOf = (o: KubeObject): string => o.metadata.uid ?? `${o.metadata.namespace ?? ''}/${o.metadata.name ?? ''}`;

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

export class InformerPool {
  private readonly byClient = new WeakMap<ClusterClient, Map<string, Entry>>();
  private open = 0;
  private subs = 0;

  /** Start receiving (cluster, type, selection); returns the function that stops it (resolved once stopped). */
  subscribe(client: ClusterClient, type: ResourceType, opts: InformerOptions, handlers: InformerHandlers): () => Promise<void> {
    const key = [
      type.group,
      type.version,
      type.resource,
      opts.namespace ?? '',
      canonicalSelector(opts.labelSelector),
      canonicalSelector(opts.fieldSelector),
    ].join('|');
    let entries = this.byClient.get(client);
    if (!entries) this.byClient.set(client, (entries = new Map()));
    let entry = entries.get(key);
    if (!entry) {
      entry = this.start(client, type, opts);
      entries.set(key, entry);
      this.open++;
    } else {
      // Joining late: what the informer knows now is this subscriber's first list, its state the current one.
      const e = entry;
      queueMicrotask(() => {
        if (!e.subscribers.has(handlers)) return;
        if (e.resourceVersion !== undefined) handlers.onReplace([...e.items.values()], e.resourceVersion);
        if (e.state) handlers.onState?.(e.state, e.error);
      });
    }
    entry.subscribers.add(handlers);
    this.subs++;
    const e = entry;
    let done = false;
    return async () => {
      if (done) return;
      done = true;
      e.subscribers.delete(handlers);
      this.subs--;
      if (e.subscribers.size > 0) return;
      entries.delete(key);
      this.open--;
      await e.informer.stop();
    };
  }

  get stats(): PoolStats {
    return { informers: this.open, subscribers: this.subs };
  }

  private start(client: ClusterClient, type: ResourceType, opts: InformerOptions): Entry {
    const entry = { subscribers: new Set<InformerHandlers>(), items: new Map<string, KubeObject>() } as Entry;
    // Each handler call goes to the subscribers of that moment; one that left in between is skipped.
    const each = (f: (h: InformerHandlers) => void) => {
      for (const h of [...entry.subscribers]) f(h);
    };
    entry.informer = new Informer(client, type, opts, {
      onReplace: (items, rv) => {
        entry.items = new Map(items.map((o) => [idOf(o), o]));
        entry.resourceVersion = rv;
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
    });
    entry.informer.start();
    return entry;
  }
}
