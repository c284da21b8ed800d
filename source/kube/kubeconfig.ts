// Loading kubeconfig: KUBECONFIG may list several files (merged like kubectl: the first file to name a
// cluster, user or context wins, and the first current-context set wins). One ContextConfig per
// context — never a shared object with a switched current context. Relative paths in a file are
// relative to that file's folder, as client-go resolves them (ResolveLocalPaths). Read with `yaml`,
// not @kubernetes/client-node: a command that lists zones never loads client-node (auth-provider.ts
// loads it for the users only it can serve).
import { existsSync } from 'node:fs';
import { readTextBounded } from '../read-bounded.js';
import { delimiter, dirname, join, resolve } from 'node:path';
import { homedir } from 'node:os';
import { parse } from 'yaml';
import { KubeconfigError } from './kubeconfig-error.js';
import { type KubeCluster, type KubeContextEntry, type KubeUser, kubeconfigEntries } from './kubeconfig-entries.js';
import { t } from '../i18n/t.js';

export { KubeconfigError };
export type { KubeCluster, KubeUser };

export interface ContextRef {
  name: string;
  cluster: string;
  user: string;
  server: string;
  namespace?: string;
}

/** What one context connects with: its cluster, its user (none: no credentials) and namespace. */
export interface ContextConfig {
  name: string;
  cluster: KubeCluster;
  user: KubeUser | null;
  namespace?: string;
}

export interface LoadedKubeconfig {
  files: string[];
  current?: string;
  contexts: ContextRef[];
  /** The cluster and user of exactly one context. */
  forContext(name: string): ContextConfig;
}

export function kubeconfigFiles(env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = env.KUBECONFIG?.split(delimiter).filter(Boolean);
  if (fromEnv && fromEnv.length > 0) return fromEnv;
  return [join(env.HOME || homedir(), '.kube', 'config')];
}

/** Kubeconfigs of thousands of contexts are a few MiB; past this (or a device that never ends) it is refused. */
const KUBECONFIG_MAX_BYTES = 64 * 1024 * 1024;

export function loadKubeconfig(files: string[] = kubeconfigFiles()): LoadedKubeconfig {
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) {
    throw new KubeconfigError(t('commands.kube.noKubeconfig', { files: files.join(', ') }));
  }
  const clusters = new Map<string, KubeCluster>();
  const users = new Map<string, KubeUser>();
  const contexts = new Map<string, KubeContextEntry>();
  let current: string | undefined;
  for (const file of present) {
    let entries;
    try {
      // A duplicate key makes the file malformed, as client-node's js-yaml said before.
      entries = kubeconfigEntries(parse(readTextBounded(file, KUBECONFIG_MAX_BYTES)), dirname(resolve(file)));
    } catch (e) {
      throw new KubeconfigError(t('commands.kube.malformed', { file, error: firstLine(e) }));
    }
    // First file wins for every name, like kubectl's merge rules.
    for (const c of entries.clusters) if (!clusters.has(c.name)) clusters.set(c.name, c);
    for (const u of entries.users) if (!users.has(u.name)) users.set(u.name, u);
    for (const x of entries.contexts) if (!contexts.has(x.name)) contexts.set(x.name, x);
    current ||= entries.currentContext;
  }
  return {
    files: present,
    current: current || undefined,
    contexts: [...contexts.values()].map((c) => ({
      name: c.name,
      cluster: c.cluster,
      user: c.user ?? '',
      server: clusters.get(c.cluster)?.server ?? '',
      namespace: c.namespace,
    })),
    forContext(name: string): ContextConfig {
      const ctx = contexts.get(name);
      if (!ctx) throw new KubeconfigError(t('commands.kube.contextNotFound', { name, present: present.join(', ') }));
      const cluster = clusters.get(ctx.cluster);
      if (!cluster) throw new KubeconfigError(t('commands.kube.missingCluster', { name, cluster: ctx.cluster }));
      // A user the file does not define is no credentials, as client-node and kubectl treat it.
      return { name, cluster, user: (ctx.user && users.get(ctx.user)) || null, namespace: ctx.namespace };
    },
  };
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? '';
}
