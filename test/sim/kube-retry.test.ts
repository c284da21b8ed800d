// Requests sent again as client-go sends them (issue 16 #15): a 429 with Retry-After (an apiserver
// restarting or shedding load) is waited out, bounded (≤ 10 s) and within the request's deadline;
// a GET whose connection was reset is sent once more, a write never is. Tiny HTTP servers on
// 127.0.0.1 script the answers; a TCP proxy that resets the first connection stands in front of the
// simulator for the real program's `zones`.
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { connect, createServer, type Server as NetServer, type Socket } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HttpClusterClient } from '../../source/kube/client.js';
import type { KubeError } from '../../source/kube/errors.js';
import type { ResourceType } from '../../source/kube/object.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { buildCli, runCli, type BuiltCli } from './cli-process.js';
import { kubeConfigFor } from './kube-helpers.js';

const CM: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
const LIST = { apiVersion: 'v1', kind: 'ConfigMapList', metadata: { resourceVersion: '7' }, items: [{ metadata: { name: 'a' } }] };

type Handler = (n: number, req: IncomingMessage, res: ServerResponse) => void;
const servers: Server[] = [];

/** A server whose n-th request (1-based) is answered by `handler`; returns its URL and the request log. */
async function serve(handler: Handler): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = [];
  const server = createHttpServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    req.resume();
    req.on('end', () => handler(seen.length, req, res));
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, seen };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

const tooMany = (res: ServerResponse, retryAfter: string) =>
  json(
    res,
    429,
    {
      kind: 'Status',
      apiVersion: 'v1',
      status: 'Failure',
      message: 'Too many requests, please try again later.',
      reason: 'TooManyRequests',
      code: 429,
    },
    { 'retry-after': retryAfter },
  );

function client(url: string, timeoutMs = 5_000): HttpClusterClient {
  return new HttpClusterClient('c1', kubeConfigFor(url, 'tok', 'c1'), { timeoutMs });
}

afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

describe('429 with Retry-After', () => {
  it('a list answered 429 + Retry-After: 1, then 200: waited about a second, then the list', async () => {
    const { url, seen } = await serve((n, _req, res) => (n === 1 ? tooMany(res, '1') : json(res, 200, LIST)));
    const c = client(url);
    const t0 = performance.now();
    const list = await c.list(CM, { namespace: 'game' });
    const ms = performance.now() - t0;
    console.log(`429 then 200: ${seen.length} requests in ${Math.round(ms)} ms`);
    c.close();
    expect(list.items.map((i) => i.metadata.name)).toEqual(['a']);
    expect(seen).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(2_500);
  });

  it('a Retry-After past the deadline is not waited for: the 429 at once', async () => {
    const { url, seen } = await serve((_n, _req, res) => tooMany(res, '30'));
    const c = client(url, 1_500);
    const t0 = performance.now();
    const e = (await c.list(CM, { namespace: 'game' }).catch((x: unknown) => x)) as KubeError;
    const ms = performance.now() - t0;
    c.close();
    expect([e.kind, e.status, e.message]).toEqual(['Server', 429, 'Too many requests, please try again later.']);
    expect(seen).toHaveLength(1);
    expect(ms).toBeLessThan(500);
  });

  it('a long Retry-After is capped at 10 s within a longer deadline', async () => {
    const { url, seen } = await serve((n, _req, res) => (n === 1 ? tooMany(res, '3600') : json(res, 200, LIST)));
    const c = client(url, 15_000);
    const t0 = performance.now();
    await c.list(CM, { namespace: 'game' });
    const ms = performance.now() - t0;
    console.log(`Retry-After 3600: retried after ${Math.round(ms)} ms`);
    c.close();
    expect(seen).toHaveLength(2);
    expect(ms).toBeGreaterThanOrEqual(9_900);
    expect(ms).toBeLessThan(11_500);
  }, 20_000);

  it('a PATCH refused with 429 is sent again (not handled); a POST answered 503 + Retry-After is not', async () => {
    const a = await serve((n, _req, res) => (n === 1 ? tooMany(res, '0') : json(res, 200, { metadata: { name: 'x' } })));
    const ca = client(a.url);
    await ca.patch(CM, 'game', 'x', 'merge', { data: { k: 'v' } });
    ca.close();
    expect(a.seen).toEqual(['PATCH /api/v1/namespaces/game/configmaps/x', 'PATCH /api/v1/namespaces/game/configmaps/x']);
    const b = await serve((_n, _req, res) => json(res, 503, { message: 'shutting down' }, { 'retry-after': '0' }));
    const cb = client(b.url);
    const e = (await cb.create(CM, 'game', { metadata: { name: 'y' } }).catch((x: unknown) => x)) as KubeError;
    cb.close();
    expect([e.kind, e.status]).toEqual(['Server', 503]);
    expect(b.seen).toHaveLength(1);
  });
});

