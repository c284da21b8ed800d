// HTTP transport for one kubeconfig context. client-node supplies the credentials (tokens, client
// certs, exec/OIDC plugins, CA); requests go through one keep-alive undici Agent per client so a
// reconnecting watch reuses sockets instead of leaking them (client-node #2893).
import { bufferFromFileOrString, type KubeConfig } from '@kubernetes/client-node';
import { Agent, request } from 'undici';
import type https from 'node:https';
import type { ClusterClient, ListWatchOptions, PatchType, RequestOptions, WatchEvent } from './client-api.js';
import { KubeError, errorFromStatus } from './errors.js';
import { InvalidPathSegment, type KubeList, type KubeObject, type ResourceType, resourcePath } from './object.js';
import { readLines } from './lines.js';
import { redactUrlPasswords } from '../redact.js';

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
}

export class HttpClusterClient implements ClusterClient {
  /** The server URL as shown (errors, `clusters`): a password in it is redacted, as kubectl does. */
  readonly server: string;
  /** The server URL requests go to. */
  private readonly base: string;
  readonly user: string;
  private readonly agent: Agent;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(
    readonly context: string,
    private readonly kc: KubeConfig,
    opts: ClientOptions = {},
  ) {
    const cluster = kc.getCurrentCluster();
    if (!cluster) throw new KubeError('Invalid', context, 'kubeconfig context has no cluster');
    this.base = cluster.server.replace(/\/+$/, '');
    this.server = redactUrlPasswords(this.base);
    const user = kc.getCurrentUser();
    this.user = user?.name ?? '';
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    // TLS material once, from the same kubeconfig fields client-node reads (file or inline data);
    // credentials (tokens, exec/OIDC plugins) are applied per request in headers().
    const pem = (file?: string, data?: string) => bufferFromFileOrString(file, data)?.toString() ?? undefined;
    this.agent = new Agent({
      connect: {
        ca: pem(cluster.caFile, cluster.caData),
        cert: pem(user?.certFile, user?.certData),
        key: pem(user?.keyFile, user?.keyData),
        ...(cluster.skipTLSVerify ? { rejectUnauthorized: false } : {}),
        ...(cluster.tlsServerName ? { servername: cluster.tlsServerName } : {}),
        timeout: this.timeoutMs,
      },
      keepAliveTimeout: 30_000,
      connections: opts.connections === null ? null : (opts.connections ?? 32),
      pipelining: 1,
    });
  }

  private async headers(contentType?: string, accept = 'application/json'): Promise<Record<string, string>> {
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
    if (contentType) h['content-type'] = contentType;
    return h;
  }

