// SelfSubjectAccessReview (create only; never stored).
import type { Req } from './context.js';
import { authorize } from './auth.js';
import { readObjectBody } from './body.js';
import { sendObject } from './respond.js';
import { badRequest } from './status.js';
import { isObj } from './patch.js';

export async function handleSSAR(r: Req): Promise<void> {
  // client-go's typed client (k9s) sends this body in protobuf
  const body = await readObjectBody(r.req);
  const spec = isObj(body) && isObj(body.spec) ? body.spec : undefined;
  if (!spec || (!isObj(spec.resourceAttributes) && !isObj(spec.nonResourceAttributes))) {
    throw badRequest(
      'SelfSubjectAccessReview.authorization.k8s.io "" is invalid: spec.resourceAttributes: Invalid value: "null": exactly one of nonResourceAttributes or resourceAttributes must be specified',
    );
  }
  let result: { allowed: boolean; reason: string };
  if (isObj(spec.resourceAttributes)) {
    const a = spec.resourceAttributes;
    result = authorize(r.user, {
      verb: String(a.verb ?? ''),
      group: String(a.group ?? ''),
      resource: String(a.resource ?? ''),
      subresource: a.subresource ? String(a.subresource) : undefined,
      namespace: a.namespace ? String(a.namespace) : undefined,
      name: a.name ? String(a.name) : undefined,
    });
  } else {
    const verb = String(spec.nonResourceAttributes.verb ?? '');
    result = r.user.name === 'admin' || verb === 'get' ? { allowed: true, reason: '' } : { allowed: false, reason: '' };
  }
  const status: Record<string, unknown> = { allowed: result.allowed };
  if (result.reason) status.reason = result.reason;
  sendObject(r, 201, {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec,
    status,
  });
}
