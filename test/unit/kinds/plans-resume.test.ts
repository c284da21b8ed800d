// A resumed batch's hot update (plan/resume.ts): a target whose change is live where the plan writes it
// (the owner's GameZone entry or kubefed override, else the workload or the one a Rollout drives) but
// unrecorded is "already done" — a plan with no writes but the record; one whose owner asks for another
// image while the workload runs the asked one is refused (someone else changed it); anything else is
// planned as usual, and without `resumed` nothing changes. Pure.
import { describe, expect, it } from 'vitest';
import { type Intent, planAction } from '../../../source/kinds/plans.js';
import type { Plan, PlanResult } from '../../../source/kinds/plan/types.js';
import type { KubeObject } from '../../../source/kube/object.js';
import { deploy } from './fixtures-native.js';
import { argo } from './fixtures-rollouts.js';
import { zone1 } from './fixtures-zone.js';

const OLD = 'registry.example.com/project1/service:0.2.0';
const NEW = 'registry.example.com/project1/service:0.3.0';

function gsts(image: string, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameStatefulSet',
    metadata: { name: 'game-1', namespace: 'zone-101', uid: 'u-game-1', resourceVersion: '11', generation: 3, ...extra },
    spec: {
      replicas: 2,
      template: {
        spec: {
          containers: [
            { name: 'game', image },
            { name: 'sidecar', image: 's:1' },
          ],
        },
      },
      updateStrategy: { type: 'InplaceUpdate', rollingUpdate: { partition: 0 } },
    },
    status: {
      observedGeneration: 3,
      replicas: 2,
      readyReplicas: 2,
      updatedReplicas: 2,
      updatedReadyReplicas: 2,
      currentRevision: 'game-1-b',
      updateRevision: 'game-1-b',
    },
  };
}
const byZone = {
  ownerReferences: [{ apiVersion: 'apps.example.com/v1alpha1', kind: 'GameZone', name: 'zone1', uid: 'z1', controller: true }],
};
/** The GameZone with the game entry asking for `image`. */
function zoneAsking(image: string): KubeObject {
  const z = zone1();
  z.spec.gameZone.serviceConfig[0].image = image;
  return z;
}
/** The batch's earliest record, and a ControllerRevision made at `made`. */
const SINCE = '2026-12-04T05:00:00Z';
function revision(name: string, n: number, image: string, made = '2026-12-04T05:00:03Z'): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      creationTimestamp: made,
      name,
      namespace: 'zone-101',
      ownerReferences: [{ apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameStatefulSet', name: 'game-1', uid: 'u-game-1' }],
    },
    revision: n,
    data: { spec: { template: { spec: { containers: [{ name: 'game', image }] } } } },
  };
}
const revisions = [revision('game-1-a', 1, OLD, '2026-11-30T10:00:00Z'), revision('game-1-b', 2, NEW)];

const hot = (resumed: boolean, extra: { partition?: number } = {}): Intent => ({
  action: 'hotupdate',
  container: 'game',
  image: NEW,
  ...extra,
  ...(resumed ? { resumed: { since: SINCE } } : {}),
});
const planned = (r: PlanResult): Plan => {
  if (!r.ok) throw new Error(`expected a plan, got: ${r.reason}`);
  return r.plan;
};
const refused = (r: PlanResult): string => (r.ok ? `a plan: ${r.plan.summary}` : r.reason);

