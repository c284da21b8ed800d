// A burst through the whole line path of `logs -f` (pods/log over HTTP -> follower -> seam -> masking ->
// LineWriter): every stream's lines arrive once, in order, none lost, while the output batches stay
// bounded and the follower holds no line once written (what stopping it frees, after a full GC, is small).
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LogFollower } from '../../source/logs/follower.js';
import { LineWriter } from '../../source/logs/format.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startLogWorld, until, type LogWorld } from './logs-follow-helpers.js';

let lw: LogWorld;
beforeAll(async () => {
  // 1 cluster x 1 zone x 24 services: 24 streams, a line every 10 ms of simulated time each.
  lw = await startLogWorld({
    seed: 5,
    clusters: ['burst-1'],
    host: false,
    scenarios: false,
    zonesPerCluster: 1,
    servicesPerZone: 24,
    podsPerService: 1,
    lineIntervalMs: 10,
  });
});
afterAll(async () => {
  await lw?.stop();
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const heapAfterGc = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

describe('a log burst through the follower and the writer', () => {
  it('30 s of lines from 24 streams at once (72,000 lines): none lost or repeated, output chunks ≤ 64 KiB + a line, no line held', async () => {
    const FLUSH = 65_536;
    const last = new Map<string, number>();
    let lines = 0;
    let lost = 0;
    let repeated = 0;
    let biggestChunk = 0;
    const writer = new LineWriter({
      output: 'raw',
      timestamps: false,
      colour: false,
      flushBytes: FLUSH,
      note: () => undefined,
      write: (chunk) => {
        biggestChunk = Math.max(biggestChunk, chunk.length);
        for (const l of chunk.split('\n')) {
          if (!l) continue;
          const m = / seq=(\d+) /.exec(l);
          if (!m) continue;
          lines++;
          const key = l.slice(0, l.indexOf(' '));
          const seq = Number(m[1]);
          const prev = last.get(key) ?? 0;
          if (seq <= prev) repeated++;
          else lost += seq - prev - 1;
          last.set(key, Math.max(prev, seq));
        }
      },
    });
    const f = new LogFollower(
      lw.clusters(),
      { type: 'selector', selector: 'zonectl.io/zone' },
      {
        follow: true,
        tailLines: -1,
        maxStreams: 0,
        zoneLabel: 'zonectl.io/zone',
      },
    );
    f.start(writer);
    const summary = await f.ready;
    expect(summary.containers).toBe(24);
    for (let i = 0; i < 100 && last.size < 24; i++) await lw.drive(200, 100);
    expect(last.size).toBe(24);

    // The burst: 30 s of simulated time in three steps, faster than real time.
    await lw.drive(30_000, 10_000, 1);
    const pods = lw.world.stores.get('burst-1')!.list(T.pod).items;
    // Simulated time stands still from here: what each stream has written is fixed.
    const written = pods.map((p) => {
      const c = p.spec.containers[0].name as string;
      const key = `burst-1/${p.metadata.namespace}/${p.metadata.name}/${c}`;
      return { key, n: lw.world.logs.read('burst-1', p.metadata.namespace!, p.metadata.name!, c, { tailLines: 1 }) };
    });
    const lastSeq = written.map(({ key, n }) => ({ key, seq: Number(/ seq=(\d+) /.exec(n[0]!.text)![1]) }));
    await until(
      () => lastSeq.every(({ key, seq }) => (last.get(key) ?? 0) >= seq),
      `the follower caught up with the burst (${JSON.stringify(lastSeq.filter(({ key, seq }) => (last.get(key) ?? 0) < seq).slice(0, 3))})`,
      60_000,
      100,
    );
    const total = lastSeq.reduce((a, w) => a + w.seq, 0);
    expect(total).toBeGreaterThanOrEqual(24 * 3_000);
    writer.flush();

    expect(lost).toBe(0);
    expect(repeated).toBe(0);
    expect(lines).toBeGreaterThanOrEqual(24 * 3_000);
    // A chunk is flushed once it reaches FLUSH: never more than that plus one line.
    expect(biggestChunk).toBeLessThan(FLUSH + 1_024);
    // The follower holds what it needs per stream (a seam cursor, hashes of recent lines, the pod), not
    // the lines: what stopping it frees (the simulator in this process keeps every line it wrote).
    const running = heapAfterGc();
    await f.stop();
    const held = running - heapAfterGc();
    expect(held).toBeLessThan(4 * 1024 * 1024);
  }, 120_000);
});
