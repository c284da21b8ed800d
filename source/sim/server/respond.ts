// Writes a handler's result in the negotiated media type (media.ts): JSON or YAML, converted to a Table,
// PartialObjectMetadata or PartialObjectMetadataList when the Accept clause asked for it, as the apiserver's
// transformResponseObject does. Status bodies are never converted.
import type { ServerResponse } from 'node:http';
import type { KubeObject } from '../../kube/object.js';
import type { Req } from './context.js';
import { encodeBody, type Negotiated } from './media.js';
import { HttpError, sendJsonList } from './status.js';
import { includeObjectOf, tableHead, tableRows, toTable, type TableOptions } from './table.js';
import { q } from './context.js';

/** Lists longer than this are streamed in JSON (sendJsonList) instead of serialised into one string. */
const STREAM_ABOVE = 1000;

function write(res: ServerResponse, code: number, media: Pick<Negotiated, 'format' | 'pretty'>, body: unknown): void {
  const { contentType, text } = encodeBody(media, body);
  res.writeHead(code, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-cache, private' });
  res.end(text);
}

const notAcceptable = (message: string): HttpError => new HttpError(406, 'NotAcceptable', message);

export function tableOptions(r: Req, media: Negotiated): TableOptions {
  return { includeObject: includeObjectOf(q(r, 'includeObject')), version: media.asVersion ?? 'v1' };
}

/** One object (get, and the object a write returns). */
export function sendObject(r: Req, code: number, body: KubeObject | Record<string, unknown>): void {
  const m = r.media;
  const o = body as KubeObject;
  if (!m.as || o.kind === 'Status' || !o.metadata) return write(r.res, code, m, body);
  switch (m.as) {
    case 'Table': {
      const opts = tableOptions(r, m);
      return write(r.res, code, m, toTable(r.info, [o], { resourceVersion: o.metadata.resourceVersion ?? '' }, opts));
    }
    case 'PartialObjectMetadata':
      return write(r.res, code, m, { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${m.asVersion}`, metadata: o.metadata });
    case 'PartialObjectMetadataList':
      // what kube-apiserver 1.36 answers (a 500 with no reason)
      throw new HttpError(500, '', 'content is not a list');
  }
}

/** A list: `head` is its kind, apiVersion and metadata. */
export function sendList(
  r: Req,
  head: { kind: string; apiVersion: string; metadata: Record<string, unknown> },
  items: KubeObject[],
): void | Promise<void> {
  const m = r.media;
  const big = items.length > STREAM_ABOVE && m.format === 'json' && !m.pretty;
  switch (m.as) {
    case undefined:
      if (big) return sendJsonList(r.res, head, items);
      return write(r.res, 200, m, { ...head, items });
    case 'Table': {
      const opts = tableOptions(r, m);
      if (big) return sendJsonList(r.res, tableHead(r.info, head.metadata, opts), tableRows(r.info, items, opts), 'rows');
      return write(r.res, 200, m, toTable(r.info, items, head.metadata, opts));
    }
    case 'PartialObjectMetadataList': {
      const partial = items.map((o) => ({ kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${m.asVersion}`, metadata: o.metadata }));
      const listHead = { kind: 'PartialObjectMetadataList', apiVersion: `meta.k8s.io/${m.asVersion}`, metadata: head.metadata };
      if (big) return sendJsonList(r.res, listHead, partial);
      return write(r.res, 200, m, { ...listHead, items: partial });
    }
    case 'PartialObjectMetadata':
      throw notAcceptable(`you requested PartialObjectMetadata, but the requested object is a list (*unstructured.UnstructuredList)`);
  }
}
