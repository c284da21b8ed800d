// Proves the real-cluster harness: three real kube-apiservers serve, CRDs are established, fixtures are listed,
// the viewer can read but not write, and one apiserver can be stopped and restarted on the same port.
import { describe, expect, inject, it } from 'vitest';
import { readFileSync, statSync } from 'node:fs';
import { parse } from 'yaml';
import { clusterClient } from './harness.js';
import { clusterControl } from './control.js';
import './provided.js';

const kubeconfig = inject('zonectlKubeconfig');
const contexts = inject('zonectlContexts');
const viewers = inject('zonectlViewerContexts');
const ns = inject('zonectlNamespace');
const versions = inject('zonectlVersions');

const CRDS = [
  'gamedeployments.tkex.tencent.com',
  'gamestatefulsets.tkex.tencent.com',
  'hookruns.tkex.tencent.com',
  'hooktemplates.tkex.tencent.com',
  'gamezones.apps.example.com',
  'federatedgamedeployments.types.kubefed.io',
  'federateddeployments.types.kubefed.io',
  'kubefedclusters.core.kubefed.io',
  'rollouts.argoproj.io',
  'rollouts.rollouts.kruise.io',
];

const ZONES: Record<string, number[]> = { 'real-a': [101, 102], 'real-b': [201, 202], 'real-c': [301] };

