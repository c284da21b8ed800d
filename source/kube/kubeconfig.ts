// Loading kubeconfig: KUBECONFIG may list several files (merged like kubectl: first file wins for a
// name). One KubeConfig object per context — we never switch contexts on a shared one.
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { homedir } from 'node:os';
import { KubeConfig } from '@kubernetes/client-node';

import { KubeconfigError } from './kubeconfig-error.js';

export { KubeconfigError };

export interface ContextRef {
  name: string;
  cluster: string;
  user: string;
  server: string;
  namespace?: string;
}

export interface LoadedKubeconfig {
  files: string[];
  current?: string;
  contexts: ContextRef[];
  /** A KubeConfig scoped to exactly one context. */
  forContext(name: string): KubeConfig;
}

export function kubeconfigFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env.KUBECONFIG?.split(delimiter).filter(Boolean);
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  return [join(env.HOME || homedir(), '.kube', 'config')];
}

export function loadKubeconfig(files: string[] = kubeconfigFiles()): LoadedKubeconfig {
  const merged = new KubeConfig();
  merged.loadFromOptions({ clusters: [], users: [], contexts: [], currentContext: '' });
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) {
    throw new KubeconfigError(`no kubeconfig found (looked at ${files.join(', ')}); set KUBECONFIG or use 'zonectl demo'`);
  }
  for (const file of present) {
    const kc = new KubeConfig();
    try {
      kc.loadFromFile(file);
    } catch (e) {
      throw new KubeconfigError(`kubeconfig ${file} is malformed: ${firstLine(e)}`);
    }
    // First file wins for every name, like kubectl's merge rules.
    for (const c of kc.clusters ?? []) if (!merged.getCluster(c.name)) merged.addCluster(c);
    for (const u of kc.users ?? []) if (!merged.getUser(u.name)) merged.addUser(u);
    for (const x of kc.contexts ?? []) if (!merged.getContextObject(x.name)) merged.addContext(x);
    if (!merged.currentContext && kc.currentContext) merged.currentContext = kc.currentContext;
  }
  const contexts: ContextRef[] = merged.contexts.map((c) => ({
    name: c.name,
    cluster: c.cluster,
    user: c.user,
    server: merged.getCluster(c.cluster)?.server ?? '',
    namespace: c.namespace,
  }));
  return {
    files: present,
    current: merged.currentContext || undefined,
    contexts,
    forContext(name: string): KubeConfig {
      const ctx = merged.getContextObject(name);
      if (!ctx) throw new KubeconfigError(`context "${name}" not found in kubeconfig (${present.join(', ')})`);
      const cluster = merged.getCluster(ctx.cluster);
      if (!cluster) throw new KubeconfigError(`context "${name}" refers to missing cluster "${ctx.cluster}"`);
      const user = merged.getUser(ctx.user);
      const kc = new KubeConfig();
      kc.loadFromOptions({
        clusters: [cluster],
        users: user ? [user] : [],
        contexts: [ctx],
        currentContext: name,
      });
      return kc;
    },
  };
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? '';
}
