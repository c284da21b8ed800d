// Credentials of the test federation, generated with node:crypto (no openssl): static tokens for the users
// `admin` (system:masters) and `viewer`, the service-account signing key, and the kubeconfig.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { stringify } from 'yaml';

export interface Tokens {
  admin: string;
  viewer: string;
}

export function newTokens(): Tokens {
  return { admin: randomBytes(24).toString('hex'), viewer: randomBytes(24).toString('hex') };
}

/** --token-auth-file: token,user,uid,"groups". Static-token users are also in system:authenticated. */
export function writeTokenFile(path: string, tokens: Tokens): void {
  const csv = [`${tokens.admin},admin,uid-admin,"system:masters"`, `${tokens.viewer},viewer,uid-viewer`].join('\n');
  writeFileSync(path, csv + '\n', { mode: 0o600 });
}

/** EC P-256 key pair for --service-account-signing-key-file (private) and --service-account-key-file (public). */
export function writeServiceAccountKeys(privatePath: string, publicPath: string): void {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  writeFileSync(privatePath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  writeFileSync(publicPath, publicKey.export({ type: 'spki', format: 'pem' }), { mode: 0o644 });
}

export interface KubeconfigCluster {
  name: string;
  server: string;
  caPem: string;
}

export const viewerContextName = (cluster: string): string => `${cluster}-viewer`;

/**
 * One context per cluster for admin (named like the cluster) and one for viewer (`<cluster>-viewer`);
 * default namespace `namespace`; current-context = the first cluster's admin context. Written with mode 0600.
 */
export function writeKubeconfig(path: string, clusters: KubeconfigCluster[], tokens: Tokens, namespace: string): void {
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    preferences: {},
    'current-context': clusters[0]?.name ?? '',
    clusters: clusters.map((c) => ({
      name: c.name,
      cluster: { server: c.server, 'certificate-authority-data': Buffer.from(c.caPem).toString('base64') },
    })),
    users: [
      { name: 'admin', user: { token: tokens.admin } },
      { name: 'viewer', user: { token: tokens.viewer } },
    ],
    contexts: clusters.flatMap((c) => [
      { name: c.name, context: { cluster: c.name, user: 'admin', namespace } },
      { name: viewerContextName(c.name), context: { cluster: c.name, user: 'viewer', namespace } },
    ]),
  };
  writeFileSync(path, stringify(doc), { mode: 0o600 });
}

/** A one-context kubeconfig for a control-plane component (kube-controller-manager, kube-scheduler, kwok) as `admin`. */
export function writeComponentKubeconfig(path: string, cluster: KubeconfigCluster, token: string): void {
  const doc = {
    apiVersion: 'v1',
    kind: 'Config',
    'current-context': cluster.name,
    clusters: [
      {
        name: cluster.name,
        cluster: { server: cluster.server, 'certificate-authority-data': Buffer.from(cluster.caPem).toString('base64') },
      },
    ],
    users: [{ name: 'admin', user: { token } }],
    contexts: [{ name: cluster.name, context: { cluster: cluster.name, user: 'admin' } }],
  };
  writeFileSync(path, stringify(doc), { mode: 0o600 });
}
