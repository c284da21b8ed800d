// Kube side of a diff run: one client per kubeconfig context, created when an app first targets it; contexts found
// by server URL (ApplicationSet destination.server); the context's namespace as the default namespace.
import type { ClusterClient } from '../kube/client-api.js';
import { HttpClusterClient } from '../kube/client.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import type { EngineDeps } from './engine.js';

export interface KubeTargets extends Pick<EngineDeps, 'client' | 'contextForServer' | 'defaultNamespace'> {
  close(): void;
}

export interface KubeTargetsOptions {
  allowed?: string[];
  timeoutMs?: number;
  /** Makes a context's client (default: an HTTP client; the app layer passes one that turns a broken context into failing requests). */
  makeClient?: (context: string, timeoutMs: number) => ClusterClient;
}

export function kubeTargets(kc: LoadedKubeconfig, opts: KubeTargetsOptions = {}): KubeTargets {
  const make =
    opts.makeClient ?? ((context: string, timeoutMs: number) => new HttpClusterClient(context, kc.forContext(context), { timeoutMs }));
  const clients = new Map<string, ClusterClient>();
  const names = new Set(kc.contexts.map((c) => c.name));
  return {
    client(context) {
      if (!names.has(context)) return undefined;
      if (opts.allowed?.length && !opts.allowed.includes(context)) return undefined;
      let c = clients.get(context);
      if (!c) clients.set(context, (c = make(context, opts.timeoutMs ?? 30_000)));
      return c;
    },
    contextForServer(server) {
      const norm = (s: string) => s.replace(/\/+$/, '');
      return kc.contexts.find((c) => norm(c.server) === norm(server))?.name;
    },
    defaultNamespace(context) {
      return kc.contexts.find((c) => c.name === context)?.namespace || 'default';
    },
    close() {
      for (const c of clients.values()) c.close();
    },
  };
}
