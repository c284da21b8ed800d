import { useEffect, useState } from 'react';
import type { Snapshot, SnapshotSource } from '../../store/types.js';

/**
 * The latest snapshot, as the source publishes it. The source coalesces (at most one snapshot per
 * interval, SnapshotSource.subscribe) and is the one throttle from event to frame (issue 11): a second
 * one here, or Ink's frame cap (ui/run.tsx CONSOLE_MAX_FPS), only added up to one more interval.
 */
export function useSnapshot(source: SnapshotSource): Snapshot {
  const [snap, setSnap] = useState(() => source.snapshot());
  useEffect(() => {
    const unsubscribe = source.subscribe(setSnap);
    // Catch a change published between the first snapshot() and subscribe().
    setSnap((cur) => {
      const s = source.snapshot();
      return s.seq !== cur.seq ? s : cur;
    });
    return unsubscribe;
  }, [source]);
  return snap;
}
