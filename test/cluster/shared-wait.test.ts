// Shared informers against a real kube-apiserver (issue 11): a --wait served by a wider running informer of the
// same (client, type) sees the write that follows it and its own earlier write, with no watch of its own (counted
// by the apiserver's apiserver_longrunning_requests gauge); and the client-side selectors the pool filters with
// select what the apiserver's own label / field selectors select on the same objects.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { KINDS } from '../../source/kinds/registry.js';
import type { Plan, PlanTarget } from '../../source/kinds/plan/types.js';
import { waitFor } from '../../source/actions/wait.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { InformerPool } from '../../source/kube/informer-pool.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { type KubeObject, type ResourceType, resourcePath } from '../../source/kube/object.js';
import { parseLabelSelector } from '../../source/kube/label-selector.js';
import { fieldsMatch, labelsMatch, parseFieldSelector } from '../../source/kube/selectors.js';
import { clusterClient } from './harness.js';
import './provided.js';

const kubeconfig = inject('zonectlKubeconfig');
const [cluster] = inject('zonectlContexts');
const ns = inject('zonectlNamespace');
const raw = clusterClient(kubeconfig, cluster);
const CM: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };
const made: Array<{ type: ResourceType; name: string }> = [];
let admin: HttpClusterClient;

beforeAll(() => {
  admin = new HttpClusterClient(cluster, loadKubeconfig([kubeconfig]).forContext(cluster));
});
afterAll(async () => {
  for (const m of made) await raw.request('DELETE', resourcePath(m.type, { namespace: ns, name: m.name }));
  admin?.close();
});

