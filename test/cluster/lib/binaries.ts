// Where test/cluster/tools/build.sh put kube-apiserver and etcd (and, for pods, kube-controller-manager,
// kube-scheduler and kwok): the same directories it computes.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'tools');

export interface Binaries {
  dir: string;
  k8sVersion: string;
  etcdVersion: string;
  kubeApiserver: string;
  etcd: string;
}

/** Versions as pinned in test/cluster/tools/go.mod (the same source build.sh reads). */
export function pinnedVersions(): { k8sVersion: string; etcdVersion: string } {
  const gomod = readFileSync(join(TOOLS_DIR, 'go.mod'), 'utf8');
  const k8s = /^\s*(?:require\s+)?k8s\.io\/kubernetes[ \t]+(v[0-9][^\s]*)/m.exec(gomod);
  const etcd = /^\s*go\.etcd\.io\/etcd\/server\/v3[ \t]+(v[0-9][^\s]*)/m.exec(gomod);
  if (!k8s || !etcd) throw new Error(`cannot read k8s.io/kubernetes and etcd server versions from ${TOOLS_DIR}/go.mod`);
  return { k8sVersion: k8s[1], etcdVersion: etcd[1] };
}

/**
 * The binary directory: $ZONECTL_K8S_BIN_DIR if set, else
 * ${ZONECTL_TOOLS_CACHE:-~/.cache/zonectl-tools}/k8s-<k8s>-etcd-<etcd>/ (what build.sh writes).
 */
export function locateBinaries(binDir?: string): Binaries {
  const { k8sVersion, etcdVersion } = pinnedVersions();
  const cacheRoot = process.env.ZONECTL_TOOLS_CACHE || join(homedir(), '.cache', 'zonectl-tools');
  const dir = binDir ?? process.env.ZONECTL_K8S_BIN_DIR ?? join(cacheRoot, `k8s-${k8sVersion}-etcd-${etcdVersion}`);
  const bins = { dir, k8sVersion, etcdVersion, kubeApiserver: join(dir, 'kube-apiserver'), etcd: join(dir, 'etcd') };
  for (const b of [bins.kubeApiserver, bins.etcd]) {
    if (!existsSync(b)) throw new Error(`missing ${b}: run \`bash test/cluster/tools/build.sh\` first (npm run test:cluster does)`);
  }
  return bins;
}

export interface PodBinaries {
  kubeControllerManager: string;
  kubeScheduler: string;
  kwok: string;
  kwokVersion: string;
}

/** kwok's version as pinned in test/cluster/tools/kwok/VERSION (the same source build.sh reads). */
export function pinnedKwokVersion(): string {
  const v = readFileSync(join(TOOLS_DIR, 'kwok', 'VERSION'), 'utf8').trim();
  if (!/^v\d+\.\d+\.\d+$/.test(v)) throw new Error(`bad kwok version in ${TOOLS_DIR}/kwok/VERSION: ${JSON.stringify(v)}`);
  return v;
}

/**
 * The binaries a cluster with pods needs on top of locateBinaries(): kube-controller-manager and kube-scheduler
 * beside kube-apiserver, kwok in ${ZONECTL_TOOLS_CACHE:-~/.cache/zonectl-tools}/kwok-<version>/ (or $ZONECTL_KWOK_BIN).
 */
export function locatePodBinaries(bins: Binaries): PodBinaries {
  const kwokVersion = pinnedKwokVersion();
  const cacheRoot = process.env.ZONECTL_TOOLS_CACHE || join(homedir(), '.cache', 'zonectl-tools');
  const pods: PodBinaries = {
    kubeControllerManager: join(bins.dir, 'kube-controller-manager'),
    kubeScheduler: join(bins.dir, 'kube-scheduler'),
    kwok: process.env.ZONECTL_KWOK_BIN ?? join(cacheRoot, `kwok-${kwokVersion}`, 'kwok'),
    kwokVersion,
  };
  for (const b of [pods.kubeControllerManager, pods.kubeScheduler, pods.kwok]) {
    if (!existsSync(b)) throw new Error(`missing ${b}: run \`bash test/cluster/tools/build.sh\` first (npm run test:cluster does)`);
  }
  return pods;
}