describe('a hot update on a resume, GameZone-owned', () => {
  it('the GameZone asks for the image and the workload runs it: only the record, with the image it replaced (from its revisions)', () => {
    const input = { cluster: 'c', obj: gsts(NEW, byZone), ownerObj: zoneAsking(NEW), revisions };
    const p = planned(planAction(hot(true), input));
    expect(p.steps).toEqual([]);
    expect(p.recordOnly).toEqual({ container: 'game', image: NEW });
    expect(p.summary).toBe('hot-update GameStatefulSet zone-101/game-1 on c');
    expect(p.details).toEqual([
      `container game: ${OLD} -> ${NEW}`,
      `GameZone zone-101/zone1 already asks for ${NEW}`,
      'applied before the batch was interrupted: only its audit record is written now, nothing else changes',
    ]);
    // The record a normal run writes: the images (what --undo puts back), on the workload.
    expect(p.card.images).toEqual([{ container: 'game', from: OLD, to: NEW }]);
    expect(p.access).toEqual([
      { verb: 'patch', group: 'tkex.tencent.com', resource: 'gamestatefulsets', namespace: 'zone-101', name: 'game-1' },
    ]);
    expect(p.preconditions).toMatchObject({ resourceVersion: '11', generation: 3 });
    expect(p.requiresForce).toBeUndefined();
    expect(p.warnings).toEqual([]);
    // Not a resume: refused as before.
    expect(refused(planAction(hot(false), input))).toBe(
      `cannot hot-update GameStatefulSet zone-101/game-1 on c: container game already runs ${NEW}`,
    );
  });

  it('the revision with the image predates the batch (it ran it before: the first run found it done): the replaced image is not claimed', () => {
    const before = [revision('game-1-a', 1, OLD, '2026-11-30T10:00:00Z'), revision('game-1-b', 2, NEW, '2026-12-01T09:00:00Z')];
    const p = planned(planAction(hot(true), { cluster: 'c', obj: gsts(NEW, byZone), ownerObj: zoneAsking(NEW), revisions: before }));
    expect(p.steps).toEqual([]);
    // No images in the record: an undo of the batch leaves this target out rather than put back OLD.
    expect(p.card.images).toBeUndefined();
    expect(p.details[0]).toBe(`container game: ${NEW} (the image it replaced is not known: --undo leaves it out)`);
    // Made in the batch's first second (object timestamps have whole seconds): claimed.
    const sameSecond = [revision('game-1-a', 1, OLD, '2026-11-30T10:00:00Z'), revision('game-1-b', 2, NEW, '2026-12-04T05:00:00Z')];
    const q = planAction({ ...hot(true), resumed: { since: '2026-12-04T05:00:00.900Z' } } as Intent, {
      cluster: 'c',
      obj: gsts(NEW, byZone),
      ownerObj: zoneAsking(NEW),
      revisions: sameSecond,
    });
    expect(planned(q).card.images).toEqual([{ container: 'game', from: OLD, to: NEW }]);
    // No record of the batch found (no start known): not claimed either.
    const unknown = planned(
      planAction({ ...hot(true), resumed: {} } as Intent, { cluster: 'c', obj: gsts(NEW, byZone), ownerObj: zoneAsking(NEW), revisions }),
    );
    expect(unknown.card.images).toBeUndefined();
  });

  it('the GameZone asks for it, its controller has not rolled it out yet: only the record, the running image is the one replaced', () => {
    const input = { cluster: 'c', obj: gsts(OLD, byZone), ownerObj: zoneAsking(NEW) };
    const p = planned(planAction(hot(true), input));
    expect(p.steps).toEqual([]);
    expect(p.card.images).toEqual([{ container: 'game', from: OLD, to: NEW }]);
    // Not a resume: the image is written again, to the workload (as before).
    const again = planned(planAction(hot(false), input));
    expect(again.steps.map((s) => s.target.type.resource)).toEqual(['gamestatefulsets']);
    expect(again.recordOnly).toBeUndefined();
  });

  it('the GameZone asks for another image while the workload runs the asked one: refused, someone else changed it', () => {
    const other = 'registry.example.com/project1/service:0.2.9';
    expect(refused(planAction(hot(true), { cluster: 'c', obj: gsts(NEW, byZone), ownerObj: zoneAsking(other) }))).toBe(
      `cannot hot-update GameStatefulSet zone-101/game-1 on c: container game runs ${NEW} but GameZone zone-101/zone1 asks for ${other}: ` +
        'changed by someone else since the batch wrote it; not resumed',
    );
  });

  it('--continue (the image it runs, a partition) below a GameZone that asks for another image: the usual plan, the partition', () => {
    const other = 'registry.example.com/project1/service:0.2.9';
    const p = planned(planAction(hot(true, { partition: 1 }), { cluster: 'c', obj: gsts(NEW, byZone), ownerObj: zoneAsking(other) }));
    expect(p.recordOnly).toBeUndefined();
    expect(p.steps.map((s) => s.target.type.resource)).toEqual(['gamestatefulsets']);
  });

  it('neither holds it (the write never happened): the usual plan, the GameZone written', () => {
    const input = { cluster: 'c', obj: gsts(OLD, byZone), ownerObj: zoneAsking(OLD) };
    const resumed = planned(planAction(hot(true), input));
    expect(resumed.steps.map((s) => [s.target.type.resource, s.body])).toEqual(
      planned(planAction(hot(false), input)).steps.map((s) => [s.target.type.resource, s.body]),
    );
    expect(resumed.steps.map((s) => s.target.type.resource)).toEqual(['gamezones']);
    expect(resumed.recordOnly).toBeUndefined();
  });

  it('a partition asked with the image: done only when the partition is where it was asked, else planned', () => {
    const obj = gsts(NEW, byZone);
    expect(
      planned(planAction(hot(true, { partition: 0 }), { cluster: 'c', obj, ownerObj: zoneAsking(NEW), revisions })).recordOnly,
    ).toEqual({
      container: 'game',
      image: NEW,
    });
    const p = planned(planAction(hot(true, { partition: 1 }), { cluster: 'c', obj, ownerObj: zoneAsking(NEW), revisions }));
    expect(p.recordOnly).toBeUndefined();
    expect(p.steps[0]!.body).toContainEqual({ op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: 1 });
  });
});

