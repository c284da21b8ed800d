// In-memory object store of one simulated cluster (implements SimStore). Objects are kept frozen and
// compact: one version per object (old versions live only in the bounded event ring), and a new version
// shares every unchanged subtree with the previous one. create/update KEEP AND FREEZE the nested objects
// you pass (no deep copy, so pods built from one template share it): do not mutate them afterwards; use
// mutate() for read-modify-write. Every write gets the next cluster-wide resourceVersion and is delivered
// to subscribers in order, never re-entrantly.
import { randomUUID } from 'node:crypto';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { apiVersionOf } from '../kube/object.js';
import type { ListOptions, SimStore, StoreEvent, WatchEventType } from './store-api.js';
import { StoreError } from './store-api.js';
import { defaultResourceTypes, typeKey, type ResourceInfo } from './registry.js';
import { EventRing, type HistoryEvent } from './store-history.js';
import { conflict, deepFreeze, keyOf, notFound, nowStamp, qualified, randomSuffix, shareWith, validateName } from './object-util.js';
import { labelMatcher, parseFieldSelector, type Matcher } from './selectors.js';
import { collectDependents, type OwnerIndex } from './store-gc.js';

export interface MemoryStoreOptions {
  types?: ResourceInfo[];
  /** Events kept for watch resumption (per cluster). Default 1024. */
  historySize?: number;
  /** Reject creating namespaced objects in a namespace that does not exist (like NamespaceLifecycle). Default true. */
  requireNamespaces?: boolean;
  /** Continue tokens older than this (ms) are "compacted" -> 410 Gone. Default 5 min, like etcd compaction. */
  compactionIntervalMs?: number;
  /** Where exceptions thrown by subscribers go. Default: rethrown asynchronously. */
  onSubscriberError?: (err: unknown) => void;
}

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

export interface DeleteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export interface WatchOptions extends ListOptions {
  /** '' or undefined or '0': synthetic ADDED for current objects first; else resume after that RV (410 when too old). */
  resourceVersion?: string;
}

interface Table {
  info: ResourceInfo;
  objects: Map<string, KubeObject>;
  sorted?: string[];
  subs: Set<(e: HistoryEvent) => void>;
}

export class MemoryStore implements SimStore {
  private rv = 0;
  private readonly tables = new Map<string, Table>();
  private readonly byKind = new Map<string, ResourceInfo>();
  private readonly ring: EventRing;
  private readonly owners: OwnerIndex = new Map();
  private readonly uids = new Map<string, { tk: string; key: string }>();
  private readonly pending: HistoryEvent[] = [];
  private delivering = false;
  private compactedRv = 0;
  private compactionTick = { at: Date.now(), rv: 0 };

  constructor(
    readonly cluster: string,
    private readonly opts: MemoryStoreOptions = {},
  ) {
    this.ring = new EventRing(opts.historySize ?? 1024);
    for (const t of opts.types ?? defaultResourceTypes()) this.addType(t);
  }

  addType(info: ResourceInfo): void {
    const tk = typeKey(info);
    if (!this.tables.has(tk)) this.tables.set(tk, { info, objects: new Map(), subs: new Set() });
    this.byKind.set(`${apiVersionOf(info)}|${info.kind}`, info);
  }

  types(): ResourceInfo[] {
    return [...this.tables.values()].map((t) => t.info);
  }

  typeFor(apiVersion: string, kind: string): ResourceInfo | undefined {
    return this.byKind.get(`${apiVersion}|${kind}`);
  }

  /** The full registry entry of a type, or undefined when this cluster does not serve it. */
  info(t: Pick<ResourceType, 'group' | 'resource'>): ResourceInfo | undefined {
    return this.tables.get(typeKey(t))?.info;
  }

  resourceVersion(): number {
    return this.rv;
  }

  private table(t: Pick<ResourceType, 'group' | 'resource'>): Table {
    const tab = this.tables.get(typeKey(t));
    if (!tab) throw new StoreError(404, 'NotFound', 'the server could not find the requested resource');
    return tab;
  }

  get(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    const tab = this.table(t);
    return tab.objects.get(keyOf(tab.info.namespaced ? namespace : undefined, name));
  }

  count(t: ResourceType): number {
    return this.table(t).objects.size;
  }

  private sortedKeys(tab: Table): string[] {
    if (!tab.sorted) tab.sorted = [...tab.objects.keys()].sort();
    return tab.sorted;
  }

  private matcher(tab: Table, opts: ListOptions): Matcher {
    const lm = labelMatcher(opts.labelSelector);
    const fm = opts.fieldSelector?.trim() ? parseFieldSelector(opts.fieldSelector, typeKey(tab.info)) : undefined;
    const ns = tab.info.namespaced ? opts.namespace : undefined;
    return (o) => (!ns || o.metadata.namespace === ns) && (!lm || lm(o)) && (!fm || fm(o));
  }

