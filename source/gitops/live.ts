// Live objects for the pairs: one LIST per (type at the Git apiVersion, namespace) shared by every app on the
// cluster (rule 23: prefer one LIST per kind+namespace over per-object GETs); the server converts to the Git
// version (rule 3). Extras come from the same listings plus configured extra kinds.
import type { ClusterClient } from '../kube/client-api.js';
import type { KubeObject, ResourceType } from '../kube/object.js';
import { AsyncMemo } from './pool.js';

export class LiveReader {
  private memo = new AsyncMemo<Map<string, KubeObject>>();
  requests = 0;
  constructor(private readonly client: ClusterClient) {}

  /** Objects of type t in namespace ns ('' = cluster-scoped or all namespaces for a namespaced type) by name. */
  list(t: ResourceType, ns: string, labelSelector?: string): Promise<Map<string, KubeObject>> {
    const key = `${t.group}/${t.version}/${t.resource}|${ns}|${labelSelector ?? ''}`;
    return this.memo.get(key, async () => {
      this.requests += 1;
      const l = await this.client.listAll(t, {
        namespace: t.namespaced && ns ? ns : undefined,
        labelSelector,
        pageSize: 500,
        timeoutMs: 30_000,
      });
      const m = new Map<string, KubeObject>();
      for (const o of l.items) {
        // list items carry no apiVersion/kind: restore them for the diff
        o.apiVersion = t.group ? `${t.group}/${t.version}` : t.version;
        o.kind = t.kind;
        m.set(t.namespaced && !ns ? `${o.metadata.namespace}/${o.metadata.name}` : String(o.metadata.name), o);
      }
      return m;
    });
  }
}
