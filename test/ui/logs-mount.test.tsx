// `l` in the console at 80x24: opens the log view under the header (breadcrumb "... > logs") for the
// selected zone, workload or pod line, with a follower from the logs port; q / Esc close it (the
// follower is stopped) and the console is where it was. Argo / Kruise Rollouts follow their workload.
import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { ConsoleLogs } from '../../source/app/logs-port.js';
import type { FollowerStats, LogSink, StreamInfo } from '../../source/model/logs.js';
import type { LogFollowerPort, LogRequest, LogsPort } from '../../source/ports/logs.js';
import { workloadLogTarget } from '../../source/ui/log-target.js';
import { expectFits, selectedLine } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';
import { CollectingSink, startLogWorld } from '../sim/logs-follow-helpers.js';

afterEach(() => cleanup());

/** A follower the test feeds by hand (the cluster side of the log view). */
class ScriptedFollower implements LogFollowerPort {
  sink?: LogSink;
  started = 0;
  stopped = 0;
  lines = 0;
  constructor(readonly title: string) {}
  start(sink: LogSink): void {
    this.started++;
    this.sink = sink;
  }
  async stop(): Promise<void> {
    this.stopped++;
  }
  stats(): FollowerStats {
    return { streams: 1, queued: 0, lines: this.lines, duplicatesSkipped: 0, filtered: 0, resumes: 0, restarts: 0, errors: 0 };
  }
  emit(s: StreamInfo, n: number): void {
    for (let i = 1; i <= n; i++) {
      this.lines++;
      this.sink!.line(s, `2026-05-01T12:00:${String(i % 60).padStart(2, '0')}.000000000Z`, `INFO tick seq=${i}`);
    }
  }
}

/** Records what the console asked to follow and hands out scripted followers. */
class FakeLogs implements LogsPort {
  readonly requests: LogRequest[] = [];
  readonly followers: ScriptedFollower[] = [];
  fail?: string;
  open(req: LogRequest): LogFollowerPort {
    this.requests.push(req);
    if (this.fail) throw new Error(this.fail);
    const t = req.target;
    const what =
      t.type === 'zone'
        ? `zone/${t.id}`
        : t.type === 'pod'
          ? `pod/${t.name}`
          : t.type === 'workload'
            ? `${t.kind.toLowerCase()}/${t.name}`
            : `-l ${t.selector}`;
    const f = new ScriptedFollower(`${what} in ${req.cluster}`);
    this.followers.push(f);
    return f;
  }
  save(): Promise<string> {
    return Promise.reject(new Error('these tests do not save'));
  }
}

const stream = (cluster: string, namespace: string, pod: string): StreamInfo => ({
  id: `${cluster}/${namespace}/${pod}/main`,
  cluster,
  namespace,
  pod,
  container: 'main',
  colour: 0,
});
const footer = (f: string) => f.split('\n').at(-1) ?? '';

