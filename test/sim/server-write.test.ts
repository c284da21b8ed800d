import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, readLines, type Fixture } from './server-helpers.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture();
});
afterAll(async () => {
  await f.sim.close();
});

const GD = '/apis/tkex.tencent.com/v1alpha1/namespaces/game/gamedeployments';
const PODS = '/api/v1/namespaces/game/pods';
const json = (body: unknown, ctype = 'application/json') => ({ body: JSON.stringify(body), headers: { 'Content-Type': ctype } });
const patch = (body: unknown, ctype: string, user: 'admin' | 'viewer' = 'admin') => ({ method: 'PATCH', user, ...json(body, ctype) });

describe('create / update / delete', () => {
  it('creates (201), rejects duplicates (409 AlreadyExists), drops status for status-subresource kinds', async () => {
    const body = {
      apiVersion: 'tkex.tencent.com/v1alpha1',
      kind: 'GameDeployment',
      metadata: { name: 'gd2' },
      spec: { replicas: 1 },
      status: { replicas: 7 },
    };
    const r = await f.call(GD, { method: 'POST', ...json(body) });
    expect(r.status).toBe(201);
    expect(r.body.metadata).toMatchObject({ name: 'gd2', namespace: 'game', generation: 1 });
    expect(r.body.status).toBeUndefined();
    const again = await f.call(GD, { method: 'POST', ...json(body) });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      reason: 'AlreadyExists',
      message: 'gamedeployments.tkex.tencent.com "gd2" already exists',
      details: { name: 'gd2', group: 'tkex.tencent.com', kind: 'gamedeployments' },
    });
    const pod = await f.call(PODS, {
      method: 'POST',
      ...json({ metadata: { name: 'newpod' }, spec: { containers: [{ name: 'c', image: 'x' }] }, status: { phase: 'Running' } }),
    });
    expect(pod.body.status.phase).toBe('Pending');
  });

  it('PUT with a stale resourceVersion is 409 Conflict; status subresource takes only status', async () => {
    const cur = (await f.call(`${GD}/gd1`)).body;
    const ok = await f.call(`${GD}/gd1`, {
      method: 'PUT',
      ...json({ ...cur, spec: { ...cur.spec, replicas: 3 }, status: { replicas: 99 } }),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.spec.replicas).toBe(3);
    expect(ok.body.status.replicas).toBe(2); // main resource keeps stored status
    expect(ok.body.metadata.generation).toBe(cur.metadata.generation + 1);
    const stale = await f.call(`${GD}/gd1`, { method: 'PUT', ...json({ ...cur, spec: { ...cur.spec, replicas: 4 } }) });
    expect(stale.status).toBe(409);
    expect(stale.body.reason).toBe('Conflict');
    const st = await f.call(
      `${GD}/gd1/status`,
      patch({ spec: { replicas: 50 }, status: { replicas: 3, readyReplicas: 3 } }, 'application/merge-patch+json'),
    );
    expect(st.body.status).toEqual({ replicas: 3, readyReplicas: 3 });
    expect(st.body.spec.replicas).toBe(3);
    const mismatch = await f.call(`${GD}/gd1`, {
      method: 'PUT',
      ...json({ ...ok.body, metadata: { ...ok.body.metadata, name: 'other' } }),
    });
    expect(mismatch.status).toBe(400);
  });

  it('dryRun=All validates and returns the result without storing', async () => {
    const rv = f.sim.store.resourceVersion();
    const c = await f.call(`${GD}?dryRun=All`, { method: 'POST', ...json({ metadata: { name: 'dry' }, spec: {} }) });
    expect(c.status).toBe(201);
    expect(c.body.metadata.name).toBe('dry');
    const p = await f.call(`${GD}/gd1?dryRun=All`, patch({ spec: { replicas: 42 } }, 'application/merge-patch+json'));
    expect(p.body.spec.replicas).toBe(42);
    const d = await f.call(`${PODS}/p0?dryRun=All`, { method: 'DELETE' });
    expect(d.status).toBe(200);
    expect(f.sim.store.resourceVersion()).toBe(rv);
    expect((await f.call(`${GD}/dry`)).status).toBe(404);
    expect((await f.call(`${GD}/gd1`)).body.spec.replicas).toBe(3);
    expect((await f.call(`${PODS}/p0?dryRun=Some`, { method: 'DELETE' })).status).toBe(400);
  });

  it('scale subresource reads and writes spec.replicas', async () => {
    const s = await f.call(`${GD}/gd1/scale`);
    expect(s.body).toMatchObject({ kind: 'Scale', apiVersion: 'autoscaling/v1', spec: { replicas: 3 } });
    const p = await f.call(`${GD}/gd1/scale`, patch({ spec: { replicas: 5 } }, 'application/merge-patch+json'));
    expect(p.body.spec.replicas).toBe(5);
    expect((await f.call(`${GD}/gd1`)).body.spec.replicas).toBe(5);
  });
});