  list(t: ResourceType, opts: StoreListOptions = {}): StoreListResult {
    const tab = this.table(t);
    const match = this.matcher(tab, opts);
    const keys = this.sortedKeys(tab);
    // Keys sort like etcd's (namespace/name), so a namespace is one contiguous range.
    const ns = tab.info.namespaced ? opts.namespace : undefined;
    let start = ns ? lowerBound(keys, ns + '/') : 0;
    const end = ns ? lowerBound(keys, ns + '0') : keys.length;
    let listRv = this.rv;
    if (opts.continue) {
      const tok = decodeContinue(opts.continue);
      if (tok.rv < this.compactedRevision()) {
        throw new StoreError(410, 'Expired', 'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter.');
      }
      listRv = tok.rv;
      start = Math.max(start, lowerBound(keys, tok.start));
    }
    const items: KubeObject[] = [];
    const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
    let i = start;
    for (; i < end && items.length < limit; i++) {
      const o = tab.objects.get(keys[i])!;
      if (match(o)) items.push(o);
    }
    const out: StoreListResult = { items, resourceVersion: String(listRv) };
    if (items.length >= limit && i < end) {
      // Like the apiserver: more keys in range -> a continue token (the next page may come back empty).
      out.continue = encodeContinue(listRv, keys[i - 1] + '\u0000');
      if (!opts.labelSelector?.trim() && !opts.fieldSelector?.trim()) out.remainingItemCount = end - i;
    }
    return out;
  }

  private compactedRevision(): number {
    const every = this.opts.compactionIntervalMs ?? 5 * 60_000;
    const now = Date.now();
    if (now - this.compactionTick.at >= every) {
      this.compactedRv = Math.max(this.compactedRv, this.compactionTick.rv);
      this.compactionTick = { at: now, rv: this.rv };
    }
    return this.compactedRv;
  }

  /** Forget list snapshots before now (continue tokens older than this give 410). For tests. */
  compact(): void {
    this.compactedRv = this.rv;
  }

  create(t: ResourceType, obj: KubeObject, opts: { dryRun?: boolean } = {}): KubeObject {
    const tab = this.table(t);
    const info = tab.info;
    const o: KubeObject = { ...obj, metadata: { ...obj.metadata } };
    const md = o.metadata;
    if (!md.name && typeof md.generateName === 'string' && md.generateName) md.name = md.generateName + randomSuffix();
    if (!md.name) throw new StoreError(422, 'Invalid', `${info.kind} "" is invalid: metadata.name: Required value: name or generateName is required`);
    validateName(info, md.name);
    if (info.namespaced) {
      if (!md.namespace) throw new StoreError(422, 'Invalid', `${info.kind} "${md.name}" is invalid: metadata.namespace: Required value`);
      if ((this.opts.requireNamespaces ?? true) && !(info.group === '' && info.resource === 'namespaces')) {
        const nsObj = this.tables.get('/namespaces')?.objects.get(md.namespace);
        if (!nsObj) throw new StoreError(404, 'NotFound', `namespaces "${md.namespace}" not found`);
        if (nsObj.metadata.deletionTimestamp) throw new StoreError(403, 'Forbidden', `${qualified(info)} "${md.name}" is forbidden: unable to create new content in namespace ${md.namespace} because it is being terminated`);
      }
    } else if ('namespace' in md) delete md.namespace;
    const key = keyOf(md.namespace, md.name);
    if (tab.objects.has(key)) throw new StoreError(409, 'AlreadyExists', `${qualified(info)} "${md.name}" already exists`);
    o.apiVersion = apiVersionOf(info);
    o.kind = info.kind;
    md.uid = randomUUID();
    md.generation = 1;
    md.creationTimestamp = nowStamp();
    if ('deletionTimestamp' in md) delete md.deletionTimestamp; // guarded: `delete` makes objects slow and big
    if (opts.dryRun) {
      if ('resourceVersion' in md) delete md.resourceVersion;
      return o;
    }
    md.resourceVersion = String(++this.rv);
    deepFreeze(o);
    tab.objects.set(key, o);
    tab.sorted = undefined;
    this.uids.set(md.uid, { tk: typeKey(info), key });
    this.indexOwners(o, undefined, typeKey(info), key);
    this.emit({ typeKey: typeKey(info), type: 'ADDED', object: o, resourceVersion: this.rv });
    return o;
  }

