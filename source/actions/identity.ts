// Who is acting: the user name the cluster authenticates us as (SelfSubjectReview, Kubernetes >= 1.28),
// falling back to the kubeconfig user name. Never the credential itself.
import type { ClusterClient } from '../kube/client-api.js';

const cache = new Map<string, Promise<string>>();

export function whoAmI(client: ClusterClient): Promise<string> {
  const key = `${client.context}|${client.server}|${client.user}`;
  let p = cache.get(key);
  if (!p) {
    p = client
      .request<{ status?: { userInfo?: { username?: string } } }>({
        method: 'POST',
        path: '/apis/authentication.k8s.io/v1/selfsubjectreviews',
        body: { apiVersion: 'authentication.k8s.io/v1', kind: 'SelfSubjectReview' },
      })
      .then((r) => r.status?.userInfo?.username || client.user || 'unknown')
      .catch(() => client.user || 'unknown');
    cache.set(key, p);
  }
  return p;
}
