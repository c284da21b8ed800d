// The action keys' verdict (pure): the snapshot's state reasons, the port's answer per
// resourceVersion, denials that hold while a new version is checked, and the hold / release toggle.
import { describe, expect, test } from 'vitest';
import { actionKeys, shortReason, targetOf, type SelectedWorkload } from '../../source/ui/action-keys.js';
import { workloadKey } from '../../source/ui/views/keys.js';
import type { WorkloadInfo } from '../../source/model/types.js';
import { makeSnapshot } from './fixtures.js';

const paused = (): WorkloadInfo =>
  makeSnapshot().workloads.find((w) => w.cluster === 'sh-prod-1' && w.namespace === 'game-1001' && w.name === 'game-1')!;
const sel = (w: WorkloadInfo): SelectedWorkload => ({ key: workloadKey(w), target: targetOf(w), workload: w });
const DENIED = 'not allowed to patch gamestatefulsets.tkex.tencent.com game-1001/game-1';

describe('action keys verdict', () => {
  test('short reasons for the footer, from the refusal code (never the wording)', () => {
    expect(shortReason('forbidden')).toBe('denied: forbidden');
    expect(shortReason('read-only')).toBe('read-only');
    expect(shortReason('unchecked')).toBe('unchecked');
    expect(shortReason('not-possible')).toBe('n/a');
    // a state reason has no code
    expect(shortReason(undefined)).toBe('n/a');
  });

  test('the snapshot decides until the port answers; the answer for this version wins', () => {
    const w = paused();
    const before = actionKeys({ port: true, readOnly: false, selected: sel(w) });
    expect(before.approve).toEqual({ action: 'approve', label: 'approve', enabled: true, reason: 'continues to step 3/4' });
    expect(before['skip-hook']).toMatchObject({ enabled: false, short: 'n/a', reason: 'the current step has no hook' });
    const checked = w.rollout.actions.map((a) =>
      a.action === 'approve' ? { action: a.action, possible: false, reason: DENIED, refusal: 'forbidden' as const } : a,
    );
    const after = actionKeys({ port: true, readOnly: false, selected: sel(w), checked });
    expect(after.approve).toMatchObject({ enabled: false, short: 'denied: forbidden', reason: DENIED });
    expect(after.reject.enabled).toBe(true);
  });

  test('a denial from the last version holds while the new version is checked; state reasons come from the new snapshot', () => {
    const w = paused();
    const last = w.rollout.actions.map((a) => (a.possible ? { action: a.action, possible: false, reason: DENIED } : a));
    const moved: WorkloadInfo = {
      ...w,
      resourceVersion: '77777',
      rollout: {
        ...w.rollout,
        actions: w.rollout.actions.map((a) =>
          a.action === 'reject' ? { action: 'reject', possible: false, reason: 'nothing to roll back' } : a,
        ),
      },
    };
    const k = actionKeys({ port: true, readOnly: false, selected: sel(moved), last });
    expect(k.approve).toMatchObject({ enabled: false, reason: DENIED });
    expect(k.reject).toMatchObject({ enabled: false, reason: 'nothing to roll back' });
  });

  test('h holds a free workload and releases a held one', () => {
    const w = paused();
    expect(actionKeys({ port: true, readOnly: false, selected: sel(w) }).hold).toMatchObject({
      action: 'hold',
      label: 'hold',
      enabled: true,
    });
    const held: WorkloadInfo = {
      ...w,
      rollout: {
        ...w.rollout,
        hold: { previous: 2 },
        actions: w.rollout.actions.map((a) =>
          a.action === 'hold'
            ? { action: 'hold', possible: false, reason: 'already held by zonectl' }
            : a.action === 'release'
              ? { action: 'release', possible: true, reason: 'restores partition 2' }
              : a,
        ),
      },
    };
    expect(actionKeys({ port: true, readOnly: false, selected: sel(held) }).hold).toEqual({
      action: 'release',
      label: 'release',
      enabled: true,
      reason: 'restores partition 2',
    });
    // Held but the release is denied: the key still says release, with the reason.
    const k = actionKeys({ port: true, readOnly: true, selected: sel(held) });
    expect(k.hold).toMatchObject({ action: 'release', label: 'release', enabled: false, short: 'read-only' });
  });

  test('no port, read-only, nothing selected and a running action disable every key with one reason', () => {
    const w = paused();
    const reasons = (o: Parameters<typeof actionKeys>[0]) => [
      ...new Set(Object.values(actionKeys(o)).map((k) => `${k.enabled}:${k.short}`)),
    ];
    expect(reasons({ port: false, readOnly: false, selected: sel(w) })).toEqual(['false:unavailable']);
    expect(reasons({ port: true, readOnly: true, selected: sel(w) })).toEqual(['false:read-only']);
    expect(reasons({ port: true, readOnly: false })).toEqual(['false:no selection']);
    expect(reasons({ port: true, readOnly: false, selected: sel(w), busy: 'working... approve' })).toEqual(['false:busy']);
  });
});
