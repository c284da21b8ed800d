// Loading kubeconfig: KUBECONFIG may list several files (merged like kubectl: first file wins for a
// name). One KubeConfig object per context — we never switch contexts on a shared one. Relative paths
// in a file are relative to that file's folder, as client-go resolves them (ResolveLocalPaths).
import { existsSync } from 'node:fs';
import { readTextBounded } from '../read-bounded.js';
import { delimiter, dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { homedir } from 'node:os';
import { KubeConfig, type User } from '@kubernetes/client-node';
import { parse } from 'yaml';
import { TokenFileAuth } from './token-file.js';

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

/** Kubeconfigs of thousands of contexts are a few MiB; past this (or a device that never ends) it is refused. */
const KUBECONFIG_MAX_BYTES = 64 * 1024 * 1024;

export function loadKubeconfig(files: string[] = kubeconfigFiles()): LoadedKubeconfig {
  const merged = new KubeConfig();
  merged.loadFromOptions({ clusters: [], users: [], contexts: [], currentContext: '' });
  const present = files.filter((f) => existsSync(f));
  if (present.length === 0) {
    throw new KubeconfigError(`no kubeconfig found (looked at ${files.join(', ')}); set KUBECONFIG or use 'zonectl demo'`);
  }
  /** User name -> its tokenFile (absolute). client-node does not know the kubeconfig's `tokenFile`. */
  const tokenFiles = new Map<string, string>();
  for (const file of present) {
    const kc = new KubeConfig();
    const dir = dirname(resolve(file));
    let raw: unknown;
    try {
      const text = readTextBounded(file, KUBECONFIG_MAX_BYTES);
      kc.loadFromString(text);
      raw = rawYaml(text);
    } catch (e) {
      throw new KubeconfigError(`kubeconfig ${file} is malformed: ${firstLine(e)}`);
    }
    // certificate-authority, client-certificate, client-key.
    kc.makePathsAbsolute(dir);
    const rawTokenFiles = tokenFilesOf(raw);
    // First file wins for every name, like kubectl's merge rules.
    for (const c of kc.clusters ?? []) if (!merged.getCluster(c.name)) merged.addCluster(c);
    for (const u of kc.users ?? []) {
      if (merged.getUser(u.name)) continue;
      merged.addUser(withExecCommandResolved(u, dir));
      const tf = rawTokenFiles.get(u.name);
      if (tf) tokenFiles.set(u.name, atDir(dir, tf));
    }
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
      const tokenFile = user ? tokenFiles.get(user.name) : undefined;
      const kc = new KubeConfig();
      kc.loadFromOptions({
        clusters: [cluster],
        // With a tokenFile the file's token is sent (client-node would send `token` over it); `token`
        // is only the fallback when the file cannot be read, as in client-go.
        users: user ? [tokenFile ? { ...user, token: undefined } : user] : [],
        contexts: [ctx],
        currentContext: name,
      });
      if (user && tokenFile) kc.addAuthenticator(new TokenFileAuth(user.name, tokenFile, user.token));
      return kc;
    },
  };
}

/** A relative path is relative to the kubeconfig's folder. */
function atDir(dir: string, p: string): string {
  return isAbsolute(p) ? p : join(dir, p);
}

/** An exec plugin given as a path (it contains a separator) is relative to the kubeconfig's folder; a bare name is looked up on PATH. */
function withExecCommandResolved(u: User, dir: string): User {
  const command: unknown = u.exec?.command;
  if (typeof command !== 'string' || !command.includes(sep) || isAbsolute(command)) return u;
  return { ...u, exec: { ...u.exec, command: join(dir, command) } };
}

/** The file as plain data for what client-node drops (tokenFile); client-node's own parse decides what is malformed. */
function rawYaml(text: string): unknown {
  try {
    return parse(text, { uniqueKeys: false });
  } catch {
    return undefined;
  }
}

/** users[].user.tokenFile of a parsed kubeconfig, by user name. */
function tokenFilesOf(raw: unknown): Map<string, string> {
  const out = new Map<string, string>();
  const users = (raw as { users?: unknown } | null)?.users;
  if (!Array.isArray(users)) return out;
  for (const u of users as Array<{ name?: unknown; user?: { tokenFile?: unknown } } | null>) {
    const tf = u?.user?.tokenFile;
    if (typeof u?.name === 'string' && typeof tf === 'string' && tf) out.set(u.name, tf);
  }
  return out;
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? '';
}
