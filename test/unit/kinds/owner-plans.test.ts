// Plans that reckon with the owner: a GameZone-generated workload's image is written to the GameZone;
// a change below an owner that will put its version back needs --force and says so. Pure.
import { describe, expect, it } from 'vitest';
import { planAction } from '../../../source/kinds/plans.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { zone1 } from './fixtures-zone.js';

function gsts(name: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameStatefulSet',
    metadata: {
      name,
      namespace: 'zone-101',
      uid: `u-${name}`,
      resourceVersion: '11',
      generation: 2,
      labels: { 'zonectl.io/zone': '101' },
      ...extra,
    },
    spec: {
      replicas: 2,
      template: {
        spec: {
          containers: [
            { name: 'game', image: 'registry.example.com/project1/service:0.2.0' },
            { name: 'sidecar', image: 's:1' },
          ],
        },
      },
      updateStrategy: { type: 'InplaceUpdate', rollingUpdate: { partition: 0 } },
    },
    status: {
      observedGeneration: 2,
      replicas: 2,
      readyReplicas: 2,
      updatedReplicas: 2,
      updatedReadyReplicas: 2,
      currentRevision: 'a',
      updateRevision: 'a',
    },
  };
}
const byZone = {
  ownerReferences: [{ apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone', name: 'zone1', uid: 'z1', controller: true }],
};

describe('plans and owners', () => {
  it('the GameZone-managed container: the image is written to the GameZone entry (tests on type and old image), the partition to the workload', () => {
    const r = planAction(
      { action: 'hotupdate', container: 'game', image: 'registry.example.com/project1/service:0.3.0', partition: 1 },
      { cluster: 'c', obj: gsts('game-1', byZone), ownerObj: zone1() },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.steps.map((s) => [s.target.type.resource, s.target.name, s.body])).toEqual([
      [
        'gamestatefulsets',
        'game-1',
        [
          { op: 'test', path: '/metadata/resourceVersion', value: '11' },
          { op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: 1 },
        ],
      ],
      [
        'gamezones',
        'zone1',
        [
          { op: 'test', path: '/metadata/resourceVersion', value: '8' },
          { op: 'test', path: '/spec/gameZone/serviceConfig/0/type', value: 'game' },
          { op: 'test', path: '/spec/gameZone/serviceConfig/0/image', value: 'registry.example.com/project1/service:0.2.0' },
          { op: 'add', path: '/spec/gameZone/serviceConfig/0/image', value: 'registry.example.com/project1/service:0.3.0' },
        ],
      ],
    ]);
    expect(r.plan.card.owner).toBe('GameZone zone-101/zone1');
    expect(r.plan.requiresForce).toBeUndefined();
    expect(r.plan.access.map((a) => a.resource)).toEqual(['gamestatefulsets', 'gamezones']);
    // The audit record after the GameZone write (not on the partition's): a record means both landed.
    expect(r.plan.recordLast).toBe(true);
  });

  it("another container is not the GameZone's: written to the workload, and it sticks", () => {
    const r = planAction(
      { action: 'hotupdate', container: 'sidecar', image: 's:2' },
      { cluster: 'c', obj: gsts('game-1', byZone), ownerObj: zone1() },
    );
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.steps.map((s) => s.target.type.resource)).toEqual(['gamestatefulsets']);
    expect(r.plan.requiresForce).toBeUndefined();
  });

  it('a ranged entry or an unreadable GameZone: below the owner, --force, and when it is reverted', () => {
    const ranged = planAction(
      { action: 'hotupdate', container: 'game', image: 'x:9' },
      { cluster: 'c', obj: gsts('gateway-2', byZone), ownerObj: zone1() },
    );
    if (!ranged.ok) throw new Error(ranged.reason);
    expect(ranged.plan.requiresForce).toBe(true);
    expect(ranged.plan.warnings).toEqual([
      'gateway-2 is one of gateway-1..2 in GameZone zone-101/zone1 (one entry for 2 services): GameZone zone-101/zone1 sets this image: this change is reverted on its next reconcile (any edit of the GameZone)',
    ]);
    const unread = planAction({ action: 'hotupdate', container: 'game', image: 'x:9' }, { cluster: 'c', obj: gsts('game-1', byZone) });
    if (!unread.ok) throw new Error(unread.reason);
    expect(unread.plan.warnings[0]).toMatch(/^GameZone zone-101\/zone1 could not be read: /);
  });

  it('kubefed, Argo CD and Helm own the whole spec: hot update, hold, release and reject warn and need --force; approve does not', () => {
    const cases: Array<[Partial<KubeObject['metadata']>, RegExp]> = [
      [
        { labels: { 'kubefed.io/managed': 'true' } },
        /^kubefed FederatedGameStatefulSet zone-101\/game-1 owns this workload's spec: this change is reverted on the next propagation/,
      ],
      [
        { annotations: { 'argocd.argoproj.io/tracking-id': 'games:tkex.tencent.com/GameStatefulSet:zone-101/game-1' } },
        /^Argo CD Application games owns .* on the next sync/,
      ],
      [
        { labels: { 'app.kubernetes.io/managed-by': 'Helm' }, annotations: { 'meta.helm.sh/release-name': 'games' } },
        /^Helm release zone-101\/games owns .* on the next helm upgrade/,
      ],
    ];
    for (const [meta, warning] of cases) {
      const r = planAction({ action: 'hotupdate', container: 'sidecar', image: 's:2' }, { cluster: 'c', obj: gsts('game-1', meta) });
      if (!r.ok) throw new Error(r.reason);
      expect(r.plan.requiresForce).toBe(true);
      expect(r.plan.warnings.at(-1)).toMatch(warning);
    }
  });
});
