// What the client needs of an HTTP connection pool to one cluster: send a request, get the status,
// headers and a body to stream or read whole. Two implementations, each loaded on its first request (connections.ts) so
// a command loads only the one it uses (issue 14):
//   - undici-transport.ts: undici's Agent, HTTP/2 when the server offers it (ALPN): every request and
//     watch of the cluster on one connection. The console's, and every long-running command's.
//   - https-transport.ts: node:https with HTTP/1.1 keep-alive. One-shot lists (zones, rollouts...):
//     neither undici (~23 ms to load) nor node:http2 (~37 ms, 7.5 MiB) for a few requests.
import type { IncomingHttpHeaders } from 'node:http';
import type { Readable } from 'node:stream';

export interface ConnectionOptions {
  origin: string;
  ca?: string;
  cert?: string;
  key?: string;
  rejectUnauthorized?: boolean;
  servername?: string;
  /** Connect (TCP + TLS) timeout, ms. */
  timeoutMs: number;
  /** Concurrent connections (null = no limit). */
  connections: number | null;
  /** HTTP/1.1 over node:https (https-transport.ts) instead of undici with HTTP/2. */
  http1?: boolean;
  /**
   * HTTP/2 flow-control window of each response stream, bytes (undici's default: 256 KiB): what the server
   * may send ahead of a reader that stopped reading. Undefined: the transport's default.
   */
  streamWindowBytes?: number;
}

export interface TransportRequest {
  method: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  /** Fail when the response headers took longer (ms). */
  headersTimeout?: number;
  /** Fail when the body went quiet this long (ms; 0 = never: a watch's watchdog decides). */
  bodyTimeout?: number;
  /** Bytes the response body buffers before it stops taking data from the connection (default 64 KiB). */
  highWaterMark?: number;
}

export interface TransportResponse {
  statusCode: number;
  headers: IncomingHttpHeaders;
  /** The body as a stream (watches, log lines); destroy it when done. */
  body: Readable;
  /** The whole body as text. */
  text(): Promise<string>;
}

export interface Transport {
  request(url: string, r: TransportRequest): Promise<TransportResponse>;
  /** Ends every connection now, failing what is in flight. */
  destroy(): Promise<void>;
}
