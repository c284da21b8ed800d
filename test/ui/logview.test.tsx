// The console log view at 80x24: prefixes, follow / pause with a new-line count, filter, wrap,
// timestamps, jump top / bottom, save, markers, bounded buffer, and a real follower on the simulator.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { LogView } from '../../source/ui/views/LogView.js';
import type { FollowerEvent, FollowerStats, LogSink, StreamInfo } from '../../source/model/logs.js';
import type { LogFollowerPort } from '../../source/ports/logs.js';
import { ConsoleLogs } from '../../source/app/logs-port.js';
import { LogFollower } from '../../source/logs/follower.js';
import { expectFits } from './assert-frame.js';
import { KEYS } from './harness.js';
import { startLogWorld } from '../sim/logs-follow-helpers.js';

afterEach(() => cleanup());

/** A port the test feeds by hand: the transport side of the view, not the view under test. */
class ScriptedPort implements LogFollowerPort {
  readonly title = 'gamedeployment/gw in 2 clusters';
  sink?: LogSink;
  stopped = false;
  lines = 0;
  start(sink: LogSink): void {
    this.sink = sink;
  }
  async stop(): Promise<void> {
    this.stopped = true;
  }
  stats(): FollowerStats {
    return { streams: 2, queued: 0, lines: this.lines, duplicatesSkipped: 0, filtered: 0, resumes: 0, restarts: 0, errors: 0 };
  }
  emit(s: StreamInfo, n: number, from = 1, text = (i: number) => `INFO seq=${i} tick`): void {
    for (let i = from; i < from + n; i++) {
      this.lines++;
      this.sink!.line(s, `2024-06-01T08:00:${String(i % 60).padStart(2, '0')}.000000000Z`, text(i));
    }
  }
  event(ev: FollowerEvent): void {
    this.sink!.event(ev);
  }
}

const A: StreamInfo = {
  id: 'sh/zone-1/gw-abcde/gw',
  cluster: 'shanghai',
  namespace: 'zone-1',
  pod: 'gw-abcde',
  container: 'gw',
  colour: 0,
};
const B: StreamInfo = { id: 'nj/zone-2/gw-xyz12/gw', cluster: 'nanjing', namespace: 'zone-2', pod: 'gw-xyz12', container: 'gw', colour: 1 };

const tick = () => new Promise<void>((r) => setTimeout(r, 0));

async function mount(props: { capacity?: number; saveDir?: string; onClose?: () => void } = {}) {
  const port = new ScriptedPort();
  const { saveDir, ...rest } = props;
  // Saving goes through the console's real logs port (it writes the file); no cluster is needed for it.
  const saver = saveDir ? new ConsoleLogs({ members: [], zoneLabel: 'zonectl.io/zone', saveDir }) : undefined;
  const r = render(<LogView follower={port} saver={saver} width={80} height={23} flushMs={5} {...rest} />);
  const frame = () => r.lastFrame() ?? '';
  const waitFor = async (pred: (f: string) => boolean, what: string) => {
    for (let i = 0; i < 300; i++) {
      if (pred(frame())) return frame();
      await new Promise((res) => setTimeout(res, 5));
    }
    throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
  };
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      r.stdin.write(k);
      await tick();
      await new Promise((res) => setTimeout(res, 15));
    }
  };
  await waitFor(() => !!port.sink, 'the view to start the follower');
  return { port, r, frame, waitFor, press };
}