describe('patch types', () => {
  it('merge patch (RFC 7386) sets and removes fields', async () => {
    const r = await f.call(
      `${GD}/gd1`,
      patch({ metadata: { labels: { app: null, tier: 'x' } }, spec: { updateStrategy: { paused: true } } }, 'application/merge-patch+json'),
    );
    expect(r.status).toBe(200);
    expect(r.body.metadata.labels).toEqual({ tier: 'x' });
    expect(r.body.spec.updateStrategy).toEqual({ paused: true });
  });

  it('json patch (RFC 6902) with test; a failed test is 422 Invalid like the apiserver', async () => {
    const cur = (await f.call(`${GD}/gd1`)).body;
    const img = '/spec/template/spec/containers/0/image';
    const ok = await f.call(
      `${GD}/gd1`,
      patch(
        [
          { op: 'test', path: img, value: 'game:1' },
          { op: 'replace', path: img, value: 'game:2' },
          { op: 'add', path: '/metadata/annotations', value: { a: 'b' } },
        ],
        'application/json-patch+json',
      ),
    );
    expect(ok.status).toBe(200);
    expect(ok.body.spec.template.spec.containers[0].image).toBe('game:2');
    expect(ok.body.metadata.generation).toBe(cur.metadata.generation + 1);
    const failed = await f.call(
      `${GD}/gd1`,
      patch(
        [
          { op: 'test', path: img, value: 'game:1' },
          { op: 'replace', path: img, value: 'game:3' },
        ],
        'application/json-patch+json',
      ),
    );
    expect(failed.status).toBe(422);
    expect(failed.body).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      code: 422,
      message: 'the server rejected our request due to an error in our request',
    });
    expect((await f.call(`${GD}/gd1`)).body.spec.template.spec.containers[0].image).toBe('game:2');
    expect((await f.call(`${GD}/gd1`, patch({ not: 'a list' }, 'application/json-patch+json'))).status).toBe(400);
    // a resourceVersion test op is the usual precondition
    const pre = await f.call(
      `${GD}/gd1`,
      patch([{ op: 'test', path: '/metadata/resourceVersion', value: cur.metadata.resourceVersion }], 'application/json-patch+json'),
    );
    expect(pre.status).toBe(422);
  });

  it('strategic merge patch merges lists by key for core kinds; CRDs answer 415', async () => {
    const r = await f.call(
      `${PODS}/p1`,
      patch({ spec: { containers: [{ name: 'sidecar', image: 'side:2' }] } }, 'application/strategic-merge-patch+json'),
    );
    expect(r.status).toBe(200);
    expect(r.body.spec.containers).toEqual([
      { name: 'game', image: 'game:1' },
      { name: 'sidecar', image: 'side:2' },
    ]);
    const crd = await f.call(`${GD}/gd1`, patch({ spec: { replicas: 1 } }, 'application/strategic-merge-patch+json'));
    expect(crd.status).toBe(415);
    expect(crd.body.reason).toBe('UnsupportedMediaType');
  });

  it('server-side apply: create, update, conflict between managers, force', async () => {
    const cm = (data: Record<string, string>) => ({
      body: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n${Object.entries(data)
        .map(([k, v]) => `  ${k}: "${v}"`)
        .join('\n')}\n`,
      headers: { 'Content-Type': 'application/apply-patch+yaml' },
    });
    const url = '/api/v1/namespaces/game/configmaps/applied';
    const c = await f.call(`${url}?fieldManager=alice`, { method: 'PATCH', ...cm({ a: '1', b: '2' }) });
    expect(c.status).toBe(201);
    expect(c.body.data).toEqual({ a: '1', b: '2' });
    const u = await f.call(`${url}?fieldManager=alice`, { method: 'PATCH', ...cm({ a: '1' }) });
    expect(u.body.data).toEqual({ a: '1' }); // b no longer applied by anyone -> removed
    const conflict = await f.call(`${url}?fieldManager=bob`, { method: 'PATCH', ...cm({ a: 'x' }) });
    expect(conflict.status).toBe(409);
    expect(conflict.body.message).toContain('conflict with "alice"');
    const forced = await f.call(`${url}?fieldManager=bob&force=true`, { method: 'PATCH', ...cm({ a: 'x' }) });
    expect(forced.body.data).toEqual({ a: 'x' });
    expect((await f.call(url, { method: 'PATCH', ...cm({ a: '1' }) })).status).toBe(400); // fieldManager required
  });
});

describe('RBAC, SSAR, logs, GC', () => {
  it('viewer can read but not write; 403 in the apiserver wording', async () => {
    expect((await f.call(`${GD}/gd1`, { user: 'viewer' })).status).toBe(200);
    const r = await f.call(`${GD}/gd1`, patch({ spec: { replicas: 1 } }, 'application/merge-patch+json', 'viewer'));
    expect(r.status).toBe(403);
    expect(r.body.message).toBe(
      'gamedeployments.tkex.tencent.com "gd1" is forbidden: User "viewer" cannot patch resource "gamedeployments" in API group "tkex.tencent.com" in the namespace "game"',
    );
    const st = await f.call(`${GD}/gd1/status`, patch({ status: {} }, 'application/merge-patch+json', 'viewer'));
    expect(st.body.message).toContain('cannot patch resource "gamedeployments/status"');
    const ns = await f.call('/api/v1/namespaces', { method: 'POST', user: 'viewer', ...json({ metadata: { name: 'x' } }) });
    expect(ns.body.message).toBe(
      'namespaces is forbidden: User "viewer" cannot create resource "namespaces" in API group "" at the cluster scope',
    );
  });

  it('SelfSubjectAccessReview answers per user', async () => {
    const review = (user: 'admin' | 'viewer', verb: string, subresource?: string) =>
      f.call('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
        method: 'POST',
        user,
        ...json({
          apiVersion: 'authorization.k8s.io/v1',
          kind: 'SelfSubjectAccessReview',
          spec: { resourceAttributes: { verb, group: 'tkex.tencent.com', resource: 'gamedeployments', subresource, namespace: 'game' } },
        }),
      });
    const a = await review('admin', 'patch');
    expect(a.status).toBe(201);
    expect(a.body.status.allowed).toBe(true);
    expect((await review('viewer', 'patch')).body.status.allowed).toBe(false);
    expect((await review('viewer', 'get', 'status')).body.status.allowed).toBe(true);
    expect((await f.call('/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', { user: 'viewer' })).status).toBe(405);
  });

  it('pods/log: container choice, tail, timestamps, limitBytes, previous, follow', async () => {
    for (let i = 0; i < 5; i++) f.logs.append('sim-t', 'game', 'p3', 'game', `line ${i}`);
    expect((await f.call(`${PODS}/p3/log`, { user: 'viewer' })).body.message).toBe(
      'a container name must be specified for pod p3, choose one of: [game sidecar]',
    );
    expect((await f.call(`${PODS}/p3/log?container=nope`)).status).toBe(400);
    const tail = await f.call(`${PODS}/p3/log?container=game&tailLines=2`, { user: 'viewer' });
    expect(tail.text).toBe('line 3\nline 4\n');
    const ts = await f.call(`${PODS}/p3/log?container=game&tailLines=1&timestamps=true`);
    expect(ts.text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z line 4\n$/);
    expect((await f.call(`${PODS}/p3/log?container=game&limitBytes=8`)).text).toBe('line 0\nl');
    expect((await f.call(`${PODS}/p3/log?container=game&previous=true`)).status).toBe(400);
    f.logs.restart('sim-t', 'game', 'p3', 'game');
    expect((await f.call(`${PODS}/p3/log?container=game&previous=true&tailLines=1`)).text).toBe('line 4\n');
    const res = await fetch(`${f.sim.url}${PODS}/p3/log?container=game&follow=true`, {
      headers: { Authorization: `Bearer ${f.sim.tokens.viewer}` },
    });
    setTimeout(() => {
      f.logs.append('sim-t', 'game', 'p3', 'game', 'after restart 1');
      f.logs.append('sim-t', 'game', 'p3', 'game', 'after restart 2');
    }, 50);
    expect(await readLines(res, (l) => l.length >= 2)).toEqual(['after restart 1', 'after restart 2']);
    // a followed log ends when the pod is deleted
    const res2 = await fetch(`${f.sim.url}${PODS}/p3/log?container=game&follow=true`, {
      headers: { Authorization: `Bearer ${f.sim.tokens.admin}` },
    });
    setTimeout(() => f.sim.store.delete({ group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true }, 'game', 'p3'), 50);
    expect(await readLines(res2, () => false, 3000)).toEqual(['after restart 1', 'after restart 2']);
  });

  it('deleting an owner cascades to its pods; Status body for non-pod deletes', async () => {
    const d = await f.call(`${GD}/gd1`, { method: 'DELETE' });
    expect(d.status).toBe(200);
    expect(d.body).toMatchObject({ kind: 'Status', status: 'Success', details: { name: 'gd1', kind: 'gamedeployments' } });
    const pods = (await f.call(PODS)).body.items.map((p: any) => p.metadata.name);
    expect(pods).toEqual(['newpod']);
    expect((await f.call(`${GD}/gd1`, { method: 'DELETE' })).status).toBe(404);
  });
});
