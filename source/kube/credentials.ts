// The credentials of one context's requests, from the kubeconfig as kubeconfig.ts read it: a token or
// tokenFile, basic auth, impersonation, an exec plugin's token (zonectl runs it, exec-credential.ts,
// because client-node runs it without a time limit), and an auth-provider's token (client-node's
// authenticators, loaded only then: auth-provider.ts). Headers are computed per request but read no
// certificate file: the TLS material is the client's connection's (client.ts).
import { KubeError } from './errors.js';
import { ExecCredentialPlugin, ExecPluginError } from './exec-credential.js';
import type { KubeCluster, KubeUser } from './kubeconfig-entries.js';
import { TokenFile } from './token-file.js';
import { AuthProviderHeaders } from './auth-provider.js';
import { fileErrorText } from '../read-bounded.js';
import { t } from '../i18n/t.js';

/** A request's deadline: `ms`, at which `timeout` fires; `signal` is the caller's own abort. */
export interface Deadline {
  ms: number;
  timeout: AbortSignal;
  signal?: AbortSignal;
}

/** The auth providers client-node implements (any other name sets no header there either). */
const CLIENT_NODE_PROVIDERS = new Set(['oidc', 'gcp', 'azure']);

export class RequestCredentials {
  private readonly exec?: ExecCredentialPlugin;
  private readonly tokenFile?: TokenFile;
  private readonly authProvider?: AuthProviderHeaders;
  /** Headers every request carries (impersonation, a static token or basic auth). */
  private readonly fixed: Record<string, string> = {};
  /** Why no request can be given credentials (the kubeconfig asks for what cannot be done). */
  private readonly refusal?: string;

  constructor(
    private readonly context: string,
    cluster: KubeCluster & { caPem?: string },
    user: KubeUser | null,
    /** A plugin runs at most this long (the client's request timeout). */
    private readonly timeoutMs: number,
    /** A plugin did not answer in time: the client fails what follows within one timeout at once. */
    private readonly onSilent: (cause: string) => void,
  ) {
    // Credentials are not sent in the clear unless the kubeconfig says TLS is not wanted (as client-node refused).
    if (/^http:/i.test(cluster.server) && !cluster.skipTLSVerify) this.refusal = t('commands.kube.plainHttp', { server: cluster.server });
    if (!user) return;
    if (user.impersonateUser) this.fixed['impersonate-user'] = user.impersonateUser;
    const ap = user.authProvider;
    if (ap && (CLIENT_NODE_PROVIDERS.has(ap.name) || ap.config?.tokenFile)) this.authProvider = new AuthProviderHeaders(cluster, user);
    // tokenFile wins over token (token is the fallback when the file cannot be read), as in client-go.
    if (user.tokenFile) this.tokenFile = new TokenFile(user.tokenFile, user.token);
    else if (user.token) this.fixed.authorization = `Bearer ${user.token}`;
    else if (user.username !== undefined && !user.exec)
      this.fixed.authorization = `Basic ${Buffer.from(`${user.username}:${user.password ?? ''}`).toString('base64')}`;
    if (user.exec) {
      const command: unknown = user.exec.command;
      if (typeof command !== 'string' || !command) this.refusal ??= t('commands.kube.execNoCommand');
      else
        this.exec = new ExecCredentialPlugin(user.exec, {
          server: cluster.server,
          caData: cluster.caPem,
          insecureSkipTLSVerify: cluster.skipTLSVerify,
          tlsServerName: cluster.tlsServerName,
        });
    }
  }

  /** Request headers with credentials; an exec plugin runs within the request's deadline (at most the client's timeout). */
  async headers(deadline: Deadline, contentType?: string, accept = 'application/json'): Promise<Record<string, string>> {
    if (this.refusal) throw new KubeError('Unauthorized', this.context, t('commands.kube.noCredentials', { reason: this.refusal }));
    const h: Record<string, string> = { accept, 'user-agent': 'zonectl' };
    try {
      if (this.authProvider) Object.assign(h, await this.authProvider.headers());
    } catch (e) {
      throw new KubeError('Unauthorized', this.context, t('commands.kube.noCredentials', { reason: firstLine(e) }));
    }
    Object.assign(h, this.fixed);
    if (this.tokenFile) {
      let token: string | undefined;
      try {
        token = await this.tokenFile.current();
      } catch (e) {
        const path = (e as NodeJS.ErrnoException).path;
        throw new KubeError(
          'Unauthorized',
          this.context,
          t('commands.kube.noCredentials', { reason: `tokenFile ${path ?? ''}: ${fileErrorText(e)}` }),
        );
      }
      if (token) h.authorization = `Bearer ${token}`;
    }
    // A token given otherwise wins over the plugin's, as in client-go.
    if (this.exec && h.authorization === undefined) h.authorization = `Bearer ${await this.pluginToken(this.exec, deadline)}`;
    if (contentType) h['content-type'] = contentType;
    return h;
  }

  /** The server refused the credentials (401): a plugin's cached token is dropped. */
  refused(): void {
    this.exec?.forget();
  }

  close(): void {
    this.exec?.close();
  }

  /**
   * The exec plugin's token. A plugin that does not answer in time fails like a silent server; one that
   * fails is "cannot reach" (exit 3), as kubectl says "Unable to connect to the server: getting credentials".
   */
  private async pluginToken(plugin: ExecCredentialPlugin, d: Deadline): Promise<string> {
    try {
      return await plugin.token(Math.min(d.ms, this.timeoutMs), d.signal ? AbortSignal.any([d.signal, d.timeout]) : d.timeout);
    } catch (e) {
      if (d.signal?.aborted) throw new KubeError('Timeout', this.context, t('commands.kube.pluginAborted', { name: plugin.name }));
      const timedOut = e instanceof ExecPluginError ? e.timedOut : d.timeout.aborted;
      const message = e instanceof ExecPluginError ? e.message : t('commands.kube.pluginNoAnswer', { name: plugin.name, ms: d.ms });
      if (timedOut) this.onSilent(message);
      throw new KubeError(timedOut ? 'Timeout' : 'Unreachable', this.context, message);
    }
  }
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0] ?? '';
}
