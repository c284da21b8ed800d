// The client's streaming reads: a watch (JSON lines, a watchdog that probes a quiet server and ends an idle
// stream) and a stream of text lines (pod logs), each over the cluster's one transport (the Wire below).
import type { RequestOptions, WatchEvent, WatchOptions } from './client-api.js';
import type { Deadline } from './credentials.js';
import { KubeError, WATCH_IDLE, errorFromStatus } from './errors.js';
import { readLines } from './lines.js';
import type { TransportRequest, TransportResponse } from './transport.js';
import { Watchdog } from './watchdog.js';
// `tr`: `t` names a resource type in the client.
import { t as tr } from '../i18n/t.js';

/** A quiet watch asks whether the server answers after this long (client-go: HTTP/2 ping after 30 s read-idle). */
const WATCH_PROBE_AFTER_MS = 30_000;
/** A watch of a server that answers is re-opened after this long without a byte (2× the apiserver's 1-minute bookmarks). */
const WATCH_IDLE_MS = 120_000;
/** Bytes a log stream's body buffers before it stops reading the connection (undici's default is 64 KiB). */
const LOG_BODY_HIGH_WATER = 16 * 1024;

/** What the streaming reads need of a cluster's client (HttpClusterClient builds it). */
export interface Wire {
  readonly context: string;
  readonly timeoutMs: number;
  request(url: string, r: TransportRequest): Promise<TransportResponse>;
  url(path: string, query?: RequestOptions['query']): string;
  headers(deadline: Deadline, accept?: string): Promise<Record<string, string>>;
  networkError(e: unknown, what: string, signal?: AbortSignal): KubeError;
  errorFromBody(res: { statusCode: number; text(): Promise<string> }, what: string): Promise<KubeError>;
  /** Whether the server answers now: undefined when it does, else the failed request's one line. */
  probe(probeAfterMs: number): Promise<string | undefined>;
  /** The server answered (a probe is not needed for a while). */
  answered(): void;
}

export async function watchRequest(
  wire: Wire,
  path: string,
  what: string,
  opts: WatchOptions,
  onEvent: (e: WatchEvent) => void,
): Promise<void> {
  const idleMs = opts.inactivityMs ?? Math.min(WATCH_IDLE_MS, ((opts.timeoutSeconds ?? 300) + 30) * 1000);
  const probeAfterMs = opts.probeAfterMs ?? WATCH_PROBE_AFTER_MS;
  const local = new AbortController();
  const signal = AbortSignal.any([opts.signal, local.signal]);
  let res;
  try {
    res = await wire.request(
      wire.url(path, {
        watch: 'true',
        resourceVersion: opts.resourceVersion,
        allowWatchBookmarks: opts.allowWatchBookmarks ? 'true' : undefined,
        timeoutSeconds: opts.timeoutSeconds,
        labelSelector: opts.labelSelector,
        fieldSelector: opts.fieldSelector,
      }),
      {
        method: 'GET',
        headers: await wire.headers({
          ms: wire.timeoutMs,
          timeout: AbortSignal.timeout(wire.timeoutMs),
          signal: opts.signal,
        }),
        signal,
        headersTimeout: wire.timeoutMs,
        bodyTimeout: 0, // the watchdog's
      },
    );
  } catch (e) {
    throw wire.networkError(e, what, opts.signal);
  }
  wire.answered();
  if (res.statusCode >= 400) throw await wire.errorFromBody(res, what);
  opts.onOpen?.();
  let dead: { why: string; idle: boolean } | undefined;
  const dog = new Watchdog({
    probeAfterMs,
    idleMs,
    probe: () => wire.probe(probeAfterMs),
    onDead: (why, idle) => {
      dead = { why, idle };
      local.abort();
    },
  });
  try {
    await readLines(res.body, (line) => {
      dog.alive();
      if (!line) return;
      let ev: WatchEvent;
      try {
        ev = JSON.parse(line) as WatchEvent;
      } catch {
        throw new KubeError('Server', wire.context, tr('commands.kube.badWatchEvent', { what }));
      }
      if (ev.type === 'ERROR') {
        const st = ev.object as unknown as { code?: number };
        throw errorFromStatus(wire.context, st.code ?? 500, ev.object, what);
      }
      onEvent(ev);
    });
  } catch (e) {
    if (opts.signal.aborted) return;
    if (dead) throw new KubeError('Timeout', wire.context, `${what}: ${dead.why}`, undefined, dead.idle ? WATCH_IDLE : undefined);
    throw wire.networkError(e, what, opts.signal);
  } finally {
    dog.stop();
    res.body.destroy();
  }
}

export async function streamLines(
  wire: Wire,
  opts: RequestOptions & { signal: AbortSignal; paused?: () => Promise<void> | undefined },
  onLine: (line: string) => void,
): Promise<void> {
  const what = `GET ${opts.path}`;
  let res;
  try {
    const ms = opts.timeoutMs ?? wire.timeoutMs;
    res = await wire.request(wire.url(opts.path, opts.query), {
      method: 'GET',
      headers: await wire.headers({ ms, timeout: AbortSignal.timeout(ms), signal: opts.signal }, '*/*'),
      signal: opts.signal,
      headersTimeout: opts.timeoutMs ?? wire.timeoutMs,
      bodyTimeout: 0,
      highWaterMark: LOG_BODY_HIGH_WATER,
    });
  } catch (e) {
    throw wire.networkError(e, what, opts.signal);
  }
  if (res.statusCode >= 400) throw await wire.errorFromBody(res, what);
  try {
    await readLines(res.body, onLine, opts.paused);
  } catch (e) {
    if (opts.signal.aborted) return;
    throw wire.networkError(e, what, opts.signal);
  } finally {
    res.body.destroy();
  }
}