  /** A streaming response that failed: read its (small) Status body into a typed error. */
  private async errorFromBody(res: { statusCode: number; body: { text(): Promise<string> } }, what: string): Promise<KubeError> {
    const text = await res.body.text().catch(() => '');
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
    if (bad !== undefined)
      throw new KubeError('Invalid', this.context, `invalid request path ${JSON.stringify(path)}: may not contain '${bad}'`);
    if (!URL.canParse(this.base + path)) throw new KubeError('Invalid', this.context, `kubeconfig server "${this.server}" is not a URL`);
    const u = new URL(this.base + path);
    for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined && v !== '') u.searchParams.set(k, String(v));
    return u.toString();
  }

  private wrapNetworkError(e: unknown, what: string, signal?: AbortSignal): KubeError {
    if (e instanceof KubeError) return e;
    const err = e as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
    if (signal?.aborted) return new KubeError('Timeout', this.context, `${what}: aborted`);
    const code = err.code ?? err.cause?.code ?? '';
    if (/Timeout|ETIMEDOUT|UND_ERR_(CONNECT|HEADERS|BODY)_TIMEOUT/i.test(`${err.name} ${code}`)) {
      return new KubeError('Timeout', this.context, `${what}: no answer from ${this.server} in time`);
    }
    const detail = code || redactUrlPasswords((err.message ?? String(e)).split('\n')[0] ?? '');
    return new KubeError('Unreachable', this.context, `cannot reach ${this.server} (${detail})`);
  }

  /**
   * One deadline per cluster, not one per request: after a request got no answer at all, the requests
   * that follow within one request timeout fail at once with that cause (a command against a hung
   * cluster gives up after one timeout, not after each of its requests in turn). Any answer clears it;
   * after the window the next request tries the network again (the console keeps probing).
   */
  private silentUntil = 0;

  async request<T = unknown>(opts: RequestOptions): Promise<T> {
    const what = `${opts.method ?? 'GET'} ${opts.path}`;
    const now = Date.now();
    if (now < this.silentUntil)
      throw new KubeError(
        'Timeout',
        this.context,
        `${what}: no answer from ${this.server} (an earlier request got none within ${this.timeoutMs} ms)`,
      );
    const body = opts.body === undefined ? undefined : typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    const timeout = AbortSignal.timeout(opts.timeoutMs ?? this.timeoutMs);
    const signal = opts.signal ? AbortSignal.any([opts.signal, timeout]) : timeout;
    let res;
    try {
      res = await request(this.url(opts.path, opts.query), {
        method: opts.method ?? 'GET',
        headers: await this.headers(body !== undefined ? (opts.contentType ?? 'application/json') : undefined),
        body,
        dispatcher: this.agent,
        signal,
      });
    } catch (e) {
      if (timeout.aborted && !opts.signal?.aborted) {
        this.silentUntil = Date.now() + this.timeoutMs;
        throw new KubeError(
          'Timeout',
          this.context,
          `${what}: no answer from ${this.server} within ${opts.timeoutMs ?? this.timeoutMs} ms`,
        );
      }
      throw this.wrapNetworkError(e, what, opts.signal);
    }
    this.silentUntil = 0;
    if (opts.onWarning) for (const w of warningHeaders(res.headers.warning)) opts.onWarning(w);
    let text: string;
    try {
      text = await res.body.text();
    } catch (e) {
      throw this.wrapNetworkError(e, what, opts.signal);
    }
    let parsed: unknown = text;
    if (text && (res.headers['content-type'] ?? '').toString().includes('json')) {
      try {
        parsed = JSON.parse(text);
      } catch {
        throw new KubeError('Server', this.context, `${what}: malformed JSON from server`);
      }
    }
    if (res.statusCode >= 400) throw errorFromStatus(this.context, res.statusCode, parsed, what);
    return parsed as T;
  }

  /** resourcePath, with a refused name or namespace as this cluster's Invalid error (exit 2). */
  private path(t: ResourceType, opts: { namespace?: string; name?: string; subresource?: string }, needsName = false): string {
    try {
      if (needsName && !opts.name) throw new InvalidPathSegment('name', opts.name ?? '', 'may not be empty');
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

  async listAll(t: ResourceType, opts: ListWatchOptions & { pageSize?: number; timeoutMs?: number } = {}): Promise<KubeList> {
    const items: KubeObject[] = [];
    let cont: string | undefined;
    let last: KubeList | undefined;
    do {
      last = await this.list(t, { ...opts, limit: opts.pageSize ?? 500, continue: cont });
      for (const i of last.items ?? []) items.push(i);
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

  async watch(
    t: ResourceType,
    opts: ListWatchOptions & {
      resourceVersion?: string;
      allowWatchBookmarks?: boolean;
      timeoutSeconds?: number;
      signal: AbortSignal;
      inactivityMs?: number;
    },
    onEvent: (e: WatchEvent) => void,
  ): Promise<void> {
    const what = `watch ${t.resource}`;
    const inactivityMs = opts.inactivityMs ?? ((opts.timeoutSeconds ?? 300) + 30) * 1000;
    const local = new AbortController();
    const signal = AbortSignal.any([opts.signal, local.signal]);
    let res;
    try {
      res = await request(
        this.url(this.path(t, { namespace: opts.namespace }), {
          watch: 'true',
          resourceVersion: opts.resourceVersion,
          allowWatchBookmarks: opts.allowWatchBookmarks ? 'true' : undefined,
          timeoutSeconds: opts.timeoutSeconds,
          labelSelector: opts.labelSelector,
          fieldSelector: opts.fieldSelector,
        }),
        {
          method: 'GET',
          headers: await this.headers(),
          dispatcher: this.agent,
          signal,
          headersTimeout: this.timeoutMs,
          bodyTimeout: inactivityMs,
        },
      );
    } catch (e) {
      throw this.wrapNetworkError(e, what, opts.signal);
    }
    if (res.statusCode >= 400) throw await this.errorFromBody(res, what);
    // Client-side inactivity watchdog: bookmarks or events must arrive; otherwise the stream is dead.
    let timer = setTimeout(() => local.abort(), inactivityMs);
    const kick = () => {
      clearTimeout(timer);
      timer = setTimeout(() => local.abort(), inactivityMs);
    };
    try {
      await readLines(res.body, (line) => {
        kick();
        if (!line) return;
        let ev: WatchEvent;
        try {
          ev = JSON.parse(line) as WatchEvent;
        } catch {
          throw new KubeError('Server', this.context, `${what}: malformed watch event`);
        }
        if (ev.type === 'ERROR') {
          const st = ev.object as unknown as { code?: number };
          throw errorFromStatus(this.context, st.code ?? 500, ev.object, what);
        }
        onEvent(ev);
      });
    } catch (e) {
      if (opts.signal.aborted) return;
      if (local.signal.aborted)
        throw new KubeError('Timeout', this.context, `${what}: no events or bookmarks for ${Math.round(inactivityMs / 1000)} s`);
      throw this.wrapNetworkError(e, what, opts.signal);
    } finally {
      clearTimeout(timer);
      res.body.destroy();
    }
  }

  async streamLines(opts: RequestOptions & { signal: AbortSignal }, onLine: (line: string) => void): Promise<void> {
    const what = `GET ${opts.path}`;
    let res;
    try {
      res = await request(this.url(opts.path, opts.query), {
        method: 'GET',
        headers: await this.headers(undefined, '*/*'),
        dispatcher: this.agent,
        signal: opts.signal,
        headersTimeout: opts.timeoutMs ?? this.timeoutMs,
        bodyTimeout: 0,
      });
    } catch (e) {
      throw this.wrapNetworkError(e, what, opts.signal);
    }
    if (res.statusCode >= 400) throw await this.errorFromBody(res, what);
    try {
      await readLines(res.body, onLine);
    } catch (e) {
      if (opts.signal.aborted) return;
      throw this.wrapNetworkError(e, what, opts.signal);
    } finally {
      res.body.destroy();
    }
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
    const start = performance.now();
    const v = await this.request<{ gitVersion?: string }>({ path: '/version' });
    return { gitVersion: v.gitVersion ?? 'unknown', latencyMs: Math.round(performance.now() - start) };
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    // destroy, not close: close waits for requests in flight, and a hung cluster would hold the process
    // until every one of them timed out (a one-shot command printed long before).
    void this.agent.destroy().catch(() => undefined);
  }
}

/** `299 - "unknown field \"spec.x\""` -> `unknown field "spec.x"` (one entry per header value). */
export function warningHeaders(h: string | string[] | undefined): string[] {
  if (h === undefined) return [];
  const out: string[] = [];
  for (const v of Array.isArray(h) ? h : [h]) {
    const found = [...v.matchAll(/(?:^|,)\s*\d{3}\s+\S+\s+"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]!.replace(/\\(.)/g, '$1'));
    out.push(...(found.length ? found : [v.trim()]));
  }
  return out;
}
