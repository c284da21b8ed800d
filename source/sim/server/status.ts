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
  const body: Record<string, unknown> = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message };
  if (reason) body.reason = reason;
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
  res.writeHead(code, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
  });
  res.end(text);
}

const LIST_CHUNK = 128 * 1024;
const LIST_BUFFERED = 1024 * 1024;

/**
 * A list body written item by item in ~128 KB chunks, waiting for the socket to drain whenever more than
 * 1 MB is buffered, so a list of 10,000 pods never exists as one 18 MB string (plus its Buffer) in the
 * simulator. The bytes are exactly those of JSON.stringify({ ...head, items }); the response is chunked.
 */
export async function sendJsonList(
  res: ServerResponse,
  head: Record<string, unknown>,
  items: readonly unknown[],
  key = 'items',
): Promise<void> {
  const open = JSON.stringify(head);
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  let parts: string[] = [open.length > 2 ? `${open.slice(0, -1)},"${key}":[` : `{"${key}":[`];
  let size = 0;
  for (let i = 0; i < items.length; i++) {
    const text = JSON.stringify(items[i]);
    parts.push(i ? `,${text}` : text);
    size += text.length + 1;
    if (size >= LIST_CHUNK) {
      res.write(parts.join(''));
      parts = [];
      size = 0;
      // Over HTTP/2 the compatibility response buffers in its stream.
      const buffered = (res as { stream?: { writableLength: number } }).stream?.writableLength ?? res.writableLength;
      if (buffered > LIST_BUFFERED) await drained(res);
      if (res.destroyed || res.writableEnded) return;
    }
  }
  parts.push(']}');
  res.end(parts.join(''));
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

/** `encode`: the body in the request's negotiated media type (media.ts errorMedia); JSON by default. */
export function sendError(res: ServerResponse, err: HttpError, encode?: (body: unknown) => { contentType: string; text: string }): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = statusBody(err.code, err.reason, err.message, err.details);
  if (!encode) return sendJson(res, err.code, body);
  const { contentType, text } = encode(body);
  res.writeHead(err.code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

export async function readBody(req: IncomingMessage, max = 8 * 1024 * 1024): Promise<string> {
  return (await readBodyBytes(req, max)).toString('utf8');
}

export async function readBodyBytes(req: IncomingMessage, max = 8 * 1024 * 1024): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let n = 0;
  for await (const c of req) {
    n += (c as Buffer).length;
    if (n > max) throw new HttpError(413, 'RequestEntityTooLarge', 'Request entity too large: limit is 8388608');
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks);
}

export function parseJsonBody(text: string): any {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, 'BadRequest', `the object provided is unrecognized (must be of type JSON): ${(e as Error).message}`);
  }
}

export const badRequest = (msg: string): HttpError => new HttpError(400, 'BadRequest', msg);
