// Preflight SelfSubjectAccessReview for every write of a plan, cached briefly per cluster + attributes
// so the console can show a denied action's key disabled with the reason without asking every frame.
import { t } from '../i18n/t.js';
import type { ClusterClient } from '../kube/client-api.js';

export interface AccessAttrs {
  verb: string;
  group: string;
  resource: string;
  subresource?: string;
  namespace: string;
  name: string;
}

export interface AccessDecision {
  attrs: AccessAttrs;
  allowed: boolean;
  reason?: string;
  /** "patch gamedeployments.tkex.tencent.com/status games/game-1" */
  describe: string;
}

export const ACCESS_TTL_MS = 30_000;

export function describeAccess(a: AccessAttrs): string {
  const res = `${a.resource}${a.group ? `.${a.group}` : ''}${a.subresource ? `/${a.subresource}` : ''}`;
  const obj = a.name
    ? `${a.namespace ? `${a.namespace}/` : ''}${a.name}`
    : a.namespace
      ? t('actions.access.inNamespace', { namespace: a.namespace })
      : '';
  return `${a.verb} ${res}${obj ? ` ${obj}` : ''}`;
}

function keyOf(cluster: string, a: AccessAttrs): string {
  return JSON.stringify([cluster, a.verb, a.group, a.resource, a.subresource ?? '', a.namespace, a.name]);
}

interface Entry {
  at: number;
  value: Promise<AccessDecision>;
}

export class AccessCache {
  private entries = new Map<string, Entry>();

  constructor(
    readonly ttlMs = ACCESS_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** One review; concurrent and recent identical questions share the answer. Errors are not cached. */
  check(client: ClusterClient, attrs: AccessAttrs): Promise<AccessDecision> {
    const key = keyOf(client.context, attrs);
    const t = this.now();
    const hit = this.entries.get(key);
    if (hit && t - hit.at < this.ttlMs) return hit.value;
    const value = client
      .canI({
        verb: attrs.verb,
        group: attrs.group,
        resource: attrs.resource,
        subresource: attrs.subresource,
        namespace: attrs.namespace,
        name: attrs.name,
      })
      .then((r): AccessDecision => {
        const d: AccessDecision = { attrs, allowed: r.allowed, describe: describeAccess(attrs) };
        if (r.reason) d.reason = r.reason;
        return d;
      });
    this.entries.set(key, { at: t, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }

  /** Every review of a plan in parallel, in the plan's order. */
  checkAll(client: ClusterClient, list: readonly AccessAttrs[]): Promise<AccessDecision[]> {
    return Promise.all(list.map((a) => this.check(client, a)));
  }

  /** Drop cached answers (all, or one cluster's), e.g. after a role change. */
  invalidate(cluster?: string): void {
    if (cluster === undefined) this.entries.clear();
    else for (const k of [...this.entries.keys()]) if ((JSON.parse(k) as string[])[0] === cluster) this.entries.delete(k);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The process-wide cache shared by commands and the console. */
export const accessCache = new AccessCache();
