// Runs a LogFollowerPort for the life of a view: lines and stream markers land in a bounded ring
// buffer (memory stays flat however long the follow runs) and reach React at most every `flushMs`
// (one state update per batch, never per line). Lines pushed out of the ring are counted.
import { useEffect, useState } from 'react';
import type { FollowerStats, LogSink } from '../../model/logs.js';
import type { LogFollowerPort } from '../../ports/logs.js';
import { RingBuffer } from '../logs/ring.js';
import type { LogEntry } from '../logs/view-model.js';

export interface LogFeed {
  /** Bumps on every flush; use it as a memo dependency. */
  version: number;
  ring: RingBuffer<LogEntry>;
  stats: FollowerStats;
}

const EMPTY_STATS: FollowerStats = {
  streams: 0,
  queued: 0,
  lines: 0,
  duplicatesSkipped: 0,
  filtered: 0,
  resumes: 0,
  restarts: 0,
  errors: 0,
};

export function useLogFollower(port: LogFollowerPort, opts: { capacity?: number; flushMs?: number } = {}): LogFeed {
  const capacity = opts.capacity ?? 5_000;
  const flushMs = opts.flushMs ?? 100;
  const [feed, setFeed] = useState<LogFeed>(() => ({ version: 0, ring: new RingBuffer<LogEntry>(capacity), stats: EMPTY_STATS }));

  useEffect(() => {
    const ring = new RingBuffer<LogEntry>(capacity);
    let pending: LogEntry[] = [];
    let seq = 0;
    let timer: NodeJS.Timeout | undefined;
    let version = 0;
    let live = true;
    const flush = () => {
      timer = undefined;
      if (!live) return;
      ring.pushAll(pending);
      pending = [];
      setFeed({ version: ++version, ring, stats: port.stats() });
    };
    const schedule = () => {
      timer ??= setTimeout(flush, flushMs);
    };
    const sink: LogSink = {
      line(stream, ts, message) {
        pending.push({ seq: seq++, stream, ts, message });
        // Only the newest `capacity` entries can ever be shown: drop older pending ones early.
        if (pending.length > capacity * 2) {
          const drop = pending.length - capacity;
          ring.evicted += drop;
          ring.pushed += drop;
          pending = pending.slice(drop);
        }
        schedule();
      },
      event(ev) {
        pending.push({ seq: seq++, stream: ev.stream, cluster: ev.cluster, ts: '', message: ev.message, event: ev.kind });
        schedule();
      },
    };
    setFeed({ version: ++version, ring, stats: port.stats() });
    port.start(sink);
    return () => {
      live = false;
      if (timer) clearTimeout(timer);
      void port.stop();
    };
  }, [port, capacity, flushMs]);

  return feed;
}
