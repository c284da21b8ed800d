// Kubernetes Status bodies and small HTTP helpers shared by the handlers.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { StoreError } from '../store-api.js';

export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
}

/** Thrown by handlers; rendered as a Status body. */
export class HttpError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusDetails,
  ) {
    super(message);
  }
}

export function statusBody(code: number, reason: string, message: string, details?: StatusDetails): Record<string, unknown> {
  const body: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason };
  if (details && (details.name || details.group || details.kind)) body.details = details;
  body.code = code;
  return body;
}

export function toHttpError(e: unknown, details?: StatusDetails): HttpError {
  if (e instanceof HttpError) return e;
  if (e instanceof StoreError) {
    // AlreadyExists / Conflict / NotFound / Invalid carry the object's details like the apiserver.
    const withDetails = [404, 409, 422].includes(e.code) ? details : undefined;
    return new HttpError(e.code, e.reason, e.message, withDetails);
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new HttpError(500, 'InternalError', `Internal error occurred: ${msg}`);
}

export function sendJson(res: ServerResponse, code: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

export function sendError(res: ServerResponse, err: HttpError): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, err.code, statusBody(err.code, err.reason, err.message, err.details));
}

export async function readBody(req: IncomingMessage, max = 8 * 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req) {
    n += (c as Buffer).length;
    if (n > max) throw new HttpError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 8388608');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function parseJsonBody(text: string): any {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'BadRequest', `the object provided is unrecognized (must be of type JSON): ${(e as Error).message}`);
  }
}

export const badRequest = (msg: string): HttpError => new HttpError(400, 'BadRequest', msg);
