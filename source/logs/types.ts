// The follower's options. What it follows and emits (targets, streams, events, the sink) are domain
// types in model/logs.ts, shared with the console; the console's port is ports/logs.ts.
import type { InformerPool } from '../kube/informer-pool.js';
export type { FollowerEvent, FollowerStats, LogSink, LogTarget, StreamInfo, WorkloadTargetKind } from '../model/logs.js';

export interface FollowOptions {
  follow: boolean;
  /** Extra label selector ANDed with the target's (for -l with a kind/name target). */
  selector?: string;
  /** For the first open of streams present at start (later joiners are read from their start). */
  sinceSeconds?: number;
  /** Lines to show from the end for streams present at start; -1 or undefined = all. */
  tailLines?: number;
  previous?: boolean;
  /** Container name regex (default: every container). */
  container?: RegExp;
  include?: RegExp[];
  exclude?: RegExp[];
  /** Concurrent stream cap; 0 = no cap. */
  maxStreams: number;
  /** Zone label key (config.zoneLabel). */
  zoneLabel: string;
  /** How long a deleted pod's stream may drain before it is closed (ms). */
  leaveGraceMs?: number;
  /**
   * Share pod watches with the rest of the process (the console passes its fleet's pool, so following the
   * workload a detail shows adds no watch); without one the follower runs its own informers.
   */
  informers?: InformerPool;
}
