// One suite of Kubernetes API semantics that zonectl relies on, run against the simulator
// (test/sim/contract.test.ts) and against real kube-apiservers (test/cluster/contract.test.ts).
// A behaviour that differs must be fixed in the simulator or listed under "Known differences" in README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterClient, WatchEvent } from '../../source/kube/client-api.js';
import type { KubeError } from '../../source/kube/errors.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';

export interface ContractTarget {
  admin: ClusterClient;
  viewer: ClusterClient;
  namespace: string;
  close(): Promise<void>;
}

const GD: ResourceType = {
  group: 'tkex.tencent.com',
  version: 'v1alpha1',
  resource: 'gamedeployments',
  kind: 'GameDeployment',
  namespaced: true,
};
const CM: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };

function gd(name: string, labels: Record<string, string> = {}): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameDeployment',
    metadata: { name, labels: { 'contract.zonectl.io/run': 'yes', ...labels } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'game', image: 'registry.example.com/game:1.0' }] } },
      updateStrategy: { type: 'InplaceUpdate', partition: 0, paused: false },
    },
  };
}

async function fail(p: Promise<unknown>): Promise<KubeError> {
  try {
    await p;
  } catch (e) {
    return e as KubeError;
  }
  throw new Error('expected the request to fail');
}

export function defineApiContract(label: string, connect: () => Promise<ContractTarget>): void {
  describe(`Kubernetes API contract (${label})`, () => {
    let t: ContractTarget;
    const prefix = `ct-${Date.now().toString(36)}`;
    beforeAll(async () => {
      t = await connect();
    }, 120_000);
    afterAll(async () => {
      const list = await t.admin
        .list(GD, { namespace: t.namespace, labelSelector: 'contract.zonectl.io/run=yes' })
        .catch(() => ({ items: [] as KubeObject[] }));
      for (const o of list.items)
        await t.admin
          .request({
            method: 'DELETE',
            path: `/apis/tkex.tencent.com/v1alpha1/namespaces/${t.namespace}/gamedeployments/${o.metadata.name}`,
          })
          .catch(() => undefined);
      await t.close();
    });

    it('create sets uid, resourceVersion, generation 1 and creationTimestamp; a second create is AlreadyExists (409)', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-a`));
      expect(o.metadata.uid).toMatch(/.+/);
      expect(o.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(o.metadata.generation).toBe(1);
      expect(Date.parse(o.metadata.creationTimestamp!)).not.toBeNaN();
      const e = await fail(t.admin.create(GD, t.namespace, gd(`${prefix}-a`)));
      expect([e.status, e.reason]).toEqual([409, 'AlreadyExists']);
      const nf = await fail(t.admin.get(GD, t.namespace, `${prefix}-missing`));
      expect([nf.status, nf.reason, nf.kind]).toEqual([404, 'NotFound', 'NotFound']);
    });

    it('update with a stale resourceVersion is a 409 Conflict; generation bumps on spec changes only', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-b`));
      const p1 = await t.admin.patch(GD, t.namespace, o.metadata.name!, 'merge', { metadata: { labels: { touched: 'yes' } } });
      expect(p1.metadata.generation).toBe(1);
      const p2 = await t.admin.patch(GD, t.namespace, o.metadata.name!, 'merge', { spec: { replicas: 3 } });
      expect(p2.metadata.generation).toBe(2);
      const stale = { ...o, spec: { ...o.spec, replicas: 5 } };
      const e = await fail(
        t.admin.request({
          method: 'PUT',
          path: `/apis/tkex.tencent.com/v1alpha1/namespaces/${t.namespace}/gamedeployments/${o.metadata.name}`,
          body: stale,
        }),
      );
      expect([e.status, e.reason, e.kind]).toEqual([409, 'Conflict', 'Conflict']);
      const withRv = await fail(
        t.admin.patch(GD, t.namespace, o.metadata.name!, 'merge', {
          metadata: { resourceVersion: o.metadata.resourceVersion },
          spec: { replicas: 6 },
        }),
      );
      expect(withRv.status).toBe(409);
    });

    it('JSON patch applies ops in order; a failed test op changes nothing (422 Invalid)', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-c`));
      const ok = await t.admin.patch(GD, t.namespace, o.metadata.name!, 'json', [
        { op: 'test', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/game:1.0' },
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/game:2.0' },
      ]);
      expect(ok.spec.template.spec.containers[0].image).toBe('registry.example.com/game:2.0');
      const e = await fail(
        t.admin.patch(GD, t.namespace, o.metadata.name!, 'json', [
          { op: 'test', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/game:1.0' },
          { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/game:3.0' },
        ]),
      );
      expect([e.status, e.reason]).toEqual([422, 'Invalid']);
      const now = await t.admin.get(GD, t.namespace, o.metadata.name!);
      expect(now.spec.template.spec.containers[0].image).toBe('registry.example.com/game:2.0');
    });

    it('strategic merge patch is refused for custom resources (415) and accepted for core kinds', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-d`));
      const e = await fail(t.admin.patch(GD, t.namespace, o.metadata.name!, 'strategic', { spec: { replicas: 1 } }));
      expect(e.status).toBe(415);
      const name = `${prefix}-cm`;
      await t.admin.create(CM, t.namespace, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1' } } as KubeObject);
      const cm = await t.admin.patch(CM, t.namespace, name, 'strategic', { data: { b: '2' } });
      expect((cm as unknown as { data: Record<string, string> }).data).toEqual({ a: '1', b: '2' });
      await t.admin.request({ method: 'DELETE', path: `/api/v1/namespaces/${t.namespace}/configmaps/${name}` });
    });

    it('status subresource: /status writes only status; the main resource ignores status', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-e`));
      const s1 = await t.admin.patch(
        GD,
        t.namespace,
        o.metadata.name!,
        'merge',
        { spec: { replicas: 9 }, status: { replicas: 2, updatedReplicas: 1 } },
        { subresource: 'status' },
      );
      expect(s1.status).toMatchObject({ replicas: 2, updatedReplicas: 1 });
      expect(s1.spec.replicas).toBe(2);
      expect(s1.metadata.generation).toBe(1);
      const m = await t.admin.patch(GD, t.namespace, o.metadata.name!, 'merge', { status: { replicas: 7 } });
      expect(m.status.replicas).toBe(2);
    });

    it('label and field selectors filter lists', async () => {
      await t.admin.create(GD, t.namespace, gd(`${prefix}-f1`, { tier: 'gold' }));
      await t.admin.create(GD, t.namespace, gd(`${prefix}-f2`, { tier: 'silver' }));
      const gold = await t.admin.list(GD, { namespace: t.namespace, labelSelector: 'contract.zonectl.io/run=yes,tier in (gold)' });
      expect(gold.items.map((i) => i.metadata.name)).toEqual([`${prefix}-f1`]);
      const notGold = await t.admin.list(GD, { namespace: t.namespace, labelSelector: 'tier,tier!=gold' });
      expect(notGold.items.map((i) => i.metadata.name)).toContain(`${prefix}-f2`);
      expect(notGold.items.map((i) => i.metadata.name)).not.toContain(`${prefix}-f1`);
      const byName = await t.admin.list(GD, { namespace: t.namespace, fieldSelector: `metadata.name=${prefix}-f2` });
      expect(byName.items.map((i) => i.metadata.name)).toEqual([`${prefix}-f2`]);
    });

    it('pagination with limit/continue returns every item exactly once', async () => {
      for (let i = 0; i < 5; i++) await t.admin.create(GD, t.namespace, gd(`${prefix}-p${i}`, { page: 'yes' }));
      const names: string[] = [];
      let cont: string | undefined;
      let pages = 0;
      do {
        const page = await t.admin.list(GD, { namespace: t.namespace, labelSelector: 'page=yes', limit: 2, continue: cont });
        pages++;
        names.push(...page.items.map((i) => i.metadata.name!));
        cont = page.metadata.continue || undefined;
        if (cont) expect(page.items).toHaveLength(2);
      } while (cont);
      expect(pages).toBe(3);
      expect(names.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `${prefix}-p${i}`));
    });

    it('watch from a list resourceVersion delivers ADDED, MODIFIED, DELETED in order', async () => {
      const list = await t.admin.list(GD, { namespace: t.namespace });
      const events: WatchEvent[] = [];
      const ac = new AbortController();
      const name = `${prefix}-w`;
      const done = t.admin.watch(
        GD,
        {
          namespace: t.namespace,
          resourceVersion: list.metadata.resourceVersion,
          allowWatchBookmarks: true,
          timeoutSeconds: 30,
          signal: ac.signal,
          fieldSelector: `metadata.name=${name}`,
        },
        (e) => {
          events.push(e);
          if (e.type === 'DELETED') ac.abort();
        },
      );
      await t.admin.create(GD, t.namespace, gd(name));
      await t.admin.patch(GD, t.namespace, name, 'merge', { spec: { replicas: 4 } });
      await t.admin.request({
        method: 'DELETE',
        path: `/apis/tkex.tencent.com/v1alpha1/namespaces/${t.namespace}/gamedeployments/${name}`,
      });
      await done;
      const seq = events.filter((e) => e.type !== 'BOOKMARK').map((e) => e.type);
      expect(seq).toEqual(['ADDED', 'MODIFIED', 'DELETED']);
      const rvs = events.filter((e) => e.type !== 'BOOKMARK').map((e) => BigInt(e.object.metadata.resourceVersion!));
      expect([...rvs].sort((a, b) => (a < b ? -1 : 1))).toEqual(rvs);
    });

    it('watch from a resourceVersion the server no longer has is 410 Gone', async () => {
      const e = await fail(
        t.admin.watch(
          GD,
          { namespace: t.namespace, resourceVersion: '1', timeoutSeconds: 5, signal: new AbortController().signal },
          () => undefined,
        ),
      );
      expect([e.status, e.kind]).toEqual([410, 'Gone']);
    });

    it('dryRun=All validates and returns the object without storing it', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-dry`), { dryRun: true });
      expect(o.metadata.name).toBe(`${prefix}-dry`);
      const e = await fail(t.admin.get(GD, t.namespace, `${prefix}-dry`));
      expect(e.status).toBe(404);
      const real = await t.admin.create(GD, t.namespace, gd(`${prefix}-dry2`));
      const patched = await t.admin.patch(GD, t.namespace, real.metadata.name!, 'merge', { spec: { replicas: 8 } }, { dryRun: true });
      expect(patched.spec.replicas).toBe(8);
      expect((await t.admin.get(GD, t.namespace, real.metadata.name!)).spec.replicas).toBe(2);
    });

    it('RBAC: the viewer reads, is refused writes with the apiserver wording, and SelfSubjectAccessReview agrees', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-rbac`));
      const got = await t.viewer.get(GD, t.namespace, o.metadata.name!);
      expect(got.metadata.uid).toBe(o.metadata.uid);
      const e = await fail(t.viewer.patch(GD, t.namespace, o.metadata.name!, 'merge', { spec: { replicas: 1 } }));
      expect([e.status, e.reason, e.kind]).toEqual([403, 'Forbidden', 'Forbidden']);
      expect(e.message).toBe(
        `gamedeployments.tkex.tencent.com "${o.metadata.name}" is forbidden: User "viewer" cannot patch resource "gamedeployments" in API group "tkex.tencent.com" in the namespace "${t.namespace}"`,
      );
      expect(
        await t.viewer.canI({ verb: 'patch', group: 'tkex.tencent.com', resource: 'gamedeployments', namespace: t.namespace }),
      ).toMatchObject({ allowed: false });
      expect(
        await t.viewer.canI({ verb: 'list', group: 'tkex.tencent.com', resource: 'gamedeployments', namespace: t.namespace }),
      ).toMatchObject({ allowed: true });
      expect(
        await t.admin.canI({
          verb: 'patch',
          group: 'tkex.tencent.com',
          resource: 'gamedeployments',
          subresource: 'status',
          namespace: t.namespace,
        }),
      ).toMatchObject({ allowed: true });
    });
  });
}
