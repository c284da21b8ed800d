// Issue 12's writes against a real kube-apiserver: a Deployment restart (the restartedAt annotation,
// JSON-pointer escaped, guarded by the resourceVersion; a second restart replaces it), a pod delete with
// its uid precondition (a pod recreated under the same name is a conflict, not deleted), and the
// shell's pods/exec access review refusing the viewer. Through the ActionService, as the commands do.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { ActionConflict } from '../../source/actions/errors.js';
import { ActionService } from '../../source/actions/service.js';
import { DEFAULT_CONFIG } from '../../source/config/config.js';
import { KINDS } from '../../source/kinds/registry.js';
import type { ClusterClient } from '../../source/kube/client-api.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { type KubeObject, resourcePath } from '../../source/kube/object.js';
import { clusterClient } from './harness.js';
import './provided.js';

const kubeconfig = inject('zonectlKubeconfig');
const [cluster] = inject('zonectlContexts');
const [viewerContext] = inject('zonectlViewerContexts');
const ns = inject('zonectlNamespace');
const raw = clusterClient(kubeconfig, cluster);
const suffix = randomBytes(3).toString('hex');
let admin: HttpClusterClient;
let viewer: HttpClusterClient;
let auditFile: string;
const made: Array<{ type: (typeof KINDS)[keyof typeof KINDS]; name: string }> = [];

const service = (client: ClusterClient) =>
  new ActionService({ client: () => client, config: DEFAULT_CONFIG, access: new AccessCache(), auditFile });

async function create(type: (typeof KINDS)[keyof typeof KINDS], body: KubeObject): Promise<KubeObject> {
  const r = await raw.request('POST', resourcePath(type, { namespace: ns }), body);
  expect(r.status, r.text).toBe(201);
  made.push({ type, name: body.metadata.name! });
  return r.json as KubeObject;
}

const bare = (name: string): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, namespace: ns },
  spec: { containers: [{ name: 'main', image: 'registry.example.com/game/lobby:1.0.0' }] },
});

const SERVICE_ACCOUNTS = { group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true } as const;
let madeServiceAccount = false;

beforeAll(async () => {
  // Pod admission needs the namespace's `default` ServiceAccount; without kube-controller-manager in
  // this file's tier nobody makes it, so the test does (and removes it after).
  const sa = await raw.request('POST', resourcePath(SERVICE_ACCOUNTS, { namespace: ns }), {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: { name: 'default', namespace: ns },
  });
  madeServiceAccount = sa.status === 201;
  const kc = loadKubeconfig([kubeconfig]);
  admin = new HttpClusterClient(cluster, kc.forContext(cluster));
  viewer = new HttpClusterClient(viewerContext, kc.forContext(viewerContext));
  auditFile = join(mkdtempSync(join(tmpdir(), 'zonectl-audit-')), 'audit.jsonl');
});

afterAll(async () => {
  for (const m of made) await raw.request('DELETE', `${resourcePath(m.type, { namespace: ns, name: m.name })}?gracePeriodSeconds=0`);
  if (madeServiceAccount) await raw.request('DELETE', resourcePath(SERVICE_ACCOUNTS, { namespace: ns, name: 'default' }));
  admin?.close();
  viewer?.close();
});

describe('restart on a real apiserver', () => {
  it('writes kubectl.kubernetes.io/restartedAt into the template; a second restart replaces it', async () => {
    const name = `restart-${suffix}`;
    await create(KINDS.Deployment, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, namespace: ns },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: { labels: { app: name } },
          spec: { containers: [{ name: 'main', image: 'registry.example.com/game/lobby:1.0.0' }] },
        },
      },
    });
    const t = { cluster, kind: 'Deployment' as const, namespace: ns, name };
    const svc = service(admin);
    await svc.run(await svc.plan(t, 'restart'), { confirmed: 'yes' });
    const once = (await raw.request('GET', resourcePath(KINDS.Deployment, { namespace: ns, name }))).json as KubeObject;
    const first = once.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt'] as string;
    expect(first).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(once.metadata.generation).toBe(2);
    // The second one takes the escaped path into the existing map (and a new second, so a new value).
    await new Promise((r) => setTimeout(r, 1100));
    const again = await svc.plan(t, 'restart');
    expect(JSON.stringify(again.plan.steps[0].body)).toContain('/spec/template/metadata/annotations/kubectl.kubernetes.io~1restartedAt');
    await svc.run(again, { confirmed: 'yes' });
    const twice = (await raw.request('GET', resourcePath(KINDS.Deployment, { namespace: ns, name }))).json as KubeObject;
    expect(twice.spec.template.metadata.annotations['kubectl.kubernetes.io/restartedAt']).not.toBe(first);
    expect(twice.metadata.generation).toBe(3);
  });
});

