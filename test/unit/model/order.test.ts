import { describe, expect, it } from 'vitest';
import { byNumber, byText, byUnits } from '../../../source/model/order.js';

// The fast paths must give exactly what ICU gives (they stand in for it): every pair of these, both ways.
const names = [
  '',
  'a',
  'a-b',
  'a.b',
  'a0',
  'a-',
  'a.',
  '-a',
  '.a',
  '0',
  '9z',
  'z',
  'zz',
  'ab-1',
  'ab.1',
  'ab1',
  'shanghai',
  'shanghai-2',
  'zone-101',
  'zone-99',
  'Shanghai',
  '上海',
  'a_b',
  'A',
];
const ids = ['0', '1', '01', '001', '2', '10', '9', '100', '099', '18446744073709551617', '18446744073709551618', 'x1', '1a', '١', ''];
const sign = (n: number) => Math.sign(n);

describe('byText', () => {
  const icu = new Intl.Collator(undefined);
  it('orders as the run-locale collation (localeCompare) does', () => {
    for (const a of names) for (const b of names) expect(sign(byText(a, b)), `${a} vs ${b}`).toBe(sign(icu.compare(a, b)));
  });
});

describe('byNumber', () => {
  const icu = new Intl.Collator(undefined, { numeric: true });
  it('orders as the numeric collation does, equal values equal', () => {
    for (const a of ids) for (const b of ids) expect(sign(byNumber(a, b)), `${a} vs ${b}`).toBe(sign(icu.compare(a, b)));
  });
});

describe('byUnits', () => {
  it('is code-unit order', () => {
    expect(['b', 'B', 'a', '01', '1'].sort(byUnits)).toEqual(['01', '1', 'B', 'a', 'b']);
  });
});
