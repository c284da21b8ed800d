// Action availabilities are shared between rows (kinds/shared/shared-availability.ts): equal ones are one
// frozen object, and each reads the same as the object built before sharing.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang, t } from '../../../source/i18n/t.js';
import { readGameDeployment } from '../../../source/kinds/gamedeployment.js';
import { can, cannot } from '../../../source/kinds/shared/workload-base.js';
import { sharedAvailability } from '../../../source/kinds/shared/shared-availability.js';
import { gdComplete, gdPausedAtPauseStep, T0 } from './fixtures-bkbcs.js';

const ctx = { now: T0 + 60_000, utc: true };

describe('shared action availabilities', () => {
  afterEach(() => setLang('en'));

  it('a reason given as a message key reads as that message, in the language of the moment it was given', () => {
    const lazy = cannot('hold', { key: 'plans.bkbcs.partitionKeepsAll', values: { partition: 3, replicas: 3 } });
    const worded = t('plans.bkbcs.partitionKeepsAll', { partition: 3, replicas: 3 });
    expect(lazy).toStrictEqual({ action: 'hold', possible: false, reason: worded });
    expect(JSON.parse(JSON.stringify(lazy))).toEqual({ action: 'hold', possible: false, reason: worded });
    expect({ ...lazy, possible: true }).toEqual({ action: 'hold', possible: true, reason: worded });
    expect(cannot('hold', { key: 'plans.bkbcs.partitionKeepsAll', values: { partition: 3, replicas: 3 } })).toBe(lazy);
    expect(cannot('hold', { key: 'plans.bkbcs.partitionKeepsAll', values: { partition: '3', replicas: 3 } })).not.toBe(lazy);
    expect(can('hotupdate', { key: 'plans.bkbcs.onDelete', prefix: 'warning: ' }).reason).toBe(`warning: ${t('plans.bkbcs.onDelete')}`);
    setLang('zh-CN');
    const zh = cannot('hold', { key: 'plans.bkbcs.partitionKeepsAll', values: { partition: 3, replicas: 3 } });
    expect(zh).not.toBe(lazy);
    const zhWords = t('plans.bkbcs.partitionKeepsAll', { partition: 3, replicas: 3 });
    expect(zhWords).not.toBe(worded);
    setLang('en');
    // Read after the language changed back: still the words of the language it was given in.
    expect(zh.reason).toBe(zhWords);
    expect(lazy.reason).toBe(worded);
    expect(Object.isFrozen(zh)).toBe(true);
  });

  it('read as the plain objects they replace: no reason key when there is none', () => {
    expect(can('approve')).toStrictEqual({ action: 'approve', possible: true });
    expect(can('approve', '')).toStrictEqual({ action: 'approve', possible: true });
    expect(can('hold', 'a caveat')).toStrictEqual({ action: 'hold', possible: true, reason: 'a caveat' });
    expect(cannot('reject', 'nothing to reject')).toStrictEqual({ action: 'reject', possible: false, reason: 'nothing to reject' });
    expect('reason' in can('release')).toBe(false);
  });

  it('equal availabilities are one frozen object; any difference is another', () => {
    const reason = ['not', 'paused'].join(' ');
    const a = cannot('approve', reason);
    expect(cannot('approve', 'not paused')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(cannot('reject', 'not paused')).not.toBe(a);
    expect(can('approve', 'not paused')).not.toBe(a);
    expect(cannot('approve', 'not paused.')).not.toBe(a);
    expect(() => {
      (a as { reason?: string }).reason = 'changed';
    }).toThrow(TypeError);
    expect(a.reason).toBe('not paused');
  });

  it('stays right past its bound (older entries dropped, values unchanged)', () => {
    const first = sharedAvailability('hold', false, 'reason 0');
    for (let i = 1; i < 10_000; i++) expect(sharedAvailability('hold', false, `reason ${i}`).reason).toBe(`reason ${i}`);
    const again = sharedAvailability('hold', false, 'reason 0');
    expect(again).toStrictEqual(first);
  });

  it('two rows of a kind share their availabilities, and read the same as each one alone', () => {
    const a = readGameDeployment('c1', gdPausedAtPauseStep(), ctx);
    const b = readGameDeployment('c2', gdPausedAtPauseStep(), ctx);
    expect(b.rollout.actions).toEqual(a.rollout.actions);
    a.rollout.actions.forEach((x, i) => expect(b.rollout.actions[i]).toBe(x));
    const done = readGameDeployment('c1', gdComplete(), ctx);
    const approve = done.rollout.actions.find((x) => x.action === 'approve')!;
    expect(approve.possible).toBe(false);
    expect(approve.reason).toBeTruthy();
  });
});
