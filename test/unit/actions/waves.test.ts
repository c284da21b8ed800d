// The pure parts of a release in waves: the wave plan, its cut over the targets, the resume order and
// the gate's verdict.
import { describe, expect, it } from 'vitest';
import type { TargetResult } from '../../../source/actions/batch.js';
import { gateVerdict, inStartedWave, parseWaves, releaseOrder, waveEnds, waveOf } from '../../../source/actions/waves.js';
import { parseLastAction } from '../../../source/model/last-action.js';
import type { ActionTarget } from '../../../source/model/action-types.js';

const t = (cluster: string, name: string): ActionTarget => ({ cluster, namespace: 'zone-1', kind: 'GameDeployment', name });

describe('the wave plan', () => {
  it('reads counts and cumulative percentages, and says what is wrong in one line', () => {
    expect(parseWaves('1,10%,50%,100%')).toEqual([{ count: 1 }, { percent: 10 }, { percent: 50 }, { percent: 100 }]);
    expect(parseWaves(' 5 , 100% ')).toEqual([{ count: 5 }, { percent: 100 }]);
    expect(parseWaves('1,,100%')).toBe('--waves 1,,100%: expected counts or percentages such as 1,10%,50%,100%');
    expect(parseWaves('1,half')).toBe('--waves 1,half: "half" is not a count (5) or a percentage (10%)');
    expect(parseWaves('0,100%')).toBe('--waves 0,100%: a wave of 0 acts on nothing');
    expect(parseWaves('150%')).toBe('--waves 150%: 150% is over 100%');
  });

  it('cuts 300 targets into 1 + 29 + 120 + 150; percentages round up, empty waves drop, going back is refused', () => {
    const m = parseWaves('1,10%,50%,100%') as Exclude<ReturnType<typeof parseWaves>, string>;
    expect(waveEnds(m, 300)).toEqual([1, 30, 150, 300]);
    expect(waveEnds(m, 3)).toEqual([1, 2, 3]);
    expect(waveEnds(m, 1)).toEqual([1]);
    expect(waveEnds(parseWaves('1%,100%') as never, 300)).toEqual([3, 300]);
    expect(waveEnds(parseWaves('10,50%') as never, 40)).toEqual([10, 20]); // stops short: the rest is for a resume
    expect(waveEnds(parseWaves('50%,10') as never, 100)).toBe('--waves: 10 is fewer targets than the wave before it');
    expect(waveOf([1, 30, 150, 300], 0)).toBe(0);
    expect(waveOf([1, 30, 150, 300], 29)).toBe(1);
    expect(waveOf([1, 30, 150, 300], 30)).toBe(2);
    expect(waveOf([10, 20], 25)).toBe(-1);
  });
});

describe('resume order', () => {
  it('puts what the batch already did first, in its recorded waves, then the rest in the order given, without repeats', () => {
    const done = [
      { target: t('nanjing', 'b'), wave: 2 },
      { target: t('shanghai', 'a'), wave: 1 },
    ];
    const rest = [t('shanghai', 'a'), t('singapore', 'c'), t('nanjing', 'd')];
    const o = releaseOrder(done, rest);
    expect(o.doneCount).toBe(2);
    expect(o.targets.map((x) => `${x.cluster}/${x.name}`)).toEqual(['shanghai/a', 'nanjing/b', 'singapore/c', 'nanjing/d']);
  });

  it('the waves the batch had started: up to the highest recorded one and the next (acting when it stopped), none past the plan', () => {
    const ends = [1, 3, 6]; // 1,50%,100% of 6
    const started = (reached: number) => [0, 1, 2, 3, 4, 5].filter((i) => inStartedWave(ends, i, reached));
    expect(started(0)).toEqual([0]); // nothing recorded: wave 1 may have been acting
    expect(started(1)).toEqual([0, 1, 2]); // wave 1 recorded: wave 2 was acting (its records may all be lost)
    expect(started(2)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(inStartedWave([10, 20], 25, 2)).toBe(false); // past the plan's last wave: never started
    expect(inStartedWave([4], 3, 0)).toBe(true); // no waves: one wave of all
  });
});

describe('the gate', () => {
  const r = (name: string, over: Partial<TargetResult>): TargetResult => ({
    target: t('shanghai', name),
    outcome: 'done',
    reason: '',
    exitCode: 0,
    ms: 1,
    ...over,
  });
  const planned = {} as NonNullable<TargetResult['planned']>;

  it('passes when every target that acted reached its target state; refusals at planning do not stop it', () => {
    expect(
      gateVerdict([
        r('a', { planned, wait: { reached: true, message: 'reached', elapsedMs: 5 } }),
        r('b', { outcome: 'not possible', reason: 'not paused', exitCode: 1 }),
      ]),
    ).toEqual({ pass: true });
    expect(gateVerdict([r('c', { outcome: 'already done' })])).toEqual({ pass: true });
    // A resume's target whose change was live, recorded now (planned, already done), once it reached.
    expect(gateVerdict([r('d', { planned, outcome: 'already done', wait: { reached: true, message: 'reached', elapsedMs: 1 } })])).toEqual({
      pass: true,
    });
    expect(
      gateVerdict([r('e', { planned, outcome: 'already done', wait: { reached: false, message: 'timed out after 60s', elapsedMs: 1 } })]),
    ).toEqual({ pass: false, where: 'shanghai/zone-1/gamedeployment/e: timed out after 60s' });
  });

  it('stops on the first failed write or a wait that did not reach, naming the target', () => {
    expect(
      gateVerdict([
        r('a', { planned, wait: { reached: true, message: 'reached', elapsedMs: 5 } }),
        r('b', { planned, wait: { reached: false, message: 'failed: pre-inplace hook Failed on auth-1-x', elapsedMs: 9 } }),
        r('c', { planned, outcome: 'failed', reason: 'forbidden', exitCode: 4 }),
      ]),
    ).toEqual({ pass: false, where: 'shanghai/zone-1/gamedeployment/b: failed: pre-inplace hook Failed on auth-1-x' });
    expect(gateVerdict([r('c', { planned, outcome: 'failed', reason: 'forbidden', exitCode: 4 })])).toEqual({
      pass: false,
      where: 'shanghai/zone-1/gamedeployment/c: failed: forbidden',
    });
  });
});

describe('the last action on an object', () => {
  it('reads the batch, wave and images back, and ignores what is malformed or not ours', () => {
    const raw = JSON.stringify({
      action: 'hotupdate',
      by: 'ops',
      at: '2026-12-03T00:00:00Z',
      summary: 's',
      batch: 'ab12cd34',
      wave: 2,
      waves: '1,50%,100%',
      images: [{ container: 'game', from: 'r/s:1', to: 'r/s:2' }, { container: 3 }],
    });
    expect(parseLastAction(raw)).toEqual({
      action: 'hotupdate',
      by: 'ops',
      at: '2026-12-03T00:00:00Z',
      batch: 'ab12cd34',
      wave: 2,
      waves: '1,50%,100%',
      images: [{ container: 'game', from: 'r/s:1', to: 'r/s:2' }],
    });
    expect(parseLastAction('{not json')).toBeUndefined();
    expect(parseLastAction(JSON.stringify({ action: 'x' }))).toBeUndefined();
    expect(parseLastAction(JSON.stringify({ action: 'x', by: 'y', at: 'z', wave: -1 }))).toEqual({ action: 'x', by: 'y', at: 'z' });
  });
});
