// The transport (transport.ts) over undici's Agent: HTTP/2 when the server offers it, so every request
// and watch of a cluster multiplexes on one connection (an HTTP/1.1-only server gets up to
// `connections` sockets). Only undici's Agent and request() are imported: its package entry also loads
// fetch, WebSocket, EventSource, cache stores, mocks and proxy agents (~1.4 MB of the bundle, and the
// Node internals they pull in), evaluated at every start though the transport uses two modules.
import AgentClass from 'undici/lib/dispatcher/agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';
import type { ConnectionOptions, Transport } from './transport.js';

export function undiciTransport(o: ConnectionOptions): Transport {
  const agent = new AgentClass({
    connect: {
      ca: o.ca,
      cert: o.cert,
      key: o.key,
      ...(o.rejectUnauthorized === false ? { rejectUnauthorized: false } : {}),
      ...(o.servername ? { servername: o.servername } : {}),
      timeout: o.timeoutMs,
    },
    // HTTP/2 when the server offers it (ALPN): all requests and watches of the cluster on one connection.
    allowH2: true,
    // Each response stream's HTTP/2 window. The option undici 8.12 reads: it validates
    // h2Options.settings.initialWindowSize, which its types point to, but does not use it.
    ...(o.streamWindowBytes ? { initialWindowSize: o.streamWindowBytes } : {}),
    keepAliveTimeout: 30_000,
    connections: o.connections,
    pipelining: 1,
  });
  return {
    async request(url, r) {
      const u = new URL(url);
      const res = await dispatchRequest.call(agent, {
        origin: u.origin,
        path: `${u.pathname}${u.search}`,
        method: r.method as 'GET',
        headers: r.headers,
        body: r.body,
        signal: r.signal,
        ...(r.headersTimeout !== undefined ? { headersTimeout: r.headersTimeout } : {}),
        ...(r.bodyTimeout !== undefined ? { bodyTimeout: r.bodyTimeout } : {}),
        ...(r.highWaterMark !== undefined ? { highWaterMark: r.highWaterMark } : {}),
      });
      return { statusCode: res.statusCode, headers: res.headers, body: res.body, text: () => res.body.text() };
    },
    destroy: () => agent.destroy(),
  };
}
