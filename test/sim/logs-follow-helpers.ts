// Helpers for following logs against the simulator: the demo world served over HTTP (one server per
// member cluster, virtual time driven by the test), clients per cluster, and a collecting sink that
// checks sequence numbers.
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { buildDemoWorld, type DemoWorld, type WorldOptions } from '../../source/sim/world.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import type { FollowerCluster } from '../../source/logs/follower.js';
import type { FollowerEvent, LogSink, StreamInfo } from '../../source/logs/types.js';
import { clientFor } from './kube-helpers.js';

/** A TCP proxy in front of a sim cluster whose connections the test can cut (a dropped network). */
export interface CutProxy {
  url: string;
  /** Destroy every open connection (clients see broken streams and reconnect). */
  cutAll(): number;
  /**
   * Hold back the HTTP/1.1 requests whose request line (`GET /api/v1/... HTTP/1.1`) `which` picks: they
   * reach the cluster only at release() (a slow network, or a request that waits for the server). The
   * held request lines so far are in `held`.
   */
  hold(which: (requestLine: string) => boolean): void;
  held: string[];
  /** Let every held request through (in the order they came) and stop holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startCutProxy(targetPort: number): Promise<CutProxy> {
  const open = new Set<Socket>();
  let which: ((requestLine: string) => boolean) | undefined;
  const held: string[] = [];
  const waiting: Array<() => void> = [];
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client);
    open.add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.on('data', (chunk: Buffer) => {
      const line = chunk.toString('latin1', 0, Math.min(chunk.length, 2048)).split('\r\n', 1)[0]!;
      if (!which || !/^[A-Z]+ \S+ HTTP\/1\.1$/.test(line) || !which(line)) {
        upstream.write(chunk);
        return;
      }
      held.push(line);
      client.pause();
      waiting.push(() => {
        upstream.write(chunk);
        client.resume();
      });
    });
    upstream.pipe(client);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    cutAll() {
      const n = open.size;
      for (const s of [...open]) s.destroy();
      open.clear();
      return n;
    },
    hold(w) {
      which = w;
    },
    held,
    release() {
      which = undefined;
      for (const go of waiting.splice(0)) go();
    },
    close() {
      for (const s of [...open]) s.destroy();
      return new Promise((r) => server.close(() => r()));
    },
  };
}

export interface LogWorld {
  world: DemoWorld;
  sims: SimCluster[];
  proxies: CutProxy[];
  clusters(namespace?: string): FollowerCluster[];
  /** Advance virtual time by `ms` in `stepMs` steps, yielding to the event loop between steps. */
  drive(ms: number, stepMs?: number, realPauseMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startLogWorld(opts: WorldOptions): Promise<LogWorld> {
  const world = buildDemoWorld(opts);
  const sims: SimCluster[] = [];
  for (const name of world.members) sims.push(await startSimCluster({ name, store: world.stores.get(name)!, logSource: world.logs }));
  const proxies: CutProxy[] = [];
  for (const s of sims) proxies.push(await startCutProxy(s.port));
  const clients = sims.map((s, i) => clientFor({ name: s.name, tokens: s.tokens, url: proxies[i]!.url }, 'admin', 5_000));
  return {
    world,
    sims,
    proxies,
    clusters: (namespace) => clients.map((client, i) => ({ name: sims[i]!.name, client, namespace })),
    async drive(ms, stepMs = 250, realPauseMs = 5) {
      for (let t = 0; t < ms; t += stepMs) {
        world.advance(Math.min(stepMs, ms - t), stepMs);
        await new Promise((r) => setTimeout(r, realPauseMs));
      }
    },
    async stop() {
      world.stop();
      for (const c of clients) c.close();
      await Promise.all(proxies.map((p) => p.close()));
      await Promise.all(sims.map((s) => s.close()));
    },
  };
}

export interface Collected {
  ts: string;
  message: string;
}

/** Collects every line per stream id and every event. */
export class CollectingSink implements LogSink {
  readonly lines = new Map<string, Collected[]>();
  readonly streams = new Map<string, StreamInfo>();
  readonly events: FollowerEvent[] = [];
  total = 0;

  line(s: StreamInfo, ts: string, message: string): void {
    let l = this.lines.get(s.id);
    if (!l) {
      this.lines.set(s.id, (l = []));
      this.streams.set(s.id, s);
    }
    l.push({ ts, message });
    this.total++;
  }

  event(ev: FollowerEvent): void {
    this.events.push(ev);
  }

  seqs(id: string): number[] {
    return (this.lines.get(id) ?? []).map((l) => seqOf(l.message));
  }
}

export function seqOf(message: string): number {
  const m = / seq=(\d+) /.exec(message);
  if (!m) throw new Error(`no sequence number in "${message}"`);
  return Number(m[1]);
}

/**
 * Splits a stream's sequence numbers into container instances: every instance's log starts at
 * seq=1. Returns the runs; throws (with the offending place) when a run is not 1,2,3,... without gaps
 * or repeats.
 */
export function instanceRuns(seqs: number[], label: string): number[][] {
  const runs: number[][] = [];
  for (let i = 0; i < seqs.length; i++) {
    const s = seqs[i]!;
    if (s === 1) {
      runs.push([s]);
      continue;
    }
    const run = runs[runs.length - 1];
    const prev = run?.[run.length - 1];
    if (!run || s !== prev! + 1) throw new Error(`${label}: seq ${s} follows ${prev ?? 'nothing'} at line ${i} (lost or repeated lines)`);
    run.push(s);
  }
  return runs;
}

export async function until(pred: () => boolean, what: string, timeoutMs = 10_000, stepMs = 20): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}
