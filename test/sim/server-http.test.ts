import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixture, readLines, T, type Fixture } from './server-helpers.js';

let f: Fixture;
beforeAll(async () => {
  f = await startFixture({ historySize: 50, bookmarkIntervalMs: 150 });
});
afterAll(async () => {
  await f.sim.close();
});

const GD = '/apis/tkex.tencent.com/v1alpha1/namespaces/game/gamedeployments';
const PODS = '/api/v1/namespaces/game/pods';

describe('discovery and auth', () => {
  it('serves /version and /healthz without a token, and 401 Status otherwise', async () => {
    expect((await f.call('/version', { user: 'none' })).body.gitVersion).toMatch(/^v1\./);
    expect((await f.call('/readyz', { user: 'none' })).text).toBe('ok');
    const r = await f.call('/api/v1/pods', { user: 'none' });
    expect(r.status).toBe(401);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'Unauthorized', code: 401 });
  });

  it('lists groups and resources with verbs, shortNames and subresources', async () => {
    const apis = (await f.call('/apis')).body;
    expect(apis.kind).toBe('APIGroupList');
    expect(apis.groups.map((g: any) => g.name)).toEqual(
      expect.arrayContaining([
        'apps',
        'tkex.tencent.com',
        'types.kubefed.io',
        'argoproj.io',
        'rollouts.kruise.io',
        'apps.example.com',
        'authorization.k8s.io',
      ]),
    );
    const core = (await f.call('/api/v1')).body;
    const pods = core.resources.find((x: any) => x.name === 'pods');
    expect(pods).toMatchObject({ kind: 'Pod', namespaced: true, shortNames: ['po'], categories: ['all'] });
    expect(core.resources.map((x: any) => x.name)).toEqual(expect.arrayContaining(['pods/log', 'pods/status', 'nodes', 'events']));
    const tk = (await f.call('/apis/tkex.tencent.com/v1alpha1')).body;
    expect(tk.resources.find((x: any) => x.name === 'gamestatefulsets/scale')).toMatchObject({ kind: 'Scale', group: 'autoscaling' });
    expect((await f.call('/apis/nope.io/v1')).status).toBe(404);
    expect((await f.call('/api/v1/namespaces/game/widgets')).status).toBe(404);
  });
});

describe('reads', () => {
  it('get / 404 NotFound with details', async () => {
    expect((await f.call(`${GD}/gd1`)).body.spec.replicas).toBe(2);
    const r = await f.call(`${GD}/nope`);
    expect(r.status).toBe(404);
    expect(r.body).toMatchObject({
      reason: 'NotFound',
      message: 'gamedeployments.tkex.tencent.com "nope" not found',
      details: { name: 'nope', group: 'tkex.tencent.com', kind: 'gamedeployments' },
    });
  });

  it('lists with selectors and paginates with limit/continue', async () => {
    const all = await f.call(`/api/v1/pods?labelSelector=${encodeURIComponent('idx in (1,3)')}`);
    expect(all.body.kind).toBe('PodList');
    expect(all.body.items.map((p: any) => p.metadata.name)).toEqual(['p1', 'p3']);
    expect((await f.call(`${PODS}?fieldSelector=status.phase%3DPending`)).body.items.map((p: any) => p.metadata.name)).toEqual(['p4']);
    const names: string[] = [];
    let cont = '';
    let pages = 0;
    do {
      const r = await f.call(`${PODS}?limit=2${cont ? `&continue=${encodeURIComponent(cont)}` : ''}`);
      names.push(...r.body.items.map((p: any) => p.metadata.name));
      cont = r.body.metadata.continue ?? '';
      pages++;
    } while (cont);
    expect(names).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
    expect(pages).toBe(3);
    expect((await f.call(`${PODS}?fieldSelector=spec.bogus%3Dx`)).body).toMatchObject({
      code: 400,
      message: 'field label not supported: spec.bogus',
    });
  });

  it('answers a too-old continue token with HTTP 410', async () => {
    const first = await f.call(`${PODS}?limit=1`);
    f.sim.store.create(T.cm, { metadata: { name: 'after-list', namespace: 'game' } });
    f.sim.store.compact();
    const r = await f.call(`${PODS}?limit=1&continue=${encodeURIComponent(first.body.metadata.continue)}`);
    expect(r.status).toBe(410);
    expect(r.body).toMatchObject({ kind: 'Status', reason: 'Expired', code: 410 });
  });
});

describe('watch', () => {
  it('streams events after a resourceVersion, with bookmarks and a final bookmark at timeout', async () => {
    const list = await f.call(GD);
    const rv = list.body.metadata.resourceVersion;
    const res = await fetch(`${f.sim.url}${GD}?watch=true&resourceVersion=${rv}&allowWatchBookmarks=true&timeoutSeconds=1`, {
      headers: { Authorization: `Bearer ${f.sim.tokens.viewer}` },
    });
    expect(res.status).toBe(200);
    setTimeout(() => {
      f.sim.store.mutate(T.gd, 'game', 'gd1', (o) => ({ ...o, metadata: { ...o.metadata, labels: { app: 'game', w: '1' } } }));
    }, 50);
    const lines = await readLines(res, () => false, 3000);
    const events = lines.map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({ type: 'MODIFIED', object: { metadata: { name: 'gd1', labels: { w: '1' } } } });
    const bookmarks = events.filter((e) => e.type === 'BOOKMARK');
    expect(bookmarks.length).toBeGreaterThanOrEqual(2);
    expect(bookmarks[0].object).toMatchObject({ kind: 'GameDeployment', apiVersion: 'tkex.tencent.com/v1alpha1' });
    expect(Number(bookmarks.at(-1).object.metadata.resourceVersion)).toBeGreaterThan(Number(rv));
    expect(events.at(-1).type).toBe('BOOKMARK'); // stream ended by timeoutSeconds with a bookmark
  });

  it('gives an ERROR event with a 410 Status when the resourceVersion is too old', async () => {
    const rv0 = f.sim.store.resourceVersion();
    for (let i = 0; i < 60; i++) f.sim.store.create(T.cm, { metadata: { name: `filler-${i}`, namespace: 'default' } });
    const res = await fetch(`${f.sim.url}/api/v1/namespaces/game/pods?watch=1&resourceVersion=${rv0}`, {
      headers: { Authorization: `Bearer ${f.sim.tokens.admin}` },
    });
    expect(res.status).toBe(200);
    const lines = await readLines(res, (l) => l.length > 0);
    const ev = JSON.parse(lines[0]);
    expect(ev.type).toBe('ERROR');
    expect(ev.object).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'Expired', code: 410 });
    expect(ev.object.message).toMatch(/^too old resource version: \d+ \(\d+\)$/);
  });

  it('supports /watch/ paths and selector transitions', async () => {
    const res = await fetch(`${f.sim.url}/api/v1/watch/namespaces/game/pods?labelSelector=idx%3D2`, {
      headers: { Authorization: `Bearer ${f.sim.tokens.admin}` },
    });
    setTimeout(() => f.sim.store.mutate(T.pod, 'game', 'p2', (o) => ({ ...o, metadata: { ...o.metadata, labels: { idx: '9' } } })), 50);
    const events = (await readLines(res, (l) => l.length >= 2)).map((l) => JSON.parse(l));
    expect(events.map((e) => `${e.type}:${e.object.metadata.name}`)).toEqual(['ADDED:p2', 'DELETED:p2']);
  });
});
