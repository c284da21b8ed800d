// The HTTP front of one simulated cluster: authentication, RBAC, routing to discovery and resource handlers.
// Over TLS it speaks HTTP/2 and HTTP/1.1 (ALPN), as the kube-apiserver does: clients that can
// multiplex every request and watch of a cluster on one connection do.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createSecureServer } from 'node:http2';
import type { Server } from 'node:net';
import type { Socket } from 'node:net';
import type { MemoryStore } from '../store.js';
import type { LogSource } from '../log-source.js';
import { authenticate, authorize, forbidden, newTokens, type UserName } from './auth.js';
import { ApplyManagers } from './apply.js';
import type { ClusterContext, Req, ServerOptions } from './context.js';
import { qBool } from './context.js';
import { apiGroup, apiGroupList, apiResourceList, apiVersions, SIM_VERSION } from './discovery.js';
import { handleGet, handleList } from './handlers-read.js';
import { handleCreate, handleDelete, handleDeleteCollection, handlePatch, handleUpdate } from './handlers-write.js';
import { handleLogs } from './logs.js';
import { encodeBody, errorMedia, negotiate } from './media.js';
import { parseRoute } from './route.js';
import { handleSSAR } from './ssar.js';
import { HttpError, sendError, sendJson, toHttpError } from './status.js';
import { serveWatch } from './watch.js';

export interface SimServer {
  server: Server;
  ctx: ClusterContext;
  tokens: Record<UserName, string>;
  /** Connections accepted so far (a client that multiplexes over HTTP/2 opens one). */
  accepted(): number;
  close(): Promise<void>;
}

export function createSimServer(
  store: MemoryStore,
  opts: ServerOptions & { logSource?: LogSource; tokens?: Record<UserName, string>; tls?: { key: string; cert: string } } = {},
): SimServer {
  const tokens = opts.tokens ?? newTokens();
  const ctx: ClusterContext = {
    store,
    logSource: opts.logSource,
    tokens,
    managers: new ApplyManagers(),
    options: opts,
    streams: new Set(),
  };
  const listener = (req: IncomingMessage, res: ServerResponse): void => {
    handle(ctx, req, res).catch((e) => sendError(res, toHttpError(e), (body) => encodeBody(errorMedia(req.headers.accept), body)));
  };
  // The compatibility API gives HTTP/2 streams the request/response of node:http the handlers use.
  const h2Listener = listener as unknown as Parameters<typeof createSecureServer>[1];
  const server: Server = opts.tls
    ? createSecureServer({ key: opts.tls.key, cert: opts.tls.cert, allowHTTP1: true }, h2Listener)
    : Object.assign(createServer(listener), { keepAliveTimeout: 65_000 });
  // Every connection, to end them all at close (an HTTP/2 server has no closeAllConnections).
  const sockets = new Set<Socket>();
  let accepted = 0;
  server.on(opts.tls ? 'secureConnection' : 'connection', (s: Socket) => {
    accepted++;
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  return {
    server,
    ctx,
    tokens,
    accepted: () => accepted,
    close: () =>
      new Promise<void>((resolve) => {
        for (const end of [...ctx.streams]) end();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

const VERB_BY_METHOD: Record<string, string> = { POST: 'create', PUT: 'update', PATCH: 'patch', DELETE: 'delete' };

async function handle(ctx: ClusterContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sim.local');
  const types = ctx.store.types();
  const route = parseRoute(
    url.pathname,
    (g, v, res) => types.find((t) => t.group === g && t.version === v && t.resource === res),
    (g) => [...new Set(types.filter((t) => t.group === g).map((t) => t.version))],
  );
  if (route.kind === 'health') {
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    res.end('ok');
    return;
  }
  if (route.kind === 'version') return sendJson(res, 200, SIM_VERSION);
  const user = authenticate(req, ctx.tokens);
  const method = req.method ?? 'GET';
  if (route.kind !== 'resource') {
    if (method !== 'GET') throw new HttpError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
    switch (route.kind) {
      case 'api':
        return sendJson(res, 200, apiVersions());
      case 'apis':
        return sendJson(res, 200, apiGroupList(types));
      case 'group':
        return sendJson(res, 200, apiGroup(types, route.group));
      case 'resources':
        return sendJson(res, 200, apiResourceList(types, route.group, route.version));
      case 'openapi':
        throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
    }
  }
  const r: Req = {
    ctx,
    req,
    res,
    url,
    user,
    info: route.info,
    namespace: route.namespace,
    name: route.name,
    subresource: route.subresource,
    media: { format: 'json', pretty: false },
  };
  const watch = route.watchPath || qBool(r, 'watch');
  let verb: string;
  if (method === 'GET') verb = r.name && !watch ? 'get' : watch ? 'watch' : 'list';
  else if (method === 'DELETE' && !r.name) verb = 'deletecollection';
  else verb = VERB_BY_METHOD[method] ?? '';
  if (!verb || (!route.info.verbs.includes(verb) && !(r.subresource && ['get', 'update', 'patch'].includes(verb)))) {
    throw new HttpError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  if (r.subresource === 'log' && verb !== 'get')
    throw new HttpError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  const attrs = {
    verb,
    group: r.info.group,
    resource: r.info.resource,
    subresource: r.subresource,
    namespace: r.namespace,
    name: verb === 'create' ? undefined : r.name,
  };
  if (!authorize(user, attrs).allowed) throw forbidden(user, attrs);
  // The apiserver negotiates the output before it reads a body or the store (pods/log is plain text).
  if (r.subresource !== 'log') r.media = negotiate(req.headers.accept, { stream: verb === 'watch', table: !r.info.virtual });
  if (r.info.virtual) {
    if (r.info.resource === 'selfsubjectaccessreviews' && verb === 'create') return handleSSAR(r);
    throw new HttpError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
  }
  switch (verb) {
    case 'get':
      return r.subresource === 'log' ? handleLogs(r) : handleGet(r);
    case 'list':
      return handleList(r);
    case 'watch':
      return serveWatch(r);
    case 'create':
      if (r.name) throw new HttpError(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource');
      return handleCreate(r);
    case 'update':
      return handleUpdate(r);
    case 'patch':
      return handlePatch(r);
    case 'delete':
      return handleDelete(r);
    case 'deletecollection':
      return handleDeleteCollection(r);
  }
}
