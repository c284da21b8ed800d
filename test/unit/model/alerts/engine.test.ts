// The alert engine: thresholds counted from the object's timestamp or first sight, the clock that
// restarts on progress, nextDue, pods joined to their workload, not-ready said by the pods when they
// are watched, sorting, the raised/cleared events and the same objects for unchanged alerts.
import { describe, expect, it } from 'vitest';
import { alertEvents } from '../../../../source/model/alerts/diff.js';
import { AlertEngine, type AlertInput } from '../../../../source/model/alerts/engine.js';
import type { PodInfo, WorkloadInfo } from '../../../../source/model/types.js';
import { ago, MIN, NOW, T, pod, workload } from './fixtures.js';

const input = (workloads: WorkloadInfo[], pods: PodInfo[] = []): AlertInput => ({
  clusters: [],
  workloads,
  pods,
  zones: [],
  federated: [],
});

describe('alert engine', () => {
  it('a pause becomes an alert once it lasted its threshold, counted from pausedSince; nextDue says when', () => {
    const e = new AlertEngine(T);
    const w = workload({
      phase: 'paused',
      paused: true,
      pauseReason: 'PausedByCanaryPauseStep',
      pausedSince: ago(20 * MIN),
      message: 'paused',
    });
    const early = e.derive(input([w]), NOW);
    expect(early.alerts).toEqual([]);
    expect(early.nextDue).toBe(NOW + 10 * MIN);
    const late = e.derive(input([w]), NOW + 10 * MIN);
    expect(late.alerts.map((a) => [a.rule, a.since])).toEqual([['paused-approval', ago(20 * MIN)]]);
    // The same row again: the same alert object (the console's row memo keeps its row).
    expect(e.derive(input([w]), NOW + 11 * MIN).alerts[0]).toBe(late.alerts[0]);
  });

  it('without a timestamp the clock starts at first sight and restarts on progress (stalled)', () => {
    const e = new AlertEngine(T);
    const at = (updated: number) => workload({ phase: 'progressing', updated, updatedReady: updated, ready: 4, message: 'updating' });
    e.derive(input([at(1)]), NOW);
    expect(e.derive(input([at(1)]), NOW + T.stalled).alerts.map((a) => a.rule)).toEqual(['stalled']);
    expect(e.derive(input([at(2)]), NOW + T.stalled + MIN).alerts).toEqual([]);
    expect(e.derive(input([at(2)]), NOW + 2 * T.stalled + MIN).alerts[0]!.since).toBe(new Date(NOW + T.stalled + MIN).toISOString());
  });

  it('pods join their workload; its not-ready alert gives way to the pods own reasons; worst first', () => {
    const e = new AlertEngine(T);
    const w = workload({ ready: 3 });
    const other = workload(
      { phase: 'paused', paused: true, pauseReason: 'PausedByCanaryPauseStep', pausedSince: ago(60 * MIN), message: 'p' },
      { name: 'db-1' },
    );
    const bad = pod('game-1-0', [{ state: { waiting: { reason: 'ImagePullBackOff' } } }], { ready: false, phase: 'Pending' });
    e.derive(input([w, other], [bad]), NOW);
    const later = e.derive(input([w, other], [bad]), NOW + 6 * MIN).alerts;
    expect(later.map((a) => [a.severity, a.rule, a.object.name])).toEqual([
      ['critical', 'image-pull', 'game-1-0'],
      ['warning', 'paused-approval', 'db-1'],
    ]);
    expect(later[0]).toMatchObject({ zone: '101', workload: { kind: 'GameStatefulSet', name: 'game-1' } });
    // Without its pods watched the workload says it (both warnings: the older first).
    expect(e.derive(input([w, other]), NOW + 12 * MIN).alerts.map((a) => a.rule)).toEqual(['paused-approval', 'not-ready']);
  });

  it('restarts rising across snapshots, and the raised / cleared events a watcher prints', () => {
    const e = new AlertEngine(T);
    const at = (n: number) => pod('game-1-1', [{ restartCount: n, state: { running: {} } }]);
    const w = workload();
    let prev = e.derive(input([w], [at(1)]), NOW).alerts;
    for (let i = 2; i <= 4; i++) prev = e.derive(input([w], [at(i)]), NOW + i * MIN).alerts;
    expect(prev.map((a) => a.rule)).toEqual(['restarts-rising']);
    expect(alertEvents([], prev).map((x) => [x.event, x.alert.rule])).toEqual([['raised', 'restarts-rising']]);
    const next = e.derive(input([w], [at(4)]), NOW + 30 * MIN).alerts;
    expect(next).toEqual([]);
    expect(alertEvents(prev, next).map((x) => [x.event, x.alert.id])).toEqual([
      ['cleared', 'restarts-rising/shanghai/zone-101/Pod/game-1-1'],
    ]);
  });
});
