// Raw objects per cluster and resource type, keyed by uid (falls back to namespace/name).
import { typeKey } from '../kube/discovery.js';
import type { KubeObject, ResourceType } from '../kube/object.js';

export type TypeBucket = Map<string, KubeObject>;

function idOf(o: KubeObject): string {
  return o.metadata?.uid || `${o.metadata?.namespace ?? ''}/${o.metadata?.name ?? ''}`;
}

export class ObjectCache {
  /** cluster -> typeKey -> id -> object */
  private readonly data = new Map<string, Map<string, TypeBucket>>();
  /** Bumped per change; lets derivations skip untouched (cluster,type) buckets. */
  private readonly versions = new Map<string, number>();

  bucket(cluster: string, t: ResourceType | string): TypeBucket {
    const key = typeof t === 'string' ? t : typeKey(t);
    let c = this.data.get(cluster);
    if (!c) this.data.set(cluster, (c = new Map()));
    let b = c.get(key);
    if (!b) c.set(key, (b = new Map()));
    return b;
  }

  version(cluster: string, key: string): number {
    return this.versions.get(`${cluster}|${key}`) ?? 0;
  }

  private bump(cluster: string, key: string): void {
    const k = `${cluster}|${key}`;
    this.versions.set(k, (this.versions.get(k) ?? 0) + 1);
  }

  replace(cluster: string, t: ResourceType, items: KubeObject[]): void {
    const b = this.bucket(cluster, t);
    b.clear();
    for (const o of items) b.set(idOf(o), o);
    this.bump(cluster, typeKey(t));
  }

  apply(cluster: string, t: ResourceType, type: 'ADDED' | 'MODIFIED' | 'DELETED', o: KubeObject): void {
    const b = this.bucket(cluster, t);
    if (type === 'DELETED') b.delete(idOf(o));
    else b.set(idOf(o), o);
    this.bump(cluster, typeKey(t));
  }

  /** Every object of a type across clusters. */
  *all(t: ResourceType | string): Generator<{ cluster: string; obj: KubeObject }> {
    const key = typeof t === 'string' ? t : typeKey(t);
    for (const [cluster, types] of this.data) {
      const b = types.get(key);
      if (b) for (const obj of b.values()) yield { cluster, obj };
    }
  }

  count(t: ResourceType | string): number {
    let n = 0;
    const key = typeof t === 'string' ? t : typeKey(t);
    for (const types of this.data.values()) n += types.get(key)?.size ?? 0;
    return n;
  }

  dropCluster(cluster: string): void {
    this.data.delete(cluster);
  }
}
