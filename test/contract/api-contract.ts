// One suite of Kubernetes API semantics that zonectl relies on, run against the simulator
// (test/sim/contract.test.ts) and against real kube-apiservers (test/cluster/contract.test.ts).
// A behaviour that differs must be fixed in the simulator or listed under "Known differences" in README.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClusterClient, WatchEvent } from '../../source/kube/client-api.js';
import type { KubeError } from '../../source/kube/errors.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import { ssarProtobuf, type RawRequester } from './raw-http.js';

export interface ContractTarget {
  admin: ClusterClient;
  viewer: ClusterClient;
  /** Raw requests (own Accept and Content-Type headers) as admin and as viewer. */
  raw: { admin: RawRequester; viewer: RawRequester };
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

    // What kubectl sends for `get` (printers from the server) and k9s for custom resources.
    const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

    it('server-side tables of a custom resource: Name + the CRD printer columns, typed cells, the object per includeObject', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-tbl`));
      const base = `/apis/tkex.tencent.com/v1alpha1/namespaces/${t.namespace}/gamedeployments`;
      const sel = `fieldSelector=metadata.name%3D${o.metadata.name}`;
      const list = await t.raw.admin({ path: `${base}?${sel}`, headers: { accept: TABLE_ACCEPT } });
      expect([list.status, list.json.kind, list.json.apiVersion]).toEqual([200, 'Table', 'meta.k8s.io/v1']);
      expect(list.json.metadata.resourceVersion).toMatch(/^\d+$/);
      expect(list.json.columnDefinitions.map((c: any) => [c.name, c.type, c.format, c.priority])).toEqual([
        ['Name', 'string', 'name', 0],
        ['DESIRED', 'integer', '', 0],
        ['UPDATED', 'integer', '', 0],
        ['UPDATED_READY', 'integer', '', 0],
        ['READY', 'integer', '', 0],
        ['TOTAL', 'integer', '', 0],
        ['AGE', 'date', '', 0],
      ]);
      expect(list.json.columnDefinitions[1].description).toBe('Custom resource definition column (in JSONPath format): .spec.replicas');
      expect(list.json.rows).toHaveLength(1);
      const [name, desired, updated, , , , age] = list.json.rows[0].cells;
      expect([name, desired, updated]).toEqual([o.metadata.name, 2, null]);
      expect(age).toMatch(/^\d+s$/);
      expect(list.json.rows[0].object).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata });
      const full = await t.raw.admin({ path: `${base}?${sel}&includeObject=Object`, headers: { accept: TABLE_ACCEPT } });
      expect(full.json.rows[0].object).toMatchObject({ kind: 'GameDeployment', spec: { replicas: 2 } });
      const none = await t.raw.admin({ path: `${base}?${sel}&includeObject=None`, headers: { accept: TABLE_ACCEPT } });
      expect(none.json.rows[0].object).toBeNull();
      const bad = await t.raw.admin({ path: `${base}?${sel}&includeObject=All`, headers: { accept: TABLE_ACCEPT } });
      expect([bad.status, bad.json.message]).toEqual([
        400,
        `Unable to convert to Table as requested: includeObject: Invalid value: "All": must be 'Metadata', 'Object', 'None', or empty`,
      ]);
      const one = await t.raw.admin({ path: `${base}/${o.metadata.name}`, headers: { accept: TABLE_ACCEPT } });
      expect([one.json.kind, one.json.rows.length, one.json.rows[0].cells[0]]).toEqual(['Table', 1, o.metadata.name]);
      const v1beta1 = await t.raw.admin({
        path: `${base}/${o.metadata.name}`,
        headers: { accept: 'application/json;as=Table;v=v1beta1;g=meta.k8s.io' },
      });
      expect(v1beta1.json.apiVersion).toBe('meta.k8s.io/v1beta1');
      // kubectl get -w: each event a one-row Table, the column definitions on the first event only
      const w2 = t.raw.admin({ path: `${base}?${sel}&watch=1&timeoutSeconds=2`, headers: { accept: TABLE_ACCEPT } });
      await new Promise((r) => setTimeout(r, 300));
      await t.admin.patch(GD, t.namespace, o.metadata.name!, 'merge', { metadata: { labels: { watched: 'b' } } });
      const events = (await w2).text
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l));
      expect(events.map((e) => [e.type, e.object.kind, e.object.rows[0].cells[0], e.object.columnDefinitions === null])).toEqual([
        ['ADDED', 'Table', o.metadata.name, false],
        ['MODIFIED', 'Table', o.metadata.name, true],
      ]);
    });

    it('server-side tables of built-in kinds use the apiserver printers (pods: Ready, Status, Restarts, Age, then the wide columns)', async () => {
      // The columns come with an empty list too (a pod needs a service account the contract's real cluster does not make).
      const pods = await t.raw.admin({
        path: `/api/v1/namespaces/${t.namespace}/pods?fieldSelector=metadata.name%3D${prefix}-none`,
        headers: { accept: TABLE_ACCEPT },
      });
      expect([pods.json.kind, pods.json.rows]).toEqual(['Table', []]);
      expect(pods.json.columnDefinitions.map((c: any) => [c.name, c.type, c.format, c.priority])).toEqual([
        ['Name', 'string', 'name', 0],
        ['Ready', 'string', '', 0],
        ['Status', 'string', '', 0],
        ['Restarts', 'string', '', 0],
        ['Age', 'string', '', 0],
        ['IP', 'string', '', 1],
        ['Node', 'string', '', 1],
        ['Nominated Node', 'string', '', 1],
        ['Readiness Gates', 'string', '', 1],
      ]);
      const name = `${prefix}-cm`;
      await t.admin.create(CM, t.namespace, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data: { a: '1', b: '2' } });
      try {
        const cms = await t.raw.admin({ path: `/api/v1/namespaces/${t.namespace}/configmaps/${name}`, headers: { accept: TABLE_ACCEPT } });
        expect(cms.json.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Data', 'Age']);
        expect(cms.json.rows[0].cells.slice(0, 2)).toEqual([name, 2]);
        const ns = await t.raw.admin({ path: `/api/v1/namespaces/${t.namespace}`, headers: { accept: TABLE_ACCEPT } });
        expect(ns.json.columnDefinitions.map((c: any) => c.name)).toEqual(['Name', 'Status', 'Age']);
        expect(ns.json.rows[0].cells.slice(0, 2)).toEqual([t.namespace, 'Active']);
      } finally {
        await t.admin.request({ method: 'DELETE', path: `/api/v1/namespaces/${t.namespace}/configmaps/${name}` }).catch(() => undefined);
      }
    });

    it('Accept negotiation for a custom resource: protobuf first falls back to JSON, YAML and PartialObjectMetadata on request, 406 when nothing fits', async () => {
      const o = await t.admin.create(GD, t.namespace, gd(`${prefix}-acc`));
      const path = `/apis/tkex.tencent.com/v1alpha1/namespaces/${t.namespace}/gamedeployments/${o.metadata.name}`;
      const pb = await t.raw.admin({ path, headers: { accept: 'application/vnd.kubernetes.protobuf, application/json' } });
      expect([pb.status, pb.contentType, pb.json.kind]).toEqual([200, 'application/json', 'GameDeployment']);
      const other = await t.raw.admin({ path, headers: { accept: 'application/json;as=Table;v=v1;g=example.com, application/json' } });
      expect(other.json.kind).toBe('GameDeployment');
      const yaml = await t.raw.admin({ path, headers: { accept: 'application/yaml' } });
      expect([yaml.status, yaml.contentType]).toEqual([200, 'application/yaml']);
      expect(yaml.text).toContain(`name: ${o.metadata.name}`);
      const partial = await t.raw.admin({ path, headers: { accept: 'application/json;as=PartialObjectMetadata;v=v1;g=meta.k8s.io' } });
      expect(partial.json).toEqual({ kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata });
      const list = await t.raw.admin({
        path: `/apis/tkex.tencent.com/v1alpha1/namespaces/${t.namespace}/gamedeployments?fieldSelector=metadata.name%3D${o.metadata.name}`,
        headers: { accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' },
      });
      expect([list.json.kind, list.json.items[0].kind, list.json.items[0].metadata.name]).toEqual([
        'PartialObjectMetadataList',
        'PartialObjectMetadata',
        o.metadata.name,
      ]);
      const notList = await t.raw.admin({ path, headers: { accept: 'application/json;as=PartialObjectMetadataList;v=v1;g=meta.k8s.io' } });
      expect([notList.status, notList.json.message]).toEqual([500, 'content is not a list']);
      // the apiserver answers a protobuf-only Accept with a protobuf Status; the simulator (no protobuf encoder) with JSON
      const none = await t.raw.admin({ path, headers: { accept: 'application/vnd.kubernetes.protobuf, text/plain' } });
      expect(none.status).toBe(406);
      const noTable = await t.raw.admin({
        method: 'POST',
        path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
        headers: { 'content-type': 'application/json', accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' },
        body: JSON.stringify({
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb: 'get', resource: 'pods' } },
        }),
      });
      expect([noTable.status, noTable.json.reason, noTable.json.message]).toEqual([
        406,
        'NotAcceptable',
        'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
      ]);
    });

    it('an error Status comes in the negotiated media type: YAML for a YAML Accept, JSON when nothing fits', async () => {
      const path = `/apis/tkex.tencent.com/v1alpha1/namespaces/${t.namespace}/gamedeployments/${prefix}-absent`;
      const yaml = await t.raw.admin({ path, headers: { accept: 'application/yaml' } });
      expect([yaml.status, yaml.contentType]).toEqual([404, 'application/yaml']);
      expect(yaml.text).toMatch(/^kind: Status$/m);
      expect(yaml.text).toMatch(/^reason: NotFound$/m);
      const json = await t.raw.admin({ path, headers: { accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' } });
      expect([json.status, json.contentType, json.json.reason]).toEqual([404, 'application/json', 'NotFound']);
    });

    it('a SelfSubjectAccessReview body in protobuf (client-go typed clients, k9s) is read like its JSON', async () => {
      const review = async (as: 'admin' | 'viewer', verb: string): Promise<any> => {
        const r = await t.raw[as]({
          method: 'POST',
          path: '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews',
          headers: { 'content-type': 'application/vnd.kubernetes.protobuf', accept: 'application/json' },
          body: ssarProtobuf({ verb, group: 'tkex.tencent.com', resource: 'gamedeployments', namespace: t.namespace }),
        });
        expect([r.status, r.contentType]).toEqual([201, 'application/json']);
        expect(r.json.spec.resourceAttributes).toEqual({
          namespace: t.namespace,
          verb,
          group: 'tkex.tencent.com',
          resource: 'gamedeployments',
        });
        return r.json.status;
      };
      expect(await review('admin', 'patch')).toMatchObject({ allowed: true });
      expect(await review('viewer', 'list')).toMatchObject({ allowed: true });
      expect(await review('viewer', 'patch')).toMatchObject({ allowed: false });
    });
  });
}
