// One connection pool per cluster per process: every client of the same server with the same TLS
// identity (CA, client certificate, verification, server name), limits and HTTP version shares one
// transport (transport.ts), so the fleet, the diff view and an action's clients of a context multiplex
// their requests and watches on one HTTP/2 connection (the kube-apiserver offers h2; an HTTP/1.1-only
// server gets up to `connections` sockets). One-shot lists ask for HTTP/1.1 over node:https instead
// (`http1`: cheaper to load than undici and node:http2). The pool is destroyed when its last client is closed.
import { createHash } from 'node:crypto';
import type { ConnectionOptions, Transport } from './transport.js';
import { startMark } from '../start-trace.js';

interface Shared {
  transport: Transport;
  users: number;
}

const pools = new Map<string, Shared>();

/** The key of a pool: the options, with the PEMs hashed (the map holds no key material twice). */
function keyOf(o: ConnectionOptions): string {
  const digest = (s?: string) => (s === undefined ? '' : createHash('sha256').update(s).digest('base64'));
  return JSON.stringify([
    o.origin,
    digest(o.ca),
    digest(o.cert),
    digest(o.key),
    o.rejectUnauthorized,
    o.servername,
    o.timeoutMs,
    o.connections,
    o.http1 === true,
    o.streamWindowBytes,
  ]);
}

/** A client's use of its cluster's pool; `release` once, when the client is closed. */
export function acquireConnection(o: ConnectionOptions): { transport: Transport; release(): void } {
  const key = keyOf(o);
  let shared = pools.get(key);
  if (!shared) {
    shared = { transport: lazyTransport(o), users: 0 };
    pools.set(key, shared);
  }
  shared.users++;
  const s = shared;
  let released = false;
  return {
    transport: s.transport,
    release() {
      if (released) return;
      released = true;
      if (--s.users > 0) return;
      if (pools.get(key) === s) pools.delete(key);
      // destroy, not close: close waits for requests in flight, and a hung cluster would hold the process
      // until every one of them timed out (a one-shot command printed long before).
      void s.transport.destroy().catch(() => undefined);
    },
  };
}

/** A transport whose implementation module (transport.ts) is imported on its first request (never, if none is sent). */
function lazyTransport(o: ConnectionOptions): Transport {
  let made: Promise<Transport> | undefined;
  let destroyed = false;
  const make = () =>
    (made ??= o.http1
      ? import('./https-transport.js').then((m) => m.httpsTransport(o))
      : import('./undici-transport.js').then((m) => m.undiciTransport(o)));
  return {
    async request(url, r) {
      startMark('first-request');
      const t = await make();
      startMark('transport-made');
      // What undici says of a request on a destroyed Agent (the client's error shows the code).
      if (destroyed) throw Object.assign(new Error('UND_ERR_DESTROYED'), { code: 'UND_ERR_DESTROYED' });
      return t.request(url, r);
    },
    async destroy() {
      destroyed = true;
      if (made) await (await made).destroy();
    },
  };
}
