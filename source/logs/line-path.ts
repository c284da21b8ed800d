// The per-line path of one log request: the pods/log query a read asks for, and what each line it gets
// goes through (timestamp split, seam de-duplication, --include/--exclude, masking) before the sink. Kept
// apart from the slot's state machine (slot.ts) so its cost per line can be measured on its own.
import { maskText } from '../model/mask.js';
import type { SeamCursor } from './seam.js';
import { sinceTimeOf, splitTimestamped } from './timestamp.js';
import type { FollowerStats, LogSink, StreamInfo } from './types.js';

export type ReadMode = 'first' | 'resume' | 'fresh';

/** The follower's shared counters: FollowerStats without the stream counts. */
export type LineStats = Omit<FollowerStats, 'streams' | 'queued'>;

export interface QueryOptions {
  /** First read of a slot present at start: the user's --tail / --since apply. */
  initial: boolean;
  tailLines?: number;
  sinceSeconds?: number;
}

/**
 * The query of one pods/log request. A resume asks from the last emitted timestamp (floored to the
 * second) and arms the cursor to drop the overlap; a slot's first read honours --tail / --since; a
 * fresh instance is read from its first line.
 */
export function logQuery(
  container: string,
  mode: ReadMode,
  previous: boolean,
  follow: boolean,
  cursor: SeamCursor,
  o: QueryOptions,
): Record<string, string | number | undefined> {
  const query: Record<string, string | number | undefined> = {
    container,
    timestamps: 'true',
    follow: follow ? 'true' : undefined,
    previous: previous ? 'true' : undefined,
  };
  const stamp = cursor.stamp;
  if (mode === 'resume' && stamp) {
    query.sinceTime = sinceTimeOf(stamp);
    cursor.beginRead();
  } else if (mode !== 'fresh' && o.initial) {
    if (o.tailLines !== undefined && o.tailLines >= 0) query.tailLines = o.tailLines;
    if (o.sinceSeconds) query.sinceSeconds = o.sinceSeconds;
  }
  return query;
}

/** What each line of a read goes through, in order, to the sink. */
export function lineHandler(
  info: StreamInfo,
  cursor: SeamCursor,
  sink: LogSink,
  stats: LineStats,
  filter?: (message: string) => boolean,
): (line: string) => void {
  return (line) => {
    const { ts, message } = splitTimestamped(line);
    if (!cursor.accept(ts, message)) {
      stats.duplicatesSkipped++;
      return;
    }
    if (filter && !filter(message)) {
      stats.filtered++;
      return;
    }
    stats.lines++;
    // Never pass on a secret a program logged (password=…, token: …, Bearer …).
    sink.line(info, ts, maskText(message));
  };
}