const until = async (pred: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** WATCH requests of `resource` open on the apiserver now (its own gauge). */
async function watchesOn(resource: string): Promise<number> {
  const r = await raw.request('GET', '/metrics');
  expect(r.status).toBe(200);
  let n = 0;
  for (const line of r.text.split('\n'))
    if (line.startsWith('apiserver_longrunning_requests{') && line.includes(`resource="${resource}"`) && line.includes('verb="WATCH"'))
      n += Number(line.slice(line.lastIndexOf(' ') + 1));
  return n;
}

async function patch(name: string, annotations: Record<string, string>): Promise<KubeObject> {
  const r = await raw.request(
    'PATCH',
    resourcePath(KINDS.GameDeployment, { namespace: ns, name }),
    { metadata: { annotations } },
    'application/merge-patch+json',
  );
  expect(r.status, r.text).toBe(200);
  return r.json as KubeObject;
}

async function copyOfGateway(): Promise<KubeObject> {
  const src = (await raw.request('GET', resourcePath(KINDS.GameDeployment, { namespace: ns, name: 'gateway-101' }))).json as KubeObject;
  const name = `gateway-101-wait-${randomBytes(3).toString('hex')}`;
  const r = await raw.request('POST', resourcePath(KINDS.GameDeployment, { namespace: ns }), {
    apiVersion: src.apiVersion,
    kind: src.kind,
    metadata: { name, namespace: ns, labels: src.metadata.labels },
    spec: src.spec,
  });
  expect(r.status, r.text).toBe(201);
  made.push({ type: KINDS.GameDeployment, name });
  return r.json as KubeObject;
}

/** What waitFor needs of a plan: its primary object. */
const planFor = (name: string): Plan => {
  const primary: PlanTarget = { cluster, type: KINDS.GameDeployment, namespace: ns, name };
  return {
    action: 'hold',
    primary,
    preconditions: {},
    steps: [],
    summary: '',
    details: [],
    card: { cluster, namespace: ns, kind: 'GameDeployment', name },
    warnings: [],
    access: [],
  } as unknown as Plan;
};
const noted = (key: string, value: string) => (_i: unknown, o: KubeObject) => o.metadata.annotations?.[key] === value;

describe('--wait on a shared informer (real apiserver)', () => {
  it('sees the write that follows it, and its own earlier write, through the wider informer: no watch of its own', async () => {
    const pool = new InformerPool();
    const before = await watchesOn('gamedeployments');
    let listed = false;
    // The store's informer: every GameDeployment of the namespace.
    const leave = pool.subscribe(
      admin,
      KINDS.GameDeployment,
      { namespace: ns },
      { onReplace: () => (listed = true), onEvent: () => undefined },
    );
    await until(() => listed);
    const gd = await copyOfGateway();
    await until(() => pool.stats.informers === 1);
    expect(await watchesOn('gamedeployments')).toBe(before + 1);

    // 1. The wait starts, then the write it waits for lands (a controller's, here the test's).
    const token = randomBytes(4).toString('hex');
    const waiting = waitFor(planFor(gd.metadata.name!), noted('zonectl.test/step', token), {
      client: admin,
      informers: pool,
      timeoutMs: 20_000,
    });
    await until(() => pool.stats.filtered === 1);
    expect(await watchesOn('gamedeployments')).toBe(before + 1); // served by the wider watch (its HookRuns have their own)
    await patch(gd.metadata.name!, { 'zonectl.test/step': token });
    const res = await waiting;
    expect(res.message).toBe('reached');
    expect(res.reached).toBe(true);

    // 2. Our own write at resourceVersion R, then the wait: it holds R or later, never the state before it.
    const own = randomBytes(4).toString('hex');
    await patch(gd.metadata.name!, { 'zonectl.test/own': own });
    const mine = await waitFor(planFor(gd.metadata.name!), noted('zonectl.test/own', own), {
      client: admin,
      informers: pool,
      timeoutMs: 10_000,
    });
    expect(mine.reached).toBe(true);
    // The state before that write is never taken for the current one.
    const stale = await waitFor(planFor(gd.metadata.name!), (_i, o) => o.metadata.annotations?.['zonectl.test/own'] === undefined, {
      client: admin,
      informers: pool,
      timeoutMs: 1_500,
    });
    expect(stale.reached).toBe(false);
    expect(pool.stats).toEqual({ informers: 1, subscribers: 1, filtered: 0 });
    await leave();
    await until(() => pool.stats.informers === 0);
  });
});

describe('client-side selectors agree with the apiserver', () => {
  const labels: Array<Record<string, string>> = [
    { app: 'game', tier: 'x', build: '42' },
    { app: 'db', build: '7' },
    { app: 'game', build: 'latest' },
    { tier: '' },
    {},
  ];
  const tag = randomBytes(3).toString('hex');
  beforeAll(async () => {
    for (const [i, l] of labels.entries()) {
      const name = `sel-${tag}-${i}`;
      const r = await raw.request('POST', resourcePath(CM, { namespace: ns }), {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name, namespace: ns, labels: { ...l, 'sel-run': tag } },
      });
      expect(r.status, r.text).toBe(201);
      made.push({ type: CM, name });
    }
  });

  const names = (items: KubeObject[]) => items.map((o) => o.metadata.name!).sort();
  it.each([
    'app=game',
    'app==game',
    'app!=game',
    'app in (game,db)',
    'app notin (game)',
    'tier',
    '!tier',
    'tier=',
    'build>8',
    'build<42',
    'app=game,tier',
    'app in (game),build notin (42)',
  ])('label selector %s', async (sel) => {
    const server = await admin.list(CM, { namespace: ns, labelSelector: `sel-run=${tag},${sel}` });
    const all = await admin.list(CM, { namespace: ns, labelSelector: `sel-run=${tag}` });
    const reqs = parseLabelSelector(sel)!;
    expect(reqs).toBeDefined();
    expect(names(all.items.filter((o) => labelsMatch(reqs, o.metadata.labels)))).toEqual(names(server.items));
  });

  it.each([`metadata.name=sel-${tag}-1`, `metadata.name!=sel-${tag}-1`, `metadata.namespace=${ns}`, 'metadata.namespace=elsewhere'])(
    'field selector %s',
    async (sel) => {
      const server = await admin.list(CM, { namespace: ns, labelSelector: `sel-run=${tag}`, fieldSelector: sel });
      const all = await admin.list(CM, { namespace: ns, labelSelector: `sel-run=${tag}` });
      const terms = parseFieldSelector(sel)!;
      expect(names(all.items.filter((o) => fieldsMatch(terms, o) === true))).toEqual(names(server.items));
    },
  );
});
