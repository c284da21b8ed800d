// pods/log: text/plain from the cluster's LogSource; follow streams until the client goes, the source ends
// the stream, or the pod is deleted.
import type { Req } from './context.js';
import { q, qBool, qInt } from './context.js';
import { getObject } from './handlers-read.js';
import { HttpError, badRequest } from './status.js';
import type { LogLine } from '../log-source.js';

export async function handleLogs(r: Req): Promise<void> {
  const pod = getObject(r);
  const containers: string[] = (pod.spec?.containers ?? []).map((c: { name: string }) => c.name);
  let container = q(r, 'container');
  if (!container) {
    if (containers.length !== 1)
      throw badRequest(`a container name must be specified for pod ${r.name}, choose one of: [${containers.join(' ')}]`);
    container = containers[0];
  } else if (!containers.includes(container) && !(pod.spec?.initContainers ?? []).some((c: { name: string }) => c.name === container)) {
    throw badRequest(`container ${container} is not valid for pod ${r.name}`);
  }
  const src = r.ctx.logSource;
  if (!src) throw new HttpError(503, 'ServiceUnavailable', 'no log source is attached to this simulated cluster');
  const ts = qBool(r, 'timestamps');
  const follow = qBool(r, 'follow');
  const previous = qBool(r, 'previous');
  let budget = qInt(r, 'limitBytes') ?? Infinity;
  const cluster = r.ctx.store.cluster;
  const ns = r.namespace!;
  const name = r.name!;
  const lines = await src.read(cluster, ns, name, container, {
    previous,
    tailLines: qInt(r, 'tailLines'),
    sinceSeconds: qInt(r, 'sinceSeconds'),
    sinceTime: q(r, 'sinceTime'),
  });
  r.res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private' });
  r.res.flushHeaders();
  const abort = new AbortController();
  const writeLine = (l: LogLine): void => {
    if (abort.signal.aborted) return;
    let text = (ts ? `${l.time} ${l.text}` : l.text) + '\n';
    if (Buffer.byteLength(text) > budget) text = Buffer.from(text).subarray(0, budget).toString('utf8');
    budget -= Buffer.byteLength(text);
    r.res.write(text);
    if (budget <= 0) abort.abort();
  };
  for (const l of lines) writeLine(l);
  if (!follow || previous || abort.signal.aborted) {
    r.res.end();
    return;
  }
  const stop = (): void => abort.abort();
  r.ctx.streams.add(stop);
  r.req.on('close', stop);
  const unsub = r.ctx.store.subscribe(r.info, (e) => {
    if (e.type === 'DELETED' && e.object.metadata.name === name && e.object.metadata.namespace === ns) stop();
  });
  try {
    await src.follow(cluster, ns, name, container, writeLine, abort.signal, () => r.res.writableLength >= r.res.writableHighWaterMark);
  } finally {
    unsub();
    r.ctx.streams.delete(stop);
    r.res.end();
  }
}
