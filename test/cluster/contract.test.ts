// The API contract suite against a real kube-apiserver (real-a of the shared federation).
import { inject } from 'vitest';
import { defineApiContract } from '../contract/api-contract.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { rawRequester } from '../contract/raw-http.js';
import './provided.js';

defineApiContract('real kube-apiserver', async () => {
  const kc = loadKubeconfig([inject('zonectlKubeconfig')]);
  const admin = new HttpClusterClient('real-a', kc.forContext('real-a'));
  const viewer = new HttpClusterClient('real-a-viewer', kc.forContext('real-a-viewer'));
  return {
    admin,
    viewer,
    raw: { admin: rawRequester(kc.forContext('real-a')), viewer: rawRequester(kc.forContext('real-a-viewer')) },
    namespace: inject('zonectlNamespace'),
    async close() {
      admin.close();
      viewer.close();
    },
  };
});