describe('a hot update on a resume, other owners', () => {
  it('no owner: the workload runs the image: only the record (the replaced image unknown without revisions: said so)', () => {
    const d = deploy();
    d.spec.template.spec.containers[0].image = NEW;
    const p = planned(planAction({ action: 'hotupdate', container: 'auth', image: NEW, resumed: {} }, { cluster: 'c', obj: d }));
    expect(p.steps).toEqual([]);
    expect(p.card.images).toBeUndefined();
    expect(p.details).toEqual([
      `container auth: ${NEW} (the image it replaced is not known: --undo leaves it out)`,
      `container auth already runs ${NEW}`,
      'applied before the batch was interrupted: only its audit record is written now, nothing else changes',
    ]);
    expect(refused(planAction({ action: 'hotupdate', container: 'auth', image: NEW }, { cluster: 'c', obj: d }))).toMatch(/already runs/);
  });

  it('kubefed: the override for this cluster holds the image: only the record; it holds another one: refused', () => {
    const member = gsts(NEW, { labels: { 'kubefed.io/managed': 'true' } });
    const fed = (image: string): KubeObject => ({
      apiVersion: 'types.kubefed.io/v1beta1',
      kind: 'FederatedGameStatefulSet',
      metadata: { name: 'game-1', namespace: 'zone-101', resourceVersion: '4' },
      spec: {
        template: { spec: { template: { spec: { containers: [{ name: 'game', image: OLD }] } } } },
        overrides: [{ clusterName: 'c', clusterOverrides: [{ path: '/spec/template/spec/containers/0/image', value: image }] }],
      },
    });
    const input = (image: string) => ({ cluster: 'c', obj: member, ownerObj: fed(image), ownerCluster: 'host', revisions });
    const p = planned(planAction(hot(true), input(NEW)));
    expect(p.steps).toEqual([]);
    expect(p.details[1]).toBe(`FederatedGameStatefulSet zone-101/game-1 already asks for ${NEW}`);
    expect(refused(planAction(hot(true), input(OLD)))).toContain(`but FederatedGameStatefulSet zone-101/game-1 asks for ${OLD}`);
    // The override never written: the template's image is what kubefed propagates, the usual plan writes the override.
    const noOverride = fed(OLD);
    delete noOverride.spec.overrides;
    const q = planned(planAction(hot(true), { cluster: 'c', obj: gsts(OLD, member.metadata), ownerObj: noOverride, ownerCluster: 'host' }));
    expect(q.steps.map((s) => [s.target.cluster, s.target.type.kind])).toEqual([['host', 'FederatedGameStatefulSet']]);
  });

  it('an Argo Rollout driving a Deployment (the image written there, the record on the Rollout): only the record', () => {
    const ref = argo();
    delete ref.spec.template;
    ref.spec.workloadRef = { apiVersion: 'apps/v1', kind: 'Deployment', name: 'auth-2' };
    const d = deploy();
    d.spec.template.spec.containers[0].image = NEW;
    const p = planned(
      planAction({ action: 'hotupdate', container: 'auth', image: NEW, resumed: {} }, { cluster: 'c', obj: ref, workloadObj: d }),
    );
    expect(p.steps).toEqual([]);
    expect(p.primary.type.kind).toBe('Rollout');
    expect(p.access.map((a) => a.resource)).toEqual(['rollouts']);
  });
});
