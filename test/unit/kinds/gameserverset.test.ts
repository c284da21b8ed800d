// OKG GameServerSet: the reader (partition = servers kept old, paused honoured, no revisions) and
// the plans, asserted exactly (pure: no cluster).
import { describe, expect, it } from 'vitest';
import { planGameServerSet, readGameServerSet } from '../../../source/kinds/gameserverset.js';
import { planAction } from '../../../source/kinds/plans.js';
import { knownKindOf, parseWorkloadKind, workloadSpec } from '../../../source/kinds/registry.js';
import type { KubeObject } from '../../../source/kube/object.js';

function gss(
  over: { spec?: Record<string, unknown>; status?: Record<string, unknown>; annotations?: Record<string, string> } = {},
): KubeObject {
  return {
    apiVersion: 'game.kruise.io/v1alpha1',
    kind: 'GameServerSet',
    metadata: {
      name: 'battle',
      namespace: 'zone-1',
      uid: 'u1',
      resourceVersion: '42',
      generation: 3,
      labels: { 'zonectl.io/zone': '1' },
      ...(over.annotations ? { annotations: over.annotations } : {}),
    },
    spec: {
      replicas: 4,
      gameServerTemplate: {
        spec: {
          containers: [
            { name: 'battle', image: 'r/battle:1' },
            { name: 'scripts', image: 'r/scripts:1' },
          ],
        },
      },
      ...over.spec,
    },
    status: {
      observedGeneration: 3,
      replicas: 4,
      currentReplicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      updatedReplicas: 4,
      updatedReadyReplicas: 4,
      ...over.status,
    },
  };
}

const possible = (o: KubeObject, action: string) => readGameServerSet('c1', o).rollout.actions.find((a) => a.action === action);

