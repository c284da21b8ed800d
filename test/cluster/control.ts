// Lets test files (which run in worker processes) stop and restart one kube-apiserver of the federation that
// the globalSetup process owns, through a loopback HTTP endpoint guarded by a per-run secret.
import { createServer, request, type Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { RealFederation } from './harness.js';
import './provided.js';

export interface ClusterControl {
  stopApiserver(name: string): Promise<void>;
  startApiserver(name: string): Promise<void>;
  /** Name, PID and RSS of every harness process. */
  processes(): Promise<Array<{ name: string; pid: number; rssKiB?: number }>>;
}

/** Client side, for test files. */
export function clusterControl(): ClusterControl {
  const url = inject('zonectlControlUrl');
  const secret = inject('zonectlControlSecret');
  const call = (method: string, path: string): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const req = request(new URL(path, url), { method, agent: false, headers: { authorization: `Bearer ${secret}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200) reject(new Error(`cluster control ${method} ${path}: ${res.statusCode} ${text}`));
          else resolve(text ? JSON.parse(text) : undefined);
        });
      });
      req.on('error', reject);
      req.end();
    });
  return {
    stopApiserver: async (name) => void (await call('POST', `/apiservers/${encodeURIComponent(name)}/stop`)),
    startApiserver: async (name) => void (await call('POST', `/apiservers/${encodeURIComponent(name)}/start`)),
    processes: async () => (await call('GET', '/processes')) as Array<{ name: string; pid: number; rssKiB?: number }>,
  };
}

/** Server side, run by global-setup.ts in the process that owns the federation. */
export async function serveClusterControl(fed: RealFederation): Promise<{ url: string; secret: string; close(): Promise<void> }> {
  const secret = randomBytes(24).toString('hex');
  const server: Server = createServer((req, res) => {
    const reply = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.headers.authorization !== `Bearer ${secret}`) return reply(401, { error: 'unauthorized' });
    const m = /^\/apiservers\/([^/]+)\/(stop|start)$/.exec(req.url ?? '');
    if (req.method === 'POST' && m) {
      const name = decodeURIComponent(m[1]);
      const op = m[2] === 'stop' ? fed.stopApiserver(name) : fed.startApiserver(name);
      op.then(
        () => reply(200, { ok: true }),
        (err: Error) => reply(500, { error: err.message }),
      );
      return;
    }
    if (req.method === 'GET' && req.url === '/processes') return reply(200, fed.processes());
    reply(404, { error: 'not found' });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    secret,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
