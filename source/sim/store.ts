// In-memory object store of one simulated cluster (implements SimStore). Objects are kept frozen and
// compact: one version per object (old versions live only in the bounded event ring), and a new version
// shares every unchanged subtree (and equal string) with the previous one. create/update KEEP AND FREEZE
// the nested objects you pass (no deep copy, so pods built from one template share it): do not mutate
// them afterwards; use mutate() for read-modify-write. The objects the store builds itself (top level,
// metadata, changed levels of an update) hold their properties in-object (compact(), object-util.ts).
// Every write gets the next cluster-wide resourceVersion and is delivered to subscribers in order, never
// re-entrantly. Tables (store-table.ts) hold objects per namespace and name without key strings; list
// and watch live in store-list.ts, the owner index (garbage collector, controllers) in store-gc.ts, the
// checks before a write (validation, preconditions, namespace lifecycle) in store-admission.ts and the
// in-order delivery to subscribers in store-delivery.ts.
import { randomUUID } from 'node:crypto';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { apiVersionOf } from '../kube/object.js';
import type { SimStore, StoreEvent } from './store-api.js';
import { StoreError } from './store-api.js';
import { defaultResourceTypes, supportsStrategicMerge, typeKey, type ResourceInfo } from './registry.js';
import { EventRing, type HistoryEvent } from './store-history.js';
import { compact, conflict, deepFreeze, notFound, nowStamp, qualified } from './object-util.js';
import { flat } from './rand.js';
import { admitCreate, checkDeletePreconditions, checkUpdatePreconditions } from './store-admission.js';
import { EventDelivery } from './store-delivery.js';
import { OwnerIndex } from './store-gc.js';
import { ObjectTable } from './store-table.js';
import { ListCompaction, listTable, watchTable, type StoreListOptions, type StoreListResult, type WatchOptions } from './store-list.js';
import { nextVersion } from './store-version.js';
import { managedOnCreate, managedOnUpdate, type WriteInfo, type Writer } from './managed-fields.js';

export type { StoreListOptions, StoreListResult, WatchOptions } from './store-list.js';

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

export interface DeleteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: boolean;
}

export class MemoryStore implements SimStore {
  /**
   * The manager recorded in managedFields for in-process writes that name none: the controller runtime
   * sets it around each reconcile; what builds the world writes as `zonectl-demo`.
   */
  fieldManager = 'zonectl-demo';
  private rv = 0;
  /** group -> resource -> table (no key string is built per lookup). */
  private readonly tables = new Map<string, Map<string, ObjectTable>>();
  private readonly byKind = new Map<string, ResourceInfo>();
  private readonly ring: EventRing;
  private readonly owners = new OwnerIndex();
  private readonly delivery: EventDelivery;
  private readonly compaction: ListCompaction;

  constructor(
    readonly cluster: string,
    private readonly opts: MemoryStoreOptions = {},
  ) {
    this.ring = new EventRing(opts.historySize ?? 1024);
    this.compaction = new ListCompaction(opts.compactionIntervalMs ?? 5 * 60_000);
    this.delivery = new EventDelivery(opts.onSubscriberError);
    for (const t of opts.types ?? defaultResourceTypes()) this.addType(t);
  }

  addType(info: ResourceInfo): void {
    let g = this.tables.get(info.group);
    if (!g) this.tables.set(info.group, (g = new Map()));
    if (!g.has(info.resource)) g.set(info.resource, new ObjectTable(info, typeKey(info)));
    this.byKind.set(`${apiVersionOf(info)}|${info.kind}`, info);
  }

  private allTables(): ObjectTable[] {
    return [...this.tables.values()].flatMap((g) => [...g.values()]);
  }

  types(): ResourceInfo[] {
    return this.allTables().map((t) => t.info);
  }

  typeFor(apiVersion: string, kind: string): ResourceInfo | undefined {
    return this.byKind.get(`${apiVersion}|${kind}`);
  }

  /** The full registry entry of a type, or undefined when this cluster does not serve it. */
  info(t: Pick<ResourceType, 'group' | 'resource'>): ResourceInfo | undefined {
    return this.tables.get(t.group)?.get(t.resource)?.info;
  }

  resourceVersion(): number {
    return this.rv;
  }

