// Parses an apiserver URL path into what it addresses: discovery, a collection, an object or a subresource.
import type { ResourceInfo } from '../registry.js';
import { HttpError } from './status.js';

export type Route =
  | { kind: 'version' | 'health' | 'api' | 'apis' | 'openapi' }
  | { kind: 'group'; group: string }
  | { kind: 'resources'; group: string; version: string }
  | {
      kind: 'resource';
      info: ResourceInfo;
      namespace?: string;
      name?: string;
      subresource?: string;
      watchPath: boolean;
    };

const notFound = (): HttpError => new HttpError(404, 'NotFound', 'the server could not find the requested resource');

export function parseRoute(
  pathname: string,
  lookup: (group: string, version: string, resource: string) => ResourceInfo | undefined,
  groupVersions: (group: string) => string[],
): Route {
  const segs = pathname
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  if (segs[0] === 'version' && segs.length === 1) return { kind: 'version' };
  if (['healthz', 'readyz', 'livez'].includes(segs[0])) return { kind: 'health' };
  if (segs[0] === 'openapi') return { kind: 'openapi' };
  let group: string;
  let rest: string[];
  if (segs[0] === 'api') {
    if (segs.length === 1) return { kind: 'api' };
    group = '';
    rest = segs.slice(1);
  } else if (segs[0] === 'apis') {
    if (segs.length === 1) return { kind: 'apis' };
    group = segs[1];
    if (!groupVersions(group).length) throw notFound();
    if (segs.length === 2) return { kind: 'group', group };
    rest = segs.slice(2);
  } else throw notFound();
  const version = rest[0];
  if (!groupVersions(group).includes(version)) throw notFound();
  let r = rest.slice(1);
  if (r.length === 0) return { kind: 'resources', group, version };
  let watchPath = false;
  if (r[0] === 'watch') {
    watchPath = true;
    r = r.slice(1);
  }
  let namespace: string | undefined;
  if (r[0] === 'namespaces' && r.length >= 3) {
    const inner = lookup(group, version, r[2]);
    if (inner && inner.namespaced) {
      namespace = r[1];
      r = r.slice(2);
    }
  }
  const info = lookup(group, version, r[0]);
  if (!info || r.length > 3) throw notFound();
  const name = r[1];
  const subresource = r[2];
  if (subresource && !info.subresources.includes(subresource as never)) throw notFound();
  return { kind: 'resource', info, namespace, name, subresource, watchPath };
}
