// create (POST) / update (PUT) / patch / delete / deletecollection, with dryRun=All and subresources.
import YAML from 'yaml';
import type { KubeObject } from '../../kube/object.js';
import { apiVersionOf } from '../../kube/object.js';
import { managerOf, type Writer } from '../managed-fields.js';
import { qualified } from '../object-util.js';
import { supportsStrategicMerge } from '../registry.js';
import { readObjectBody } from './body.js';
import { details, q, qBool, type Req } from './context.js';
import { getObject, scaleOf } from './handlers-read.js';
import { jsonPatch, mergePatch, strategicMerge, isObj } from './patch.js';
import { sendList, sendObject } from './respond.js';
import { HttpError, badRequest, parseJsonBody, readBody, toHttpError } from './status.js';

function dryRun(r: Req, body?: any): boolean {
  const v = r.url.searchParams.getAll('dryRun');
  if (body && Array.isArray(body.dryRun)) v.push(...body.dryRun);
  for (const x of v) if (x !== 'All') throw badRequest(`Invalid dry run value: ${x}; only "All" is supported`);
  return v.length > 0;
}

function checkBody(r: Req, body: any, nameFromUrl?: string): KubeObject {
  if (!isObj(body)) throw badRequest('the object provided is unrecognized (must be of type JSON object)');
  body.metadata = isObj(body.metadata) ? body.metadata : {};
  if (body.kind !== undefined && body.kind !== r.info.kind)
    throw badRequest(`the object provided is unrecognized (kind ${String(body.kind)} is not ${r.info.kind})`);
  if (r.info.namespaced) {
    if (!r.namespace) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
    if (body.metadata.namespace && body.metadata.namespace !== r.namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    body.metadata.namespace = r.namespace;
  }
  if (nameFromUrl !== undefined && body.metadata.name !== undefined && body.metadata.name !== nameFromUrl) {
    throw badRequest(`the name of the object (${String(body.metadata.name)}) does not match the name on the URL (${nameFromUrl})`);
  }
  if (nameFromUrl !== undefined) body.metadata.name = nameFromUrl;
  return body as KubeObject;
}

/** The request's field manager for managedFields (an Update: create, update and the non-apply patches). */
function writer(r: Req): Writer {
  return { manager: managerOf(q(r, 'fieldManager'), r.req.headers['user-agent']), operation: 'Update' };
}

/** What the apiserver does to status on create: pods start Pending; types with a status subresource drop it. */
function prepareCreate(r: Req, o: KubeObject): KubeObject {
  if (r.info.group === '' && r.info.resource === 'pods') return { ...o, status: { phase: 'Pending', qosClass: 'BestEffort' } };
  if (r.info.subresources.includes('status') && o.status !== undefined) {
    const { status: _s, ...rest } = o;
    return rest as KubeObject;
  }
  return o;
}

export async function handleCreate(r: Req): Promise<void> {
  const raw = await readObjectBody(r.req);
  const dry = dryRun(r);
  const o = prepareCreate(r, checkBody(r, raw));
  try {
    sendObject(r, 201, r.ctx.store.create(r.info, o, { dryRun: dry, writer: writer(r) }));
  } catch (e) {
    throw toHttpError(e, details(r, o.metadata.name));
  }
}

function writeSub(r: Req, next: KubeObject, dry: boolean): KubeObject {
  try {
    if (r.subresource === 'scale') {
      const cur = getObject(r);
      const replicas = next.spec?.replicas;
      if (typeof replicas !== 'number' || replicas < 0)
        throw new HttpError(
          422,
          'Invalid',
          `Scale.autoscaling "${r.name}" is invalid: spec.replicas: Invalid value: ${JSON.stringify(replicas)}: must be greater than or equal to 0`,
        );
      const rv = next.metadata.resourceVersion;
      const updated = r.ctx.store.update(
        r.info,
        { ...cur, metadata: { ...cur.metadata, resourceVersion: rv ?? cur.metadata.resourceVersion }, spec: { ...cur.spec, replicas } },
        { dryRun: dry, writer: writer(r) },
      );
      return scaleOf(r, updated);
    }
    return r.ctx.store.update(r.info, next, {
      subresource: r.subresource === 'status' ? 'status' : undefined,
      dryRun: dry,
      writer: writer(r),
    });
  } catch (e) {
    throw toHttpError(e, details(r));
  }
}

export async function handleUpdate(r: Req): Promise<void> {
  const raw = await readObjectBody(r.req);
  const dry = dryRun(r);
  if (r.subresource === 'scale') {
    sendObject(r, 200, writeSub(r, { ...raw, metadata: raw.metadata ?? {} }, dry));
    return;
  }
  const body = checkBody(r, raw, r.name);
  sendObject(r, 200, writeSub(r, body, dry));
}

export async function handlePatch(r: Req): Promise<void> {
  const ctype = (r.req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  const text = await readBody(r.req);
  const dry = dryRun(r);
  const force = qBool(r, 'force');
  if (ctype === 'application/apply-patch+yaml') return applyPatch(r, text, dry, force);
  if (force) throw badRequest('force: Forbidden: may not be specified for non-apply patch');
  const cur = getObject(r);
  const base: any = r.subresource === 'scale' ? scaleOf(r, cur) : cur;
  let patched: any;
  switch (ctype) {
    case 'application/merge-patch+json':
      patched = mergePatch(base, parseJsonBody(text));
      break;
    case 'application/json-patch+json':
      patched = jsonPatch(base, parseJsonBody(text));
      break;
    case 'application/strategic-merge-patch+json':
      if (!supportsStrategicMerge(r.info)) throw unsupported(ctype);
      patched = strategicMerge(base, parseJsonBody(text));
      break;
    default:
      throw unsupported(ctype);
  }
  if (!isObj(patched)) throw badRequest('the patch produced something that is not an object');
  patched.metadata = isObj(patched.metadata) ? patched.metadata : {};
  if (r.subresource !== 'scale') {
    if (patched.metadata.name !== r.name)
      throw badRequest(`the name of the object (${String(patched.metadata.name)}) does not match the name on the URL (${r.name})`);
    if (r.info.namespaced && patched.metadata.namespace !== r.namespace)
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
  }
  sendObject(r, 200, writeSub(r, patched as KubeObject, dry));
}

function unsupported(ctype: string): HttpError {
  return new HttpError(
    415,
    'UnsupportedMediaType',
    `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml${ctype ? '' : ''}`,
  );
}

async function applyPatch(r: Req, text: string, dry: boolean, force: boolean): Promise<void> {
  const manager = q(r, 'fieldManager');
  if (!manager) throw badRequest('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  let cfg: any;
  try {
    cfg = YAML.parse(text);
  } catch (e) {
    throw badRequest(`error decoding YAML: ${(e as Error).message}`);
  }
  if (!isObj(cfg)) throw badRequest('error decoding YAML: the applied configuration must be an object');
  if (r.subresource) throw badRequest(`server-side apply of the ${r.subresource} subresource is not supported by the simulator`);
  const want = apiVersionOf(r.info);
  if (cfg.apiVersion !== want || cfg.kind !== r.info.kind)
    throw badRequest(`the apiVersion and kind of the applied configuration must be ${want} ${r.info.kind}`);
  const live = r.ctx.store.get(r.info, r.namespace, r.name!);
  cfg.metadata = { ...(cfg.metadata ?? {}), name: r.name, ...(r.info.namespaced ? { namespace: r.namespace } : {}) };
  const { obj, commit } = r.ctx.managers.apply(live, cfg, manager, force, want);
  const applier: Writer = { manager, operation: 'Apply', applied: cfg as KubeObject };
  try {
    if (!live) {
      const created = r.ctx.store.create(r.info, prepareCreate(r, obj), { dryRun: dry, writer: applier });
      if (!dry) commit(created.metadata.uid!);
      sendObject(r, 201, created);
    } else {
      const updated = r.ctx.store.update(
        r.info,
        { ...obj, metadata: { ...obj.metadata, resourceVersion: live.metadata.resourceVersion } },
        { dryRun: dry, writer: applier },
      );
      if (!dry) commit(updated.metadata.uid!);
      sendObject(r, 200, updated);
    }
  } catch (e) {
    throw toHttpError(e, details(r));
  }
}

async function deleteOptions(r: Req): Promise<any> {
  const body = await readObjectBody(r.req, { emptyOk: true });
  const policy = q(r, 'propagationPolicy') ?? body.propagationPolicy;
  if (policy !== undefined && !['Orphan', 'Background', 'Foreground'].includes(policy))
    throw badRequest(`Unsupported propagation policy: ${String(policy)}`);
  return { propagationPolicy: policy, preconditions: body.preconditions, dryRun: dryRun(r, body) };
}

export async function handleDelete(r: Req): Promise<void> {
  const opts = await deleteOptions(r);
  getObject(r);
  let gone: KubeObject | undefined;
  try {
    gone = r.ctx.store.delete(r.info, r.namespace, r.name!, opts);
  } catch (e) {
    throw toHttpError(e, details(r));
  }
  if (!gone) throw new HttpError(404, 'NotFound', `${qualified(r.info)} "${r.name}" not found`);
  if (!opts.dryRun && !gone.metadata.deletionTimestamp) r.ctx.managers.forget(gone.metadata.uid!);
  if ((r.info.group === '' && r.info.resource === 'pods') || gone.metadata.deletionTimestamp) {
    sendObject(r, 200, gone);
    return;
  }
  sendObject(r, 200, {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Success',
    details: { ...details(r), uid: gone.metadata.uid },
  });
}

export async function handleDeleteCollection(r: Req): Promise<void> {
  const opts = await deleteOptions(r);
  const { items } = r.ctx.store.list(r.info, {
    namespace: r.namespace,
    labelSelector: q(r, 'labelSelector'),
    fieldSelector: q(r, 'fieldSelector'),
  });
  const deleted: KubeObject[] = [];
  for (const o of items) {
    const d = r.ctx.store.delete(r.info, o.metadata.namespace, o.metadata.name!, {
      propagationPolicy: opts.propagationPolicy,
      dryRun: opts.dryRun,
    });
    if (d) deleted.push(d);
  }
  return sendList(
    r,
    { kind: `${r.info.kind}List`, apiVersion: apiVersionOf(r.info), metadata: { resourceVersion: String(r.ctx.store.resourceVersion()) } },
    deleted,
  );
}
