// `zonectl demo`: the demo world served as real HTTP clusters on 127.0.0.1 with a kubeconfig.
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { BOOTSTRAP_MS, buildDemoWorld, type DemoWorld } from './world.js';
import { startSimCluster, type SimCluster } from './cluster-server.js';
import { writeKubeconfig } from './kubeconfig.js';
import { compactHeap } from './heap.js';
import { T } from './controllers/kinds.js';

/** Worlds at least this big get their build garbage compacted away before serving (see heap.ts). */
const COMPACT_ABOVE_PODS = 20_000;

export interface DemoOptions {
  seed?: number | string;
  speed?: number;
  /** Member cluster names (default shanghai, nanjing, singapore); the kubefed host `fed-host` is added. */
  clusters?: string[];
  /** Total zones, spread over the member clusters (default 12). */
  zones?: number;
  servicesPerZone?: number;
  podsPerService?: number;
  /** Where to write the kubeconfig (default: a new temp dir). */
  kubeconfigPath?: string;
  lineIntervalMs?: number;
  /** Serve https with a self-signed CA in the kubeconfig (default true: kubectl sends tokens only over TLS). */
  tls?: boolean;
  /** Build the demo stories (default true; benchmarks turn them off for a uniform fleet). */
  scenarios?: boolean;
  /** Sees every request to every simulated cluster (benchmarks count requests with it). */
  onRequest?: (cluster: string, method: string, url: string) => void;
}

export interface Demo {
  clusters: Array<{ name: string; url: string }>;
  kubeconfigPath: string;
  /** Context names in the kubeconfig: `<cluster>` (admin) and `<cluster>-viewer`. */
  contexts: string[];
  world: DemoWorld;
  stop(): Promise<void>;
}

export async function startDemo(opts: DemoOptions = {}): Promise<Demo> {
  const members = opts.clusters ?? ['shanghai', 'nanjing', 'singapore'];
  const world = buildDemoWorld({
    seed: opts.seed ?? 1,
    speed: opts.speed ?? 1,
    clusters: members,
    zonesPerCluster: Math.max(1, Math.ceil((opts.zones ?? 12) / members.length)),
    servicesPerZone: opts.servicesPerZone,
    podsPerService: opts.podsPerService,
    lineIntervalMs: opts.lineIntervalMs,
    ...(opts.scenarios === false ? { scenarios: false } : {}),
    // The world runs BOOTSTRAP_MS of virtual time while it is built: start that far back so the demo's
    // clock (status, event and log times) reads wall-clock time when it is served.
    start: Date.now() - BOOTSTRAP_MS,
  });
  let pods = 0;
  for (const s of world.stores.values()) pods += s.count(T.pod);
  if (pods >= COMPACT_ABOVE_PODS) compactHeap();
  const sims: SimCluster[] = [];
  try {
    for (const name of world.clusters)
      sims.push(
        await startSimCluster({
          name,
          store: world.stores.get(name)!,
          logSource: world.logs,
          tls: opts.tls ?? true,
          ...(opts.onRequest ? { onRequest: opts.onRequest } : {}),
        }),
      );
  } catch (err) {
    world.stop();
    await Promise.all(sims.map((s) => s.close()));
    throw err;
  }
  for (const s of sims) if (world.members.includes(s.name)) world.setApiEndpoint(s.name, s.url);
  world.startRealtime();
  const kubeconfigPath = writeKubeconfig(sims, opts.kubeconfigPath);
  // The temp dir we made holds the admin kubeconfig (the demo's tokens): it goes however the process
  // ends, also through process.exit() on a crash or a closed terminal, where stop() never runs.
  const ownDir = opts.kubeconfigPath ? undefined : dirname(kubeconfigPath);
  const removeDir = () => {
    if (ownDir) rmSync(ownDir, { recursive: true, force: true });
  };
  if (ownDir) process.once('exit', removeDir);
  let stopped = false;
  return {
    clusters: sims.map((s) => ({ name: s.name, url: s.url })),
    kubeconfigPath,
    contexts: sims.flatMap((s) => [s.name, `${s.name}-viewer`]),
    world,
    async stop() {
      if (stopped) return;
      stopped = true;
      world.stop();
      await Promise.all(sims.map((s) => s.close()));
      // The temp dir we made (kubeconfig with the demo's tokens, anything written beside it) goes too.
      removeDir();
      process.off('exit', removeDir);
    },
  };
}
