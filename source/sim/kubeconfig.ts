// Writes a kubeconfig (mode 0600) for simulated clusters: context `<cluster>` as admin and
// `<cluster>-viewer` as the read-only user. https clusters carry their CA (verified TLS; kubectl needs TLS
// to send tokens). http clusters set insecure-skip-tls-verify, without which zonectl sends no
// credentials to http: servers (kubectl then sends no token at all: use tls for kubectl).
import { mkdtempSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import type { SimCluster } from './cluster-server.js';

export function kubeconfigFor(
  clusters: Array<Pick<SimCluster, 'name' | 'url' | 'tokens' | 'ca'>>,
  currentContext = clusters[0]?.name,
): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': currentContext,
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: c.ca
        ? { server: c.url, 'certificate-authority-data': Buffer.from(c.ca).toString('base64') }
        : { server: c.url, 'insecure-skip-tls-verify': true },
    })),
    users: clusters.flatMap((c) => [
      { name: `${c.name}-admin`, user: { token: c.tokens.admin } },
      { name: `${c.name}-viewer`, user: { token: c.tokens.viewer } },
    ]),
    contexts: clusters.flatMap((c) => [
      { name: c.name, context: { cluster: c.name, user: `${c.name}-admin`, namespace: 'default' } },
      { name: `${c.name}-viewer`, context: { cluster: c.name, user: `${c.name}-viewer`, namespace: 'default' } },
    ]),
  };
}

/** Writes the kubeconfig to `path`, or to a new temp dir; returns the file path. */
export function writeKubeconfig(clusters: Array<Pick<SimCluster, 'name' | 'url' | 'tokens' | 'ca'>>, path?: string): string {
  const file = path ?? join(mkdtempSync(join(tmpdir(), 'zonectl-sim-')), 'kubeconfig');
  writeFileSync(file, YAML.stringify(kubeconfigFor(clusters)), { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
