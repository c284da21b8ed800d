// HTTP transport for one kubeconfig context (kubeconfig.ts's ContextConfig): the TLS material is read
// once into the connection, credentials are applied per request (credentials.ts); requests and
// watches go through the cluster's one keep-alive transport (connections.ts: undici with HTTP/2, or
// HTTP/1.1 over node:https for one-shot lists; shared by the process's clients of that cluster) so a
// reconnecting watch reuses sockets instead of leaking them (client-node #2893). The TLS material is
// tls-material.ts's, the streaming reads (watch, log lines) streams.ts's, a network failure's words
// network-error.ts's.
import type { ContextConfig } from './kubeconfig.js';
import { readTlsMaterial } from './tls-material.js';
import type { Transport } from './transport.js';
import { acquireConnection } from './connections.js';
import type { IncomingHttpHeaders } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { ClusterClient, ListAllOptions, ListWatchOptions, PatchType, RequestOptions, WatchEvent, WatchOptions } from './client-api.js';
import { KubeError, errorFromStatus, isKubeError } from './errors.js';
import { InvalidPathSegment, type KubeList, type KubeObject, type ResourceType, resourcePath } from './object.js';
import { streamLines, watchRequest, type Wire } from './streams.js';
import { isConnectionReset, MAX_RETRY_AFTER, RESET_WAIT_MS, retryAfterMs } from './retry.js';
import { RequestCredentials } from './credentials.js';
import { redactUrlPasswords } from '../redact.js';
import { networkError, warningHeaders } from './network-error.js';
// `tr`: `t` names a resource type here.
import { t as tr } from '../i18n/t.js';
import { monotonicMs } from '../clock.js';

const PATCH_CONTENT_TYPE: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
};

export interface ClientOptions {
  timeoutMs?: number;
  userAgent?: string;
  /** Concurrent connections to the server (default 32; null = no limit). Every open watch and log stream holds one. */
  connections?: number | null;
  /**
   * HTTP/1.1 over node:https instead of undici with HTTP/2 (connections.ts): for a one-shot command's few
   * requests, cheaper to load (issue 14). Not for many watches or log streams: each holds a socket.
   */
  http1?: boolean;
  /**
   * The HTTP/2 flow-control window of each response stream, bytes (transport.ts). `logs -f` narrows it: with
   * 100 streams whose reader (stdout) is behind, every stream's window fills, and the default 256 KiB
   * held 25 MiB of lines in the process.
   */
  streamWindowBytes?: number;
}

export class HttpClusterClient implements ClusterClient {
  /** The server URL as shown (errors, `clusters`): a password in it is redacted, as kubectl does. */
  readonly server: string;
  /** The server URL requests go to. */
  private readonly base: string;
  readonly user: string;
  private readonly transport: Transport;
  private readonly releaseConnection: () => void;
  private readonly timeoutMs: number;
  private closed = false;
  private readonly credentials: RequestCredentials;

  constructor(
    readonly context: string,
    config: ContextConfig,
    opts: ClientOptions = {},
  ) {
    const { cluster, user } = config;
    this.base = cluster.server.replace(/\/+$/, '');
    this.server = redactUrlPasswords(this.base);
    this.user = user?.name ?? '';
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    // TLS material once (tls-material.ts); credentials (tokens, exec/auth-provider plugins) are per request.
    const { ca, cert, key } = readTlsMaterial(context, config);
    this.credentials = new RequestCredentials(context, { ...cluster, server: this.base, caPem: ca }, user, this.timeoutMs, (cause) =>
      this.silence(cause),
    );
    const conn = acquireConnection({
      origin: new URL(URL.canParse(this.base) ? this.base : 'http://invalid').origin,
      ca,
      cert,
      key,
      rejectUnauthorized: cluster.skipTLSVerify ? false : undefined,
      servername: cluster.tlsServerName,
      timeoutMs: this.timeoutMs,
      connections: opts.connections === null ? null : (opts.connections ?? 32),
      http1: opts.http1,
      streamWindowBytes: opts.streamWindowBytes,
    });
    this.transport = conn.transport;
    this.releaseConnection = conn.release;
    this.wire = {
      context,
      timeoutMs: this.timeoutMs,
      request: (url, r) => this.transport.request(url, r),
      url: (path, query) => this.url(path, query),
      headers: (deadline, accept) => this.credentials.headers(deadline, undefined, accept),
      networkError: (e, what, signal) => this.wrapNetworkError(e, what, signal),
      errorFromBody: (res, what) => this.errorFromBody(res, what),
      probe: (probeAfterMs) => this.probe(probeAfterMs),
      answered: () => (this.answeredAt = Date.now()),
    };
  }

