// The simulator's follower backpressure (source/sim/server/logs.ts): `busy()` is true while a pods/log response
// holds more unsent bytes than its buffer, so a source whose lines exist apart from the stream (as a kubelet's
// log file does) holds them back and sends them later. A reader far slower than the writer gets every line,
// once, in order, and the source was held back meanwhile (rather than the server queueing the whole log).
import { request, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../source/sim/world.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { T } from '../../source/sim/controllers/kinds.js';
import type { LogLine, LogSource } from '../../source/sim/log-source.js';

const TOTAL = 20_000;
const PAD = 'x'.repeat(400); // ~0.5 KB a line: 10 MB in all, far past any socket or response buffer

/** Writes TOTAL numbered lines as fast as its 5 ms ticks allow; a busy response gets them later, in one write. */
class FileLikeSource implements LogSource {
  produced = 0;
  busyTicks = 0;

  read(): LogLine[] {
    return [];
  }

  follow(
    _c: string,
    _ns: string,
    _pod: string,
    _container: string,
    onLine: (l: LogLine) => void,
    signal: AbortSignal,
    busy?: () => boolean,
  ) {
    let sent = 0;
    const timer = setInterval(() => {
      this.produced = Math.min(TOTAL, this.produced + 500);
      if (busy?.()) {
        this.busyTicks++;
        return;
      }
      if (sent >= this.produced) return;
      const lines: string[] = [];
      while (sent < this.produced) lines.push(`seq=${++sent} ${PAD}`);
      onLine({ time: new Date().toISOString(), text: lines.join('\n') });
    }, 5);
    return new Promise<void>((resolve) => {
      const done = () => {
        clearInterval(timer);
        resolve();
      };
      if (signal.aborted) done();
      else signal.addEventListener('abort', done, { once: true });
    });
  }
}

let sim: SimCluster;
const source = new FileLikeSource();
let pod: { namespace: string; name: string };
beforeAll(async () => {
  const world = buildDemoWorld({
    seed: 'busy',
    clusters: ['busy-1'],
    zonesPerCluster: 1,
    servicesPerZone: 1,
    podsPerService: 1,
    scenarios: false,
    host: false,
  });
  const store = world.stores.get('busy-1')!;
  const p = store.list(T.pod).items[0];
  pod = { namespace: p.metadata.namespace!, name: p.metadata.name! };
  sim = await startSimCluster({ name: 'busy-1', store, logSource: source });
});
afterAll(async () => {
  await sim?.close();
});

describe('pods/log follow against a slow reader', () => {
  it('every line arrives once and in order, held back while the reader is behind', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const req = request(`${sim.url}/api/v1/namespaces/${pod.namespace}/pods/${pod.name}/log?follow=true`, {
        headers: { Authorization: `Bearer ${sim.tokens.viewer}` },
      });
      req.on('response', resolve).on('error', reject).end();
    });
    expect(res.statusCode).toBe(200);
    // The reader takes one chunk every 20 ms: a few MB/s at most, against a writer offering 50 MB/s.
    res.setEncoding('utf8');
    let rest = '';
    let next = 1;
    let outOfOrder = 0;
    await new Promise<void>((resolve) => {
      const take = () => {
        let chunk: string | null;
        if ((chunk = res.read(16_384) ?? res.read()) !== null) {
          const parts = (rest + chunk).split('\n');
          rest = parts.pop()!;
          for (const l of parts) {
            const seq = Number(/^seq=(\d+) /.exec(l)?.[1]);
            if (seq !== next) outOfOrder++;
            next = seq + 1;
          }
        }
        if (next > TOTAL) resolve();
        else setTimeout(take, 20);
      };
      take();
    });
    res.destroy();
    expect(outOfOrder).toBe(0);
    expect(next - 1).toBe(TOTAL);
    // The writer was held back (the reader was behind), which is what kept the order and the buffer.
    expect(source.busyTicks).toBeGreaterThan(10);
  }, 60_000);
});
