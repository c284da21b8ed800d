// Bearer-token authentication and a two-role RBAC: `admin` may do everything; `viewer` may get/list/watch
// (pods/log included) and create SelfSubjectAccessReviews. Messages match the apiserver's wording.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { qualified } from '../object-util.js';
import { HttpError } from './status.js';

export type UserName = 'admin' | 'viewer';

export interface User {
  name: UserName;
  groups: string[];
}

export interface ResourceAttributes {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
}

export function newTokens(): Record<UserName, string> {
  return { admin: randomBytes(24).toString('base64url'), viewer: randomBytes(24).toString('base64url') };
}

export function authenticate(req: IncomingMessage, tokens: Record<UserName, string>): User {
  const h = req.headers.authorization ?? '';
  const m = /^Bearer\s+(\S+)$/i.exec(h);
  if (m) {
    if (m[1] === tokens.admin) return { name: 'admin', groups: ['system:masters', 'system:authenticated'] };
    if (m[1] === tokens.viewer) return { name: 'viewer', groups: ['system:authenticated'] };
  }
  throw new HttpError(401, 'Unauthorized', 'Unauthorized');
}

const READ = new Set(['get', 'list', 'watch']);

export function authorize(user: User, a: ResourceAttributes): { allowed: boolean; reason: string } {
  if (user.name === 'admin')
    return { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "sim-admin" of ClusterRole "cluster-admin" to User "admin"' };
  if (READ.has(a.verb))
    return { allowed: true, reason: 'RBAC: allowed by ClusterRoleBinding "sim-viewer" of ClusterRole "view" to User "viewer"' };
  if (a.verb === 'create' && a.group === 'authorization.k8s.io' && a.resource === 'selfsubjectaccessreviews') {
    return {
      allowed: true,
      reason: 'RBAC: allowed by ClusterRoleBinding "system:basic-user" of ClusterRole "system:basic-user" to Group "system:authenticated"',
    };
  }
  return { allowed: false, reason: '' };
}

export function forbidden(user: User, a: ResourceAttributes): HttpError {
  const res = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
  const subject = a.name ? `${qualified(a)} "${a.name}"` : qualified(a);
  const scope = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
  return new HttpError(
    403,
    'Forbidden',
    `${subject} is forbidden: User "${user.name}" cannot ${a.verb} resource "${res}" in API group "${a.group}" ${scope}`,
    { name: a.name, group: a.group, kind: a.resource },
  );
}
