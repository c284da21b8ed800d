// The objects of one resource type in one simulated cluster, kept per namespace (namespace -> name ->
// object) so no per-object key string is built or stored: lookups use the object's own name string.
// Iteration follows etcd's key order (`namespace/name`, plain `name` for cluster-scoped types), which
// list pagination and the initial events of a watch rely on. Sorted name lists are cached per namespace
// and only rebuilt for a namespace whose membership changed.
import type { KubeObject } from '../kube/object.js';
import type { ResourceInfo } from './registry.js';
import type { HistoryEvent } from './store-history.js';

interface Bucket {
  /** The namespace string every stored object of this bucket shares ('' for cluster-scoped types). */
  ns: string;
  objects: Map<string, KubeObject>;
  sorted?: string[];
}

export class ObjectTable {
  readonly subs = new Set<(e: HistoryEvent) => void>();
  private readonly buckets = new Map<string, Bucket>();
  private order?: Bucket[];
  private count = 0;

  constructor(
    readonly info: ResourceInfo,
    /** typeKey(info): one shared string per table. */
    readonly key: string,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The bucket namespace of a request: '' for cluster-scoped types (the namespace is ignored). */
  private nsOf(namespace: string | undefined): string | undefined {
    return this.info.namespaced ? namespace || undefined : '';
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    const ns = this.nsOf(namespace);
    return ns === undefined ? undefined : this.buckets.get(ns)?.objects.get(name);
  }

  has(namespace: string | undefined, name: string): boolean {
    return this.get(namespace, name) !== undefined;
  }

  /** The shared namespace string for objects stored in `namespace` (so stored objects do not each carry a copy). */
  internNamespace(namespace: string): string {
    return this.buckets.get(namespace)?.ns ?? namespace;
  }

  /** Adds or replaces the object stored under its metadata.namespace / metadata.name. */
  set(o: KubeObject): void {
    const ns = this.nsOf(o.metadata.namespace) ?? '';
    let b = this.buckets.get(ns);
    if (!b) {
      this.buckets.set(ns, (b = { ns, objects: new Map() }));
      this.order = undefined;
    }
    const name = o.metadata.name!;
    const size = b.objects.size;
    b.objects.set(name, o);
    if (b.objects.size !== size) {
      this.count++;
      b.sorted = undefined;
    }
  }

  delete(namespace: string | undefined, name: string): boolean {
    const ns = this.nsOf(namespace);
    const b = ns === undefined ? undefined : this.buckets.get(ns);
    if (!b || !b.objects.delete(name)) return false;
    this.count--;
    b.sorted = undefined;
    if (b.objects.size === 0) {
      this.buckets.delete(b.ns);
      this.order = undefined;
    }
    return true;
  }

  /** Current objects of one namespace (unordered; a snapshot array, safe to modify the table while iterating). */
  inNamespace(namespace: string): KubeObject[] {
    const b = this.buckets.get(namespace);
    return b ? [...b.objects.values()] : [];
  }

  /** etcd key of an object of this table. */
  keyOf(o: KubeObject): string {
    return this.info.namespaced ? `${o.metadata.namespace}/${o.metadata.name}` : o.metadata.name!;
  }

  private ordered(): Bucket[] {
    // Sort by "ns/" like the keys do: "a-b/x" < "a/x" although "a" < "a-b".
    this.order ??= [...this.buckets.values()].sort((x, y) => cmp(prefixOf(x, this.info.namespaced), prefixOf(y, this.info.namespaced)));
    return this.order;
  }

  private sortedNames(b: Bucket): string[] {
    b.sorted ??= [...b.objects.keys()].sort();
    return b.sorted;
  }

  /** The buckets to scan for `namespace` (undefined = all) with the first name index at or after key `start`. */
  private *ranges(namespace: string | undefined, start: string): Generator<{ b: Bucket; names: string[]; from: number }> {
    const ns = namespace === undefined ? undefined : this.nsOf(namespace);
    const buckets = ns === undefined ? this.ordered() : this.buckets.has(ns) ? [this.buckets.get(ns)!] : [];
    for (const b of buckets) {
      const prefix = prefixOf(b, this.info.namespaced);
      let from = 0;
      if (start > prefix) {
        // keys of this bucket are prefix + name; a start that leaves the prefix behind is past all of them
        if (!start.startsWith(prefix)) continue;
        from = lowerBound(this.sortedNames(b), start.slice(prefix.length));
      }
      const names = this.sortedNames(b);
      if (from < names.length) yield { b, names, from };
    }
  }

  /** Objects in key order whose key is >= start, optionally of one namespace. */
  *scan(namespace?: string, start = ''): Generator<KubeObject> {
    for (const { b, names, from } of this.ranges(namespace, start)) {
      for (let i = from; i < names.length; i++) {
        const o = b.objects.get(names[i]);
        if (o) yield o;
      }
    }
  }

  /** How many keys are >= start (optionally in one namespace). */
  countFrom(namespace: string | undefined, start: string): number {
    let n = 0;
    for (const { names, from } of this.ranges(namespace, start)) n += names.length - from;
    return n;
  }
}

function prefixOf(b: Bucket, namespaced: boolean): string {
  return namespaced ? b.ns + '/' : '';
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
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
