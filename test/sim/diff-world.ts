// A demo world served over HTTP for the diff tests and the benchmark, with its kubeconfig loaded.
import { buildDemoWorld, type DemoWorld, type WorldOptions } from '../../source/sim/world.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { writeKubeconfig } from '../../source/sim/kubeconfig.js';
import { loadKubeconfig, type LoadedKubeconfig } from '../../source/kube/kubeconfig.js';

export interface DiffWorld {
  world: DemoWorld;
  sims: SimCluster[];
  kc: LoadedKubeconfig;
  kubeconfigPath: string;
  stop(): Promise<void>;
}

export async function startDiffWorld(opts: WorldOptions = {}): Promise<DiffWorld> {
  const world = buildDemoWorld({
    seed: 7,
    clusters: ['shanghai', 'nanjing'],
    zonesPerCluster: 2,
    servicesPerZone: 3,
    podsPerService: 1,
    host: false,
    scenarios: false,
    ...opts,
  });
  world.settle();
  const sims: SimCluster[] = [];
  for (const name of world.clusters) sims.push(await startSimCluster({ name, store: world.stores.get(name)! }));
  const kubeconfigPath = writeKubeconfig(sims);
  return {
    world,
    sims,
    kc: loadKubeconfig([kubeconfigPath]),
    kubeconfigPath,
    async stop() {
      world.stop();
      await Promise.all(sims.map((s) => s.close()));
    },
  };
}
