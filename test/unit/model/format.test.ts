import { describe, expect, it } from 'vitest';
import {
  age,
  clock,
  duration,
  imageRepo,
  imageTag,
  parseDuration,
  percent,
  shortDuration,
  stateText,
  stepText,
  truncate,
} from '../../../source/model/format.js';

const NOW = Date.parse('2024-05-01T12:00:00Z');

describe('format', () => {
  it('age', () => {
    expect(age('2024-05-01T11:59:15Z', NOW)).toBe('45s');
    expect(age('2024-05-01T11:48:00Z', NOW)).toBe('12m');
    expect(age('2024-05-01T09:00:00Z', NOW)).toBe('3h');
    expect(age('2024-04-29T11:00:00Z', NOW)).toBe('2d');
    expect(age('2022-04-29T11:00:00Z', NOW)).toBe('2y');
    expect(age(undefined, NOW)).toBe('');
    expect(age('garbage', NOW)).toBe('');
    expect(age('2024-05-01T12:00:10Z', NOW)).toBe('0s'); // clock skew never goes negative
    expect(shortDuration(59)).toBe('59s');
  });

  it('duration and parseDuration', () => {
    expect(duration(45)).toBe('45s');
    expect(duration(125)).toBe('2m5s');
    expect(duration(5400)).toBe('1h30m');
    expect(duration(3600)).toBe('1h');
    expect(duration(183600)).toBe('2d3h');
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('10m')).toBe(600);
    expect(parseDuration('30')).toBe(30);
    expect(parseDuration(15)).toBe(15);
    expect(parseDuration('500ms')).toBe(0.5);
    expect(parseDuration('soon')).toBeUndefined();
    expect(parseDuration('10x')).toBeUndefined();
  });

  it('clock', () => {
    expect(clock('2020-11-10T08:51:36Z', true)).toBe('08:51:36');
    expect(clock('nope', true)).toBe('');
  });

  it('imageTag and imageRepo', () => {
    expect(imageTag('registry.example.com/project1/service:0.2.0')).toBe('0.2.0');
    expect(imageTag('registry.example.com:5000/project1/service')).toBe('latest');
    expect(imageTag('mysql')).toBe('latest');
    expect(imageTag('r/s@sha256:0123456789abcdef')).toBe('sha256:01234567');
    expect(imageTag(undefined)).toBe('');
    expect(imageRepo('registry.example.com:5000/p/s:1.0')).toBe('registry.example.com:5000/p/s');
    expect(imageRepo('r/s@sha256:01')).toBe('r/s');
  });

  it('percent, stepText, stateText', () => {
    expect(percent(4, 10)).toBe('40%');
    expect(percent(999, 1000)).toBe('99%');
    expect(percent(1, 0)).toBe('-');
    const steps = [1, 2, 3].map((i) => ({ index: i, kind: 'pause' as const, summary: '' }));
    // One wording for the console and `-o table` (was "step 2/3" / "done 3/3" / "" in the tables).
    expect(stepText({ steps, stepIndex: 1 })).toBe('2/3 pause');
    expect(stepText({ steps, stepIndex: 3 })).toBe('3/3 done');
    expect(stepText({ steps: [], stepIndex: undefined })).toBe('-');
    expect(
      stateText({ message: 'paused: awaiting approval', phase: 'paused', paused: true, pausedSince: '2024-05-01T11:48:00Z' }, NOW),
    ).toBe('paused: awaiting approval 12m');
    expect(stateText({ message: 'updating 3/10', phase: 'progressing', paused: false }, NOW)).toBe('updating 3/10');
  });

  it('truncate counts CJK as double width', () => {
    expect(truncate('game-zone-101', 20)).toBe('game-zone-101');
    expect(truncate('game-zone-101', 8)).toBe('game-...');
    expect(truncate('游戏大区一区', 8)).toBe('游戏...');
  });
});
