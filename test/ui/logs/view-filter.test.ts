import { describe, expect, it } from 'vitest';
import { viewFilter } from '../../../source/ui/logs/view-filter.js';

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
