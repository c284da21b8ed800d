import { describe, expect, it } from 'vitest';
import { annotationValue, auditAnnotation, auditEvent, cleanReason, eventReason } from '../../../source/actions/audit.js';
import { compareObserved, hookRunGone } from '../../../source/actions/observe.js';
import type { Plan } from '../../../source/kinds/plan/types.js';
import { KINDS } from '../../../source/kinds/registry.js';

const plan: Plan = {
  action: 'skip-hook',
  primary: { cluster: 'sh', type: KINDS.GameDeployment, namespace: 'games', name: 'gw' },
  preconditions: { resourceVersion: '5' },
  steps: [],
  summary: 'skip hook check-online of GameDeployment games/gw on sh',
  details: [],
  card: { cluster: 'sh', namespace: 'games', kind: 'GameDeployment', name: 'gw' },
  warnings: [],
  access: [],
};

describe('audit record', () => {
  it('annotation value is compact JSON with who/when/what/why', () => {
    const a = auditAnnotation(plan, 'alice', '2025-01-01T00:00:00.000Z', '  players   drained\n');
    expect(JSON.parse(annotationValue(a))).toEqual({
      action: 'skip-hook',
      by: 'alice',
      at: '2025-01-01T00:00:00.000Z',
      reason: 'players   drained',
      summary: plan.summary,
    });
    expect(JSON.parse(annotationValue(auditAnnotation(plan, 'alice', 'x')))).not.toHaveProperty('reason');
  });

  it('event names the object, the reason and the actor', () => {
    const ev = auditEvent(
      plan,
      { metadata: { uid: 'u1', resourceVersion: '9' } },
      auditAnnotation(plan, 'alice', '2025-01-01T00:00:00.000Z', 'why not'),
    );
    expect(ev).toMatchObject({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { namespace: 'games', name: expect.stringMatching(/^gw\.[0-9a-f]+$/) },
      involvedObject: { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment', name: 'gw', namespace: 'games', uid: 'u1' },
      reason: 'ZonectlSkipHook',
      type: 'Normal',
      source: { component: 'zonectl' },
      count: 1,
      message: `${plan.summary} (by alice; reason: why not)`,
    });
  });

  it('event reasons are CamelCase per action', () => {
    expect(['approve', 'reject', 'skip-hook', 'retry-hooks', 'hotupdate', 'hold', 'release'].map(eventReason)).toEqual([
      'ZonectlApprove',
      'ZonectlReject',
      'ZonectlSkipHook',
      'ZonectlRetryHooks',
      'ZonectlHotUpdate',
      'ZonectlHold',
      'ZonectlRelease',
    ]);
  });

  it('reasons are one bounded line', () => {
    expect(cleanReason('a\u0007b')).toBe('a b');
    expect(cleanReason('   ')).toBeUndefined();
    expect(cleanReason('x'.repeat(2000))).toHaveLength(512);
  });
});

describe('preconditions', () => {
  it('lists what changed, step and revision first', () => {
    expect(
      compareObserved(
        { resourceVersion: '5', stepIndex: 1, updateRevision: 'r2' },
        { resourceVersion: '8', stepIndex: 2, updateRevision: 'r3' },
      ),
    ).toEqual(['step index 1 -> 2', 'update revision r2 -> r3', 'resourceVersion changed (5 -> 8): someone else acted']);
    expect(compareObserved({ resourceVersion: '5', stepIndex: 1 }, { resourceVersion: '5', stepIndex: 1 })).toEqual([]);
  });

  it('guards the spec (generation), not the status writes a controller makes; a hold set since is a change', () => {
    // The hook controller wrote status: resourceVersion moved, generation did not.
    expect(
      compareObserved({ resourceVersion: '5', generation: 3, stepIndex: 1 }, { resourceVersion: '9', generation: 3, stepIndex: 1 }),
    ).toEqual([]);
    expect(compareObserved({ resourceVersion: '5', generation: 3 }, { resourceVersion: '9', generation: 4 })).toEqual([
      'spec changed (generation 3 -> 4): someone else acted',
    ]);
    expect(compareObserved({ resourceVersion: '5', generation: 3 }, { resourceVersion: '6', generation: 3, held: true })).toEqual([
      'held by zonectl since it was read: release it first',
    ]);
    expect(
      compareObserved({ resourceVersion: '5', generation: 3, held: true }, { resourceVersion: '6', generation: 3, held: true }),
    ).toEqual([]);
  });

  it('a skipped hook run must still be the current, running one', () => {
    expect(compareObserved({ resourceVersion: '5', hookRunName: 'a' }, { resourceVersion: '5', hookRunName: 'b' })).toEqual([
      'current hook run a -> b',
    ]);
    expect(hookRunGone('a', { resourceVersion: '1', hookRunName: 'a', hookPhase: 'Successful' })).toEqual([
      'hook run a already finished (Successful)',
    ]);
    expect(hookRunGone('a', { resourceVersion: '1', hookRunName: 'a', hookPhase: 'Running', hookTerminating: true })).toEqual([
      'hook run a is already terminating',
    ]);
    expect(hookRunGone('a', { resourceVersion: '1', hookRunName: 'a', hookPhase: 'Running' })).toEqual([]);
  });
});
