// get / list (with limit+continue) / the scale subresource read.
import { apiVersionOf, type KubeObject } from '../../kube/object.js';
import { notFound } from '../object-util.js';
import { details, q, qInt, type Req } from './context.js';
import { sendList, sendObject } from './respond.js';
import { HttpError, toHttpError } from './status.js';

export function getObject(r: Req): KubeObject {
  if (r.info.namespaced && !r.namespace) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
  const o = r.ctx.store.get(r.info, r.namespace, r.name!);
  if (!o) throw toHttpError(notFound(r.info, r.name!), details(r));
  return o;
}

export function scaleOf(r: Req, o: KubeObject): KubeObject {
  const sel = o.status?.labelSelector ?? selectorString(o.spec?.selector);
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: {
      name: o.metadata.name,
      namespace: o.metadata.namespace,
      uid: o.metadata.uid,
      resourceVersion: o.metadata.resourceVersion,
      creationTimestamp: o.metadata.creationTimestamp,
    },
    spec: { replicas: o.spec?.replicas ?? 0 },
    status: { replicas: o.status?.replicas ?? 0, ...(sel ? { selector: sel } : {}) },
  };
}

function selectorString(sel: any): string | undefined {
  if (!sel?.matchLabels) return undefined;
  return Object.entries(sel.matchLabels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}

export function handleGet(r: Req): void {
  const o = getObject(r);
  sendObject(r, 200, r.subresource === 'scale' ? scaleOf(r, o) : o);
}

export function handleList(r: Req): void | Promise<void> {
  const out = r.ctx.store.list(r.info, {
    namespace: r.namespace,
    labelSelector: q(r, 'labelSelector'),
    fieldSelector: q(r, 'fieldSelector'),
    limit: qInt(r, 'limit'),
    continue: q(r, 'continue') || undefined,
  });
  const metadata: Record<string, unknown> = { resourceVersion: out.resourceVersion };
  if (out.continue) metadata.continue = out.continue;
  if (out.remainingItemCount !== undefined) metadata.remainingItemCount = out.remainingItemCount;
  const head = { kind: `${r.info.kind}List`, apiVersion: apiVersionOf(r.info), metadata };
  return sendList(r, head, out.items);
}
