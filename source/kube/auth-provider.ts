// A kubeconfig user with an `auth-provider` (oidc, gcp, azure, or client-node's tokenFile provider):
// @kubernetes/client-node's authenticators apply it, and client-node is imported here only, when such
// a user's first request is made (a dynamic import: its own chunk in the bundle, never loaded by a
// kubeconfig of tokens, certificates and exec plugins).
import type { KubeConfig } from './client-node-config.js';
import type { KubeCluster, KubeUser } from './kubeconfig-entries.js';

export class AuthProviderHeaders {
  /** One KubeConfig for the client's life: client-node keeps a refreshed OIDC token in the user's config. */
  private kc?: Promise<KubeConfig>;

  constructor(
    private readonly cluster: KubeCluster,
    private readonly user: KubeUser,
  ) {}

  /** The headers client-node's authenticator sets (Authorization, lower-cased names). */
  async headers(): Promise<Record<string, string>> {
    this.kc ??= import('./client-node-config.js').then(({ KubeConfig }) => {
      const kc = new KubeConfig();
      // Only what the authenticators read: the TLS material and transport are zonectl's own (no CA
      // file is read here, and client-node's agent for these options is made once and never used).
      kc.loadFromOptions({
        clusters: [{ name: this.cluster.name, server: this.cluster.server, skipTLSVerify: this.cluster.skipTLSVerify }],
        users: [{ name: this.user.name, authProvider: this.user.authProvider }],
        contexts: [{ name: 'zonectl', cluster: this.cluster.name, user: this.user.name }],
        currentContext: 'zonectl',
      });
      return kc;
    });
    const kc = await this.kc;
    const o: { headers?: Record<string, unknown> } = {};
    await kc.applyToHTTPSOptions(o);
    const h: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.headers ?? {})) if (v !== undefined) h[k.toLowerCase()] = String(v);
    return h;
  }
}
