import { describe, expect, it } from 'vitest';
import { AccessCache, describeAccess, type AccessAttrs } from '../../../source/actions/access.js';
import type { ClusterClient } from '../../../source/kube/client-api.js';

/** Just enough of a client for the cache: counts reviews and answers from a rule. */
function reviewer(context: string, allow: (a: AccessAttrs) => boolean) {
  const calls: string[] = [];
  const client = {
    context,
    canI: async (a: AccessAttrs) => {
      calls.push(`${a.verb} ${a.resource}/${a.subresource ?? ''} ${a.name}`);
      return allow(a) ? { allowed: true, reason: 'RBAC: allowed' } : { allowed: false };
    },
  } as unknown as ClusterClient;
  return { client, calls };
}

const patchGd: AccessAttrs = { verb: 'patch', group: 'tkex.tencent.com', resource: 'gamedeployments', namespace: 'games', name: 'gw' };

describe('AccessCache', () => {
  it('asks once per cluster + attributes within the TTL, again after it', async () => {
    let now = 1_000;
    const cache = new AccessCache(30_000, () => now);
    const { client, calls } = reviewer('a', () => true);
    const [x, y] = await Promise.all([cache.check(client, patchGd), cache.check(client, patchGd)]);
    expect(x.allowed && y.allowed).toBe(true);
    expect(calls).toHaveLength(1);
    now += 29_999;
    await cache.check(client, patchGd);
    expect(calls).toHaveLength(1);
    now += 2;
    await cache.check(client, patchGd);
    expect(calls).toHaveLength(2);
  });

  it('keeps clusters and subresources apart, and reports denials with a description', async () => {
    const cache = new AccessCache();
    const a = reviewer('a', (x) => x.subresource !== 'status');
    const b = reviewer('b', () => false);
    const res = await cache.checkAll(a.client, [patchGd, { ...patchGd, subresource: 'status' }]);
    expect(res.map((r) => r.allowed)).toEqual([true, false]);
    expect(res[1].describe).toBe('patch gamedeployments.tkex.tencent.com/status games/gw');
    expect((await cache.check(b.client, patchGd)).allowed).toBe(false);
    expect(a.calls).toHaveLength(2);
    expect(b.calls).toHaveLength(1);
    cache.invalidate('a');
    expect(cache.size).toBe(1);
  });

  it('does not cache failures', async () => {
    const cache = new AccessCache();
    let fail = true;
    const client = {
      context: 'a',
      canI: async () => {
        if (fail) throw new Error('down');
        return { allowed: true };
      },
    } as unknown as ClusterClient;
    await expect(cache.check(client, patchGd)).rejects.toThrow('down');
    fail = false;
    expect((await cache.check(client, patchGd)).allowed).toBe(true);
  });

  it('describes core resources and namespaced collections', () => {
    expect(describeAccess({ verb: 'create', group: '', resource: 'events', namespace: 'games', name: '' })).toBe(
      'create events in namespace games',
    );
  });
});