describe('delete pod on a real apiserver', () => {
  it('a pod with no controller needs --force; then it is deleted, with an Event recording it', async () => {
    const name = `bare-${suffix}`;
    const pod = await create(KINDS.Pod, bare(name));
    const svc = service(admin);
    const planned = await svc.planPod({ cluster, namespace: ns, name }, 'delete-pod');
    expect(planned.plan.requiresForce).toBe(true);
    await expect(svc.run(planned, { confirmed: 'yes' })).rejects.toThrow(/add --force/);
    const res = await svc.run(planned, { confirmed: 'yes', force: true });
    expect(res.eventName).toBeDefined();
    const after = await raw.request('GET', resourcePath(KINDS.Pod, { namespace: ns, name }));
    // Gone, or terminating (no kubelet to confirm): either way not the pod as it was.
    expect(after.status === 404 || !!(after.json as KubeObject).metadata.deletionTimestamp).toBe(true);
    const ev = (await raw.request('GET', `${resourcePath(KINDS.Event, { namespace: ns })}?fieldSelector=involvedObject.name%3D${name}`))
      .json as {
      items: KubeObject[];
    };
    expect(ev.items.map((e) => [e.reason, (e.involvedObject as { uid?: string }).uid])).toContainEqual([
      'ZonectlDeletePod',
      pod.metadata.uid,
    ]);
  });

  it('a pod recreated under the same name since the plan: conflict, the new pod stays', async () => {
    const name = `again-${suffix}`;
    await create(KINDS.Pod, bare(name));
    const svc = service(admin);
    const planned = await svc.planPod({ cluster, namespace: ns, name }, 'delete-pod');
    await raw.request('DELETE', `${resourcePath(KINDS.Pod, { namespace: ns, name })}?gracePeriodSeconds=0`);
    for (let i = 0; i < 50; i++) {
      if ((await raw.request('GET', resourcePath(KINDS.Pod, { namespace: ns, name }))).status === 404) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const second = (await raw.request('POST', resourcePath(KINDS.Pod, { namespace: ns }), bare(name))).json as KubeObject;
    await expect(svc.run(planned, { confirmed: 'yes', force: true })).rejects.toBeInstanceOf(ActionConflict);
    const still = (await raw.request('GET', resourcePath(KINDS.Pod, { namespace: ns, name }))).json as KubeObject;
    expect(still.metadata.uid).toBe(second.metadata.uid);
  });
});

describe('shell on a real apiserver', () => {
  it('the viewer may not create pods/exec: refused before anything is recorded', async () => {
    const name = `shell-${suffix}`;
    await create(KINDS.Pod, bare(name));
    // Not Running without a kubelet: the plan refuses; the access review is what this test is about,
    // so the viewer's review is asked directly, as run() would.
    const planned = service(viewer).planPod({ cluster: viewerContext, namespace: ns, name }, 'shell');
    await expect(planned).rejects.toThrow(/not Running/);
    const cache = new AccessCache();
    const [get, exec] = await cache.checkAll(viewer, [
      { verb: 'get', group: '', resource: 'pods', namespace: ns, name },
      { verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace: ns, name },
    ]);
    expect(get.allowed).toBe(true);
    expect(exec.allowed).toBe(false);
  });
});
