// Pod action plans (issue 12): delete a pod (controller-aware, uid precondition) and open a shell
// (access review of pods/exec, the user's command filled in). Exact plans, no cluster.
import { describe, expect, it } from 'vitest';
import { cardLines } from '../../../source/actions/card.js';
import { DEFAULT_SHELL, planDeletePod, planShell } from '../../../source/kinds/pod-actions.js';
import type { KubeObject } from '../../../source/kube/object.js';

function pod(owner?: { kind: string; name: string; apiVersion?: string }, phase = 'Running'): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'game-1-2',
      namespace: 'zone-101',
      uid: 'pod-uid-1',
      resourceVersion: '77',
      ...(owner
        ? {
            ownerReferences: [
              {
                apiVersion: owner.apiVersion ?? 'tkex.tencent.com/v1alpha1',
                kind: owner.kind,
                name: owner.name,
                uid: 'w',
                controller: true,
              },
            ],
          }
        : {}),
    },
    spec: {
      nodeName: 'node-1',
      containers: [
        { name: 'game', image: 'r/game:1.9.0' },
        { name: 'agent', image: 'r/agent:1' },
      ],
    },
    status: {
      phase,
      containerStatuses: [
        { name: 'game', ready: true, restartCount: 2, state: { running: {} } },
        { name: 'agent', ready: true, restartCount: 0, state: { running: {} } },
      ],
      conditions: [{ type: 'Ready', status: 'True' }],
    },
  };
}

function ok<T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> {
  if (!r.ok) throw new Error((r as unknown as { reason: string }).reason);
  return r as Extract<T, { ok: true }>;
}

describe('delete pod', () => {
  it('GameStatefulSet pod: one DELETE with the uid precondition; comes back under the same name', () => {
    const { plan } = ok(planDeletePod('shanghai', pod({ kind: 'GameStatefulSet', name: 'game-1' })));
    expect(plan.action).toBe('delete-pod');
    expect(plan.primary).toEqual({
      cluster: 'shanghai',
      type: expect.objectContaining({ resource: 'pods', group: '' }),
      namespace: 'zone-101',
      name: 'game-1-2',
    });
    expect(plan.preconditions).toEqual({ resourceVersion: '77', uid: 'pod-uid-1' });
    expect(plan.steps).toEqual([
      {
        target: plan.primary,
        verb: 'delete',
        patchType: 'merge',
        body: { preconditions: { uid: 'pod-uid-1' } },
        describe: 'delete (precondition uid pod-uid-1)',
      },
    ]);
    expect(plan.summary).toBe('delete Pod zone-101/game-1-2 on shanghai');
    expect(plan.details).toEqual(['GameStatefulSet/game-1 recreates it with the same name (and its volumes)']);
    expect(plan.access).toEqual([{ verb: 'delete', group: '', resource: 'pods', namespace: 'zone-101', name: 'game-1-2' }]);
    expect(plan.noAnnotation).toBe(true);
    expect(plan.requiresForce).toBeUndefined();
    expect(plan.warnings).toEqual([]);
  });

  it('GameDeployment / ReplicaSet pod: a new pod with a new name; the grace period goes into DeleteOptions', () => {
    const { plan } = ok(
      planDeletePod('shanghai', pod({ kind: 'ReplicaSet', name: 'auth-2-7f9', apiVersion: 'apps/v1' }), { gracePeriodSeconds: 5 }),
    );
    expect(plan.details).toEqual(['ReplicaSet/auth-2-7f9 replaces it with a new pod (a new name)', 'grace period 5s']);
    expect(plan.steps[0].body).toEqual({ preconditions: { uid: 'pod-uid-1' }, gracePeriodSeconds: 5 });
  });

  it('a pod no controller owns: warned, and --force is needed with --yes', () => {
    const { plan } = ok(planDeletePod('shanghai', pod()));
    expect(plan.details).toEqual(['no controller owns this pod: nothing recreates it']);
    expect(plan.warnings).toEqual(['the pod has no controller: it is gone for good once deleted']);
    expect(plan.requiresForce).toBe(true);
  });

  it('a pod already being deleted: refused', () => {
    const p = pod({ kind: 'GameStatefulSet', name: 'game-1' });
    p.metadata.deletionTimestamp = '2026-12-03T10:00:00Z';
    expect(planDeletePod('shanghai', p)).toEqual({
      ok: false,
      reason: 'cannot delete Pod zone-101/game-1-2 on shanghai: already being deleted since 2026-12-03T10:00:00Z',
    });
  });

  it('the card says pod, controller, state and DELETE', () => {
    const { plan } = ok(planDeletePod('shanghai', pod({ kind: 'GameStatefulSet', name: 'game-1' })));
    expect(cardLines(plan, { user: 'ops' })).toEqual([
      'Delete Pod/game-1-2',
      '  cluster     shanghai',
      '  namespace   zone-101',
      '  pod         Pod/game-1-2',
      '  controller  GameStatefulSet/game-1',
      '  state       Running, ready, 2 restarts, node node-1',
      '  acting as   ops',
      'Plan:',
      '  delete Pod zone-101/game-1-2 on shanghai',
      '  GameStatefulSet/game-1 recreates it with the same name (and its volumes)',
      'Writes:',
      '  DELETE pods zone-101/game-1-2: delete (precondition uid pod-uid-1)',
    ]);
  });
});

