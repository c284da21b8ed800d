// What the console needs from the logs layer: a follower for one target in one cluster, and a place to
// save what a log view shows. The UI never builds clients or log streams and never touches files; the
// composition layer passes an implementation (source/app/logs-port.ts). Without a port the `l` key
// says logs are not available.
import type { FollowerStats, LogSink, LogTarget } from '../model/logs.js';

export interface LogRequest {
  cluster: string;
  namespace: string;
  /** Already mapped to a workload for Argo / Kruise Rollouts (see ui/log-target.ts). */
  target: LogTarget;
}

/**
 * What the console needs from a follower (source/logs/follower.ts implements it over a fleet). One per
 * opened log view: `start` may be called once; `stop` aborts every stream.
 */
export interface LogFollowerPort {
  /** Human title, e.g. "gamedeployment/game-1 in 3 clusters". */
  readonly title: string;
  start(sink: LogSink): void;
  stop(): Promise<void>;
  stats(): FollowerStats;
}

export interface LogsPort {
  /**
   * A new follower for one opened log view (the view starts and stops it). Throws with one sentence
   * when the target cannot be followed.
   */
  open(req: LogRequest): LogFollowerPort;
  /**
   * Writes `lines` (one per entry, without newlines) to a new private file named after `title`;
   * resolves with the file's path, rejects with the file system's message.
   */
  save(title: string, lines: readonly string[]): Promise<string>;
}
