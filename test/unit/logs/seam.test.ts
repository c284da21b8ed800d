import { describe, expect, it } from 'vitest';
import { SeamCursor } from '../../../source/logs/seam.js';
import { compareStamps, parseDuration, parseStamp, sinceTimeOf, splitTimestamped } from '../../../source/logs/timestamp.js';

/** Runs reads through one cursor like a slot does and returns what was emitted. */
function emitAll(reads: string[][]): string[] {
  const c = new SeamCursor();
  const out: string[] = [];
  for (const read of reads) {
    c.beginRead();
    for (const line of read) {
      const { ts, message } = splitTimestamped(line);
      if (c.accept(ts, message)) out.push(message);
    }
  }
  return out;
}

describe('timestamps', () => {
  it('parses RFC3339Nano with trimmed fractions and compares numerically', () => {
    const a = parseStamp('2024-06-01T08:00:05.1Z')!;
    const b = parseStamp('2024-06-01T08:00:05.12Z')!;
    const c = parseStamp('2024-06-01T08:00:05Z')!;
    expect(a.nanos).toBe(100_000_000);
    expect(b.nanos).toBe(120_000_000);
    expect(compareStamps(a, b)).toBeLessThan(0); // although '05.1Z' > '05.12Z' as strings
    expect(compareStamps(c, a)).toBeLessThan(0);
    expect(parseStamp('2024-06-01T08:00:05.123456789Z')!.nanos).toBe(123456789);
    expect(parseStamp('2024-06-01T10:00:05+02:00')!.sec).toBe(c.sec);
    expect(parseStamp('hello world, not a time')).toBeUndefined();
  });

  it('splits a timestamped line and leaves other lines whole', () => {
    expect(splitTimestamped('2024-06-01T08:00:05.5Z hello world')).toEqual({ ts: '2024-06-01T08:00:05.5Z', message: 'hello world' });
    expect(splitTimestamped('plain line here')).toEqual({ ts: '', message: 'plain line here' });
    expect(splitTimestamped('2024-06-01T08:00:05Z ')).toEqual({ ts: '2024-06-01T08:00:05Z', message: '' });
  });

  it('sinceTime floors to the second', () => {
    expect(sinceTimeOf(parseStamp('2024-06-01T08:00:05.999Z')!)).toBe('2024-06-01T08:00:05Z');
  });

  it('parses --since durations', () => {
    expect(parseDuration('30s')).toBe(30);
    expect(parseDuration('5m')).toBe(300);
    expect(parseDuration('1h30m')).toBe(5400);
    expect(parseDuration('2d')).toBe(172800);
    expect(parseDuration('90')).toBe(90);
    expect(() => parseDuration('5 minutes')).toThrow(/not a duration/);
    expect(() => parseDuration('')).toThrow(/not a duration/);
  });
});

