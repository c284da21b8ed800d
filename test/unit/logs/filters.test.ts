import { describe, expect, it } from 'vitest';
import { compileRegex, containerMatcher, FilterError, lineFilter } from '../../../source/logs/filters.js';

describe('line filters', () => {
  it('include: any of; exclude: none of', () => {
    const f = lineFilter([/error/, /warn/], [/healthz/])!;
    expect(f('an error here')).toBe(true);
    expect(f('warn: slow')).toBe(true);
    expect(f('info: ok')).toBe(false);
    expect(f('error on /healthz')).toBe(false);
    expect(lineFilter([], [])).toBeUndefined();
    const ex = lineFilter([], [/debug/])!;
    expect(ex('debug x')).toBe(false);
    expect(ex('info x')).toBe(true);
  });

  it('global regexes do not keep state between lines', () => {
    const f = lineFilter([/a/g])!;
    expect([f('a'), f('a'), f('a')]).toEqual([true, true, true]);
  });

  it('container regex', () => {
    const m = containerMatcher(/^game/);
    expect(m('game-server')).toBe(true);
    expect(m('sidecar')).toBe(false);
    expect(containerMatcher()('anything')).toBe(true);
  });

  it('a bad regex names the flag', () => {
    expect(() => compileRegex('(', '--include')).toThrow(FilterError);
    expect(() => compileRegex('(', '--include')).toThrow(/--include "\("/);
  });
});
