import { describe, expect, it } from 'vitest';
import { parseLogsArgs } from '../../../commands/logs.js';
import { UsageError } from '../../../commands/flags.js';
import { jsonLine, LineWriter, markerText } from '../../../source/logs/format.js';
import type { StreamInfo } from '../../../source/logs/types.js';

const S: StreamInfo = { id: 'c1/ns/p-1/game', cluster: 'c1', namespace: 'ns', pod: 'p-1', container: 'game', colour: 2 };

describe('scripted output', () => {
  it('JSON lines keep the documented field order and escape the message', () => {
    const l = jsonLine(S, '2024-06-01T08:00:00.5Z', 'say "hi"\tnow');
    expect(l).toBe(
      '{"cluster":"c1","namespace":"ns","pod":"p-1","container":"game","timestamp":"2024-06-01T08:00:00.5Z","message":"say \\"hi\\"\\tnow"}',
    );
    expect(JSON.parse(jsonLine(S, '', 'x')).timestamp).toBeNull();
  });

  it('raw lines: prefix, optional timestamp, colour only when asked; batched until flush', () => {
    const chunks: string[] = [];
    const w = new LineWriter({ output: 'raw', timestamps: true, colour: false, write: (c) => chunks.push(c), note: () => undefined });
    w.line(S, '2024-06-01T08:00:00Z', 'a');
    w.line(S, '', 'b');
    expect(chunks).toEqual([]);
    w.flush();
    expect(chunks).toEqual(['c1/ns/p-1/game 2024-06-01T08:00:00Z a\nc1/ns/p-1/game b\n']);
    const coloured: string[] = [];
    const cw = new LineWriter({ output: 'raw', timestamps: false, colour: true, write: (c) => coloured.push(c), note: () => undefined });
    cw.line(S, '', 'x');
    cw.flush();
    expect(coloured[0]).toBe('\x1b[32mc1/ns/p-1/game\x1b[39m x\n');
  });

  it('markers', () => {
    expect(markerText({ kind: 'join', stream: S, message: 'joined' })).toBe('+ c1/ns/p-1/game');
    expect(markerText({ kind: 'leave', stream: S, message: 'pod deleted' })).toBe('- c1/ns/p-1/game pod deleted');
    expect(markerText({ kind: 'restart', stream: S, message: 'container restarted in place (restart 1)' })).toBe(
      '~ c1/ns/p-1/game container restarted in place (restart 1)',
    );
    expect(markerText({ kind: 'error', cluster: 'c2', message: 'cannot reach x' })).toBe('! c2: cannot reach x');
  });
});

describe('zonectl logs flags', () => {
  it('targets, defaults and options', () => {
    const r = parseLogsArgs([
      'zone/1001',
      '-A',
      '-f',
      '--since',
      '5m',
      '-c',
      '^game',
      '-i',
      'ERROR',
      '-i',
      'WARN',
      '-e',
      'healthz',
      '--max-streams',
      '20',
      '-o',
      'json',
    ]);
    expect(r.target).toEqual({ type: 'zone', id: '1001' });
    expect(r.options).toMatchObject({ follow: true, sinceSeconds: 300, tailLines: -1, maxStreams: 20 });
    expect(r.options.include?.map(String)).toEqual(['/ERROR/', '/WARN/']);
    expect(r.options.container?.test('game-server')).toBe(true);
    expect(r.output).toBe('json');
    expect(r.fleet.allNamespaces).toBe(true);
    expect(parseLogsArgs(['deployment/web']).options.tailLines).toBe(10); // many pods: a short tail
    expect(parseLogsArgs(['pod/web-0']).options.tailLines).toBe(-1); // one pod: everything
    expect(parseLogsArgs(['gsts/db', '-l', 'tier=a']).options.selector).toBe('tier=a');
  });

  it('usage errors say what is wrong', () => {
    const bad = (argv: string[], msg: RegExp) => {
      expect(() => parseLogsArgs(argv)).toThrow(UsageError);
      expect(() => parseLogsArgs(argv)).toThrow(msg);
    };
    bad([], /a target is required/);
    bad(['svc/x'], /unknown target kind "svc"/);
    bad(['pod/x', '-o', 'yaml'], /expected raw or json/);
    bad(['pod/x', '-p', '-f'], /cannot be combined with -f/);
    bad(['pod/x', '--since', 'soon'], /--since/);
    bad(['pod/x', '-i', '('], /--include "\("/);
    bad(['pod/x', '--tail', '-5'], /--tail/);
    bad(['pod/x', 'pod/y'], /one target expected/);
    bad(['pod/x', '-n', 'a', '-A'], /exclude each other/);
  });
});

describe('secrets in log lines', () => {
  it('maskText hides password/token values and bearer tokens but keeps the rest of the line', async () => {
    const { maskText } = await import('../../../source/model/mask.js');
    const out = maskText('login ok user=bob password=hunter22 token: abcdef123456 Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.x.y');
    expect(out).not.toMatch(/hunter22|abcdef123456|eyJhbGci/);
    expect(out).toMatch(/^login ok user=bob password=\*\*\*/);
  });
});
