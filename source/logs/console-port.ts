// The console's logs port (ui/logs-port.ts): one LogFollower per opened log view, over the fleet's
// own clients (one cluster: the one the zone / workload / pod lives in). The UI never sees a client.
import type { ClusterClient } from '../kube/client-api.js';
import type { LogRequest, LogsPort } from '../ui/logs-port.js';
import { LogFollower } from './follower.js';
import type { LogFollowerPort } from './types.js';

export interface ConsoleLogsOptions {
  /** The fleet's members (name + client); the follower shares their connection pools. */
  members: ReadonlyArray<{ name: string; client: ClusterClient }>;
  zoneLabel: string;
  /** Lines from the end for streams present at open (default 100). */
  tailLines?: number;
  /**
   * Concurrent streams per view (default 24). The fleet's clients also carry the console's watches,
   * so this stays well under their connection pool.
   */
  maxStreams?: number;
}

export class ConsoleLogs implements LogsPort {
  constructor(private readonly o: ConsoleLogsOptions) {}

  open(req: LogRequest): LogFollowerPort {
    const m = this.o.members.find((x) => x.name === req.cluster);
    if (!m) throw new Error(`logs: cluster ${req.cluster} is not in this console's fleet`);
    return new LogFollower([{ name: m.name, client: m.client, namespace: req.namespace }], req.target, {
      follow: true,
      tailLines: this.o.tailLines ?? 100,
      maxStreams: Math.max(1, Math.min(24, this.o.maxStreams ?? 24)),
      zoneLabel: this.o.zoneLabel,
    });
  }
}