  update(t: ResourceType, obj: KubeObject, opts: { subresource?: 'status'; dryRun?: boolean } = {}): KubeObject {
    const tab = this.table(t);
    const info = tab.info;
    const name = obj.metadata?.name ?? '';
    const key = keyOf(info.namespaced ? obj.metadata?.namespace : undefined, name);
    const cur = tab.objects.get(key);
    if (!cur) throw notFound(info, name);
    const wantRv = obj.metadata.resourceVersion;
    if (wantRv && wantRv !== cur.metadata.resourceVersion) throw conflict(info, name);
    if (obj.metadata.uid && obj.metadata.uid !== cur.metadata.uid) {
      throw conflict(info, name, `Precondition failed: UID in precondition: ${obj.metadata.uid}, UID in object meta: ${cur.metadata.uid}`);
    }
    let next: KubeObject;
    if (opts.subresource === 'status') {
      next = { ...cur, metadata: { ...cur.metadata }, status: obj.status };
      if (next.status === undefined && 'status' in next) delete next.status;
    } else {
      next = { ...obj, metadata: { ...obj.metadata } };
      next.apiVersion = apiVersionOf(info);
      next.kind = info.kind;
      const md = next.metadata;
      md.name = cur.metadata.name;
      if (info.namespaced) md.namespace = cur.metadata.namespace;
      else if ('namespace' in md) delete md.namespace;
      md.uid = cur.metadata.uid;
      md.creationTimestamp = cur.metadata.creationTimestamp;
      md.generation = cur.metadata.generation;
      if (cur.metadata.deletionTimestamp) md.deletionTimestamp = cur.metadata.deletionTimestamp;
      else if ('deletionTimestamp' in md) delete md.deletionTimestamp;
      if (info.subresources.includes('status')) {
        if (cur.status === undefined) {
          if ('status' in next) delete next.status;
        }
        else next.status = cur.status;
      }
    }
    next.metadata.resourceVersion = cur.metadata.resourceVersion;
    next = shareWith(next, cur) as KubeObject;
    if (next === cur) return cur; // no-op: no new resourceVersion, no event (like the apiserver)
    next = { ...next, metadata: { ...next.metadata } }; // shareWith may hand back frozen parts
    if (opts.subresource !== 'status' && next.spec !== cur.spec) next.metadata.generation = (cur.metadata.generation ?? 1) + 1;
    if (opts.dryRun) return next;
    const tk = typeKey(info);
    if (next.metadata.deletionTimestamp && !(next.metadata.finalizers as string[] | undefined)?.length) {
      this.remove(tab, key, cur, 'Background');
      return { ...cur, metadata: { ...cur.metadata, resourceVersion: String(this.rv) } };
    }
    next.metadata.resourceVersion = String(++this.rv);
    deepFreeze(next);
    tab.objects.set(key, next);
    this.indexOwners(next, cur, tk, key);
    this.emit({ typeKey: tk, type: 'MODIFIED', object: next, prev: cur, resourceVersion: this.rv });
    return next;
  }

  mutate(
    t: ResourceType,
    namespace: string | undefined,
    name: string,
    fn: (o: KubeObject) => KubeObject | undefined,
    opts?: { subresource?: 'status' },
  ): KubeObject | undefined {
    for (let attempt = 0; attempt < 10; attempt++) {
      const cur = this.get(t, namespace, name);
      if (!cur) return undefined;
      const next = fn(structuredClone(cur) as KubeObject);
      if (!next) return undefined;
      next.metadata.resourceVersion = cur.metadata.resourceVersion;
      try {
        return this.update(t, next, opts);
      } catch (e) {
        if (!(e instanceof StoreError && e.code === 409)) throw e;
      }
    }
    throw conflict(this.table(t).info, name);
  }