describe('GameServerSet reader', () => {
  it('is a registered workload kind with its own aliases, the OKG wire type, pods by the owner-gss label', () => {
    expect(knownKindOf('game.kruise.io/v1alpha1', 'GameServerSet')).toBe('GameServerSet');
    expect(parseWorkloadKind('GameServerSets')).toBe('GameServerSet');
    expect(parseWorkloadKind('okg-gss')).toBe('GameServerSet');
    expect(parseWorkloadKind('gss')).toBe('GameStatefulSet');
    const spec = workloadSpec('GameServerSet')!;
    expect(spec.pods?.selector?.(gss())).toBe('game.kruise.io/owner-gss=battle');
    expect(spec.pods?.ownedBy?.({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet', name: 'battle' }, 'battle')).toBe(true);
    expect(spec.pods?.ownedBy?.({ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'battle' }, 'battle')).toBe(false);
    expect(
      spec.pods?.note?.({
        'game.kruise.io/gs-state': 'Updating',
        'game.kruise.io/gs-opsState': 'None',
        'game.kruise.io/gs-update-priority': '10',
      }),
    ).toBe('gs Updating prio 10');
  });

  it('complete when every server is updated and ready; containers from the game server template', () => {
    const w = readGameServerSet('c1', gss());
    expect(w.rollout).toMatchObject({
      phase: 'complete',
      message: 'up to date',
      replicas: 4,
      updated: 4,
      partition: 0,
      strategy: 'ReCreate',
    });
    expect(w.containers).toEqual([
      { name: 'battle', image: 'r/battle:1' },
      { name: 'scripts', image: 'r/scripts:1' },
    ]);
    expect(w.zone).toBe('1');
    expect(w.rollout.updateRevision).toBeUndefined();
  });

  it('a partition counts the servers kept old: 3 of 4 kept, 1 updated and ready = paused at the partition', () => {
    const o = gss({
      spec: { updateStrategy: { rollingUpdate: { partition: 3, podUpdatePolicy: 'InPlaceIfPossible' } } },
      status: { updatedReplicas: 1, updatedReadyReplicas: 1, maintainingReplicas: 1 },
    });
    expect(readGameServerSet('c1', o).rollout).toMatchObject({
      phase: 'paused',
      pauseReason: 'Partition',
      message: 'paused: partition 3 keeps 3 game servers on the old revision (1 Maintaining)',
      strategy: 'InPlaceIfPossible',
    });
    expect(possible(o, 'approve')).toEqual({
      action: 'approve',
      possible: true,
      reason: 'sets partition 3 -> 0: the 3 remaining game servers update',
    });
  });

  it('paused by zonectl (hold annotation) or by someone else; a lagging generation waits for the controller', () => {
    const held = gss({
      spec: { updateStrategy: { rollingUpdate: { paused: true } } },
      status: { updatedReplicas: 2, updatedReadyReplicas: 2 },
      annotations: { 'zonectl.io/hold': '{"previous":false,"at":"2026-12-02T10:00:00.000Z"}' },
    });
    expect(readGameServerSet('c1', held).rollout).toMatchObject({
      phase: 'paused',
      pauseReason: 'Held',
      pausedSince: '2026-12-02T10:00:00.000Z',
    });
    expect(possible(held, 'hold')).toMatchObject({ possible: false, reason: 'already held by zonectl' });
    expect(possible(held, 'release')).toMatchObject({ possible: true });
    const other = gss({ spec: { updateStrategy: { rollingUpdate: { paused: true } } }, status: { updatedReplicas: 2 } });
    expect(readGameServerSet('c1', other).rollout).toMatchObject({ phase: 'paused', pauseReason: 'Paused' });
    const lag = gss({ status: { observedGeneration: 2, updatedReplicas: 4 } });
    expect(readGameServerSet('c1', lag).rollout).toMatchObject({
      phase: 'progressing',
      message: 'waiting for controller (generation 3, observed 2)',
    });
  });

  it('a malformed template is an invalid row, every action refused', () => {
    const bad = gss({ spec: { gameServerTemplate: { spec: { containers: [{ image: 'x' }] } } } });
    const w = readGameServerSet('c1', bad);
    expect(w.invalid).toMatch(/containers\[0\]/);
    expect(w.rollout.actions.every((a) => !a.possible)).toBe(true);
  });
});

describe('GameServerSet plans', () => {
  it('hot update without rollingUpdate: creates updateStrategy with InPlaceIfPossible (the ASTS default recreates)', () => {
    const r = planAction({ action: 'hotupdate', container: 'scripts', image: 'r/scripts:2' }, { cluster: 'c1', obj: gss() });
    if (!r.ok) throw new Error(r.reason);
    expect(r.plan.steps).toHaveLength(1);
    expect(r.plan.steps[0]).toMatchObject({
      target: { cluster: 'c1', namespace: 'zone-1', name: 'battle', type: { group: 'game.kruise.io', resource: 'gameserversets' } },
      patchType: 'json',
      body: [
        { op: 'test', path: '/metadata/resourceVersion', value: '42' },
        { op: 'test', path: '/spec/gameServerTemplate/spec/containers/1/image', value: 'r/scripts:1' },
        { op: 'replace', path: '/spec/gameServerTemplate/spec/containers/1/image', value: 'r/scripts:2' },
        { op: 'add', path: '/spec/updateStrategy', value: {} },
        { op: 'add', path: '/spec/updateStrategy/rollingUpdate', value: { podUpdatePolicy: 'InPlaceIfPossible' } },
      ],
    });
    expect(r.plan.details).toEqual([
      'container scripts: r/scripts:1 -> r/scripts:2',
      'podUpdatePolicy InPlaceIfPossible: game servers are updated in place',
    ]);
    expect(r.plan.access).toEqual([
      { verb: 'patch', group: 'game.kruise.io', resource: 'gameserversets', namespace: 'zone-1', name: 'battle' },
    ]);
  });

  it('hot update with a partition keeps the operator policy and sets the count kept old', () => {
    const o = gss({ spec: { updateStrategy: { rollingUpdate: { podUpdatePolicy: 'InPlaceIfPossible', maxUnavailable: 1 } } } });
    const r = planGameServerSet({ action: 'hotupdate', container: 'battle', image: 'r/battle:2', partition: 3 }, { cluster: 'c1', obj: o });
    if (!r.ok) throw new Error(r.reason);
    expect((r.plan.steps[0]!.body as unknown[]).slice(3)).toEqual([
      { op: 'add', path: '/spec/updateStrategy/rollingUpdate/partition', value: 3 },
    ]);
    expect(r.plan.details.at(-1)).toBe('partition 3: 1 of 4 game servers update (highest update priority first)');
    expect(r.plan.requiresForce).toBeUndefined();
  });

  it('an explicit ReCreate policy is kept and the hot update needs confirmation', () => {
    const o = gss({ spec: { updateStrategy: { rollingUpdate: { podUpdatePolicy: 'ReCreate' } } } });
    const r = planGameServerSet({ action: 'hotupdate', container: 'battle', image: 'r/battle:2' }, { cluster: 'c1', obj: o });
    if (!r.ok) throw new Error(r.reason);
    expect((r.plan.steps[0]!.body as unknown[]).length).toBe(3);
    expect(r.plan.warnings).toEqual(['podUpdatePolicy ReCreate: game servers are recreated, not updated in place']);
    expect(r.plan.requiresForce).toBe(true);
  });

  it('hold and release are paused true / false with the hold annotation; approve sets partition 0', () => {
    const hold = planGameServerSet({ action: 'hold' }, { cluster: 'c1', obj: gss(), now: Date.parse('2026-12-02T10:00:00Z'), by: 'ops' });
    if (!hold.ok) throw new Error(hold.reason);
    expect(hold.plan.steps[0]!.body).toEqual({
      metadata: {
        resourceVersion: '42',
        annotations: { 'zonectl.io/hold': '{"previous":false,"at":"2026-12-02T10:00:00.000Z","by":"ops"}' },
      },
      spec: { updateStrategy: { rollingUpdate: { paused: true } } },
    });
    const paused = gss({ spec: { updateStrategy: { rollingUpdate: { paused: true, partition: 2 } } }, status: { updatedReplicas: 2 } });
    const release = planGameServerSet({ action: 'release' }, { cluster: 'c1', obj: paused });
    if (!release.ok) throw new Error(release.reason);
    expect(release.plan.steps[0]!.body).toEqual({
      metadata: { resourceVersion: '42', annotations: { 'zonectl.io/hold': null } },
      spec: { updateStrategy: { rollingUpdate: { paused: false } } },
    });
    expect(planGameServerSet({ action: 'approve' }, { cluster: 'c1', obj: paused })).toEqual({
      ok: false,
      reason: 'cannot approve GameServerSet zone-1/battle on c1: the set is paused: release it first',
    });
    const atPartition = gss({
      spec: { updateStrategy: { rollingUpdate: { partition: 2 } } },
      status: { updatedReplicas: 2, updatedReadyReplicas: 2 },
    });
    const approve = planGameServerSet({ action: 'approve' }, { cluster: 'c1', obj: atPartition });
    if (!approve.ok) throw new Error(approve.reason);
    expect(approve.plan.steps[0]!.body).toEqual({
      metadata: { resourceVersion: '42' },
      spec: { updateStrategy: { rollingUpdate: { partition: 0 } } },
    });
    expect(planGameServerSet({ action: 'reject' }, { cluster: 'c1', obj: gss() })).toMatchObject({ ok: false });
  });
});
