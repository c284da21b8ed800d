// One connection pool per cluster per process: every client of the same server with the same TLS
// identity (CA, client certificate, verification, server name) and limits shares one undici Agent, so
// the fleet, the diff view and an action's clients of a context multiplex their requests and watches
// on one HTTP/2 connection (the kube-apiserver offers h2; an HTTP/1.1-only server gets up to
// `connections` sockets). The Agent is destroyed when its last client is closed.
import { createHash } from 'node:crypto';
import { Agent } from './http-transport.js';

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
}

interface Shared {
  agent: Agent;
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
  ]);
}

/** A client's use of its cluster's pool; `release` once, when the client is closed. */
export function acquireConnection(o: ConnectionOptions): { agent: Agent; release(): void } {
  const key = keyOf(o);
  let shared = pools.get(key);
  if (!shared) {
    const agent = new Agent({
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
      keepAliveTimeout: 30_000,
      connections: o.connections,
      pipelining: 1,
    });
    shared = { agent, users: 0 };
    pools.set(key, shared);
  }
  shared.users++;
  const s = shared;
  let released = false;
  return {
    agent: s.agent,
    release() {
      if (released) return;
      released = true;
      if (--s.users > 0) return;
      if (pools.get(key) === s) pools.delete(key);
      // destroy, not close: close waits for requests in flight, and a hung cluster would hold the process
      // until every one of them timed out (a one-shot command printed long before).
      void s.agent.destroy().catch(() => undefined);
    },
  };
}
