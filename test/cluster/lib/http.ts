// Minimal HTTPS client for harness setup and test assertions: bearer token + the cluster's CA, JSON in and out.
// No keep-alive, so an apiserver restarted on the same port never meets a stale pooled socket.
import { request as httpsRequest } from 'node:https';
import { request as httpRequest } from 'node:http';

export interface HttpResult {
  status: number;
  text: string;
  /** Parsed JSON body, or undefined when the body is not JSON. */
  json: any;
}

export interface RequestTarget {
  server: string; // https://127.0.0.1:port
  caPem: string;
  token: string;
}

export function kubeRequest(
  target: RequestTarget,
  method: string,
  path: string,
  body?: unknown,
  contentType = 'application/json',
  timeoutMs = 15_000,
): Promise<HttpResult> {
  const url = new URL(path, target.server);
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      url,
      {
        method,
        ca: target.caPem,
        agent: false,
        timeout: timeoutMs,
        headers: {
          authorization: `Bearer ${target.token}`,
          accept: 'application/json',
          ...(payload !== undefined ? { 'content-type': contentType, 'content-length': Buffer.byteLength(payload) } : {}),
        },
      },
      (res) => collect(res, resolve, reject),
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${url.pathname} timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/** Plain-HTTP GET (etcd's client URL). */
export function httpGet(url: string, timeoutMs = 5_000): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false, timeout: timeoutMs }, (res) => collect(res, resolve, reject));
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

/**
 * HTTPS GET without verifying the server certificate: only for the /healthz of the harness's own
 * kube-controller-manager and kube-scheduler on 127.0.0.1 (self-signed, in-memory serving certs).
 */
export function httpsGetInsecure(url: string, timeoutMs = 5_000): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(url, { agent: false, timeout: timeoutMs, rejectUnauthorized: false }, (res) => collect(res, resolve, reject));
    req.on('timeout', () => req.destroy(new Error(`GET ${url} timed out`)));
    req.on('error', reject);
    req.end();
  });
}

function collect(res: import('node:http').IncomingMessage, resolve: (r: HttpResult) => void, reject: (e: Error) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('error', reject);
  res.on('end', () => {
    const text = Buffer.concat(chunks).toString('utf8');
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    resolve({ status: res.statusCode ?? 0, text, json });
  });
}