  private table(t: Pick<ResourceType, 'group' | 'resource'>): ObjectTable {
    const tab = this.tables.get(t.group)?.get(t.resource);
    if (!tab) throw new StoreError(404, 'NotFound', 'the server could not find the requested resource');
    return tab;
  }

  private tableOf(o: KubeObject): ObjectTable | undefined {
    const info = this.byKind.get(`${o.apiVersion}|${o.kind}`);
    return info && this.tables.get(info.group)?.get(info.resource);
  }

  get(t: ResourceType, namespace: string | undefined, name: string): KubeObject | undefined {
    return this.table(t).get(namespace, name);
  }

  /** Current objects whose ownerReferences name ownerUid (fn must not write to the store). */
  forEachDependent(ownerUid: string, fn: (o: KubeObject) => void): void {
    this.owners.forEachDependent(ownerUid, fn);
  }

  count(t: ResourceType): number {
    return this.table(t).size;
  }

  list(t: ResourceType, opts: StoreListOptions = {}): StoreListResult {
    return listTable(this.table(t), opts, this.rv, () => this.compaction.revision(this.rv));
  }

  /** Forget list snapshots before now (continue tokens older than this give 410). For tests. */
  compact(): void {
    this.compaction.compact(this.rv);
  }

  private writeInfo(info: ResourceInfo, writer: Writer | undefined, subresource?: string): WriteInfo {
    return {
      writer: writer ?? { manager: this.fieldManager, operation: 'Update' },
      apiVersion: apiVersionOf(info),
      builtin: supportsStrategicMerge(info), // the built-in groups: keyed lists from their schemas
      subresource,
      time: nowStamp(),
    };
  }

  create(t: ResourceType, obj: KubeObject, opts: { dryRun?: boolean; writer?: Writer } = {}): KubeObject {
    const tab = this.table(t);
    const info = tab.info;
    const o: KubeObject = { ...obj, metadata: { ...obj.metadata } };
    const md = o.metadata;
    admitCreate(info, md, (ns) => this.tables.get('')?.get('namespaces')?.get(undefined, ns), this.opts.requireNamespaces ?? true);
    if (tab.has(md.namespace, md.name)) throw new StoreError(409, 'AlreadyExists', `${qualified(info)} "${md.name}" already exists`);
    o.apiVersion = apiVersionOf(info);
    o.kind = info.kind;
    md.uid = flat(randomUUID()); // randomUUID() builds its string from ~20 parts (a rope): keep one flat copy
    md.generation = 1;
    md.creationTimestamp = nowStamp();
    // the namespace strategy's PrepareForCreate: a new namespace is Active (kubectl and k9s show it)
    if (info.group === '' && info.resource === 'namespaces') o.status = { ...(o.status ?? {}), phase: 'Active' };
    if ('deletionTimestamp' in md) delete md.deletionTimestamp; // guarded: `delete` makes objects slow and big
    // nested input objects are frozen when stored anyway: frozen first, their field sets are memoized by identity
    if (!opts.dryRun) for (const k of Object.keys(o)) if (k !== 'metadata') deepFreeze((o as Record<string, unknown>)[k]);
    const managed = managedOnCreate(o, this.writeInfo(info, opts.writer));
    if (managed) md.managedFields = managed;
    else if ('managedFields' in md) delete md.managedFields;
    if (opts.dryRun) {
      if ('resourceVersion' in md) delete md.resourceVersion;
      return o;
    }
    md.resourceVersion = String(++this.rv);
    // the store's own parts (top level, metadata) are rebuilt compact; nested input objects are kept and frozen
    const stored = deepFreeze(compact({ ...o, metadata: compact(md) }));
    tab.set(stored);
    this.owners.update(stored, undefined);
    this.emit({ typeKey: tab.key, type: 'ADDED', object: stored, resourceVersion: this.rv }, tab);
    return stored;
  }

