import { describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../source/sim/world.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { applyOverrides as applyJsonPatch } from '../../source/sim/controllers/federation.js';

describe('kubefed propagation', () => {
  it('applies overrides, follows placement changes and reports per-cluster status', () => {
    const world = buildDemoWorld({ seed: 3, zonesPerCluster: 1 });
    try {
      const host = world.stores.get('fed-host')!;
      const get = (c: string) => world.stores.get(c)!.get(T.gameDeployment, 'global', 'login-global');
      expect(get('singapore')!.spec.replicas).toBe(3);
      expect(get('shanghai')!.spec.replicas).toBe(2);
      expect(get('shanghai')!.metadata.labels!['kubefed.io/managed']).toBe('true');
      // member controllers run the propagated workload
      expect(get('nanjing')!.status.readyReplicas).toBe(2);
      // template change reaches every cluster, overrides still win
      host.mutate(T.federatedGameDeployment, 'global', 'login-global', (o) => {
        o.spec.template.spec.template.spec.containers[0].image = 'registry.example.com/project1/login:2.4.0';
        o.spec.placement.clusters = [{ name: 'shanghai' }, { name: 'singapore' }, { name: 'mars' }];
        return o;
      });
      world.advance(2_000);
      expect(get('shanghai')!.spec.template.spec.containers[0].image).toBe('registry.example.com/project1/login:2.4.0');
      expect(get('singapore')!.spec.template.spec.containers[0].image).toBe('registry.example.com/project1/login:2.3.0-sg');
      expect(get('nanjing')).toBeUndefined();
      const fo = host.get(T.federatedGameDeployment, 'global', 'login-global')!;
      expect(fo.status.clusters).toEqual([{ name: 'mars', status: 'ClusterNotReady' }, { name: 'shanghai' }, { name: 'singapore' }]);
      expect(fo.status.conditions[0]).toMatchObject({ type: 'Propagation', status: 'False', reason: 'CheckClusters' });
      // a bad override path is reported per cluster
      host.mutate(T.federatedGameDeployment, 'global', 'login-global', (o) => {
        o.spec.placement.clusters = [{ name: 'shanghai' }];
        o.spec.overrides = [{ clusterName: 'shanghai', clusterOverrides: [{ path: '/spec/nope/x', value: 1 }] }];
        return o;
      });
      world.advance(1_000);
      expect(host.get(T.federatedGameDeployment, 'global', 'login-global')!.status.clusters).toEqual([
        { name: 'shanghai', status: 'ApplyOverridesFailed' },
      ]);
    } finally {
      world.stop();
    }
  });

  it('json patch ops', () => {
    const doc = { a: [1, 2], b: { c: 'x' } };
    expect(
      applyJsonPatch(doc, [
        { op: 'add', path: '/a/-', value: 3 },
        { path: '/b/c', value: 'y' },
        { op: 'remove', path: '/a/0' },
      ]),
    ).toEqual({ a: [2, 3], b: { c: 'y' } });
    expect(doc).toEqual({ a: [1, 2], b: { c: 'x' } });
    expect(() => applyJsonPatch(doc, [{ op: 'replace', path: '/zz', value: 1 }])).toThrow();
  });
});
