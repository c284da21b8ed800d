// Alert rules over one workload row: pauses by kind, failed hooks and rollouts, stalled progress,
// replicas not ready, and a hot update an owner put back.
import { describe, expect, it } from 'vitest';
import { workloadCandidates } from '../../../../source/model/alerts/rollout-rules.js';
import { ago, MIN, NOW, T, workload } from './fixtures.js';

const rules = (w: Parameters<typeof workloadCandidates>[0]) => workloadCandidates(w, T, NOW);

describe('rollout alert rules', () => {
  it('a healthy, complete workload raises nothing', () => {
    expect(rules(workload())).toEqual([]);
  });

  it('awaiting approval: warning after the approval threshold, since the pause began, fixes approve/reject', () => {
    const w = workload(
      {
        phase: 'paused',
        paused: true,
        pauseReason: 'PausedByCanaryPauseStep',
        pausedSince: ago(33 * MIN),
        message: 'paused: awaiting approval',
      },
      {},
      ['approve', 'reject'],
    );
    const [c, ...rest] = rules(w);
    expect(rest).toEqual([]);
    expect(c).toMatchObject({
      id: 'paused-approval/shanghai/zone-101/GameStatefulSet/game-1',
      rule: 'paused-approval',
      severity: 'warning',
      since: ago(33 * MIN),
      after: T.pause.approval,
      zone: '101',
      fixes: ['approve', 'reject'],
      workload: { kind: 'GameStatefulSet', name: 'game-1' },
    });
  });

  it('a timed pause that has not ended waits for nobody; once past its end it does', () => {
    const base = {
      phase: 'paused' as const,
      paused: true,
      pauseReason: 'PausedByCanaryPauseStep',
      pausedSince: ago(5 * MIN),
      message: 'paused',
    };
    expect(rules(workload({ ...base, pauseEndsAt: new Date(NOW + MIN).toISOString() }))).toEqual([]);
    expect(rules(workload({ ...base, pauseEndsAt: ago(MIN) })).map((c) => c.rule)).toEqual(['paused-approval']);
  });

  it('paused by a step hook: its own threshold; held by zonectl: info with release as the fix', () => {
    const hook = rules(workload({ phase: 'paused', paused: true, pauseReason: 'PausedByStepBasedHook', message: 'paused: hook check' }));
    expect(hook.map((c) => [c.rule, c.severity, c.after])).toEqual([['paused-hook', 'warning', T.pause.hook]]);
    const held = rules(
      workload({ phase: 'paused', paused: true, pauseReason: 'Held', message: 'paused: held', hold: { previous: 1, by: 'ops' } }),
    );
    expect(held.map((c) => [c.rule, c.severity, c.fixes])).toEqual([['paused-held', 'info', ['release']]]);
  });

  it('a pod hook Failed is critical at once and names the pod; Inconclusive is a warning', () => {
    const failed = rules(
      workload(
        {
          phase: 'failed',
          hookConditions: [{ type: 'pre-inplace', podName: 'game-1-2', phase: 'Failed', startTime: ago(2 * MIN) }],
          message: 'failed',
        },
        {},
        ['retry-hooks'],
      ),
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({ rule: 'hook-failed', severity: 'critical', after: 0, since: ago(2 * MIN), fixes: ['retry-hooks'] });
    expect(failed[0]!.message).toBe('pre-inplace hook Failed on pod game-1-2');
    const inc = rules(
      workload({
        phase: 'paused',
        paused: true,
        pauseReason: 'PausedByStepBasedHook',
        hookPhase: 'Inconclusive',
        hookRunName: 'hr-1',
        stepIndex: 1,
        steps: [
          { index: 0, kind: 'pause', summary: '' },
          { index: 1, kind: 'hook', summary: '' },
        ],
        message: 'x',
      }),
    );
    expect(inc.map((c) => [c.rule, c.severity, c.message])).toEqual([
      ['hook-failed', 'warning', 'step hook hr-1 Inconclusive at step 2/2'],
    ]);
  });

  it('a failed rollout without a hook: rollout-failed, critical, reject offered', () => {
    const c = rules(workload({ phase: 'failed', message: 'failed: FailedUpdate: quota' }, {}, ['reject']));
    expect(c.map((x) => [x.rule, x.severity, x.message, x.fixes])).toEqual([
      ['rollout-failed', 'critical', 'failed: FailedUpdate: quota', ['reject']],
    ]);
  });

  it('progressing with pods left to update: stalled, whose clock restarts on any progress', () => {
    const a = rules(workload({ phase: 'progressing', updated: 1, updatedReady: 1, updateRevision: 'r2', message: 'updating 1/4' }));
    const b = rules(workload({ phase: 'progressing', updated: 2, updatedReady: 1, updateRevision: 'r2', message: 'updating 2/4' }));
    const sa = a.find((c) => c.rule === 'stalled')!;
    const sb = b.find((c) => c.rule === 'stalled')!;
    expect(sa.id).toBe(sb.id);
    expect(sa.progress).not.toBe(sb.progress);
    expect(sa.after).toBe(T.stalled);
  });

  it('replicas not ready: warning, critical when none is ready; a rollout controller row defers to its workload', () => {
    expect(rules(workload({ ready: 3 })).map((c) => [c.rule, c.severity, c.message])).toEqual([
      ['not-ready', 'warning', '1/4 pods not ready'],
    ]);
    expect(rules(workload({ ready: 0 }))[0]!.severity).toBe('critical');
    expect(rules(workload({ ready: 0 }, { workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'x' } }))).toEqual([]);
  });

  it('a hot update put back by its owner: owner-revert, since the update, naming who and which owner', () => {
    const w = workload(
      {},
      {
        owner: { kind: 'GameZone', name: 'zone101', namespace: 'zone-101', reverts: '', owns: 'image' },
        containers: [{ name: 'main', image: 'registry.example.com/game:1.8.2' }],
        lastAction: {
          action: 'hotupdate',
          by: 'alice',
          at: ago(10 * MIN),
          images: [{ container: 'main', from: 'registry.example.com/game:1.8.2', to: 'registry.example.com/game:1.9.0' }],
        },
      },
    );
    const [c] = rules(w);
    expect(c).toMatchObject({ rule: 'owner-revert', since: ago(10 * MIN), fixes: ['hotupdate'] });
    expect(c!.message).toBe('hot update by alice reverted by GameZone zone101: main back on 1.8.2 (wanted 1.9.0)');
    // Still on the new image: nothing was reverted.
    expect(rules({ ...w, containers: [{ name: 'main', image: 'registry.example.com/game:1.9.0' }] })).toEqual([]);
  });

  it('an unreadable row raises nothing (it shows as invalid in every view)', () => {
    expect(rules(workload({ phase: 'failed', message: 'x' }, { invalid: 'bad spec' }))).toEqual([]);
  });
});
