// The alert candidates kept per row from snapshot to snapshot (row-candidates.ts): whatever a change
// batch does to the list (rows replaced, inserted, removed, the list reordered or replaced), the
// candidates equal those of every row asked from scratch, and only the rows that changed (plus the ones
// whose candidates read the clock) are asked again.
import { describe, expect, it } from 'vitest';
import { RowCandidates } from '../../../../source/model/alerts/row-candidates.js';
import { dependsOnNow, workloadCandidates } from '../../../../source/model/alerts/rollout-rules.js';
import type { Candidate } from '../../../../source/model/alerts/types.js';
import type { WorkloadInfo } from '../../../../source/model/types.js';
import { ago, MIN, NOW, T, workload } from './fixtures.js';

const key = (w: WorkloadInfo) => `${w.cluster}/${w.namespace}/${w.kind}/${w.name}`;

/** A workload row in one of the states the rules tell apart: healthy, not ready, failed, paused (timed or not). */
function row(i: number, state: number): WorkloadInfo {
  const extra = { name: `game-${i}`, uid: `u${i}` };
  switch (state % 5) {
    case 1:
      return workload({ ready: 2 }, extra);
    case 2:
      return workload({ phase: 'failed', message: 'image pull failed' }, extra);
    case 3:
      // A pause with an end: its words and its alert count down with the clock.
      return workload(
        {
          phase: 'paused',
          paused: true,
          pauseReason: 'PausedByCanaryPauseStep',
          pausedSince: ago(30 * MIN),
          pauseEndsAt: new Date(NOW + 5 * MIN).toISOString(),
          message: 'p',
        },
        extra,
      );
    case 4:
      return workload(
        { phase: 'paused', paused: true, pauseReason: 'PausedByCanaryPauseStep', pausedSince: ago(30 * MIN), message: 'p' },
        extra,
      );
    default:
      return workload({}, extra);
  }
}

/** A small deterministic generator, so a failure replays. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const ids = (cs: readonly Candidate[]) => cs.map((c) => c.id).sort();
const byId = (cs: readonly Candidate[]) => [...cs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

describe('RowCandidates', () => {
  it('equals every row asked from scratch through replaced, inserted, removed and reordered rows; asks only the changed ones', () => {
    let asked = 0;
    const make = (w: WorkloadInfo, now: number) => {
      asked++;
      return workloadCandidates(w, T, now);
    };
    const kept = new RowCandidates<WorkloadInfo>(key, make, dependsOnNow);
    const rand = rng(7);
    let next = 0;
    let list = Array.from({ length: 400 }, () => row(next, next++));
    let now = NOW;
    kept.derive(list, now, () => undefined); // the first list: every row asked
    for (let round = 0; round < 60; round++) {
      const changed = round === 20 ? list.length : 1 + Math.floor(rand() * 12);
      const copy = [...list];
      if (round === 20)
        copy.reverse(); // a new order: every row moved
      else
        for (let k = 0; k < changed; k++) {
          const at = Math.floor(rand() * copy.length);
          const what = rand();
          if (what < 0.6) copy[at] = row(Number(copy[at]!.name.slice(5)), Math.floor(rand() * 5));
          else if (what < 0.8) copy.splice(at, 0, row(next, next++));
          else copy.splice(at, 1);
        }
      list = copy;
      now += MIN;
      const got: Candidate[] = [];
      asked = 0;
      kept.derive(list, now, (cs) => got.push(...cs));
      const want = list.flatMap((w) => workloadCandidates(w, T, now));
      // Equal whole (a timed pause's candidate is made at this clock, not kept from an earlier one).
      expect(byId(got)).toEqual(byId(want));
      const live = list.filter(dependsOnNow).length;
      if (round !== 20) expect(asked).toBeLessThanOrEqual(changed + live);
    }
  });

  it('the same list again asks nothing but the rows that read the clock', () => {
    let asked = 0;
    const kept = new RowCandidates<WorkloadInfo>(
      key,
      (w, now) => {
        asked++;
        return workloadCandidates(w, T, now);
      },
      dependsOnNow,
    );
    const list = Array.from({ length: 50 }, (_, i) => row(i, i));
    kept.derive(list, NOW, () => undefined);
    expect(asked).toBe(50);
    asked = 0;
    const got: Candidate[] = [];
    kept.derive([...list], NOW + MIN, (cs) => got.push(...cs));
    expect(asked).toBe(list.filter(dependsOnNow).length);
    expect(ids(got)).toEqual(ids(list.flatMap((w) => workloadCandidates(w, T, NOW + MIN))));
  });
});
