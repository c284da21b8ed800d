// Raw objects per cluster and resource type, keyed by uid (falls back to namespace/name). Each
// (cluster, type) bucket keeps a short journal of the ids it changed, so a derivation can re-read
// just those objects instead of walking every object of the fleet per snapshot.
import { typeKey } from '../kube/discovery.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { lean } from './keep.js';

export type TypeBucket = Map<string, KubeObject>;

function idOf(o: KubeObject): string {
  return o.metadata?.uid || `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

/** A journal longer than this is cut; a reader further behind reads the whole bucket again. */
const JOURNAL_MAX = 8192;

export interface JournalEntry {
  id: string;
  /** A delete (a later entry of the same id adds it again, at the end of the bucket's order). */
  deleted: boolean;
}

/**
 * One (cluster, type) bucket with its change journal. A new Journal object = a new bucket.
 * The journal holds ids only, each the same string as the bucket's key for that object (ObjectCache.apply
 * makes it so), and its deletes as a short list of versions: an entry object per change, each with the
 * uid string of the version it came in, cost ~100 bytes, so 8,192 entries per busy bucket held ~0.8 MiB
 * (8 MiB across the fleet-scale console's 20 busy buckets after 80 s at 1,000 events/s; now 8 bytes each).
 */
export class Journal {
  readonly objects: TypeBucket = new Map();
  /** Bumped per change. */
  version = 0;
  /** The ids changed, in order; entry i is the change that made version `base + i + 1`. */
  private ids: string[] = [];
  /** The versions (ascending) whose change was a delete, of those still in `ids`. */
  private deletes: number[] = [];
  private base = 0;

  /** Changes after `version`, in order (repeats included), or undefined when they are no longer known. */
  since(version: number): readonly JournalEntry[] | undefined {
    if (version < this.base || version > this.version) return undefined;
    const out: JournalEntry[] = [];
    let d = 0;
    while (d < this.deletes.length && this.deletes[d]! <= version) d++;
    for (let i = version - this.base; i < this.ids.length; i++) {
      const v = this.base + i + 1;
      const deleted = this.deletes[d] === v;
      if (deleted) d++;
      out.push({ id: this.ids[i]!, deleted });
    }
    return out;
  }

  record(id: string, deleted: boolean): void {
    this.version++;
    this.ids.push(id);
    if (deleted) this.deletes.push(this.version);
    if (this.ids.length > JOURNAL_MAX) {
      const cut = this.ids.length >> 1;
      this.ids = this.ids.slice(cut);
      this.base += cut;
      if (this.deletes.length && this.deletes[0]! <= this.base) this.deletes = this.deletes.filter((v) => v > this.base);
    }
  }

  /** Every object replaced at once: readers start over. */
  reset(): void {
    this.version++;
    this.ids = [];
    this.deletes = [];
    this.base = this.version;
  }
}

interface ClusterEntry {
  /** Order in which clusters were first seen (`all()` lists clusters in this order). */
  order: number;
  types: Map<string, Journal>;
}

export class ObjectCache {
  /** cluster -> typeKey -> bucket */
  private readonly data = new Map<string, ClusterEntry>();
  /** Bumped per change; lets derivations skip untouched (cluster,type) buckets. */
  private readonly versions = new Map<string, number>();
  private clusterSeq = 0;

  private journal(cluster: string, key: string): Journal {
    let c = this.data.get(cluster);
    if (!c) this.data.set(cluster, (c = { order: ++this.clusterSeq, types: new Map() }));
    let b = c.types.get(key);
    if (!b) c.types.set(key, (b = new Journal()));
    return b;
  }

  bucket(cluster: string, t: ResourceType | string): TypeBucket {
    return this.journal(cluster, typeof t === 'string' ? t : typeKey(t)).objects;
  }

  version(cluster: string, key: string): number {
    return this.versions.get(`${cluster}|${key}`) ?? 0;
  }

  private bump(cluster: string, key: string): void {
    const k = `${cluster}|${key}`;
    this.versions.set(k, (this.versions.get(k) ?? 0) + 1);
  }

  replace(cluster: string, t: ResourceType, items: KubeObject[]): void {
    const key = typeKey(t);
    const j = this.journal(cluster, key);
    j.objects.clear();
    for (const o of items) j.objects.set(idOf(o), lean(o));
    j.reset();
    this.bump(cluster, key);
  }

  apply(cluster: string, t: ResourceType, type: 'ADDED' | 'MODIFIED' | 'DELETED', o: KubeObject): void {
    const key = typeKey(t);
    const j = this.journal(cluster, key);
    let id = idOf(o);
    // Every version of an object carries the uid string of its first, the bucket's key: the journal records
    // that one, not the fresh copy each event decodes (kept alive for as long as its entry).
    const uid = j.objects.get(id)?.metadata?.uid;
    if (uid === id) id = uid;
    if (type === 'DELETED') j.objects.delete(id);
    else {
      const kept = lean(o);
      if (uid !== undefined && uid === kept.metadata?.uid && !Object.isFrozen(kept.metadata)) kept.metadata.uid = uid;
      j.objects.set(id, kept);
    }
    j.record(id, type === 'DELETED');
    this.bump(cluster, key);
  }

  /** Every object of a type across clusters. */
  *all(t: ResourceType | string): Generator<{ cluster: string; obj: KubeObject }> {
    const key = typeof t === 'string' ? t : typeKey(t);
    for (const [cluster, c] of this.data) {
      const b = c.types.get(key);
      if (b) for (const obj of b.objects.values()) yield { cluster, obj };
    }
  }

  /** The buckets of a type, clusters in `all()` order, each with its cluster's order number. */
  *journals(key: string): Generator<{ cluster: string; order: number; journal: Journal }> {
    for (const [cluster, c] of this.data) {
      const journal = c.types.get(key);
      if (journal) yield { cluster, order: c.order, journal };
    }
  }

  count(t: ResourceType | string): number {
    let n = 0;
    const key = typeof t === 'string' ? t : typeKey(t);
    for (const c of this.data.values()) n += c.types.get(key)?.objects.size ?? 0;
    return n;
  }

  dropCluster(cluster: string): void {
    this.data.delete(cluster);
  }
}
