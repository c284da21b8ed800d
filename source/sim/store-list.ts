// List (with limit / continue like the apiserver's etcd paging) and filtered watch of one table.
import type { KubeObject } from '../kube/object.js';
import type { ListOptions, StoreEvent, WatchEventType } from './store-api.js';
import { StoreError } from './store-api.js';
import { labelMatcher, parseFieldSelector, type Matcher } from './selectors.js';
import type { EventRing, HistoryEvent } from './store-history.js';
import type { ObjectTable } from './store-table.js';

export interface StoreListOptions extends ListOptions {
  limit?: number;
  continue?: string;
}

export interface StoreListResult {
  items: KubeObject[];
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface WatchOptions extends ListOptions {
  /** '' or undefined or '0': synthetic ADDED for current objects first; else resume after that RV (410 when too old). */
  resourceVersion?: string;
}

/** Like etcd compaction: list snapshots older than the last compaction (every `everyMs`) are gone. */
export class ListCompaction {
  private compactedRv = 0;
  private tick = { at: Date.now(), rv: 0 };
  constructor(private readonly everyMs: number) {}

  /** The oldest list resourceVersion a continue token may still carry, given the store's current one. */
  revision(currentRv: number): number {
    const now = Date.now();
    if (now - this.tick.at >= this.everyMs) {
      this.compactedRv = Math.max(this.compactedRv, this.tick.rv);
      this.tick = { at: now, rv: currentRv };
    }
    return this.compactedRv;
  }

  compact(currentRv: number): void {
    this.compactedRv = currentRv;
  }
}

/** The label/field selector part of a request (the namespace is handled by the table scan). */
function matcher(tab: ObjectTable, opts: ListOptions): Matcher | undefined {
  const lm = labelMatcher(opts.labelSelector);
  const fm = opts.fieldSelector?.trim() ? parseFieldSelector(opts.fieldSelector, tab.key) : undefined;
  if (lm && fm) return (o) => lm(o) && fm(o);
  return lm ?? fm;
}

function scope(tab: ObjectTable, opts: ListOptions): string | undefined {
  return tab.info.namespaced ? opts.namespace || undefined : undefined;
}

/**
 * One page of a list. `rv` is the store's current resourceVersion; `compactedRv` the oldest list
 * snapshot still served (older continue tokens get 410 Gone).
 */
export function listTable(tab: ObjectTable, opts: StoreListOptions, rv: number, compactedRv: () => number): StoreListResult {
  const match = matcher(tab, opts);
  const ns = scope(tab, opts);
  let listRv = rv;
  let start = '';
  if (opts.continue) {
    const tok = decodeContinue(opts.continue);
    if (tok.rv < compactedRv()) {
      throw new StoreError(
        410,
        'Expired',
        'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.',
      );
    }
    listRv = tok.rv;
    start = tok.start;
  }
  const items: KubeObject[] = [];
  const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
  let last: KubeObject | undefined;
  for (const o of tab.scan(ns, start)) {
    if (items.length >= limit) break;
    last = o;
    if (!match || match(o)) items.push(o);
  }
  const out: StoreListResult = { items, resourceVersion: String(listRv) };
  if (items.length >= limit && last) {
    // Like the apiserver: more keys in range -> a continue token (the next page may come back empty).
    const next = tab.keyOf(last) + '\u0000';
    const remaining = tab.countFrom(ns, next);
    if (remaining > 0) {
      out.continue = encodeContinue(listRv, next);
      if (!opts.labelSelector?.trim() && !opts.fieldSelector?.trim()) out.remainingItemCount = remaining;
    }
  }
  return out;
}

/**
 * A filtered watch like the apiserver's: replays history after opts.resourceVersion (410 Gone when it fell
 * out of the ring), or starts with synthetic ADDED events for the current state when no RV is given.
 * A MODIFIED event that moves an object into / out of the selection arrives as ADDED / DELETED.
 */
export function watchTable(tab: ObjectTable, ring: EventRing, opts: WatchOptions, fn: (e: StoreEvent) => void): () => void {
  const sel = matcher(tab, opts);
  const ns = scope(tab, opts);
  const match: Matcher = ns === undefined ? (sel ?? (() => true)) : (o) => o.metadata.namespace === ns && (!sel || sel(o));
  const deliver = (e: HistoryEvent): void => {
    const now = match(e.object);
    if (e.type !== 'MODIFIED' || !e.prev) {
      if (now) fn({ type: e.type, object: e.object, resourceVersion: e.resourceVersion });
      return;
    }
    const before = match(e.prev);
    const type: WatchEventType | undefined = now && before ? 'MODIFIED' : now ? 'ADDED' : before ? 'DELETED' : undefined;
    if (type) fn({ type, object: e.object, resourceVersion: e.resourceVersion });
  };
  const rvText = opts.resourceVersion ?? '';
  if (rvText === '' || rvText === '0') {
    for (const o of tab.scan(ns)) {
      if (match(o)) fn({ type: 'ADDED', object: o, resourceVersion: Number(o.metadata.resourceVersion) });
    }
  } else {
    const from = Number(rvText);
    if (!Number.isInteger(from) || from < 0) throw new StoreError(400, 'BadRequest', `invalid resource version: ${rvText}`);
    if (ring.tooOld(from)) {
      throw new StoreError(410, 'Expired', `too old resource version: ${from} (${ring.evictedRv + 1})`);
    }
    for (const e of ring.since(from)) if (e.typeKey === tab.key) deliver(e);
  }
  tab.subs.add(deliver);
  return () => {
    tab.subs.delete(deliver);
  };
}

function encodeContinue(rv: number, start: string): string {
  return Buffer.from(JSON.stringify({ v: 'meta.k8s.io/v1', rv, start })).toString('base64url');
}

function decodeContinue(tok: string): { rv: number; start: string } {
  try {
    const j = JSON.parse(Buffer.from(tok, 'base64url').toString('utf8'));
    if (j.v === 'meta.k8s.io/v1' && Number.isInteger(j.rv) && typeof j.start === 'string') return { rv: j.rv, start: j.start };
  } catch {
    // fall through
  }
  throw new StoreError(400, 'BadRequest', 'continue key is not valid: incorrect encoded start resourceVersion (version meta.k8s.io/v1)');
}
