// The demo's stories hold up under operator actions: a rollback of the failed rollout clears it, and
// changes made on a zone's workload stick (the GameZone controller reapplies only GameZone changes).
import { describe, expect, it } from 'vitest';
import { readGameDeployment } from '../../source/kinds/gamedeployment.js';
import { readGameStatefulSet } from '../../source/kinds/gamestatefulset.js';
import { readHookRun } from '../../source/kinds/hookrun.js';
import type { KubeObject } from '../../source/kube/object.js';
import { buildDemoWorld } from '../../source/sim/world.js';

const GD = { group: 'tkex.tencent.com', version: 'v1alpha1', resource: 'gamedeployments', kind: 'GameDeployment', namespaced: true };
const GSTS = { group: 'tkex.tencent.com', version: 'v1alpha1', resource: 'gamestatefulsets', kind: 'GameStatefulSet', namespaced: true };
const CR = { group: 'apps', version: 'v1', resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true };
const HR = { group: 'tkex.tencent.com', version: 'v1alpha1', resource: 'hookruns', kind: 'HookRun', namespaced: true };

describe('demo stories under operator actions', () => {
  it('restoring the failed rollout to its current revision clears the failure', () => {
    const w = buildDemoWorld({ seed: 1 });
    try {
      w.advance(30_000);
      const ref = w.scenarios.failedRollout!;
      const store = w.stores.get(ref.cluster)!;
      const type = ref.kind === 'GameDeployment' ? GD : GSTS;
      const read = (o: KubeObject) => {
        const hookRuns = store.list(HR, { namespace: ref.namespace }).items.map((h) => readHookRun(ref.cluster, h));
        return (ref.kind === 'GameDeployment' ? readGameDeployment : readGameStatefulSet)(ref.cluster, o, { hookRuns });
      };
      const before = read(store.get(type, ref.namespace, ref.name)!);
      expect(before.rollout.phase).toBe('failed');
      // What `zonectl reject` does for bk-bcs: put the current revision's template back.
      const cur = store.get(CR, ref.namespace, before.rollout.currentRevision!)!;
      const template = (cur as unknown as { data: { spec: { template: unknown } } }).data.spec.template;
      store.mutate(type, ref.namespace, ref.name, (o) => ({ ...o, spec: { ...o.spec, template } }));
      w.advance(30_000);
      const after = read(store.get(type, ref.namespace, ref.name)!);
      expect(after.rollout.phase).toBe('complete');
      expect(after.containers[0]!.image).toBe(before.containers[0]!.image.replace(/:[^:]+$/, ':1.8.2'));
    } finally {
      w.stop();
    }
  });

  it('a hot update made on a zone workload is not reverted by the GameZone controller', () => {
    const w = buildDemoWorld({ seed: 1 });
    try {
      w.advance(5_000);
      const zone = w.zones.find((z) => z.cluster === 'shanghai' && z.zoneId === 103)!;
      const store = w.stores.get('shanghai')!;
      store.mutate(GSTS, zone.namespace, 'game-1', (o) => {
        const spec = structuredClone(o.spec);
        spec.template.spec.containers[0].image = 'registry.example.com/project1/service:9.9.9';
        return { ...o, spec };
      });
      w.advance(30_000);
      const o = store.get(GSTS, zone.namespace, 'game-1')!;
      expect(o.spec.template.spec.containers[0].image).toBe('registry.example.com/project1/service:9.9.9');
    } finally {
      w.stop();
    }
  });
});
