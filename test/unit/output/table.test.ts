import { describe, expect, it } from 'vitest';
import { renderList } from '../../../source/output/format.js';
import { renderTable } from '../../../source/output/table.js';

describe('tables', () => {
  const cols = [
    { header: 'CLUSTER', get: (r: { c: string; n: string }) => r.c },
    { header: 'NAME', get: (r: { c: string; n: string }) => r.n },
    { header: 'WIDE', get: () => 'w', wide: true },
  ];
  it('aligns by display width, so CJK names line up', () => {
    const out = renderTable(
      [
        { c: 'shanghai', n: '华东一区' },
        { c: 'sg', n: 'zone-2' },
      ],
      cols,
      false,
    );
    expect(out).toBe('CLUSTER    NAME\nshanghai   华东一区\nsg         zone-2\n');
  });
  it('adds wide columns only with -o wide and strips control characters', () => {
    expect(renderTable([{ c: 'a\u001b[31m', n: 'b' }], cols, true)).toBe('CLUSTER   NAME   WIDE\na [31m    b      w\n');
  });
  it('wraps JSON in a stable envelope with per-cluster errors', () => {
    const out = renderList({
      kind: 'Zone',
      rows: [{ c: 'a', n: 'b' }],
      columns: cols,
      format: 'json',
      name: (r) => r.n,
      toJSON: (r) => r,
      errors: [{ cluster: 'x', message: 'down' }],
      empty: '',
    });
    expect(JSON.parse(out)).toEqual({
      apiVersion: 'zonectl.io/v1',
      kind: 'ZoneList',
      items: [{ c: 'a', n: 'b' }],
      errors: [{ cluster: 'x', message: 'down' }],
    });
  });
});
