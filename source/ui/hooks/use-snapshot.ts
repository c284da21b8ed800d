import { useEffect, useState } from 'react';
import type { Snapshot, SnapshotSource } from '../../store/types.js';

/**
 * The latest snapshot. The source already coalesces; this adds a floor of `minIntervalMs` between
 * React updates (leading + trailing) so a chatty source can never drive more than ~15 renders/s.
 */
export function useSnapshot(source: SnapshotSource, minIntervalMs = 66): Snapshot {
  const [snap, setSnap] = useState(() => source.snapshot());
  useEffect(() => {
    let last = 0;
    let timer: NodeJS.Timeout | undefined;
    let pending: Snapshot | undefined;
    const flush = () => {
      timer = undefined;
      if (pending) {
        last = Date.now();
        const s = pending;
        pending = undefined;
        setSnap(s);
      }
    };
    const unsubscribe = source.subscribe((s) => {
      pending = s;
      const wait = last + minIntervalMs - Date.now();
      if (wait <= 0 && !timer) flush();
      else timer ??= setTimeout(flush, Math.max(0, wait));
    });
    // Catch a change published between the first snapshot() and subscribe().
    setSnap((cur) => {
      const s = source.snapshot();
      return s.seq !== cur.seq ? s : cur;
    });
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, [source, minIntervalMs]);
  return snap;
}
