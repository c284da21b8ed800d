// Live objects for the pairs: one LIST per (type at the Git apiVersion, namespace) shared by every app on the
// cluster (rule 23: prefer one LIST per kind+namespace over per-object GETs); the server converts to the Git
// version (rule 3). Extras come from the same listings plus configured extra kinds. In the console, a
// listing that a running shared informer covers (the store watches that type at that version) is read
// from it instead: no request, and the objects as the fleet view shows them.
import type { ClusterClient } from '../kube/client-api.js';
import type { InformerPool } from '../kube/informer-pool.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { AsyncMemo } from './pool.js';

/** The fleet's shared informers and its client of the same cluster (the pool knows informers by client). */
export interface WatchedSource {
  informers: InformerPool;
  client: ClusterClient;
}

export class LiveReader {
  private memo = new AsyncMemo<Map<string, KubeObject>>();
  /** LISTs sent. */
  requests = 0;
  /** Listings read from a running shared informer instead. */
  watched = 0;
  constructor(
    private readonly client: ClusterClient,
    private readonly source?: WatchedSource,
  ) {}

  /** Objects of type t in namespace ns ('' = cluster-scoped or all namespaces for a namespaced type) by name. */
  list(t: ResourceType, ns: string, labelSelector?: string): Promise<Map<string, KubeObject>> {
    const key = `${t.group}/${t.version}/${t.resource}|${ns}|${labelSelector ?? ''}`;
    const namespace = t.namespaced && ns ? ns : undefined;
    return this.memo.get(key, async () => {
      const seen = this.source?.informers.peek(this.source.client, t, { namespace, labelSelector });
      let items: KubeObject[];
      if (seen) {
        this.watched += 1;
        items = seen.map((o) => ({ ...o })); // the informer's objects are shared: the kind is set on a copy
      } else {
        this.requests += 1;
        items = (await this.client.listAll(t, { namespace, labelSelector, pageSize: 500, timeoutMs: 30_000 })).items;
      }
      const m = new Map<string, KubeObject>();
      for (const o of items) {
        // list items carry no apiVersion/kind: restore them for the diff
        o.apiVersion = t.group ? `${t.group}/${t.version}` : t.version;
        o.kind = t.kind;
        m.set(t.namespaced && !ns ? `${o.metadata.namespace}/${o.metadata.name}` : String(o.metadata.name), o);
      }
      return m;
    });
  }
}
