// Alert rules over one pod, read by the real pod reader: image pulls, crash loops, OOM kills, not
// ready, and the restart history behind "restarts rising".
import { describe, expect, it } from 'vitest';
import { noteRestarts, podCandidates, restartsCandidate } from '../../../../source/model/alerts/pod-rules.js';
import { MIN, NOW, T, pod } from './fixtures.js';

const owner = { kind: 'GameStatefulSet' as const, name: 'game-1', zone: '101' };

describe('pod alert rules', () => {
  it('a running, ready pod raises nothing', () => {
    expect(podCandidates(pod('game-1-0', [{ state: { running: {} } }]), owner, T)).toEqual([]);
  });

  it('ImagePullBackOff and ErrImagePull: image-pull, critical, per container, with the image and check-image first', () => {
    for (const reason of ['ImagePullBackOff', 'ErrImagePull']) {
      const p = pod('game-1-0', [{ state: { waiting: { reason } } }], { ready: false, phase: 'Pending' });
      const cs = podCandidates(p, owner, T);
      expect(cs.map((c) => [c.rule, c.severity, c.id])).toEqual([
        ['image-pull', 'critical', 'image-pull/shanghai/zone-101/Pod/game-1-0/main'],
      ]);
      expect(cs[0]).toMatchObject({ zone: '101', workload: { kind: 'GameStatefulSet', name: 'game-1' }, after: T.podProblem });
      expect(cs[0]!.message).toBe(`main: ${reason} registry.example.com/game:1.9.1`);
      expect(cs[0]!.fixes[0]).toBe('check-image');
    }
  });

  it('CrashLoopBackOff after an OOM kill: crash-loop (critical) and oom-killed (warning), no extra not-ready', () => {
    const p = pod(
      'game-1-1',
      [
        {
          restartCount: 4,
          state: { waiting: { reason: 'CrashLoopBackOff' } },
          lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
        },
      ],
      { ready: false },
    );
    const cs = podCandidates(p, owner, T);
    expect(cs.map((c) => [c.rule, c.severity])).toEqual([
      ['crash-loop', 'critical'],
      ['oom-killed', 'warning'],
    ]);
    expect(cs[0]!.message).toBe('main: CrashLoopBackOff, 4 restarts, last OOMKilled');
    expect(cs[0]!.fixes[0]).toBe('logs');
  });

  it('not ready with no reason named: pod-not-ready after the not-ready threshold; a terminating pod raises nothing', () => {
    const p = pod('game-1-2', [{ state: { running: {} } }], { ready: false });
    expect(podCandidates(p, undefined, T).map((c) => [c.rule, c.after, c.workload])).toEqual([['pod-not-ready', T.notReady, undefined]]);
    expect(podCandidates({ ...p, phase: 'Terminating' }, owner, T)).toEqual([]);
  });

  it('restarts rising: count restarts within the window from the base sample; old samples age out', () => {
    const p = pod('game-1-3', [{ restartCount: 0, state: { running: {} } }]);
    let s = noteRestarts(undefined, 2, NOW, T.restarts.window);
    s = noteRestarts(s, 2, NOW + MIN, T.restarts.window); // unchanged: no new sample
    expect(s).toHaveLength(1);
    s = noteRestarts(s, 3, NOW + 2 * MIN, T.restarts.window);
    s = noteRestarts(s, 4, NOW + 3 * MIN, T.restarts.window);
    expect(restartsCandidate({ ...p, restarts: 4 }, owner, s, T)).toBeUndefined();
    s = noteRestarts(s, 5, NOW + 4 * MIN, T.restarts.window);
    const c = restartsCandidate({ ...p, restarts: 5 }, owner, s, T)!;
    expect(c).toMatchObject({ rule: 'restarts-rising', severity: 'warning', since: new Date(NOW + 2 * MIN).toISOString() });
    expect(c.message).toBe('3 restarts in 10m (5 in all)');
    // No restart for a whole window: the base moves up and the rise is gone.
    s = noteRestarts(s, 5, NOW + 20 * MIN, T.restarts.window);
    expect(s).toEqual([{ at: NOW + 4 * MIN, restarts: 5 }]);
    expect(restartsCandidate({ ...p, restarts: 5 }, owner, s, T)).toBeUndefined();
  });
});
