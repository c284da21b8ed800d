// Which resource types a cluster serves. A missing CRD is "not installed", not an error.
import type { ClusterClient } from './client-api.js';
import { isKubeError } from './errors.js';
import type { ResourceType } from './object.js';

interface APIResourceList {
  resources?: Array<{ name: string; kind: string; namespaced: boolean }>;
}

export function typeKey(t: Pick<ResourceType, 'group' | 'version' | 'resource'>): string {
  return `${t.group}/${t.version}/${t.resource}`;
}

/** Returns the subset of `wanted` the server serves, keyed by typeKey. Network errors propagate. */
export async function discover(client: ClusterClient, wanted: ResourceType[], timeoutMs?: number): Promise<Map<string, boolean>> {
  const byGv = new Map<string, ResourceType[]>();
  for (const t of wanted) {
    const gv = t.group ? `/apis/${t.group}/${t.version}` : `/api/${t.version}`;
    byGv.set(gv, [...(byGv.get(gv) ?? []), t]);
  }
  const out = new Map<string, boolean>();
  await Promise.all(
    [...byGv.entries()].map(async ([path, types]) => {
      let served = new Set<string>();
      try {
        const list = await client.request<APIResourceList>({ path, timeoutMs });
        served = new Set((list.resources ?? []).map((r) => r.name));
      } catch (e) {
        if (!isKubeError(e, 'NotFound')) throw e;
      }
      for (const t of types) out.set(typeKey(t), served.has(t.resource));
    }),
  );
  return out;
}
