import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../source/sim/world.js';
import { T } from '../../source/sim/controllers/kinds.js';

const world = buildDemoWorld({ seed: 42 });
afterAll(() => world.stop());

function workload(ref: { cluster: string; namespace: string; kind: string; name: string }) {
  const t = ref.kind === 'GameDeployment' ? T.gameDeployment : T.gameStatefulSet;
  return world.stores.get(ref.cluster)!.get(t, ref.namespace, ref.name)!;
}

describe('demo world', () => {
  it('has >= 12 zones across three clusters plus the kubefed host, all controllers error-free', () => {
    expect(world.clusters).toEqual(['shanghai', 'nanjing', 'singapore', 'fed-host']);
    expect(world.zones.length).toBeGreaterThanOrEqual(12);
    for (const m of world.members) {
      const gzs = world.stores.get(m)!.list(T.gameZone).items;
      expect(gzs.length).toBeGreaterThanOrEqual(4);
      for (const gz of gzs) expect(gz.status.totalServices).toBeGreaterThan(0);
      expect(world.controllers.get(m)!.rt.errors).toEqual([]);
    }
    const running = world.stores
      .get('shanghai')!
      .list(T.gameZone)
      .items.filter((z) => z.status.phase === 'Running');
    expect(running.length).toBeGreaterThan(0);
  });

  it('zone workloads are labelled, owned by their GameZone and have running pods', () => {
    const store = world.stores.get('nanjing')!;
    const gz = store.list(T.gameZone).items[0];
    const zoneId = String(gz.spec.gameZone.zoneId);
    const gsts = store.list(T.gameStatefulSet, { namespace: gz.metadata.namespace, labelSelector: `zonectl.io/zone=${zoneId}` }).items;
    const gds = store.list(T.gameDeployment, { namespace: gz.metadata.namespace, labelSelector: `zonectl.io/zone=${zoneId}` }).items;
    expect(gsts.map((w) => w.metadata.name).sort()).toEqual(['db-1', 'game-1', 'game-2']);
    expect(gds.map((w) => w.metadata.name).sort()).toEqual(['auth-1', 'gateway-1', 'gateway-2']);
    for (const w of [...gsts, ...gds]) {
      expect(w.metadata.ownerReferences![0]).toMatchObject({ kind: 'GameZone', name: gz.metadata.name, uid: gz.metadata.uid });
      expect(w.metadata.labels!['zonectl.io/service']).toBe(w.metadata.name);
    }
    const pods = store.list(T.pod, { namespace: gz.metadata.namespace, labelSelector: 'zonectl.io/service=game-1' }).items;
    expect(pods.map((p) => p.metadata.name).sort()).toEqual(['game-1-0', 'game-1-1']);
    for (const p of pods) {
      expect(p.status.phase).toBe('Running');
      expect(p.spec.nodeName).toMatch(/^nanjing-node-\d+$/);
    }
  });

  it('holds a rollout paused at a pause step awaiting approval', () => {
    const w = workload(world.scenarios.awaitingApproval!);
    expect(w.status.pauseConditions[0].reason).toBe('PausedByCanaryPauseStep');
    expect(w.status.currentStepIndex).toBe(1);
    expect(w.spec.updateStrategy.paused).toBe(true);
    expect(w.status.updatedReadyReplicas).toBe(1);
  });

  it('holds a rollout paused by an Inconclusive step hook', () => {
    const ref = world.scenarios.inconclusiveHook!;
    const w = workload(ref);
    expect(w.status.pauseConditions[0].reason).toBe('PausedByStepBasedHook');
    const hr = world.stores.get(ref.cluster)!.get(T.hookRun, ref.namespace, w.status.canary.currentStepHookRun)!;
    expect(hr.status.phase).toBe('Inconclusive');
  });

  it('holds an in-place hot update in progress', () => {
    const w = workload(world.scenarios.inPlaceUpdate!);
    expect(w.spec.updateStrategy.type).toBe('InplaceUpdate');
    expect(w.status.updatedReplicas).toBeGreaterThan(0);
    expect(w.status.updatedReplicas).toBeLessThan(w.spec.replicas);
    expect(w.status.currentRevision).not.toBe(w.status.updateRevision);
  });

  it('holds a failed rollout: pre-inplace hook Failed, FailedUpdate condition', () => {
    const w = workload(world.scenarios.failedRollout!);
    expect(w.status.preInplaceHookCondition[0].phase).toBe('Failed');
    expect(w.status.conditions.find((c: any) => c.type === 'FailedUpdate').status).toBe('True');
    expect(w.status.updatedReplicas).toBe(0);
  });

  it('propagates a federated workload whose clusters run different images', () => {
    const ref = world.scenarios.federated!;
    const fo = world.stores.get('fed-host')!.get(T.federatedGameDeployment, ref.namespace, ref.name)!;
    expect(fo.status.conditions[0]).toMatchObject({ type: 'Propagation', status: 'True' });
    expect(fo.status.clusters).toEqual([{ name: 'nanjing' }, { name: 'shanghai' }, { name: 'singapore' }]);
    const images = world.members.map(
      (m) => world.stores.get(m)!.get(T.gameDeployment, ref.namespace, ref.name)!.spec.template.spec.containers[0].image,
    );
    expect(images).toEqual([
      'registry.example.com/project1/login:2.3.0',
      'registry.example.com/project1/login:2.3.1',
      'registry.example.com/project1/login:2.3.0-sg',
    ]);
    const kfcs = world.stores.get('fed-host')!.list(T.kubeFedCluster).items;
    expect(kfcs.map((k) => k.status.conditions[0].type + '=' + k.status.conditions[0].status)).toEqual([
      'Ready=True',
      'Ready=True',
      'Ready=True',
    ]);
  });

  it('is reproducible from the seed', () => {
    const again = buildDemoWorld({ seed: 42 });
    try {
      const names = (w: typeof world) =>
        w.stores
          .get('shanghai')!
          .list(T.pod)
          .items.map((p) => `${p.metadata.name} ${p.status.containerStatuses?.[0]?.containerID}`);
      expect(names(again)).toEqual(names(world));
    } finally {
      again.stop();
    }
  });
});
