// The API contract suite against the simulator.
import { defineApiContract } from '../contract/api-contract.js';
import { startSimCluster } from '../../source/sim/cluster-server.js';
import { MemoryStore } from '../../source/sim/store.js';
import { clientFor, kubeConfigFor } from './kube-helpers.js';
import { rawRequester } from '../contract/raw-http.js';

defineApiContract('simulator', async () => {
  const store = new MemoryStore('contract', { historySize: 64 });
  store.create(
    { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false },
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'games' } },
  );
  const sim = await startSimCluster({ name: 'contract', store });
  // Push the store's history window past resourceVersion 1, as a long-running real cluster has.
  const CM = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
  for (let i = 0; i < 100; i++)
    store.create(CM, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: `filler-${i}`, namespace: 'games' } });
  const admin = clientFor(sim, 'admin', 10_000);
  const viewer = clientFor(sim, 'viewer', 10_000);
  return {
    admin,
    viewer,
    raw: {
      admin: rawRequester(kubeConfigFor(sim.url, sim.tokens.admin)),
      viewer: rawRequester(kubeConfigFor(sim.url, sim.tokens.viewer)),
    },
    namespace: 'games',
    async close() {
      admin.close();
      viewer.close();
      await sim.close();
    },
  };
});
