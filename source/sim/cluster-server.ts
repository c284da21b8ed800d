// Start one simulated cluster: a store (given or new) served over HTTP on 127.0.0.1 (free port).
import type { AddressInfo } from 'node:net';
import { MemoryStore } from './store.js';
import type { LogSource } from './log-source.js';
import { createSimServer } from './server/server.js';
import type { ServerOptions } from './server/context.js';
import type { UserName } from './server/auth.js';
import { servingCert } from './tls.js';

export interface SimCluster {
  name: string;
  port: number;
  url: string;
  store: MemoryStore;
  /** PEM of the self-signed serving certificate (https clusters only): put it in kubeconfig as the CA. */
  ca?: string;
  /** Bearer tokens of the two users. Never print them. */
  tokens: Record<UserName, string>;
  /** Connections the server accepted so far. */
  accepted(): number;
  close(): Promise<void>;
}

/**
 * `tls: true` serves https with a self-signed certificate (needed for kubectl: client-go sends bearer
 * tokens only over TLS). Plain http works for @kubernetes/client-node when the kubeconfig cluster sets
 * insecure-skip-tls-verify (it refuses http: otherwise) and for fetch in tests.
 */
export async function startSimCluster(
  opts: {
    name: string;
    store?: MemoryStore;
    logSource?: LogSource;
    port?: number;
    tls?: boolean;
    /** Sees every request (benchmarks count requests per target with it). */
    onRequest?: (cluster: string, method: string, url: string) => void;
  } & ServerOptions,
): Promise<SimCluster> {
  const store = opts.store ?? new MemoryStore(opts.name);
  const cert = opts.tls ? await servingCert() : undefined;
  const sim = createSimServer(store, { ...opts, tls: cert });
  const seen = opts.onRequest;
  if (seen) sim.server.on('request', (req: { method?: string; url?: string }) => seen(opts.name, req.method ?? '', req.url ?? ''));
  await new Promise<void>((resolve, reject) => {
    sim.server.once('error', reject);
    sim.server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (sim.server.address() as AddressInfo).port;
  const url = `${cert ? 'https' : 'http'}://127.0.0.1:${port}`;
  return { name: opts.name, port, url, store, ca: cert?.cert, tokens: sim.tokens, accepted: sim.accepted, close: sim.close };
}