describe('real federation harness', () => {
  it('writes a 0600 kubeconfig with an admin and a viewer context per cluster', () => {
    expect(process.env.ZONECTL_TEST_KUBECONFIG).toBe(kubeconfig);
    expect(statSync(kubeconfig).mode & 0o777).toBe(0o600);
    const kc = parse(readFileSync(kubeconfig, 'utf8'));
    expect(contexts).toEqual(['real-a', 'real-b', 'real-c']);
    expect(viewers).toEqual(['real-a-viewer', 'real-b-viewer', 'real-c-viewer']);
    expect(kc.contexts.map((c: { name: string }) => c.name).sort()).toEqual([...contexts, ...viewers].sort());
    const servers = new Set(kc.clusters.map((c: { cluster: { server: string } }) => c.cluster.server));
    expect(servers.size).toBe(3);
  });

  it.each(['real-a', 'real-b', 'real-c'])('%s serves /version of the built Kubernetes', async (ctx) => {
    const res = await clusterClient(kubeconfig, ctx).request('GET', '/version');
    expect(res.status).toBe(200);
    expect(res.json.gitVersion).toBe(versions.kubernetes);
    expect(res.json.major).toBe('1');
  });

  it.each(['real-a', 'real-b', 'real-c'])('%s has every fixture CRD established', async (ctx) => {
    const res = await clusterClient(kubeconfig, ctx).request('GET', '/apis/apiextensions.k8s.io/v1/customresourcedefinitions');
    expect(res.status).toBe(200);
    const established = res.json.items
      .filter((crd: any) => crd.status.conditions.some((c: any) => c.type === 'Established' && c.status === 'True'))
      .map((crd: any) => crd.metadata.name);
    expect(established.sort()).toEqual([...CRDS].sort());
  });

  it.each(Object.entries(ZONES))('%s lists its own fixture GameZones (separate etcd prefixes)', async (ctx, zones) => {
    const res = await clusterClient(kubeconfig, ctx).request('GET', `/apis/apps.example.com/v1alpha1/namespaces/${ns}/gamezones`);
    expect(res.status).toBe(200);
    const ids = res.json.items.map((z: any) => z.spec.gameZone.zoneId).sort();
    expect(ids).toEqual(zones);
  });

  it('stored status through the /status subresource and pruned nothing declared', async () => {
    const c = clusterClient(kubeconfig, 'real-a');
    const gss = (await c.request('GET', `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamestatefulsets/game-102`)).json;
    expect(gss.status.pauseConditions[0].reason).toBe('PausedByStepBasedHook');
    expect(gss.status.currentStepIndex).toBe(1);
    const hr = (await c.request('GET', `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/hookruns/${gss.status.canary.currentStepHookRun}`))
      .json;
    expect(hr.status.phase).toBe('Inconclusive');
    const scale = await c.request('GET', `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamestatefulsets/game-101/scale`);
    expect(scale.json.status).toMatchObject({ replicas: 4, selector: 'app=game-101' });
  });

  it('prunes unknown spec fields and honours a JSON-patch test op on a declared field', async () => {
    const c = clusterClient(kubeconfig, 'real-b');
    const path = `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamedeployments`;
    const created = await c.request('POST', path, {
      apiVersion: 'tkex.tencent.com/v1alpha1',
      kind: 'GameDeployment',
      metadata: { name: 'harness-probe' },
      spec: {
        selector: { matchLabels: { app: 'probe' } },
        template: { metadata: { labels: { app: 'probe' } }, spec: { containers: [{ name: 'c', image: 'img:1' }] } },
        updateStrategy: { paused: true, notAField: 'x' },
      },
    });
    expect(created.status).toBe(201);
    try {
      // Pruned, and the upstream schema's defaults filled in (test/cluster/schemas.test.ts covers the rest).
      expect(created.json.spec.updateStrategy).toEqual({ paused: true, type: 'RollingUpdate', maxSurge: '25%', maxUnavailable: '25%' });
      const patch = (value: string, expected: string) => [
        { op: 'test', path: '/spec/template/spec/containers/0/image', value: expected },
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value },
      ];
      const stale = await c.request('PATCH', `${path}/harness-probe`, patch('img:3', 'img:0'), 'application/json-patch+json');
      expect(stale.status).toBe(422);
      const ok = await c.request('PATCH', `${path}/harness-probe`, patch('img:2', 'img:1'), 'application/json-patch+json');
      expect(ok.status).toBe(200);
      expect(ok.json.spec.template.spec.containers[0].image).toBe('img:2');
    } finally {
      await c.request('DELETE', `${path}/harness-probe`);
    }
  });

  it.each(['real-a', 'real-b', 'real-c'])('viewer on %s: 200 on list, 403 on patch, SelfSubjectAccessReview works', async (cluster) => {
    const v = clusterClient(kubeconfig, `${cluster}-viewer`);
    const list = await v.request('GET', `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamestatefulsets`);
    expect(list.status).toBe(200);
    const gs = list.json.items[0].metadata.name;
    const patch = await v.request(
      'PATCH',
      `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamestatefulsets/${gs}`,
      { spec: { updateStrategy: { paused: false } } },
      'application/merge-patch+json',
    );
    expect(patch.status).toBe(403);
    expect(patch.json.reason).toBe('Forbidden');
    const review = await v.request('POST', '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews', {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { group: 'tkex.tencent.com', resource: 'gamestatefulsets', verb: 'patch', namespace: ns } },
    });
    expect(review.status).toBe(201);
    expect(review.json.status.allowed).toBe(false);
  });

  it('stops one apiserver (unreachable) and restarts it on the same port with its data', async () => {
    const control = clusterControl();
    const b = clusterClient(kubeconfig, 'real-b');
    await control.stopApiserver('real-b');
    try {
      await expect(b.request('GET', '/version')).rejects.toThrow(/ECONNREFUSED/);
      expect((await clusterClient(kubeconfig, 'real-a').request('GET', '/version')).status).toBe(200);
    } finally {
      await control.startApiserver('real-b');
    }
    const zones = await b.request('GET', `/apis/apps.example.com/v1alpha1/namespaces/${ns}/gamezones`);
    expect(zones.status).toBe(200);
    expect(zones.json.items.map((z: any) => z.spec.gameZone.zoneId).sort()).toEqual([201, 202]);
    const procs = await control.processes();
    expect(procs.map((p) => p.name).sort()).toEqual(['etcd', 'kube-apiserver real-a', 'kube-apiserver real-b', 'kube-apiserver real-c']);
  });
});
