// A TCP fault proxy for tests and benchmarks (127.0.0.1 only): it stands between zonectl and one
// API server (the simulator or a real kube-apiserver; TLS passes through untouched) and, switched at
// runtime, lets bytes through, stalls them, delays them, resets connections, cuts each connection
// after N bytes, or flaps between working and a fault. What a network, a load balancer or a hung
// apiserver does to a client, reproduced on demand.
//
//   pass            every byte forwarded at once
//   stall           no byte moves either way, on open and on new connections (accepted, never
//                   answered); the streams are paused, not dropped, so a stall that ends delivers
//                   what was queued, as TCP does after a partition heals
//   delay ms        each chunk forwarded `ms` later, in order, both ways
//   reset           every open connection is reset (RST) and new ones are reset as they arrive
//   cut n           each connection is closed once n bytes came back from the server (counted from
//                   when the mode was set for connections already open): a response cut mid-stream
//   flap            alternates `upMs` of pass with `downMs` of a fault (reset or stall) until set again
import { connect, createServer, type Server, type Socket } from 'node:net';

export type Fault =
  | { mode: 'pass' }
  | { mode: 'stall' }
  | { mode: 'delay'; ms: number }
  | { mode: 'reset' }
  | { mode: 'cut'; afterBytes: number }
  | { mode: 'flap'; upMs: number; downMs: number; down: 'reset' | 'stall' };

export interface ProxyStats {
  /** Connections accepted since the start. */
  accepted: number;
  /** Client connections open now. */
  open: number;
  /** Connections this proxy reset or cut. */
  broken: number;
  bytesUp: number;
  bytesDown: number;
  /** Flap: how many times the link went down. */
  flaps: number;
}

export interface FaultProxy {
  /** http(s)://127.0.0.1:<port>, with the target's scheme. */
  url: string;
  port: number;
  set(fault: Fault): void;
  fault(): Fault;
  stats(): Readonly<ProxyStats>;
  close(): Promise<void>;
}

interface Pair {
  down: Socket; // the client's side
  up?: Socket; // the server's side (absent while a new connection is held by a stall)
  cutLeft?: number;
  /** Bytes waiting for the upstream socket to connect. */
  early: Buffer[];
}

/** Starts a proxy on 127.0.0.1 (a free port) in front of `target` (http(s)://127.0.0.1:port). */
export async function startFaultProxy(target: string, initial: Fault = { mode: 'pass' }): Promise<FaultProxy> {
  const t = new URL(target);
  if (t.hostname !== '127.0.0.1' && t.hostname !== 'localhost') throw new Error(`fault proxy: only 127.0.0.1 targets, not ${t.hostname}`);
  const targetPort = Number(t.port || (t.protocol === 'https:' ? 443 : 80));
  const pairs = new Set<Pair>();
  const stats: ProxyStats = { accepted: 0, open: 0, broken: 0, bytesUp: 0, bytesDown: 0, flaps: 0 };
  let fault: Fault = { mode: 'pass' };
  /** The effective behaviour now (a flap switches it between pass and its fault). */
  let now: Exclude<Fault, { mode: 'flap' }> = { mode: 'pass' };
  let flapTimer: NodeJS.Timeout | undefined;
  let closed = false;

  const breakPair = (p: Pair, how: 'reset' | 'close') => {
    if (p.down.destroyed && (!p.up || p.up.destroyed)) return;
    stats.broken++;
    for (const s of [p.down, p.up]) {
      if (!s || s.destroyed) continue;
      if (how === 'reset' && typeof s.resetAndDestroy === 'function' && s.readyState !== 'opening') s.resetAndDestroy();
      else s.destroy();
    }
  };

  const openUpstream = (p: Pair) => {
    const up = connect(targetPort, '127.0.0.1');
    p.up = up;
    up.on('error', () => p.down.destroy());
    up.on('close', () => p.down.destroy());
    up.on('connect', () => {
      for (const b of p.early.splice(0)) up.write(b);
    });
    up.on('data', (d: Buffer) => forward(p, d, 'down'));
    if (now.mode === 'stall') up.pause();
  };

  const forward = (p: Pair, d: Buffer, dir: 'up' | 'down') => {
    const send = () => {
      if (dir === 'up') {
        stats.bytesUp += d.length;
        if (!p.up || p.up.connecting) p.early.push(d);
        else if (!p.up.destroyed) p.up.write(d);
        return;
      }
      if (p.down.destroyed) return;
      if (p.cutLeft !== undefined) {
        if (d.length >= p.cutLeft) {
          const part = d.subarray(0, p.cutLeft);
          stats.bytesDown += part.length;
          p.cutLeft = 0;
          p.down.write(part, () => breakPair(p, 'close'));
          return;
        }
        p.cutLeft -= d.length;
      }
      stats.bytesDown += d.length;
      p.down.write(d);
    };
    if (now.mode === 'delay') setTimeout(send, now.ms);
    else send();
  };

  const apply = (m: Exclude<Fault, { mode: 'flap' }>) => {
    now = m;
    for (const p of pairs) {
      p.cutLeft = m.mode === 'cut' ? m.afterBytes : undefined;
      if (m.mode === 'reset') {
        breakPair(p, 'reset');
        continue;
      }
      const streams = [p.down, p.up].filter((s): s is Socket => s !== undefined);
      if (m.mode === 'stall') for (const s of streams) s.pause();
      else {
        if (!p.up && !p.down.destroyed) openUpstream(p); // held by a stall: connect it now
        for (const s of streams) s.resume();
      }
    }
  };

  const server: Server = createServer((down) => {
    stats.accepted++;
    if (closed) return down.destroy();
    if (now.mode === 'reset') {
      stats.broken++;
      down.resetAndDestroy();
      return;
    }
    const p: Pair = { down, early: [], cutLeft: now.mode === 'cut' ? now.afterBytes : undefined };
    pairs.add(p);
    stats.open++;
    down.on('error', () => undefined);
    down.on('close', () => {
      if (pairs.delete(p)) stats.open--;
      p.up?.destroy();
    });
    down.on('data', (d: Buffer) => forward(p, d, 'up'));
    if (now.mode === 'stall')
      down.pause(); // accepted, never answered while the stall lasts
    else openUpstream(p);
  });

  const set = (f: Fault) => {
    if (flapTimer) clearTimeout(flapTimer);
    flapTimer = undefined;
    fault = f;
    if (f.mode !== 'flap') return apply(f);
    const downFault: Exclude<Fault, { mode: 'flap' }> = { mode: f.down };
    const cycle = (up: boolean) => {
      if (!up) stats.flaps++;
      apply(up ? { mode: 'pass' } : downFault);
      flapTimer = setTimeout(() => cycle(!up), up ? f.upMs : f.downMs);
      flapTimer.unref();
    };
    cycle(false);
  };

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as { port: number }).port;
  set(initial);
  return {
    url: `${t.protocol}//127.0.0.1:${port}`,
    port,
    set,
    fault: () => fault,
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      if (flapTimer) clearTimeout(flapTimer);
      for (const p of pairs) breakPair(p, 'close');
      await new Promise((r) => server.close(r));
    },
  };
}
