// Fleet discovery from a kubefed host: KubeFedCluster endpoints matched to kubeconfig contexts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kubeFedMembers, matchMembers } from '../../source/fleet/kubefed.js';
import { type FleetFlags, withKubeFedMembers } from '../../source/app/session.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

describe('matchMembers', () => {
  const ctx = (name: string, server: string) => ({ name, cluster: name, user: 'u', server });
  it('matches by API endpoint (trailing slash and case ignored), first context per server, host first', () => {
    const contexts = [
      ctx('host', 'https://h:6443'),
      ctx('sh', 'https://SH:6443'),
      ctx('sh-viewer', 'https://sh:6443'),
      ctx('sg', 'https://sg:6443'),
    ];
    const r = matchMembers('host', contexts, [
      { name: 'shanghai', apiEndpoint: 'https://sh:6443/' },
      { name: 'singapore', apiEndpoint: 'https://sg:6443' },
      { name: 'tokyo', apiEndpoint: 'https://tk:6443' },
    ]);
    expect(r.contexts).toEqual(['host', 'sh', 'sg']);
    expect(r.unmatched).toEqual([{ name: 'tokyo', apiEndpoint: 'https://tk:6443' }]);
  });
});

describe('kubefed host of the demo', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await startDemo({ seed: 1, tls: false });
  });
  afterAll(async () => {
    await demo.stop();
  });

  it('finds the member clusters through fed-host KubeFedClusters, without reading Secrets', async () => {
    const kc = loadKubeconfig([demo.kubeconfigPath]);
    const r = await kubeFedMembers(kc, 'fed-host', 5_000);
    expect(r.contexts).toEqual(['fed-host', 'shanghai', 'nanjing', 'singapore']);
    expect(r.unmatched).toEqual([]);
  });

  it('--kubefed-host becomes an explicit context list', async () => {
    const warnings: string[] = [];
    const input: FleetFlags = { kubeconfig: demo.kubeconfigPath, kubefedHost: 'fed-host', allContexts: true };
    const flags = await withKubeFedMembers(input, (l) => warnings.push(l));
    expect(flags.context).toEqual(['fed-host', 'shanghai', 'nanjing', 'singapore']);
    expect(flags.allContexts).toBe(false);
    expect(warnings).toEqual([]);
  });
});