describe('a connection reset under a request', () => {
  const reset: Handler = (_n, req) => req.socket.resetAndDestroy();

  it('a list whose first connection is reset: sent once more, the list', async () => {
    const { url, seen } = await serve((n, req, res) => (n === 1 ? reset(n, req, res) : json(res, 200, LIST)));
    const c = client(url);
    const list = await c.list(CM, { namespace: 'game' });
    c.close();
    expect(list.items).toHaveLength(1);
    expect(seen).toHaveLength(2);
  });

  it('reset twice: the second reset is the error (one retry only)', async () => {
    const { url, seen } = await serve(reset);
    const c = client(url);
    const e = (await c.list(CM, { namespace: 'game' }).catch((x: unknown) => x)) as KubeError;
    c.close();
    expect(e.kind).toBe('Unreachable');
    expect(e.message).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(seen).toHaveLength(2);
  });

  it('a PATCH or POST whose connection is reset is not sent again', async () => {
    const { url, seen } = await serve(reset);
    const c = client(url);
    const p = (await c.patch(CM, 'game', 'x', 'merge', {}).catch((x: unknown) => x)) as KubeError;
    const q = (await c.canI({ verb: 'get', resource: 'pods' }).catch((x: unknown) => x)) as KubeError;
    c.close();
    expect([p.kind, q.kind]).toEqual(['Unreachable', 'Unreachable']);
    expect(seen.map((s) => s.split(' ')[0])).toEqual(['PATCH', 'POST']);
  });
});

describe('zonectl zones through a proxy that resets its first connection', () => {
  let demo: Demo;
  let built: BuiltCli;
  let proxy: NetServer;
  const sockets = new Set<Socket>();
  let accepted = 0;
  let kubeconfig: string;

  beforeAll(async () => {
    [built, demo] = await Promise.all([buildCli(), startDemo({ zones: 2, podsPerService: 1, clusters: ['shanghai'], tls: false })]);
    const target = new URL(demo.clusters.find((c) => c.name === 'shanghai')!.url);
    proxy = createServer((down) => {
      sockets.add(down);
      down.on('close', () => sockets.delete(down));
      if (++accepted === 1) {
        down.once('data', () => down.resetAndDestroy()); // the first request: reset, as a restarting apiserver does
        return;
      }
      const up = connect(Number(target.port), target.hostname);
      sockets.add(up);
      up.on('close', () => sockets.delete(up));
      down.pipe(up).pipe(down);
      up.on('error', () => down.destroy());
      down.on('error', () => up.destroy());
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    const text = readFileSync(demo.kubeconfigPath, 'utf8').replace(
      target.origin,
      `http://127.0.0.1:${(proxy.address() as { port: number }).port}`,
    );
    kubeconfig = join(dirname(demo.kubeconfigPath), 'proxied-kubeconfig');
    writeFileSync(kubeconfig, text, { mode: 0o600 });
  }, 60_000);
  afterAll(async () => {
    for (const s of sockets) s.destroy();
    await new Promise((r) => proxy?.close(r));
    await demo?.stop();
    built?.remove();
  });

  it('one reset is retried: the rows, exit 0', async () => {
    const r = await runCli(built.cli, ['zones', '-A', '--context', 'shanghai', '--kubeconfig', kubeconfig], {
      XDG_CONFIG_HOME: '/nonexistent',
    });
    console.log(`zones through a resetting proxy: exit ${r.code}; stderr: ${JSON.stringify(r.stderr)}`);
    expect(accepted).toBeGreaterThan(1);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^shanghai +zone-101 /m);
  }, 30_000);
});
