import { describe, expect, it } from 'vitest';
import { T } from '../../source/sim/controllers/kinds.js';
import { gameStatefulSet, gameDeployment, harness, hookTemplate, setImage } from './controllers-helpers.js';

describe('InplaceUpdate', () => {
  it('keeps pod uids, restarts containers (restartCount+1, new imageID/containerID), pod by pod with a grace period', () => {
    const h = harness();
    h.store.create(
      T.gameStatefulSet,
      gameStatefulSet('game-1', 3, 'reg/game:v1', {
        type: 'InplaceUpdate',
        rollingUpdate: { partition: 0, maxUnavailable: 1 },
        inPlaceUpdateStrategy: { gracePeriodSeconds: 10 },
      }),
    );
    h.advance(10_000);
    const before = new Map(h.pods('game-1').map((p) => [p.metadata.name!, p]));
    setImage(h, 'gsts', 'game-1', 'reg/game:v2');
    h.advance(1_000);
    // the highest ordinal goes first: NotReady during the grace period, image unchanged yet
    let p2 = h.store.get(T.pod, 'game', 'game-1-2')!;
    expect(p2.status.conditions.find((c: any) => c.type === 'InPlaceUpdateReady').status).toBe('False');
    expect(p2.status.conditions.find((c: any) => c.type === 'Ready').status).toBe('False');
    expect(p2.spec.containers[0].image).toBe('reg/game:v1');
    expect(h.store.get(T.pod, 'game', 'game-1-1')!.metadata.annotations?.['inplace-update-grace']).toBeUndefined();
    h.advance(12_000);
    p2 = h.store.get(T.pod, 'game', 'game-1-2')!;
    expect(p2.spec.containers[0].image).toBe('reg/game:v2');
    h.advance(60_000);
    const s = h.gsts('game-1');
    expect(s.status.updatedReadyReplicas).toBe(3);
    expect(s.status.currentRevision).toBe(s.status.updateRevision);
    for (const p of h.pods('game-1')) {
      const old = before.get(p.metadata.name!)!;
      const cs = p.status.containerStatuses[0];
      const oldCs = old.status.containerStatuses[0];
      expect(p.metadata.uid).toBe(old.metadata.uid);
      expect(cs.restartCount).toBe(oldCs.restartCount + 1);
      expect(cs.image).toBe('reg/game:v2');
      expect(cs.imageID).not.toBe(oldCs.imageID);
      expect(cs.containerID).not.toBe(oldCs.containerID);
      expect(cs.lastState.terminated.containerID).toBe(oldCs.containerID);
      expect(p.metadata.labels!['controller-revision-hash']).toBe(s.status.updateRevision);
      expect(JSON.parse(p.metadata.annotations!['inplace-update-state']).revision).toBe(s.status.updateRevision);
    }
  });

  it('a Failed pre-inplace hook blocks the pod, records preInplaceHookCondition and FailedUpdate; retry resets', () => {
    const h = harness();
    h.store.create(T.hookTemplate, hookTemplate('drain', { successCondition: 'asInt(result) == 0' }));
    h.store.create(
      T.gameDeployment,
      gameDeployment(
        'gw',
        2,
        'reg/gw:v1',
        { type: 'InplaceUpdate', maxUnavailable: 1 },
        { preInplaceUpdateStrategy: { hook: { templateName: 'drain', args: [{ name: 'SimResult', value: '1' }] } } },
      ),
    );
    h.advance(10_000);
    setImage(h, 'gd', 'gw', 'reg/gw:v2');
    h.advance(10_000);
    const gd = h.gd('gw');
    expect(gd.status.updatedReplicas).toBe(0);
    const cond = gd.status.preInplaceHookCondition;
    expect(cond).toHaveLength(1);
    expect(cond[0]).toMatchObject({ phase: 'Failed', podName: expect.stringMatching(/^gw-/) });
    expect(gd.status.conditions[0]).toMatchObject({ type: 'FailedUpdate', status: 'True', reason: 'PreInplaceHookFailed' });
    const runs = h.hookRuns().filter((r) => r.metadata.labels?.['hookrun-type'] === 'pre-inplace-step');
    expect(runs).toHaveLength(1);
    expect(runs[0].metadata.name).toMatch(/^preinplace-gw-[a-z2-9]+-[a-z2-9]{5}-drain$/);
    expect(runs[0].spec.args).toContainEqual({ name: 'PodName', value: cond[0].podName });
    // retry: controller deletes the failed run, resets retry=false; the run is recreated
    const oldUid = runs[0].metadata.uid;
    h.patchSpec('gd', 'gw', (s) => (s.preInplaceUpdateStrategy.retry = true));
    h.advance(3_000);
    expect(h.gd('gw').spec.preInplaceUpdateStrategy.retry).toBe(false);
    const again = h.hookRuns().filter((r) => r.metadata.labels?.['hookrun-type'] === 'pre-inplace-step');
    expect(again).toHaveLength(1);
    expect(again[0].metadata.uid).not.toBe(oldUid);
  });

  it('RollingUpdate recreates pods (new uids)', () => {
    const h = harness();
    h.store.create(T.gameDeployment, gameDeployment('gw', 2, 'reg/gw:v1', { type: 'RollingUpdate', maxUnavailable: 1 }));
    h.advance(10_000);
    const uids = new Set(h.pods('gw').map((p) => p.metadata.uid));
    setImage(h, 'gd', 'gw', 'reg/gw:v2');
    h.advance(30_000);
    const pods = h.pods('gw');
    expect(pods).toHaveLength(2);
    for (const p of pods) {
      expect(uids.has(p.metadata.uid)).toBe(false);
      expect(p.status.containerStatuses[0].restartCount).toBe(0);
      expect(p.spec.containers[0].image).toBe('reg/gw:v2');
    }
    expect(h.gd('gw').status.updatedReadyReplicas).toBe(2);
  });
});