  /** A streaming response that failed: read its (small) Status body into a typed error. */
  private async errorFromBody(res: { statusCode: number; text(): Promise<string> }, what: string): Promise<KubeError> {
    if (res.statusCode === 401) this.credentials.refused();
    const text = await res.text().catch(() => '');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* plain text */
    }
    return errorFromStatus(this.context, res.statusCode, parsed, what);
  }

  /**
   * The URL of a request path. A "." or ".." segment would be resolved away by URL normalisation and
   * address another object than the one named: refused (resourcePath already refuses such names).
   */
  private url(path: string, query?: RequestOptions['query']): string {
    const bad = path
      .split('?')[0]!
      .split('/')
      .find((seg) => seg === '.' || seg === '..');
    if (bad !== undefined) throw new KubeError('Invalid', this.context, tr('commands.kube.badPath', { path: JSON.stringify(path), bad }));
    if (!URL.canParse(this.base + path))
      throw new KubeError('Invalid', this.context, tr('commands.kube.serverNotUrl', { server: this.server }));
    const u = new URL(this.base + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') u.searchParams.set(k, String(v));
    return u.toString();
  }

  private wrapNetworkError(e: unknown, what: string, signal?: AbortSignal): KubeError {
    return networkError(this.context, this.server, e, what, signal);
  }

  /**
   * One deadline per cluster, not one per request: after a request got no answer at all, the requests
   * that follow within one request timeout fail at once with that cause (a command against a hung
   * cluster gives up after one timeout, not after each of its requests in turn). Any answer clears it;
   * after the window the next request tries the network again (the console keeps probing).
   */
  private silentUntil = 0;
  /** What the window says when the silence was the credential plugin's (else: the server's). */
  private silentCause?: string;

  private silence(cause?: string): void {
    this.silentUntil = Date.now() + this.timeoutMs;
    this.silentCause = cause;
  }

  /**
   * One request; sent again after a 429 / 5xx with Retry-After or a reset connection as retry.ts says,
   * all within the request's deadline.
   */
  async request<T = unknown>(opts: RequestOptions): Promise<T> {
    const method = opts.method ?? 'GET';
    const what = `${method} ${opts.path}`;
    if (Date.now() < this.silentUntil)
      throw new KubeError(
        'Timeout',
        this.context,
        this.silentCause ?? tr('commands.kube.noAnswerEarlier', { what, server: this.server, ms: this.timeoutMs }),
      );
    const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    const ms = opts.timeoutMs ?? this.timeoutMs;
    const deadline = Date.now() + ms;
    const timeout = AbortSignal.timeout(ms);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    const headers = await this.credentials.headers(
      { ms, timeout, signal: opts.signal },
      body !== undefined ? (opts.contentType ?? 'application/json') : undefined,
    );
    let resetRetried = false;
    for (let retries = 0; ; retries++) {
      let res: { status: number; headers: IncomingHttpHeaders; text: string };
      let answered = false;
      try {
        res = await this.send(this.url(opts.path, opts.query), { method, headers, body, signal }, () => (answered = true));
      } catch (e) {
        if (e instanceof KubeError) throw e;
        if (timeout.aborted && !opts.signal?.aborted) {
          if (!answered) this.silence();
          throw new KubeError('Timeout', this.context, tr('commands.kube.noAnswerWithin', { what, server: this.server, ms }));
        }
        if (method === 'GET' && !resetRetried && isConnectionReset(e) && Date.now() + RESET_WAIT_MS < deadline) {
          resetRetried = true;
          await this.pause(RESET_WAIT_MS, signal, what, opts.signal);
          continue;
        }
        throw this.wrapNetworkError(e, what, opts.signal);
      }
      const wait =
        res.status >= 400 && retries < MAX_RETRY_AFTER ? retryAfterMs(res.status, method, res.headers['retry-after']) : undefined;
      if (wait !== undefined && Date.now() + wait < deadline) {
        await this.pause(wait, signal, what, opts.signal);
        continue;
      }
      if (opts.onWarning) for (const w of warningHeaders(res.headers.warning)) opts.onWarning(w);
      let parsed: unknown = res.text;
      if (res.text && (res.headers['content-type'] ?? '').toString().includes('json')) {
        try {
          parsed = JSON.parse(res.text);
        } catch {
          throw new KubeError('Server', this.context, tr('commands.kube.badJson', { what }));
        }
      }
      if (res.status >= 400) throw errorFromStatus(this.context, res.status, parsed, what);
      return parsed as T;
    }
  }

  /** One attempt: status, headers and the whole body. `onAnswer` when the response headers arrived. */
  private async send(
    url: string,
    o: { method: string; headers: Record<string, string>; body?: string; signal: AbortSignal },
    onAnswer: () => void,
  ): Promise<{ status: number; headers: IncomingHttpHeaders; text: string }> {
    const res = await this.transport.request(url, o);
    onAnswer();
    this.silentUntil = 0;
    this.answeredAt = Date.now();
    if (res.statusCode === 401) this.credentials.refused();
    return { status: res.statusCode, headers: res.headers, text: await res.text() };
  }

  /** The wait before a retry; the caller's abort ends it. */
  private async pause(ms: number, signal: AbortSignal, what: string, callerSignal?: AbortSignal): Promise<void> {
    try {
      await sleep(ms, undefined, { signal });
    } catch (e) {
      if (!callerSignal?.aborted) throw new KubeError('Timeout', this.context, tr('commands.kube.noAnswer', { what, server: this.server }));
      throw this.wrapNetworkError(e, what, callerSignal);
    }
  }

  /** resourcePath, with a refused name or namespace as this cluster's Invalid error (exit 2). */
  private path(t: ResourceType, opts: { namespace?: string; name?: string; subresource?: string }, needsName = false): string {
    try {
      if (needsName && !opts.name) throw new InvalidPathSegment('name', opts.name ?? '', tr('commands.kube.segment.empty'));
      return resourcePath(t, opts);
    } catch (e) {
      if (e instanceof InvalidPathSegment) throw new KubeError('Invalid', this.context, e.message);
      throw e;
    }
  }

  async get(t: ResourceType, namespace: string | undefined, name: string, subresource?: string): Promise<KubeObject> {
    return this.request<KubeObject>({ path: this.path(t, { namespace, name, subresource }, true) });
  }

  async list(
    t: ResourceType,
    opts: ListWatchOptions & { limit?: number; continue?: string; resourceVersion?: string; timeoutMs?: number } = {},
  ): Promise<KubeList> {
    return this.request<KubeList>({
      path: this.path(t, { namespace: opts.namespace }),
      query: {
        labelSelector: opts.labelSelector,
        fieldSelector: opts.fieldSelector,
        limit: opts.limit,
        continue: opts.continue,
        resourceVersion: opts.resourceVersion,
      },
      timeoutMs: opts.timeoutMs,
    });
  }

  async listAll(t: ResourceType, opts: ListAllOptions = {}): Promise<KubeList> {
    const { each, pageSize, ...rest } = opts;
    const items: KubeObject[] = [];
    let cont: string | undefined;
    let last: KubeList | undefined;
    do {
      last = await this.list(t, { ...rest, limit: pageSize ?? 500, continue: cont });
      for (const i of last.items ?? []) items.push(each ? each(i) : i);
      cont = last.metadata?.continue || undefined;
    } while (cont);
    return { apiVersion: last.apiVersion, kind: last.kind, metadata: { resourceVersion: last.metadata?.resourceVersion }, items };
  }

  async patch(
    t: ResourceType,
    namespace: string | undefined,
    name: string,
    type: PatchType,
    body: unknown,
    opts: { subresource?: string; dryRun?: boolean; fieldManager?: string; force?: boolean } = {},
  ): Promise<KubeObject> {
    return this.request<KubeObject>({
      method: 'PATCH',
      path: this.path(t, { namespace, name, subresource: opts.subresource }, true),
      query: {
        dryRun: opts.dryRun ? 'All' : undefined,
        fieldManager: opts.fieldManager ?? (type === 'apply' ? 'zonectl' : undefined),
        force: opts.force ? 'true' : undefined,
      },
      body,
      contentType: PATCH_CONTENT_TYPE[type],
    });
  }

  async create(t: ResourceType, namespace: string | undefined, obj: KubeObject, opts: { dryRun?: boolean } = {}): Promise<KubeObject> {
    return this.request<KubeObject>({
      method: 'POST',
      path: this.path(t, { namespace }),
      query: { dryRun: opts.dryRun ? 'All' : undefined },
      body: obj,
    });
  }

  async delete(
    t: ResourceType,
    namespace: string | undefined,
    name: string,
    opts: { dryRun?: boolean; preconditions?: { uid?: string; resourceVersion?: string }; gracePeriodSeconds?: number } = {},
  ): Promise<KubeObject> {
    const body: Record<string, unknown> = { apiVersion: 'v1', kind: 'DeleteOptions' };
    if (opts.preconditions) body.preconditions = opts.preconditions;
    if (opts.gracePeriodSeconds !== undefined) body.gracePeriodSeconds = opts.gracePeriodSeconds;
    return this.request<KubeObject>({
      method: 'DELETE',
      path: this.path(t, { namespace, name }, true),
      query: { dryRun: opts.dryRun ? 'All' : undefined },
      body,
    });
  }

  async watch(t: ResourceType, opts: WatchOptions, onEvent: (e: WatchEvent) => void): Promise<void> {
    return watchRequest(this.wire, this.path(t, { namespace: opts.namespace }), `watch ${t.resource}`, opts, onEvent);
  }

  /** What the streaming reads (streams.ts) need of this client. */
  private readonly wire: Wire;

  /** When the server last answered anything (a probe is not needed within probeAfterMs of it). */
  private answeredAt = 0;
  private probing?: Promise<string | undefined>;

  /**
   * Whether the server answers now (a watch has been quiet): undefined when it does, else the failed
   * request's one line. One probe at a time per client; any HTTP answer counts.
   */
  private probe(probeAfterMs: number): Promise<string | undefined> {
    if (Date.now() - this.answeredAt < probeAfterMs) return Promise.resolve(undefined);
    this.probing ??= this.request({ path: '/version' })
      .then(
        () => undefined,
        (e: unknown) => (isKubeError(e, 'Timeout') || isKubeError(e, 'Unreachable') ? e.message : undefined),
      )
      .finally(() => (this.probing = undefined));
    return this.probing;
  }

  async streamLines(
    opts: RequestOptions & { signal: AbortSignal; paused?: () => Promise<void> | undefined },
    onLine: (line: string) => void,
  ): Promise<void> {
    return streamLines(this.wire, opts, onLine);
  }

  async canI(a: {
    verb: string;
    group?: string;
    resource: string;
    subresource?: string;
    namespace?: string;
    name?: string;
  }): Promise<{ allowed: boolean; reason?: string }> {
    const res = await this.request<{ status?: { allowed?: boolean; reason?: string; denied?: boolean } }>({
      method: 'POST',
      path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
      body: {
        apiVersion: 'authorization.k8s.io/v1',
        kind: 'SelfSubjectAccessReview',
        spec: {
          resourceAttributes: {
            verb: a.verb,
            group: a.group ?? '',
            resource: a.resource,
            subresource: a.subresource ?? '',
            namespace: a.namespace ?? '',
            name: a.name ?? '',
          },
        },
      },
    });
    return { allowed: res.status?.allowed === true, reason: res.status?.reason || undefined };
  }

  async version(): Promise<{ gitVersion: string; latencyMs: number }> {
    const start = monotonicMs();
    const v = await this.request<{ gitVersion?: string }>({ path: '/version' });
    return { gitVersion: v.gitVersion ?? 'unknown', latencyMs: Math.round(monotonicMs() - start) };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.credentials.close();
    this.releaseConnection();
  }
}
