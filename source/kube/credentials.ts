// The credentials of one context's requests: what client-node applies from the kubeconfig (token,
// tokenFile, OIDC, impersonation headers) and an exec plugin's token, which zonectl runs itself
// (exec-credential.ts) because client-node runs it without a time limit.
import type https from 'node:https';
import { type Cluster, KubeConfig, type User } from '@kubernetes/client-node';
import { KubeError } from './errors.js';
import { ExecCredentialPlugin, type ExecConfig, ExecPluginError } from './exec-credential.js';

/** A request's deadline: `ms`, at which `timeout` fires; `signal` is the caller's own abort. */
export interface Deadline {
  ms: number;
  timeout: AbortSignal;
  signal?: AbortSignal;
}

export class RequestCredentials {
  /** The context's KubeConfig, without the exec plugin (client-node would run it). */
  private readonly kc: KubeConfig;
  private readonly exec?: ExecCredentialPlugin;

  constructor(
    private readonly context: string,
    kc: KubeConfig,
    cluster: Cluster & { caPem?: string },
    user: User | null,
    /** A plugin runs at most this long (the client's request timeout). */
    private readonly timeoutMs: number,
    /** A plugin did not answer in time: the client fails what follows within one timeout at once. */
    private readonly onSilent: (cause: string) => void,
  ) {
    this.kc = kc;
    const exec = user?.exec as ExecConfig | undefined;
    if (user && typeof exec?.command === 'string' && exec.command) {
      this.exec = new ExecCredentialPlugin(exec, {
        server: cluster.server,
        caData: cluster.caPem,
        insecureSkipTLSVerify: cluster.skipTLSVerify,
        tlsServerName: cluster.tlsServerName,
      });
      this.kc = withoutExec(kc, user.name);
    }
  }

  /** Request headers with credentials; an exec plugin runs within the request's deadline (at most the client's timeout). */
  async headers(deadline: Deadline, contentType?: string, accept = 'application/json'): Promise<Record<string, string>> {
    const o: https.RequestOptions = {};
    try {
      await this.kc.applyToHTTPSOptions(o);
    } catch (e) {
      throw new KubeError('Unauthorized', this.context, `cannot get credentials: ${String((e as Error).message ?? e).split('\n')[0]}`);
    }
    const h: Record<string, string> = { accept, 'user-agent': 'zonectl' };
    for (const [k, v] of Object.entries((o.headers ?? {}) as Record<string, unknown>)) {
      if (v !== undefined) h[k.toLowerCase()] = String(v);
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
      if (d.signal?.aborted) throw new KubeError('Timeout', this.context, `credential plugin "${plugin.name}": aborted`);
      const timedOut = e instanceof ExecPluginError ? e.timedOut : d.timeout.aborted;
      const message = e instanceof ExecPluginError ? e.message : `credential plugin "${plugin.name}" did not answer within ${d.ms} ms`;
      if (timedOut) this.onSilent(message);
      throw new KubeError(timedOut ? 'Timeout' : 'Unreachable', this.context, message);
    }
  }
}

/** The same KubeConfig without the user's exec plugin. */
function withoutExec(kc: KubeConfig, userName: string): KubeConfig {
  const out = new KubeConfig();
  out.loadFromOptions({
    clusters: kc.clusters,
    users: kc.users.map((u) => (u.name === userName ? { ...u, exec: undefined } : u)),
    contexts: kc.contexts,
    currentContext: kc.currentContext,
  });
  return out;
}