describe('LogView at 80x24', () => {
  test('follows: per-stream prefixes, newest lines at the bottom, fits the terminal', async () => {
    const v = await mount();
    v.port.event({ kind: 'join', cluster: 'shanghai', stream: A, message: 'joined' });
    v.port.emit(A, 60);
    v.port.emit(B, 5, 1, (i) => `WARN seq=${i} 华东一区 slow rpc`);
    const f = await v.waitFor((x) => x.includes('nanjing/gw-xyz12/gw WARN seq=5'), 'last line');
    expectFits(f, 80, 24);
    const lines = f.split('\n');
    expect(lines[0]).toBe('Logs following  2 streams  66 lines  gamedeployment/gw in 2 clusters');
    expect(lines[lines.length - 1]).toContain('f follow/pause');
    expect(f).toContain('shanghai/gw-abcde/gw INFO seq=60 tick');
    expect(f).not.toContain('seq=30 tick'); // scrolled out: only the newest 21 rows are shown
    expect(lines.length).toBe(23);
  });

  test('pause scrolls back while new lines count up; G returns to the newest', async () => {
    const v = await mount();
    v.port.emit(A, 100);
    await v.waitFor((x) => x.includes('seq=100 tick'), 'first batch');
    await v.press(KEYS.up);
    let f = await v.waitFor((x) => x.includes('paused +0 new'), 'paused');
    expect(f).toContain('seq=79 tick');
    expect(f).not.toContain('seq=100 tick');
    v.port.emit(A, 40, 101);
    f = await v.waitFor((x) => x.includes('paused +40 new'), 'new lines counted');
    expect(f).toContain('seq=79 tick');
    expect(f).not.toContain('seq=140 tick'); // the view stays where the operator scrolled
    await v.press('g');
    f = await v.waitFor((x) => x.includes('seq=1 tick'), 'top');
    expect(f.split('\n')[1]).toContain('shanghai/gw-abcde/gw INFO seq=1 tick');
    await v.press(KEYS.pgdn);
    f = await v.waitFor((x) => x.split('\n')[1]!.includes('seq=22 tick'), 'page down');
    await v.press('G');
    f = await v.waitFor((x) => x.includes('seq=140 tick') && x.includes('following'), 'following again');
    expectFits(f, 80, 24);
  });

  test('/ filter keeps matching lines (regex, case-insensitive); esc clears it', async () => {
    const v = await mount();
    v.port.emit(A, 30, 1, (i) => (i % 10 === 0 ? `ERROR seq=${i} rpc failed` : `INFO seq=${i} ok`));
    await v.waitFor((x) => x.includes('seq=30 rpc failed'), 'lines');
    await v.press('/');
    for (const ch of 'error|warn') await v.press(ch);
    let f = await v.waitFor((x) => x.includes('/error|warn_'), 'filter prompt');
    await v.press(KEYS.enter);
    f = await v.waitFor((x) => x.includes('filter error|warn (3)'), 'filter applied');
    const body = f
      .split('\n')
      .slice(1, -1)
      .filter((l) => l.trim());
    expect(body).toEqual([
      'shanghai/gw-abcde/gw ERROR seq=10 rpc failed',
      'shanghai/gw-abcde/gw ERROR seq=20 rpc failed',
      'shanghai/gw-abcde/gw ERROR seq=30 rpc failed',
    ]);
    await v.press(KEYS.esc);
    f = await v.waitFor((x) => !x.includes('filter error') && x.includes('seq=29 ok'), 'filter cleared');
  });

  test('wrap and timestamp toggles', async () => {
    const v = await mount();
    const long = `INFO seq=1 ${'x'.repeat(150)} END`;
    v.port.emit(A, 1, 1, () => long);
    let f = await v.waitFor((x) => x.includes('seq=1'), 'long line');
    expect(f).not.toContain('END');
    expect(f.split('\n').find((l) => l.includes('seq=1'))).toMatch(/~$/);
    await v.press('w');
    f = await v.waitFor((x) => x.includes('END'), 'wrapped');
    expectFits(f, 80, 24);
    expect(f.split('\n').filter((l) => /^x+/.test(l) || l.includes('END')).length).toBeGreaterThanOrEqual(2);
    await v.press('w', 't');
    f = await v.waitFor((x) => x.includes('shanghai/gw-abcde/gw 2024-06-01T08:00:01.000000000Z INFO seq=1'), 'timestamps');
  });

  test('markers, bounded buffer with a visible drop count, save to a file, esc closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zonectl-logview-'));
    let closed = 0;
    const v = await mount({ capacity: 50, saveDir: dir, onClose: () => closed++ });
    v.port.emit(A, 120);
    v.port.event({ kind: 'leave', cluster: 'shanghai', stream: A, message: 'pod deleted' });
    let f = await v.waitFor((x) => x.includes('- shanghai/gw-abcde/gw pod deleted'), 'leave marker');
    expect(f).toContain('dropped 71 oldest (buffer 50)');
    await v.press('s');
    f = await v.waitFor((x) => x.includes('saved 50 lines to'), 'saved');
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    const saved = readFileSync(join(dir, files[0]!), 'utf8').trimEnd().split('\n');
    expect(saved).toHaveLength(50);
    expect(saved[0]).toBe('shanghai/gw-abcde/gw INFO seq=72 tick');
    expect(saved[49]).toBe('- shanghai/gw-abcde/gw pod deleted');
    await v.press(KEYS.esc);
    for (let i = 0; i < 100 && closed === 0; i++) await new Promise((res) => setTimeout(res, 10));
    expect(closed).toBe(1);
    v.r.unmount();
    await tick();
    expect(v.port.stopped).toBe(true);
  });
});

describe('LogView with a real follower', () => {
  test('shows a simulated workload across clusters at 80x24', async () => {
    const lw = await startLogWorld({ seed: 4, zonesPerCluster: 1, servicesPerZone: 3, podsPerService: 2, lineIntervalMs: 500 });
    try {
      const follower = new LogFollower(
        lw.clusters('global'),
        { type: 'workload', kind: 'GameDeployment', name: 'login-global' },
        { follow: true, tailLines: 5, maxStreams: 20, zoneLabel: 'zonectl.io/zone' },
      );
      const r = render(<LogView follower={follower} width={80} height={23} flushMs={20} />);
      const frame = () => r.lastFrame() ?? '';
      const all = () =>
        ['shanghai', 'nanjing', 'singapore'].every((c) => new RegExp(`${c}/login-global-[a-z0-9]+/login 2024-`).test(frame()));
      for (let i = 0; i < 200 && !all(); i++) await lw.drive(500, 250, 10);
      const f = frame();
      expectFits(f, 80, 24);
      expect(f).toMatch(/^Logs following {2}7 streams {2}\d+ lines {2}gamedeployment\/login-global in 3 clusters/);
      expect(all()).toBe(true);
      // Lines wider than 80 columns are cut with a marker, never wrapped into the next row.
      for (const l of f.split('\n').filter((x) => x.includes('/login 2024-'))) expect(l).toMatch(/\[zone -\]\[login-glob.*~$/);
      r.unmount();
      await follower.done;
    } finally {
      await lw.stop();
    }
  }, 60_000);
});
