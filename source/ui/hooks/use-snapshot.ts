import { useEffect, useState } from 'react';
import type { Snapshot, SnapshotSource } from '../../store/types.js';

/**
 * The latest snapshot, as the source publishes it. The source already coalesces (at most one
 * snapshot per interval, SnapshotSource.subscribe) and Ink caps frames: a second throttle here only
 * added up to one more interval between an event and its frame (issue 11: one throttle).
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