  delete(t: ResourceType, namespace: string | undefined, name: string, opts: DeleteOptions = {}): KubeObject | undefined {
    const tab = this.table(t);
    const info = tab.info;
    const key = keyOf(info.namespaced ? namespace : undefined, name);
    const cur = tab.objects.get(key);
    if (!cur) return undefined;
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== cur.metadata.uid) throw conflict(info, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid}`);
    if (pre?.resourceVersion && pre.resourceVersion !== cur.metadata.resourceVersion) {
      throw conflict(info, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${cur.metadata.resourceVersion}`);
    }
    if (opts.dryRun) return cur;
    if ((cur.metadata.finalizers as string[] | undefined)?.length) {
      if (cur.metadata.deletionTimestamp) return cur;
      const next: KubeObject = { ...cur, metadata: { ...cur.metadata, deletionTimestamp: nowStamp(), resourceVersion: String(++this.rv) } };
      deepFreeze(next);
      tab.objects.set(key, next);
      this.emit({ typeKey: typeKey(info), type: 'MODIFIED', object: next, prev: cur, resourceVersion: this.rv });
      return next;
    }
    return this.remove(tab, key, cur, opts.propagationPolicy ?? 'Background');
  }

  private remove(tab: Table, key: string, cur: KubeObject, policy: NonNullable<DeleteOptions['propagationPolicy']>): KubeObject {
    const tk = typeKey(tab.info);
    tab.objects.delete(key);
    tab.sorted = undefined;
    const uid = cur.metadata.uid!;
    this.uids.delete(uid);
    this.indexOwners(undefined, cur, tk, key);
    const gone = deepFreeze({ ...cur, metadata: { ...cur.metadata, resourceVersion: String(++this.rv) } });
    this.emit({ typeKey: tk, type: 'DELETED', object: gone, resourceVersion: this.rv });
    if (tk === '/namespaces') this.dropNamespace(cur.metadata.name!);
    for (const dep of collectDependents(this.owners, uid)) {
      const dtab = this.tables.get(dep.tk);
      const d = dtab?.objects.get(dep.key);
      if (!dtab || !d) continue;
      const refs = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (policy === 'Orphan' || refs.some((r) => this.uids.has(r.uid))) {
        this.update(dtab.info, { ...d, metadata: { ...d.metadata, ownerReferences: refs.length ? refs : undefined } });
      } else {
        this.delete(dtab.info, d.metadata.namespace, d.metadata.name!, { propagationPolicy: policy });
      }
    }
    return gone;
  }

  private dropNamespace(ns: string): void {
    for (const tab of this.tables.values()) {
      if (!tab.info.namespaced) continue;
      for (const o of [...tab.objects.values()]) {
        if (o.metadata.namespace === ns) {
          const k = keyOf(ns, o.metadata.name!);
          if (tab.objects.has(k)) this.remove(tab, k, o, 'Background');
        }
      }
    }
  }

  private indexOwners(next: KubeObject | undefined, prev: KubeObject | undefined, tk: string, key: string): void {
    const id = `${tk}\n${key}`;
    for (const r of prev?.metadata.ownerReferences ?? []) this.owners.get(r.uid)?.delete(id);
    for (const r of next?.metadata.ownerReferences ?? []) {
      let s = this.owners.get(r.uid);
      if (!s) this.owners.set(r.uid, (s = new Set()));
      s.add(id);
    }
    for (const r of prev?.metadata.ownerReferences ?? []) if (this.owners.get(r.uid)?.size === 0) this.owners.delete(r.uid);
  }

  subscribe(t: ResourceType, fn: (e: StoreEvent) => void): () => void {
    const tab = this.table(t);
    tab.subs.add(fn);
    return () => {
      tab.subs.delete(fn);
    };
  }

  /**
   * A filtered watch like the apiserver's: replays history after opts.resourceVersion (410 Gone when it fell
   * out of the ring), or starts with synthetic ADDED events for the current state when no RV is given.
   * A MODIFIED event that moves an object into / out of the selection arrives as ADDED / DELETED.
   */
  watch(t: ResourceType, opts: WatchOptions, fn: (e: StoreEvent) => void): () => void {
    const tab = this.table(t);
    const match = this.matcher(tab, opts);
    const tk = typeKey(tab.info);
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
      for (const k of this.sortedKeys(tab)) {
        const o = tab.objects.get(k)!;
        if (match(o)) fn({ type: 'ADDED', object: o, resourceVersion: Number(o.metadata.resourceVersion) });
      }
    } else {
      const from = Number(rvText);
      if (!Number.isInteger(from) || from < 0) throw new StoreError(400, 'BadRequest', `invalid resource version: ${rvText}`);
      if (this.ring.tooOld(from)) {
        throw new StoreError(410, 'Expired', `too old resource version: ${from} (${this.ring.evictedRv + 1})`);
      }
      for (const e of this.ring.since(from)) if (e.typeKey === tk) deliver(e);
    }
    tab.subs.add(deliver);
    return () => {
      tab.subs.delete(deliver);
    };
  }

  private emit(e: HistoryEvent): void {
    this.ring.push(e);
    this.pending.push(e);
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.pending.length) {
        const ev = this.pending.shift()!;
        const tab = this.tables.get(ev.typeKey);
        if (!tab) continue;
        for (const fn of [...tab.subs]) {
          try {
            fn(ev);
          } catch (err) {
            const onErr = this.opts.onSubscriberError ?? ((x: unknown) => queueMicrotask(() => { throw x; }));
            onErr(err);
          }
        }
      }
    } finally {
      this.delivering = false;
    }
  }
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

function lowerBound(keys: string[], k: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (keys[mid] < k) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