describe('shell', () => {
  it('fills the default kubectl exec, reviews get pods + create pods/exec, writes nothing', () => {
    const { plan } = ok(planShell('shanghai', pod({ kind: 'GameStatefulSet', name: 'game-1' }), undefined, DEFAULT_SHELL));
    expect(plan.exec).toEqual({
      container: 'game',
      command: ['kubectl', 'exec', '-it', '-n', 'zone-101', 'game-1-2', '-c', 'game', '--context', 'shanghai', '--', 'sh'],
    });
    expect(plan.steps).toEqual([]);
    expect(plan.access).toEqual([
      { verb: 'get', group: '', resource: 'pods', namespace: 'zone-101', name: 'game-1-2' },
      { verb: 'create', group: '', resource: 'pods', subresource: 'exec', namespace: 'zone-101', name: 'game-1-2' },
    ]);
    expect(plan.summary).toBe('open a shell in Pod zone-101/game-1-2 on shanghai, container game');
    expect(cardLines(plan, { user: 'ops' }).slice(-4)).toEqual([
      '  run: kubectl exec -it -n zone-101 game-1-2 -c game --context shanghai -- sh',
      'Writes: none',
      'Runs (the console is suspended until it exits):',
      '  kubectl exec -it -n zone-101 game-1-2 -c game --context shanghai -- sh',
    ]);
  });

  it('a configured command and another container', () => {
    const { plan } = ok(
      planShell('nanjing', pod(), 'agent', [
        'ssh',
        'jump',
        'kubectl',
        '--context={context}',
        'exec',
        '-it',
        '{pod}',
        '-c',
        '{container}',
        '--',
        'bash',
      ]),
    );
    expect(plan.exec?.command).toEqual([
      'ssh',
      'jump',
      'kubectl',
      '--context=nanjing',
      'exec',
      '-it',
      'game-1-2',
      '-c',
      'agent',
      '--',
      'bash',
    ]);
  });

  it('refuses an unknown container and a pod that is not Running', () => {
    expect(planShell('shanghai', pod(), 'nope', DEFAULT_SHELL)).toEqual({
      ok: false,
      reason: 'cannot open a shell in Pod zone-101/game-1-2 on shanghai: no container nope (containers: game, agent)',
    });
    expect(planShell('shanghai', pod(undefined, 'Pending'), undefined, DEFAULT_SHELL)).toEqual({
      ok: false,
      reason: 'cannot open a shell in Pod zone-101/game-1-2 on shanghai: the pod is Pending, not Running',
    });
  });
});
