// Wires every controller of one simulated cluster onto its store.
import type { SimStore } from '../store-api.js';
import type { VirtualClock } from '../clock.js';
import { Rand } from '../rand.js';
import { ControllerRuntime } from './runtime.js';
import { Kubelet, type KubeletOptions } from './kubelet.js';
import { WorkloadController } from './workload.js';
import { HookRunController } from './hookrun.js';
import { GameZoneController } from './gamezone.js';
import { GameServerSetController } from './gameserverset.js';

export interface ClusterControllers {
  rt: ControllerRuntime;
  kubelet: Kubelet;
  gameDeployments: WorkloadController;
  gameStatefulSets: WorkloadController;
  hookRuns: HookRunController;
  gameZones: GameZoneController;
  gameServerSets: GameServerSetController;
}

export interface ClusterControllerOptions {
  seed: number | string;
  nodes?: string[];
  kubelet?: Partial<KubeletOptions>;
}

export function defaultNodes(cluster: string, count: number): string[] {
  return Array.from({ length: Math.max(1, count) }, (_, i) => `${cluster}-node-${i}`);
}

export function startClusterControllers(store: SimStore, clock: VirtualClock, opts: ClusterControllerOptions): ClusterControllers {
  const rt = new ControllerRuntime(store, clock, new Rand(`${opts.seed}/${store.cluster}`));
  const kubelet = new Kubelet(rt, { nodes: opts.nodes ?? defaultNodes(store.cluster, 3), ...opts.kubelet });
  const gameDeployments = new WorkloadController(rt, 'GameDeployment');
  const gameStatefulSets = new WorkloadController(rt, 'GameStatefulSet');
  const hookRuns = new HookRunController(rt);
  const gameZones = new GameZoneController(rt);
  const gameServerSets = new GameServerSetController(rt);
  return { rt, kubelet, gameDeployments, gameStatefulSets, hookRuns, gameZones, gameServerSets };
}
