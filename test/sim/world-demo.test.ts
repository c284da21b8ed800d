import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { startDemo, type Demo } from '../../source/sim/demo.js';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo({ seed: 9, speed: 20, tls: false });
});
afterAll(async () => {
  await demo?.stop();
});

function token(cluster: string): string {
  const kc = YAML.parse(readFileSync(demo.kubeconfigPath, 'utf8'));
  return kc.users.find((u: any) => u.name === `${cluster}-admin`).user.token;
}

async function get(cluster: string, path: string): Promise<Response> {
  const c = demo.clusters.find((x) => x.name === cluster)!;
  return fetch(c.url + path, { headers: { authorization: `Bearer ${token(cluster)}` } });
}

describe('startDemo', () => {
  it('serves every cluster over HTTP with a kubeconfig', async () => {
    expect(demo.clusters.map((c) => c.name)).toEqual(['shanghai', 'nanjing', 'singapore', 'fed-host']);
    for (const c of demo.clusters) expect(c.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(demo.contexts).toContain('shanghai-viewer');
    const res = await get('shanghai', '/apis/apps.example.com/v1alpha1/gamezones');
    expect(res.status).toBe(200);
    const list = (await res.json()) as any;
    expect(list.items.length).toBe(4);
    const kfc = (await (
      await get('fed-host', '/apis/core.kubefed.io/v1beta1/namespaces/kube-federation-system/kubefedclusters')
    ).json()) as any;
    const byName = Object.fromEntries(kfc.items.map((k: any) => [k.metadata.name, k.spec.apiEndpoint]));
    expect(byName.nanjing).toBe(demo.clusters.find((c) => c.name === 'nanjing')!.url);
  });

  it('serves pod logs and keeps running on real time', async () => {
    const pods = (await (await get('nanjing', '/api/v1/namespaces/zone-201/pods?labelSelector=zonectl.io%2Fservice%3Ddb-1')).json()) as any;
    const pod = pods.items[0];
    const res = await get('nanjing', `/api/v1/namespaces/zone-201/pods/${pod.metadata.name}/log?container=db&tailLines=3`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.trim().split('\n')).toHaveLength(3);
    expect(text).toMatch(/seq=\d+/);
    const t0 = demo.world.clock.now();
    await new Promise((r) => setTimeout(r, 300));
    expect(demo.world.clock.now() - t0).toBeGreaterThan(1000);
  });
});
