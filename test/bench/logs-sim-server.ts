// Child process of the logs benchmarks (logs-throughput.ts, logs-vs-stern.ts): a simulated fleet whose pods write log lines at a fixed rate
// on real time. Prints {"kubeconfig": path, "pods": n} on stdout when ready. On the line "freeze" on
// stdin it stops the clock and prints {"last": {"cluster/pod/container": lastSeq, ...}}.
import { createInterface } from 'node:readline';
import { buildDemoWorld } from '../../source/sim/world.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { writeKubeconfig } from '../../source/sim/kubeconfig.js';
import { T } from '../../source/sim/controllers/kinds.js';
import type { LogLine, LogReadOptions, LogSource } from '../../source/sim/log-source.js';
import { StoreError } from '../../source/sim/store-api.js';

const clusters = Number(process.env.BENCH_CLUSTERS ?? 2);
const pods = Number(process.env.BENCH_STREAMS ?? 100);
const intervalMs = Number(process.env.BENCH_LINE_INTERVAL_MS ?? 1);

const world = buildDemoWorld({
  seed: 'bench',
  clusters: Array.from({ length: clusters }, (_, i) => `bench-${i + 1}`),
  // One zone per cluster with one pod per service: pod names are unique per cluster, so the raw
  // `cluster/pod/container` prefix names one stream.
  zonesPerCluster: 1,
  servicesPerZone: Math.ceil(pods / clusters),
  podsPerService: 1,
  lineIntervalMs: intervalMs,
  scenarios: false,
  host: false,
  start: Date.now(),
});
/**
 * BENCH_SOURCE=fast (default): every container writes `seq=N` lines at a fixed real-time rate, with
 * text that costs ~nothing to produce, so the benchmark measures the follower rather than the demo
 * world's text generator (~10-20 us per line). BENCH_SOURCE=sim uses the demo world's SimLogSource.
 */
class FastLogSource implements LogSource {
  private readonly t0 = Date.now();
  private readonly followers = new Set<() => void>();
  private frozenAt?: number;

  constructor(private readonly intervalMs: number) {
    setInterval(() => {
      for (const f of [...this.followers]) f();
    }, 20);
  }

  /** Stops the clock. The ticks go on: a follower that was busy gets the rest of its lines when it drains. */
  freeze(): void {
    this.frozenAt = Date.now();
    for (const f of [...this.followers]) f();
  }

  private now(): number {
    return this.frozenAt ?? Date.now();
  }

  private countAt(t: number): number {
    return Math.floor((t - this.t0) / this.intervalMs);
  }

  private line(key: string, seq: number): LogLine {
    const ms = this.t0 + seq * this.intervalMs;
    const time = new Date(ms).toISOString().replace('Z', '000000Z');
    return {
      time,
      text: `${time.slice(0, 10)} ${time.slice(11, 23)} [${key}] INFO  seq=${seq} tick frame=${seq * 30} players=1024 tps=30`,
    };
  }

  read(cluster: string, ns: string, pod: string, container: string, o: LogReadOptions): LogLine[] {
    if (o.previous) throw new StoreError(400, 'BadRequest', `previous terminated container "${container}" in pod "${pod}" not found`);
    const n = this.countAt(this.now());
    let first = 1;
    const since = o.sinceSeconds !== undefined ? this.now() - o.sinceSeconds * 1000 : o.sinceTime ? Date.parse(o.sinceTime) : undefined;
    if (since !== undefined) first = Math.max(1, Math.ceil((since - this.t0) / this.intervalMs));
    if (o.tailLines !== undefined && o.tailLines >= 0) first = Math.max(first, n - o.tailLines + 1);
    const out: LogLine[] = [];
    for (let seq = first; seq <= n; seq++) out.push(this.line(pod, seq));
    return out;
  }

  follow(
    cluster: string,
    ns: string,
    pod: string,
    container: string,
    onLine: (l: LogLine) => void,
    signal: AbortSignal,
    busy?: () => boolean,
  ): Promise<void> {
    let sent = this.countAt(this.now());
    // A tick's lines leave in one write, as a kubelet copies a log file in blocks: one write (one TLS
    // record, one HTTP/1.1 chunk) per line cost the simulator ~1 core at 100,000 lines/s and starved both
    // followers. The lines after the first carry their own timestamps (the followers ask timestamps=true).
    // A follower that has not taken the last write (busy) gets nothing new until it has: its lines are
    // numbered by time, so it gets them later, in order, as from a kubelet reading its log file behind the
    // writer. Queueing them in the server instead reset both followers' sessions at 100 × 1,000 lines/s
    // (Node's HTTP/2 maxSessionMemory: ENHANCE_YOUR_CALM) once one of them fell behind.
    const tick = () => {
      const n = this.countAt(this.now());
      if (sent >= n || signal.aborted || busy?.()) return;
      const first = this.line(pod, ++sent);
      let text = first.text;
      while (sent < n) {
        const l = this.line(pod, ++sent);
        text += `\n${l.time} ${l.text}`;
      }
      onLine({ time: first.time, text });
    };
    this.followers.add(tick);
    return new Promise((resolve) => {
      const done = () => {
        this.followers.delete(tick);
        resolve();
      };
      if (signal.aborted) done();
      else signal.addEventListener('abort', done, { once: true });
    });
  }
}

const fast = (process.env.BENCH_SOURCE ?? 'fast') === 'fast' ? new FastLogSource(intervalMs) : undefined;
const sims: SimCluster[] = [];
// BENCH_TLS=1: https, for client-go peers (stern), which send bearer tokens only over TLS.
const tls = process.env.BENCH_TLS === '1';
for (const name of world.members)
  sims.push(await startSimCluster({ name, store: world.stores.get(name)!, logSource: fast ?? world.logs, tls }));
const kubeconfig = writeKubeconfig(sims);
const all = world.members.flatMap((c) =>
  world.stores
    .get(c)!
    .list(T.pod)
    .items.map((p) => ({ c, p })),
);
world.startRealtime(20);
process.stdout.write(JSON.stringify({ kubeconfig, pods: all.length, contexts: world.members, source: fast ? 'fast' : 'sim' }) + '\n');

const rl = createInterface({ input: process.stdin });
rl.on('line', (cmd) => {
  if (cmd !== 'freeze') return;
  world.stop();
  fast?.freeze();
  const last: Record<string, number> = {};
  for (const { c, p } of all) {
    const container = p.spec.containers[0].name;
    const tail = (fast ?? world.logs).read(c, p.metadata.namespace!, p.metadata.name!, container, { tailLines: 1 });
    const m = / seq=(\d+) /.exec(tail[0]?.text ?? '');
    last[`${c}/${p.metadata.name}/${container}`] = m ? Number(m[1]) : 0;
  }
  process.stdout.write(JSON.stringify({ last }) + '\n');
});
process.stdin.on('end', () => {
  world.stop();
  void Promise.all(sims.map((s) => s.close())).then(() => process.exit(0));
});
