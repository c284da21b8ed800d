// What the console needs from the logs layer: a follower for one target in one cluster. The UI never
// builds clients or log streams; the app shell passes an implementation (source/logs/console-port.ts).
// Without a port the `l` key says logs are not available.
import type { LogFollowerPort, LogTarget } from '../logs/types.js';

export interface LogRequest {
  cluster: string;
  namespace: string;
  /** Already mapped to a workload for Argo / Kruise Rollouts (see log-target.ts). */
  target: LogTarget;
}

export interface LogsPort {
  /**
   * A new follower for one opened log view (the view starts and stops it). Throws with one sentence
   * when the target cannot be followed.
   */
  open(req: LogRequest): LogFollowerPort;
}
