// The transport (transport.ts) over node:https (node:http for an http:// server): HTTP/1.1 with
// keep-alive, up to `connections` sockets, reused from one request to the next. For one-shot commands:
// Node's own HTTP client is loaded with the runtime's snapshot, so it costs neither undici's load nor
// node:http2's (issue 14). A body is bounded by the request's signal (the client's deadline); a
// positive bodyTimeout is not supported here (the client sends none: 0 or unset).
import type { IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { createRequire } from 'node:module';
import { createSecureContext } from 'node:tls';
import type { ConnectionOptions, Transport, TransportRequest, TransportResponse } from './transport.js';
import { startMark } from '../start-trace.js';

// node:http through require, not an ESM import: the ESM namespace of node:http reads every export,
// and its WebSocket, MessageEvent and CloseEvent getters load Node's bundled undici and node:http2
// (~60 ms and ~8 MiB at start, what this transport is for not loading). node:https has no such exports.
const { Agent: HttpAgent, request: httpRequest } = createRequire(import.meta.url)('node:http') as typeof import('node:http');

const timedOut = (what: string) => Object.assign(new Error(`${what} timeout`), { name: 'TimeoutError', code: 'ETIMEDOUT' });

async function readText(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export function httpsTransport(o: ConnectionOptions): Transport {
  startMark('https-loaded');
  const secure = o.origin.startsWith('https:');
  const pool = { keepAlive: true, maxSockets: o.connections ?? Infinity, scheduling: 'lifo' as const };
  const agent = secure
    ? new HttpsAgent({
        ...pool,
        // One TLS context (the CA parsed, the key loaded) for every socket of the pool, not one per socket.
        secureContext: createSecureContext({ ca: o.ca, cert: o.cert, key: o.key }),
        rejectUnauthorized: o.rejectUnauthorized !== false,
        ...(o.servername ? { servername: o.servername } : {}),
      })
    : new HttpAgent(pool);
  startMark('agent-made');
  const send = secure ? httpsRequest : httpRequest;

  function request(url: string, r: TransportRequest): Promise<TransportResponse> {
    return new Promise((resolve, reject) => {
      const headers = r.body === undefined ? r.headers : { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) };
      startMark('first-send');
      const req = send(url, { method: r.method, headers, agent, signal: r.signal });
      const headersTimer = r.headersTimeout ? setTimeout(() => req.destroy(timedOut('headers')), r.headersTimeout) : undefined;
      // The connect (TCP + TLS) timeout of a new socket; a reused one is connected already.
      req.on('socket', (socket) => {
        if (!socket.connecting) return;
        const timer = setTimeout(() => req.destroy(timedOut('connect')), o.timeoutMs);
        socket.once(secure ? 'secureConnect' : 'connect', () => {
          startMark('connected');
          clearTimeout(timer);
        });
        socket.once('close', () => clearTimeout(timer));
      });
      req.on('error', (e) => {
        clearTimeout(headersTimer);
        reject(e);
      });
      req.on('response', (res) => {
        startMark('first-response');
        clearTimeout(headersTimer);
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res, text: () => readText(res) });
      });
      req.end(r.body);
    });
  }

  return {
    request,
    destroy: async () => agent.destroy(),
  };
}