describe('log view in the console (80x24)', () => {
  test('l on a Zones row follows that zone; q closes and stops the follower; the list is as it was', async () => {
    const logs = new FakeLogs();
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24, logs });
    expect(footer(h.frame())).toContain('l logs');
    await h.press('j');
    const row = selectedLine(h.frame());
    expect(row).toMatch(/^> nj-prod-1 +1102 /);
    await h.press('l');
    expect(logs.requests).toEqual([{ cluster: 'nj-prod-1', namespace: 'game-1102', target: { type: 'zone', id: '1102' } }]);
    const f0 = await h.waitFor((x) => x.includes('Logs following'), 'the log view');
    expect(h.lines()[0]).toMatch(/^zonectl {2}fleet test-fleet/);
    expect(h.lines()[1]).toBe('Zones > logs');
    expect(f0).toContain('zone/1102 in nj-prod-1');
    const follower = logs.followers[0]!;
    expect(follower.started).toBe(1);
    follower.emit(stream('nj-prod-1', 'game-1102', 'game-1-0'), 40);
    const f = await h.waitFor((x) => x.includes('nj-prod-1/game-1-0/main INFO tick seq=40'), 'the newest line');
    expectFits(f, 80, 24);
    expect(f).toMatch(/^Logs following {2}1 stream {2}40 lines {2}zone\/1102 in nj-prod-1$/m);
    expect(footer(f)).toContain('f follow/pause');
    // Keys go to the log view: j/k scroll it (pause), they do not move the list behind it.
    await h.press('k');
    await h.waitFor((x) => /Logs paused \+0 new/.test(x), 'paused by scrolling up');
    await h.press('q');
    await h.waitFor((x) => /^Zones {2}\[12\]/m.test(x), 'the zones list again');
    expect(h.exits).toEqual([]);
    expect(follower.stopped).toBe(1);
    expect(selectedLine(h.frame())).toBe(row);
    expect(logs.followers.length).toBe(1);
  });

  test('Zone detail: l on a pod line follows the pod, elsewhere the zone; Esc goes back to the detail', async () => {
    const logs = new FakeLogs();
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24, logs });
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('Services (3)'), 'the zone detail');
    await h.press('l');
    expect(logs.requests.at(-1)).toEqual({ cluster: 'nj-prod-1', namespace: 'game-1101', target: { type: 'zone', id: '1101' } });
    await h.waitFor((x) => x.includes('Logs following'), 'the zone log view');
    expect(h.lines()[1]).toMatch(/^Zones > zone 1101 .* > logs$/);
    await h.press(KEYS.esc);
    await h.waitFor((x) => x.includes('Services (3)'), 'the zone detail again');
    expect(logs.followers[0]!.stopped).toBe(1);
    // Down to the first pod line of game-1.
    for (let i = 0; i < 20 && !/^> .*game-1-0 /m.test(h.frame()); i++) await h.press('j');
    expect(selectedLine(h.frame())).toContain('game-1-0');
    await h.press('l');
    expect(logs.requests.at(-1)).toEqual({ cluster: 'nj-prod-1', namespace: 'game-1101', target: { type: 'pod', name: 'game-1-0' } });
    const f = await h.waitFor((x) => x.includes('pod/game-1-0 in nj-prod-1'), 'the pod log view');
    expectFits(f, 80, 24);
    await h.press(KEYS.esc);
    await h.waitFor((x) => x.includes('Services (3)'), 'the zone detail again');
    expect(selectedLine(h.frame())).toContain('game-1-0');
  });

  test('Rollouts row and Rollout detail follow the workload; a pod line of the detail follows the pod', async () => {
    const logs = new FakeLogs();
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24, logs });
    await h.press('2');
    await h.waitFor((x) => /^Rollouts {2}\[/m.test(x), 'the rollouts view');
    const row = selectedLine(h.frame());
    expect(row).toContain('game-1');
    await h.press('l');
    const req = logs.requests.at(-1)!;
    expect(req.target).toEqual({ type: 'workload', kind: 'GameStatefulSet', name: 'game-1' });
    expect(row).toContain(req.cluster.slice(0, 6));
    await h.waitFor((x) => x.includes('gamestatefulset/game-1 in'), 'the workload log view');
    expect(h.lines()[1]).toBe('Rollouts > logs');
    await h.press('q');
    await h.waitFor((x) => /^Rollouts {2}\[/m.test(x), 'the rollouts view again');
    await h.press(KEYS.enter);
    await h.waitFor((x) => x.includes('Steps ('), 'the rollout detail');
    await h.press('l');
    expect(logs.requests.at(-1)).toEqual(req);
    await h.waitFor((x) => x.includes('Logs following'), 'the log view from the detail');
    expect(h.lines()[1]).toBe('Rollouts > GameStatefulSet/game-1 > logs');
    await h.press(KEYS.esc);
    await h.waitFor((x) => x.includes('Steps ('), 'the rollout detail again');
    for (let i = 0; i < 40 && !/^[>-] {3}game-1-1 /m.test(h.frame()); i++) await h.press('j');
    expect(selectedLine(h.frame()), h.frame()).toContain('game-1-1');
    await h.press('l');
    expect(logs.requests.at(-1)).toEqual({ cluster: req.cluster, namespace: req.namespace, target: { type: 'pod', name: 'game-1-1' } });
    await h.press('q');
    await h.waitFor((x) => x.includes('Steps ('), 'the rollout detail again');
    expect(logs.followers.every((f) => f.started === 1 && f.stopped === 1)).toBe(true);
    expect(h.exits).toEqual([]);
  });

  test('Argo and Kruise Rollouts follow the workload they drive, else their pod selector', () => {
    expect(
      workloadLogTarget({ kind: 'Rollout', name: 'gw', workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'gw-base' } }),
    ).toEqual({ type: 'workload', kind: 'Deployment', name: 'gw-base' });
    expect(
      workloadLogTarget({
        kind: 'KruiseRollout',
        name: 'game',
        workloadRef: { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameStatefulSet', name: 'game-1' },
      }),
    ).toEqual({ type: 'workload', kind: 'GameStatefulSet', name: 'game-1' });
    expect(workloadLogTarget({ kind: 'Rollout', name: 'gw', selector: { app: 'gw', zone: '101' } })).toEqual({
      type: 'selector',
      selector: 'app=gw,zone=101',
    });
    expect(workloadLogTarget({ kind: 'Rollout', name: 'gw' })).toBe('logs: Rollout/gw names no workload or pod selector to follow');
  });

  test('Ctrl-C in the log view quits the console', async () => {
    const logs = new FakeLogs();
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24, logs });
    await h.press('l');
    await h.waitFor((x) => x.includes('Logs following'), 'the log view');
    await h.press(KEYS.ctrlC);
    expect(h.exits).toEqual([0]);
  });

  test('a target the port cannot follow, no port, and views without logs: one line in the footer', async () => {
    const logs = new FakeLogs();
    logs.fail = "logs: cluster sh-prod-1 is not in this console's fleet";
    const h = await renderApp(makeSnapshot(), { columns: 80, rows: 24, logs });
    await h.press('l');
    await h.waitFor((x) => footer(x).includes('is not in this console'), 'the error');
    expect(h.lines()[1]).toMatch(/^Zones {2}\[12\]/);
    // The Clusters view has no logs: l does nothing there.
    await h.press('3');
    await h.press('l');
    expect(h.lines()[1]).toMatch(/^Clusters {2}\[/);
    expect(footer(h.frame())).not.toMatch(/logs/);
    expect(logs.requests.length).toBe(1);
    h.unmount();

    const bare = await renderApp(makeSnapshot(), { columns: 80, rows: 24 });
    expect(footer(bare.frame())).not.toContain('l logs');
    await bare.press('l');
    expect(footer(bare.frame())).toBe('logs: not available in this console');
  });
});

