// One kubeconfig file's clusters, users and contexts as typed entries, read from the parsed YAML
// without @kubernetes/client-node (whose import alone costs ~300 ms of CPU and 30 MiB at start-up).
// Field names follow client-node's Cluster/User so an auth-provider user can still be handed to it
// (auth-provider.ts). What client-node refused (an entry without its name, a cluster without a
// server, a context without a cluster) still makes the file malformed, in the same words; a field of
// the wrong type is named, never its value (it may be a token).
import { isAbsolute, join, sep } from 'node:path';
import type { ExecConfig } from './exec-credential.js';
import { t } from '../i18n/t.js';

export interface KubeCluster {
  name: string;
  server: string;
  caFile?: string;
  caData?: string;
  skipTLSVerify: boolean;
  tlsServerName?: string;
  /** Read, not used: zonectl's transport has no proxy support (neither had it before). */
  proxyUrl?: string;
}

export interface KubeUser {
  name: string;
  token?: string;
  /** Absolute; read per request (re-read after a minute), winning over `token` (token-file.ts). */
  tokenFile?: string;
  certFile?: string;
  certData?: string;
  keyFile?: string;
  keyData?: string;
  username?: string;
  password?: string;
  /** `as`: sent as Impersonate-User. */
  impersonateUser?: string;
  /** Run by zonectl (exec-credential.ts); `command` given as a path is absolute. */
  exec?: ExecConfig;
  /** gcp, azure, oidc, tokenFile providers: handled by client-node, loaded only for such a user. */
  authProvider?: { name: string; config?: Record<string, string> };
}

export interface KubeContextEntry {
  name: string;
  cluster: string;
  user?: string;
  namespace?: string;
}

export interface KubeconfigEntries {
  clusters: KubeCluster[];
  users: KubeUser[];
  contexts: KubeContextEntry[];
  currentContext?: string;
}

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** An optional string field: a number or boolean is taken as written (YAML `token: 12345`); anything else is malformed. */
function str(o: Obj | undefined, key: string, where: string): string | undefined {
  const v = o?.[key];
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw new Error(t('commands.kube.entry.notString', { field: `${where}.${key}` }));
}

function list(doc: Obj, key: string): unknown[] {
  const v = doc[key];
  return Array.isArray(v) ? v : [];
}

/** A relative path is relative to the kubeconfig's folder (client-go's ResolveLocalPaths). */
function atDir(dir: string, p: string | undefined): string | undefined {
  return p === undefined || isAbsolute(p) ? p : join(dir, p);
}

function cluster(e: unknown, i: number, dir: string): KubeCluster {
  const where = `clusters[${i}]`;
  const name = isObj(e) ? str(e, 'name', where) : undefined;
  if (!isObj(e) || !name) throw new Error(t('commands.kube.entry.missing', { field: `${where}.name` }));
  const c = e.cluster;
  if (!isObj(c)) throw new Error(t('commands.kube.entry.missing', { field: `${where}.cluster` }));
  const server = str(c, 'server', `${where}.cluster`);
  if (!server) throw new Error(t('commands.kube.entry.missing', { field: `${where}.cluster.server` }));
  return {
    name,
    server: server.replace(/\/$/, ''),
    caFile: atDir(dir, str(c, 'certificate-authority', `${where}.cluster`)),
    caData: str(c, 'certificate-authority-data', `${where}.cluster`),
    skipTLSVerify: c['insecure-skip-tls-verify'] === true,
    tlsServerName: str(c, 'tls-server-name', `${where}.cluster`),
    proxyUrl: str(c, 'proxy-url', `${where}.cluster`),
  };
}

function user(e: unknown, i: number, dir: string): KubeUser {
  const where = `users[${i}]`;
  const name = isObj(e) ? str(e, 'name', where) : undefined;
  if (!isObj(e) || !name) throw new Error(t('commands.kube.entry.missing', { field: `${where}.name` }));
  const u = isObj(e.user) ? e.user : undefined;
  const w = `${where}.user`;
  // `token-file` is what client-node read (from the working directory, at load); kubectl knows `tokenFile`.
  const tokenFile = str(u, 'tokenFile', w) ?? str(u, 'token-file', w);
  const ap = u?.['auth-provider'];
  return {
    name,
    token: str(u, 'token', w),
    tokenFile: atDir(dir, tokenFile),
    certFile: atDir(dir, str(u, 'client-certificate', w)),
    certData: str(u, 'client-certificate-data', w),
    keyFile: atDir(dir, str(u, 'client-key', w)),
    keyData: str(u, 'client-key-data', w),
    username: str(u, 'username', w),
    password: str(u, 'password', w),
    impersonateUser: str(u, 'as', w),
    exec: isObj(u?.exec) ? execResolved(u.exec, dir) : undefined,
    authProvider:
      isObj(ap) && typeof ap.name === 'string' ? { name: ap.name, config: isObj(ap.config) ? stringsOf(ap.config) : {} } : undefined,
  };
}

/** An exec plugin given as a path (it contains a separator) is relative to the kubeconfig's folder; a bare name is looked up on PATH. */
function execResolved(exec: Obj, dir: string): ExecConfig {
  const command = exec.command;
  const resolved = typeof command === 'string' && command.includes(sep) && !isAbsolute(command) ? join(dir, command) : command;
  return { ...exec, command: resolved } as ExecConfig;
}

/** An auth provider's config: string values (client-node writes refreshed tokens back into it). */
function stringsOf(o: Obj): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (typeof v === 'string') out[k] = v;
  return out;
}

function context(e: unknown, i: number): KubeContextEntry {
  const where = `contexts[${i}]`;
  const name = isObj(e) ? str(e, 'name', where) : undefined;
  if (!isObj(e) || !name) throw new Error(t('commands.kube.entry.missing', { field: `${where}.name` }));
  const c = e.context;
  if (!isObj(c)) throw new Error(t('commands.kube.entry.missing', { field: `${where}.context` }));
  const clusterName = str(c, 'cluster', `${where}.context`);
  if (!clusterName) throw new Error(t('commands.kube.entry.missing', { field: `${where}.context.cluster` }));
  return { name, cluster: clusterName, user: str(c, 'user', `${where}.context`), namespace: str(c, 'namespace', `${where}.context`) };
}

/** The entries of one parsed kubeconfig document (an empty file has none); throws a one-line Error when malformed. */
export function kubeconfigEntries(doc: unknown, dir: string): KubeconfigEntries {
  if (doc === null || doc === undefined) return { clusters: [], users: [], contexts: [] };
  if (!isObj(doc)) throw new Error(t('commands.kube.entry.notKubeconfig'));
  return {
    clusters: list(doc, 'clusters').map((e, i) => cluster(e, i, dir)),
    users: list(doc, 'users').map((e, i) => user(e, i, dir)),
    contexts: list(doc, 'contexts').map((e, i) => context(e, i)),
    currentContext: str(doc, 'current-context', 'kubeconfig'),
  };
}