describe('SeamCursor', () => {
  it('a resumed read that overlaps from the floored second emits only new lines', () => {
    const first = ['2024-06-01T08:00:04.9Z seq=1', '2024-06-01T08:00:05.1Z seq=2', '2024-06-01T08:00:05.3Z seq=3'];
    // sinceTime=08:00:05 -> the server repeats everything from 05.000 on, then continues
    const second = [
      '2024-06-01T08:00:05.1Z seq=2',
      '2024-06-01T08:00:05.3Z seq=3',
      '2024-06-01T08:00:05.7Z seq=4',
      '2024-06-01T08:00:06Z seq=5',
    ];
    expect(emitAll([first, second])).toEqual(['seq=1', 'seq=2', 'seq=3', 'seq=4', 'seq=5']);
  });

  it('second-precision timestamps: identical content in the same second is skipped once per earlier emission', () => {
    const t = '2024-06-01T08:00:05Z';
    const first = [`${t} tick`, `${t} tick`, `${t} a`];
    const second = [`${t} tick`, `${t} tick`, `${t} a`, `${t} tick`, `${t} b`];
    // the third "tick" is new (it was not emitted before the seam), so it survives
    expect(emitAll([first, second])).toEqual(['tick', 'tick', 'a', 'tick', 'b']);
  });

  it('several seams in a row (restart, then a broken stream) never repeat or drop', () => {
    const L = (s: number, n: number) => `2024-06-01T08:00:${String(s).padStart(2, '0')}.${String(n).padStart(3, '0')}Z seq=${s * 1000 + n}`;
    const reads = [
      [L(1, 0), L(1, 500), L(2, 100)],
      [L(2, 100), L(2, 200), L(2, 300)], // resumed from 08:00:02
      [L(2, 100), L(2, 200), L(2, 300), L(3, 0)], // again from 08:00:02
      [L(3, 0), L(4, 0)],
    ];
    expect(emitAll(reads)).toEqual(['seq=1000', 'seq=1500', 'seq=2100', 'seq=2200', 'seq=2300', 'seq=3000', 'seq=4000']);
  });

  it('new instance: overlapping timestamps are trusted, but lines an earlier read already served are skipped once', () => {
    const c = new SeamCursor();
    const out: string[] = [];
    const feed = (line: string) => {
      const { ts, message } = splitTimestamped(line);
      if (c.accept(ts, message)) out.push(message);
    };
    // old instance A, last line at 10.3; its stream also served B's first line (opened as B started)
    feed('2024-06-01T08:00:09.500Z A seq=7');
    feed('2024-06-01T08:00:10.300Z A seq=8');
    feed('2024-06-01T08:00:10.400Z B seq=1');
    // B started at 08:00:10 (second precision); its first lines are older than A's last one
    c.beginInstance(parseStamp('2024-06-01T08:00:10Z')!.sec);
    feed('2024-06-01T08:00:10.100Z B seq=0');
    feed('2024-06-01T08:00:10.400Z B seq=1'); // already emitted -> skipped
    feed('2024-06-01T08:00:11.900Z B seq=2');
    feed('2024-06-01T08:00:12.500Z B seq=3');
    expect(out).toEqual(['A seq=7', 'A seq=8', 'B seq=1', 'B seq=0', 'B seq=2', 'B seq=3']);
    expect(c.skipped).toBe(1);
    // and a resume within B keeps strict order again
    c.beginRead();
    feed('2024-06-01T08:00:12.500Z B seq=3');
    feed('2024-06-01T08:00:13Z B seq=4');
    expect(out.slice(-1)).toEqual(['B seq=4']);
  });

  it('a new instance skips, once each, the recent lines at or after its start, over a full window of 1,024 lines', () => {
    const c = new SeamCursor();
    const ts = (ms: number) => new Date(Date.UTC(2024, 5, 1, 8, 0, 0) + ms).toISOString();
    // 2,000 lines 10 ms apart (08:00:00.000 .. 08:00:19.990); the window holds the last 1,024 (from 09.760)
    for (let i = 0; i < 2000; i++) expect(c.accept(ts(i * 10), `line ${i}`)).toBe(true);
    c.beginInstance(parseStamp(ts(18_000))!.sec); // the new instance started at 08:00:18
    expect(c.accept(ts(18_000), 'line 1800')).toBe(false); // served already: skipped once
    expect(c.accept(ts(18_000), 'line 1800')).toBe(true); // a second identical line is new
    expect(c.accept(ts(18_010), 'line 1801 changed')).toBe(true); // same time, other content
    expect(c.accept(ts(19_990), 'line 1999')).toBe(false);
    expect(c.accept(ts(20_000), 'line 2000')).toBe(true);
    expect(c.skipped).toBe(2);
  });

  it('lines without timestamps pass through; counts what it skipped', () => {
    const c = new SeamCursor();
    expect(c.accept('', 'x')).toBe(true);
    expect(c.accept('2024-06-01T08:00:05Z', 'a')).toBe(true);
    c.beginRead();
    expect(c.accept('2024-06-01T08:00:04Z', 'old')).toBe(false);
    expect(c.accept('2024-06-01T08:00:05Z', 'a')).toBe(false);
    expect(c.skipped).toBe(2);
    expect(c.stamp).toEqual(parseStamp('2024-06-01T08:00:05Z'));
  });
});
