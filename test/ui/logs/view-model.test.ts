import { describe, expect, it } from 'vitest';
import type { StreamInfo } from '../../../source/model/logs.js';
import { viewFilter } from '../../../source/ui/logs/view-filter.js';
import { entrySegs, fitRows, windowRows, type LogEntry } from '../../../source/ui/logs/view-model.js';

const S: StreamInfo = { id: 'c1/ns/p-1/game', cluster: 'c1', namespace: 'ns', pod: 'p-1', container: 'game', colour: 2 };

describe('log view layout', () => {
  const e = (message: string, extra: Partial<LogEntry> = {}): LogEntry => ({
    seq: 1,
    stream: S,
    ts: '2024-06-01T08:00:00Z',
    message,
    ...extra,
  });

  it('highlights filter matches inside the message only', () => {
    const segs = entrySegs(e('an ERROR and error'), { timestamps: false, filter: viewFilter('error') });
    expect(segs.map((s) => [s.style, s.text])).toEqual([
      ['prefix', 'c1/p-1/game'],
      ['text', ' '],
      ['text', 'an '],
      ['match', 'ERROR'],
      ['text', ' and '],
      ['match', 'error'],
    ]);
  });

  it('truncates with a marker or wraps by display width (CJK takes two cells), never splitting a character', () => {
    const segs = entrySegs(e('华东一区风云再起'), { timestamps: false });
    const one = fitRows(segs, 20, false);
    expect(one).toHaveLength(1);
    expect(one[0]!.map((s) => s.text).join('')).toBe('c1/p-1/game 华东一~');
    const rows = fitRows(segs, 16, true).map((r) => r.map((s) => s.text).join(''));
    expect(rows).toEqual(['c1/p-1/game 华东', '一区风云再起']);
  });

  it('control characters are shown, not sent to the terminal', () => {
    const segs = entrySegs(e('a\x1b[2Jb\tc'), { timestamps: false });
    expect(segs.map((s) => s.text).join('')).toBe('c1/p-1/game a^[[2Jb    c');
  });

  it('window: follow shows the last rows, paused shows rows from the top entry', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ ...e(`line ${i}`), seq: i }));
    const text = (rows: ReturnType<typeof windowRows>) => rows.map((r) => r.segs.map((s) => s.text).join(''));
    expect(text(windowRows(entries, { width: 40, wrap: false, timestamps: false, height: 3, follow: true, top: 0 }))).toEqual([
      'c1/p-1/game line 7',
      'c1/p-1/game line 8',
      'c1/p-1/game line 9',
    ]);
    expect(text(windowRows(entries, { width: 40, wrap: false, timestamps: false, height: 2, follow: false, top: 4 }))).toEqual([
      'c1/p-1/game line 4',
      'c1/p-1/game line 5',
    ]);
  });
});
