// The rows of one resource type across clusters, kept up to date from the cache's journals: only the
// objects that changed since the last sync are read again, every other row stays the same object, and
// the row list keeps the cache's order (clusters in first-seen order, objects in bucket order).
import type { KubeObject } from '../kube/object.js';
import type { Journal, JournalEntry, ObjectCache } from './object-cache.js';

export interface RowChange<T> {
  cluster: string;
  id: string;
  /** The row before this sync (undefined: it is new). */
  before?: T;
  /** The row now (undefined: it is gone). */
  after?: T;
  /** Position of the row in the fleet-wide order of its type (see RowTable.order). */
  order: number;
}

interface Bucket<T> {
  journal: Journal;
  /** The journal version these rows reflect. */
  version: number;
  order: number;
  rows: Map<string, T>;
  objects: Map<string, KubeObject>;
  stamps: Map<string, number>;
  /** The rows as a list, until they change. */
  list?: T[];
}

/** Cluster order numbers and in-bucket stamps fold into one sortable number. */
const PER_CLUSTER = 1e9;

export class RowTable<T> {
  private buckets = new Map<string, Bucket<T>>();
  /** The rows per cluster, in the cache's order. */
  private parts: T[][] = [];
  /** The parts joined, once asked for (derive joins the parts of several tables in one copy instead). */
  private joined: T[] | undefined;
  private stampSeq = 0;

  constructor(
    private readonly key: string,
    private readonly read: (cluster: string, obj: KubeObject) => T,
  ) {}

  /** Every row, in the cache's order. The same array until a sync changes something. */
  rows(): readonly T[] {
    return (this.joined ??= this.parts.length === 1 ? this.parts[0]! : ([] as T[]).concat(...this.parts));
  }

  /**
   * The rows per cluster (joined, they are rows()); each the same array until a sync changes its
   * cluster. A list of 100,000 rows costs milliseconds to copy: whoever joins several tables joins
   * these once rather than each table's rows() again.
   */
  lists(): ReadonlyArray<readonly T[]> {
    return this.parts;
  }

  /**
   * Brings the rows up to date with the cache. `again(cluster)` names rows to read again although
   * their object did not change (their reader's context did). Returns what changed.
   */
  sync(cache: ObjectCache, again?: (cluster: string) => Iterable<string> | undefined): Array<RowChange<T>> {
    const changes: Array<RowChange<T>> = [];
    const present = new Set<string>();
    let reordered = false;
    for (const { cluster, order, journal } of cache.journals(this.key)) {
      present.add(cluster);
      const n = changes.length;
      let b = this.buckets.get(cluster);
      const entries = b && b.journal === journal ? journal.since(b.version) : undefined;
      if (!b || b.journal !== journal) {
        if (b) this.dropBucket(cluster, b, changes);
        b = { journal, version: 0, order, rows: new Map(), objects: new Map(), stamps: new Map() };
        this.buckets.set(cluster, b);
        reordered = true;
      }
      if (entries) this.partial(cluster, b, entries, changes);
      else if (b.version !== journal.version || b.rows.size !== journal.objects.size) this.full(cluster, b, changes);
      b.version = journal.version;
      const ids = again?.(cluster);
      if (ids) for (const id of ids) this.reread(cluster, b, id, changes);
      if (changes.length > n) b.list = undefined;
    }
    for (const [cluster, b] of this.buckets)
      if (!present.has(cluster)) {
        this.dropBucket(cluster, b, changes);
        this.buckets.delete(cluster);
        reordered = true;
      }
    if (changes.length || reordered) {
      // Only the clusters that changed build their list again; joining them is a copy, made when asked.
      const lists: T[][] = [];
      for (const { cluster } of cache.journals(this.key)) {
        const b = this.buckets.get(cluster)!;
        lists.push((b.list ??= [...b.rows.values()]));
      }
      this.parts = lists;
      this.joined = undefined;
    }
    return changes;
  }

  private orderOf(b: Bucket<T>, id: string): number {
    return b.order * PER_CLUSTER + (b.stamps.get(id) ?? 0);
  }

  private dropBucket(cluster: string, b: Bucket<T>, changes: Array<RowChange<T>>): void {
    for (const [id, before] of b.rows) changes.push({ cluster, id, before, order: this.orderOf(b, id) });
  }

  /** Replays the journal's changes in order, so the rows keep the bucket's order; reads each changed object once. */
  private partial(cluster: string, b: Bucket<T>, entries: readonly JournalEntry[], changes: Array<RowChange<T>>): void {
    const before = new Map<string, T | undefined>();
    for (const { id, deleted } of entries) {
      if (!before.has(id)) before.set(id, b.rows.get(id));
      if (deleted) {
        b.rows.delete(id);
        b.objects.delete(id);
        b.stamps.delete(id);
      } else if (!b.rows.has(id)) {
        b.rows.set(id, undefined as T); // a place in the order; read below
        b.stamps.set(id, ++this.stampSeq);
      }
    }
    for (const [id, was] of before) {
      const obj = b.journal.objects.get(id);
      if (!obj) {
        if (was !== undefined) changes.push({ cluster, id, before: was, order: this.orderOf(b, id) });
        continue;
      }
      const row = this.read(cluster, obj);
      b.rows.set(id, row);
      b.objects.set(id, obj);
      changes.push({ cluster, id, before: was, after: row, order: this.orderOf(b, id) });
    }
  }

  /** The bucket was replaced (a relist) or its journal was cut: every row again, unchanged objects reused. */
  private full(cluster: string, b: Bucket<T>, changes: Array<RowChange<T>>): void {
    const rows = new Map<string, T>();
    const objects = new Map<string, KubeObject>();
    const stamps = new Map<string, number>();
    for (const [id, obj] of b.journal.objects) {
      const was = b.rows.get(id);
      const old = b.objects.get(id);
      const rv = obj.metadata?.resourceVersion;
      const row =
        was !== undefined && old !== undefined && (old === obj || (!!rv && old.metadata?.resourceVersion === rv))
          ? was
          : this.read(cluster, obj);
      rows.set(id, row);
      objects.set(id, obj);
      stamps.set(id, ++this.stampSeq);
      // Every row is reported: its place in the order may have changed even when it did not.
      changes.push({ cluster, id, before: was, after: row, order: b.order * PER_CLUSTER + this.stampSeq });
    }
    for (const [id, was] of b.rows) if (!rows.has(id)) changes.push({ cluster, id, before: was, order: this.orderOf(b, id) });
    b.rows = rows;
    b.objects = objects;
    b.stamps = stamps;
  }

  private reread(cluster: string, b: Bucket<T>, id: string, changes: Array<RowChange<T>>): void {
    const obj = b.objects.get(id);
    const was = b.rows.get(id);
    if (!obj || was === undefined) return;
    const row = this.read(cluster, obj);
    b.rows.set(id, row);
    changes.push({ cluster, id, before: was, after: row, order: this.orderOf(b, id) });
  }
}
