// What one target cluster serves, for scope decisions (rule 2), reading live at the Git apiVersion (rule 3) and
// Helm's --kube-version / --api-versions: full discovery of /api and /apis (every served group/version).
import type { ClusterClient } from '../kube/client-api.js';
import type { ResourceType } from '../kube/object.js';
import { mapLimit } from './pool.js';

interface ApiResource {
  name: string;
  kind: string;
  namespaced: boolean;
  verbs?: string[];
}

export interface ClusterFacts {
  context: string;
  gitVersion: string;
  /** `group/version` and `group/version/Kind` strings (core: `v1`, `v1/Pod`). */
  apiVersions: string[];
  /** The type serving apiVersion+kind, if that exact version is served. */
  typeFor(apiVersion: string, kind: string): ResourceType | undefined;
  /** True when the group/kind is served at any version (scope known). */
  knowsKind(group: string, kind: string): boolean;
  namespaced(group: string, kind: string): boolean | undefined;
}

export async function discoverFacts(client: ClusterClient, concurrency = 8): Promise<ClusterFacts> {
  const [version, core, groups] = await Promise.all([
    client.version(),
    client.request<{ versions?: string[] }>({ path: '/api' }),
    client.request<{ groups?: Array<{ name: string; versions: Array<{ groupVersion: string }> }> }>({ path: '/apis' }),
  ]);
  const gvs = [...(core.versions ?? ['v1']), ...(groups.groups ?? []).flatMap((g) => g.versions.map((v) => v.groupVersion))];
  const lists = await mapLimit(gvs, concurrency, async (gv) => {
    try {
      const list = await client.request<{ resources?: ApiResource[] }>({ path: gv.includes('/') ? `/apis/${gv}` : `/api/${gv}` });
      return (list.resources ?? []).filter((r) => !r.name.includes('/'));
    } catch {
      return []; // an unavailable aggregated API must not fail the diff of everything else
    }
  });
  const types = new Map<string, ResourceType>(); // apiVersion|kind
  const kinds = new Map<string, boolean>(); // group/kind -> namespaced
  const apiVersions: string[] = [];
  gvs.forEach((gv, i) => {
    const [group, version] = gv.includes('/') ? (gv.split('/') as [string, string]) : ['', gv];
    apiVersions.push(gv);
    for (const r of lists[i]!) {
      types.set(`${gv}|${r.kind}`, { group, version, resource: r.name, kind: r.kind, namespaced: r.namespaced });
      kinds.set(`${group}/${r.kind}`, r.namespaced);
      apiVersions.push(`${gv}/${r.kind}`);
    }
  });
  return {
    context: client.context,
    gitVersion: version.gitVersion,
    apiVersions: [...new Set(apiVersions)].sort(),
    typeFor: (apiVersion, kind) => types.get(`${apiVersion}|${kind}`),
    knowsKind: (group, kind) => kinds.has(`${group}/${kind}`),
    namespaced: (group, kind) => kinds.get(`${group}/${kind}`),
  };
}
