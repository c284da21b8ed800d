// One client per kubeconfig context, where a context the kubeconfig cannot make a client for (the CA,
// client certificate or key file it names is missing or unreadable, its cluster is not in the file) is
// that context's failure only: it becomes a client whose every request fails with that reason, so a
// fan-out lists the other clusters and names this one (exit 3), and an action on it is one line.
import type { Config } from '../config/config.js';
import type { ClusterClient } from '../kube/client-api.js';
import { type ClientOptions, HttpClusterClient } from '../kube/client.js';
import { KubeError } from '../kube/errors.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import { Fleet, memberOf } from '../fleet/fleet.js';
import { redactUrlPasswords } from '../redact.js';
import { fileErrorText } from '../read-bounded.js';

/** A context without a usable client: every request fails with `error` (kind Invalid: a kubeconfig mistake). */
export class UnusableClient implements ClusterClient {
  readonly server: string;
  constructor(
    readonly context: string,
    server: string,
    readonly user: string,
    readonly error: KubeError,
  ) {
    this.server = redactUrlPasswords(server);
  }
  private fail(): Promise<never> {
    return Promise.reject(this.error);
  }
  request<T>(): Promise<T> {
    return this.fail();
  }
  get() {
    return this.fail();
  }
  list() {
    return this.fail();
  }
  listAll() {
    return this.fail();
  }
  delete() {
    return this.fail();
  }
  patch() {
    return this.fail();
  }
  create() {
    return this.fail();
  }
  watch() {
    return this.fail();
  }
  streamLines() {
    return this.fail();
  }
  canI() {
    return this.fail();
  }
  version() {
    return this.fail();
  }
  close(): void {}
}

/** The client for `context`, or an UnusableClient saying why there can be none. */
export function contextClient(kc: LoadedKubeconfig, context: string, opts: ClientOptions): ClusterClient {
  try {
    return new HttpClusterClient(context, kc.forContext(context), opts);
  } catch (e) {
    return unusable(kc, context, e);
  }
}

/** Throws the reason `context` has no usable client (nothing when it has one). */
export function checkContext(kc: LoadedKubeconfig, context: string): void {
  const c = contextClient(kc, context, {});
  c.close();
  if (c instanceof UnusableClient) throw c.error;
}

/** The fleet of `contexts`, as Fleet.fromKubeconfig makes it, with an UnusableClient member for each context it cannot. */
export function openFleet(
  kc: LoadedKubeconfig,
  contexts: string[],
  config: Config,
  opts: Pick<ClientOptions, 'connections' | 'http1' | 'streamWindowBytes'> = {},
): Fleet {
  return new Fleet(
    contexts.map((name) => {
      const client = contextClient(kc, name, {
        timeoutMs: config.requestTimeoutMs,
        connections: opts.connections,
        http1: opts.http1,
        streamWindowBytes: opts.streamWindowBytes,
      });
      return memberOf(name, client, config, client instanceof UnusableClient ? client.error.message : undefined);
    }),
  );
}

function unusable(kc: LoadedKubeconfig, context: string, e: unknown): UnusableClient {
  const ref = kc.contexts.find((c) => c.name === context);
  return new UnusableClient(context, ref?.server ?? '', ref?.user ?? '', reason(kc, context, e));
}

function reason(kc: LoadedKubeconfig, context: string, e: unknown): KubeError {
  if (e instanceof KubeError) return e;
  const err = e as NodeJS.ErrnoException | undefined;
  if (typeof err?.path === 'string' && typeof err.code === 'string') {
    const field = fileField(kc, context, err.path);
    return new KubeError('Invalid', context, `kubeconfig: ${field ? `${field} ` : ''}${err.path}: ${fileErrorText(err)}`);
  }
  const text = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
  return new KubeError('Invalid', context, `kubeconfig: ${text}`);
}

/** Which kubeconfig field named the file that could not be read. */
function fileField(kc: LoadedKubeconfig, context: string, path: string): string | undefined {
  try {
    const { cluster, user } = kc.forContext(context);
    if (cluster.caFile === path) return 'certificate-authority';
    if (user?.certFile === path) return 'client-certificate';
    if (user?.keyFile === path) return 'client-key';
  } catch {
    // the context itself is broken: no field to name
  }
  return undefined;
}