  update(t: ResourceType, obj: KubeObject, opts: { subresource?: 'status'; dryRun?: boolean; writer?: Writer } = {}): KubeObject {
    const tab = this.table(t);
    const info = tab.info;
    const name = obj.metadata?.name ?? '';
    const cur = tab.get(obj.metadata?.namespace, name);
    if (!cur) throw notFound(info, name);
    checkUpdatePreconditions(info, name, cur, obj);
    const built = nextVersion(info, cur, obj, opts.subresource === 'status');
    if (built === cur) return cur; // no-op: no new resourceVersion, no event (like the apiserver)
    const { metadata: md } = built;
    const managed = managedOnUpdate(cur, built, this.writeInfo(info, opts.writer, opts.subresource));
    if (managed) md.managedFields = managed;
    else if ('managedFields' in md) delete md.managedFields;
    if (opts.dryRun) return built;
    if (md.deletionTimestamp && !(md.finalizers as string[] | undefined)?.length) {
      this.remove(tab, cur, 'Background');
      return { ...cur, metadata: { ...cur.metadata, resourceVersion: String(this.rv) } };
    }
    md.resourceVersion = String(++this.rv);
    const stored = deepFreeze(built);
    tab.set(stored);
    this.owners.update(stored, cur);
    this.emit({ typeKey: tab.key, type: 'MODIFIED', object: stored, prev: cur, resourceVersion: this.rv }, tab);
    return stored;
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
    const cur = tab.get(namespace, name);
    if (!cur) return undefined;
    checkDeletePreconditions(info, name, cur, opts.preconditions);
    if (opts.dryRun) return cur;
    if ((cur.metadata.finalizers as string[] | undefined)?.length) {
      if (cur.metadata.deletionTimestamp) return cur;
      const next: KubeObject = { ...cur, metadata: { ...cur.metadata, deletionTimestamp: nowStamp(), resourceVersion: String(++this.rv) } };
      deepFreeze(next);
      tab.set(next);
      this.owners.update(next, cur);
      this.emit({ typeKey: tab.key, type: 'MODIFIED', object: next, prev: cur, resourceVersion: this.rv }, tab);
      return next;
    }
    return this.remove(tab, cur, opts.propagationPolicy ?? 'Background');
  }

  private remove(tab: ObjectTable, cur: KubeObject, policy: NonNullable<DeleteOptions['propagationPolicy']>): KubeObject {
    tab.delete(cur.metadata.namespace, cur.metadata.name!);
    const uid = cur.metadata.uid!;
    this.owners.update(undefined, cur);
    const gone = deepFreeze({ ...cur, metadata: { ...cur.metadata, resourceVersion: String(++this.rv) } });
    this.emit({ typeKey: tab.key, type: 'DELETED', object: gone, resourceVersion: this.rv }, tab);
    if (tab.info.group === '' && tab.info.resource === 'namespaces') this.dropNamespace(cur.metadata.name!);
    for (const dep of this.owners.dependents(uid)) {
      const dtab = this.tableOf(dep);
      const d = dtab?.get(dep.metadata.namespace, dep.metadata.name!);
      if (!dtab || !d || d.metadata.uid !== dep.metadata.uid) continue;
      const refs = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (policy === 'Orphan' || refs.some((r) => this.ownerExists(r, d.metadata.namespace))) {
        this.update(dtab.info, { ...d, metadata: { ...d.metadata, ownerReferences: refs.length ? refs : undefined } });
      } else {
        this.delete(dtab.info, d.metadata.namespace, d.metadata.name!, { propagationPolicy: policy });
      }
    }
    return gone;
  }

  /** Whether the object an ownerReference names still exists (by group, kind, name and uid; any version). */
  private ownerExists(ref: { apiVersion: string; kind: string; name: string; uid: string }, namespace: string | undefined): boolean {
    const slash = ref.apiVersion.indexOf('/');
    const group = slash < 0 ? '' : ref.apiVersion.slice(0, slash);
    for (const tab of this.tables.get(group)?.values() ?? []) {
      if (tab.info.kind === ref.kind && tab.get(namespace, ref.name)?.metadata.uid === ref.uid) return true;
    }
    return false;
  }

  private dropNamespace(ns: string): void {
    for (const tab of this.allTables()) {
      if (!tab.info.namespaced) continue;
      for (const o of tab.inNamespace(ns)) {
        const cur = tab.get(ns, o.metadata.name!);
        if (cur) this.remove(tab, cur, 'Background');
      }
    }
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
    return watchTable(this.table(t), this.ring, opts, fn);
  }

  private emit(e: HistoryEvent, tab: ObjectTable): void {
    this.ring.push(e);
    this.delivery.deliver(e, tab);
  }
}
