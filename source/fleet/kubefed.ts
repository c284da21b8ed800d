// Fleet discovery from a kubefed host: its KubeFedCluster objects name the member clusters by API
// endpoint; each is matched to the kubeconfig context that reaches the same server. Their Secrets
// (the host's credentials for the members) are never read: zonectl uses the operator's own contexts.
import { readKubeFedCluster } from '../kinds/kubefedcluster.js';
import { KINDS } from '../kinds/registry.js';
import { HttpClusterClient } from '../kube/client.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';

export interface KubeFedMembers {
  /** The host first, then one context per matched member (kubeconfig order). */
  contexts: string[];
  /** Members whose endpoint no kubeconfig context reaches. */
  unmatched: Array<{ name: string; apiEndpoint: string }>;
}

const norm = (url: string) => url.trim().replace(/\/+$/, '').toLowerCase();

/** Pure: match KubeFedCluster endpoints to kubeconfig contexts (first context per server wins). */
export function matchMembers(
  host: string,
  contexts: LoadedKubeconfig['contexts'],
  members: Array<{ name: string; apiEndpoint: string }>,
): KubeFedMembers {
  const byServer = new Map<string, string>();
  for (const c of contexts) if (c.server && !byServer.has(norm(c.server))) byServer.set(norm(c.server), c.name);
  const matched = new Set<string>();
  const unmatched: KubeFedMembers['unmatched'] = [];
  for (const m of members) {
    const ctx = byServer.get(norm(m.apiEndpoint));
    if (ctx) matched.add(ctx);
    else unmatched.push(m);
  }
  const ordered = contexts.map((c) => c.name).filter((n) => n !== host && matched.has(n));
  return { contexts: [host, ...ordered], unmatched };
}

export async function kubeFedMembers(kc: LoadedKubeconfig, host: string, timeoutMs: number): Promise<KubeFedMembers> {
  const client = new HttpClusterClient(host, kc.forContext(host), { timeoutMs });
  try {
    const list = await client.listAll(KINDS.KubeFedCluster);
    const members = list.items.map((o) => readKubeFedCluster(host, o)).filter((m) => !m.invalid && m.apiEndpoint);
    return matchMembers(host, kc.contexts, members);
  } finally {
    client.close();
  }
}