describe('the console logs port on the simulator', () => {
  test('follows a zone in its own cluster and namespace only, at most 24 streams at once', async () => {
    // 4 services x 7 pods = 28 containers in each zone: 24 are followed, 4 wait for a slot.
    const lw = await startLogWorld({ seed: 3, zonesPerCluster: 2, servicesPerZone: 4, podsPerService: 7, lineIntervalMs: 500 });
    try {
      const members = lw.clusters().map(({ name, client }) => ({ name, client }));
      const port = new ConsoleLogs({ members, zoneLabel: 'zonectl.io/zone', maxStreams: 1000 });
      expect(() => port.open({ cluster: 'atlantis', namespace: 'x', target: { type: 'pod', name: 'p' } })).toThrow(
        "logs: cluster atlantis is not in this console's fleet",
      );
      const zone = lw.world.zones.find((z) => z.cluster === 'nanjing')!;
      const follower = port.open({ cluster: zone.cluster, namespace: zone.namespace, target: { type: 'zone', id: String(zone.zoneId) } });
      expect(follower.title).toBe(`zone/${zone.zoneId} in nanjing`);
      const sink = new CollectingSink();
      follower.start(sink);
      for (let i = 0; i < 100 && (sink.streams.size < 24 || follower.stats().queued < 4); i++) await lw.drive(500, 250, 10);
      expect(follower.stats()).toMatchObject({ streams: 24, queued: 4 });
      await follower.stop();
      const streams = [...sink.streams.values()];
      expect(streams.length).toBe(24);
      for (const st of streams) expect(st).toMatchObject({ cluster: 'nanjing', namespace: zone.namespace });
      expect(sink.events.some((e) => e.kind === 'cap')).toBe(true);
    } finally {
      await lw.stop();
    }
  }, 60_000);
});
