// Streaming watch: newline-delimited JSON events; BOOKMARKs periodically and at timeout when allowed;
// a too-old resourceVersion gives one ERROR event carrying a 410 Expired Status (like the apiserver).
import { apiVersionOf } from '../../kube/object.js';
import { StoreError } from '../store-api.js';
import { q, qBool, qInt, type Req } from './context.js';
import { statusBody } from './status.js';
import { tableOptions } from './respond.js';
import { toTable } from './table.js';

export function serveWatch(r: Req): void {
  const { ctx, res, info } = r;
  const allowBookmarks = qBool(r, 'allowWatchBookmarks');
  const timeoutS = qInt(r, 'timeoutSeconds') ?? ctx.options.defaultWatchTimeoutS ?? 1800;
  // as=Table: each event carries a one-row Table, with the column definitions on the first event only
  // (handlers/response.go watchEmbeddedEncoder); as=PartialObjectMetadata: the object's metadata.
  const table = r.media.as === 'Table' ? tableOptions(r, r.media) : undefined;
  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private' });
  res.flushHeaders();
  let closed = false;
  const embed = (type: string, object: any): unknown => {
    if (type === 'ERROR' || !object?.metadata) return object;
    if (table) {
      const t = toTable(info, [object], { resourceVersion: object.metadata.resourceVersion ?? '' }, table);
      table.noHeaders = true;
      return t;
    }
    if (r.media.as === 'PartialObjectMetadata')
      return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${r.media.asVersion}`, metadata: object.metadata };
    return object;
  };
  const write = (type: string, object: unknown): void => {
    if (!closed) res.write(`{"type":"${type}","object":${JSON.stringify(embed(type, object))}}\n`);
  };
  const bookmark = (): void =>
    write('BOOKMARK', {
      kind: info.kind,
      apiVersion: apiVersionOf(info),
      metadata: { resourceVersion: String(ctx.store.resourceVersion()) },
    });
  let stop: (() => void) | undefined;
  const timers: NodeJS.Timeout[] = [];
  const end = (): void => {
    if (closed) return;
    closed = true;
    stop?.();
    for (const t of timers) clearTimeout(t);
    ctx.streams.delete(end);
    res.end();
  };
  ctx.streams.add(end);
  r.req.on('close', end);
  try {
    stop = ctx.store.watch(
      info,
      {
        namespace: r.namespace,
        labelSelector: q(r, 'labelSelector'),
        fieldSelector: q(r, 'fieldSelector'),
        resourceVersion: q(r, 'resourceVersion'),
      },
      (e) => write(e.type, e.object),
    );
  } catch (e) {
    if (e instanceof StoreError && e.code === 410) {
      write('ERROR', statusBody(410, e.reason, e.message));
      end();
      return;
    }
    if (e instanceof StoreError) {
      write('ERROR', statusBody(e.code, e.reason, e.message));
      end();
      return;
    }
    throw e;
  }
  if (allowBookmarks) {
    const every = ctx.options.bookmarkIntervalMs ?? 60_000;
    const iv = setInterval(bookmark, every);
    timers.push(iv as unknown as NodeJS.Timeout);
  }
  timers.push(
    setTimeout(() => {
      if (allowBookmarks) bookmark();
      end();
    }, timeoutS * 1000),
  );
}
