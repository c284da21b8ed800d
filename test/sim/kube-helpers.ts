// Helpers for testing the kube layer against the simulator: a client for one sim cluster.
import { readdirSync, readlinkSync } from 'node:fs';
import { HttpClusterClient } from '../../source/kube/client.js';
import type { ContextConfig } from '../../source/kube/kubeconfig.js';
import type { SimCluster } from '../../source/sim/cluster-server.js';

export function kubeConfigFor(url: string, token: string, name = 'sim'): ContextConfig {
  return { name, cluster: { name, server: url, skipTLSVerify: true }, user: { name: `${name}-user`, token } };
}

export function clientFor(
  sim: Pick<SimCluster, 'url' | 'tokens' | 'name'>,
  user: 'admin' | 'viewer' = 'admin',
  timeoutMs = 3_000,
): HttpClusterClient {
  return new HttpClusterClient(sim.name, kubeConfigFor(sim.url, sim.tokens[user], sim.name), { timeoutMs });
}

export async function until(pred: () => boolean, timeoutMs = 5_000, stepMs = 10): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

export function openSockets(): number {
  // Linux: count fds that are sockets in this process.

  let n = 0;
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      if (readlinkSync(`/proc/self/fd/${fd}`).startsWith('socket:')) n++;
    } catch {
      /* closed meanwhile */
    }
  }
  return n;
}
