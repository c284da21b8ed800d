// The object in a request body, read by its Content-Type like the apiserver's NegotiateInputSerializer:
// JSON (also when no Content-Type is sent), YAML, or the protobuf of a type protobuf.ts knows; else 415.
import type { IncomingMessage } from 'node:http';
import YAML from 'yaml';
import { bodyFormat } from './media.js';
import { decodeProtobufBody } from './protobuf.js';
import { badRequest, parseJsonBody, readBodyBytes } from './status.js';

export async function readObjectBody(req: IncomingMessage, opts: { emptyOk?: boolean } = {}): Promise<any> {
  const format = bodyFormat(req.headers['content-type']);
  const bytes = await readBodyBytes(req);
  if (opts.emptyOk && bytes.length === 0) return {};
  if (format === 'protobuf') return decodeProtobufBody(bytes);
  const text = bytes.toString('utf8');
  if (opts.emptyOk && text.trim() === '') return {};
  if (format === 'json') return parseJsonBody(text);
  try {
    return YAML.parse(text);
  } catch (e) {
    throw badRequest(`error decoding YAML: ${(e as Error).message}`);
  }
}
