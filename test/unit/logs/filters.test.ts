import { describe, expect, it } from 'vitest';
import { compileRegex, containerMatcher, FilterError, lineFilter, viewFilter } from '../../../source/logs/filters.js';

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

describe('view filter', () => {
  it('case-insensitive regex with highlight ranges', () => {
    const f = viewFilter('err(or)?')!;
    expect(f.test('An ERROR occurred')).toBe(true);
    expect(f.test('all good')).toBe(false);
    expect(f.ranges('err and Error')).toEqual([
      [0, 3],
      [8, 13],
    ]);
  });

  it('leading ! inverts and has no highlight', () => {
    const f = viewFilter('!debug')!;
    expect(f.inverted).toBe(true);
    expect(f.test('DEBUG noise')).toBe(false);
    expect(f.test('info')).toBe(true);
    expect(f.ranges('info')).toEqual([]);
  });

  it('an invalid regex is matched literally; empty query = no filter', () => {
    const f = viewFilter('a(b')!;
    expect(f.test('xa(by')).toBe(true);
    expect(f.ranges('xa(by')).toEqual([[1, 4]]);
    expect(viewFilter('')).toBeUndefined();
    expect(viewFilter('!')).toBeUndefined();
  });
});
