// The console's logs port (ports/logs.ts): one LogFollower per opened log view, over the fleet's own
// clients (one cluster: the one the zone / workload / pod lives in), and saving a view's lines to a
// file. The UI never sees a client or a file.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClusterClient } from '../kube/client-api.js';
import type { InformerPool } from '../kube/informer-pool.js';
import { LogFollower } from '../logs/follower.js';
import type { LogFollowerPort, LogRequest, LogsPort } from '../ports/logs.js';
import { t } from '../i18n/t.js';

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
  /** Directory saved logs are written to; default the system temp dir. */
  saveDir?: string;
  /** The fleet's shared watches: a log view of what a detail shows watches no pod twice. */
  informers?: InformerPool;
}

export class ConsoleLogs implements LogsPort {
  constructor(private readonly o: ConsoleLogsOptions) {}

  open(req: LogRequest): LogFollowerPort {
    const m = this.o.members.find((x) => x.name === req.cluster);
    if (!m) throw new Error(t('commands.app.logsNotInFleet', { cluster: req.cluster }));
    return new LogFollower([{ name: m.name, client: m.client, namespace: req.namespace }], req.target, {
      follow: true,
      tailLines: this.o.tailLines ?? 100,
      maxStreams: Math.max(1, Math.min(24, this.o.maxStreams ?? 24)),
      zoneLabel: this.o.zoneLabel,
      informers: this.o.informers,
    });
  }

  save(title: string, lines: readonly string[]): Promise<string> {
    return saveLog(this.o.saveDir ?? tmpdir(), title, lines, new Date());
  }
}

/**
 * Writes the lines to a new file `zonectl-logs-<title>-<time>.log` in `dir`: mode 0600 (logs may hold
 * secrets the masking missed) and never over an existing file. Resolves with the path.
 */
async function saveLog(dir: string, title: string, lines: readonly string[], at: Date): Promise<string> {
  const slug =
    title
      .replace(/[^A-Za-z0-9._-]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'logs';
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const file = join(dir, `zonectl-logs-${slug}-${stamp}.log`);
  await writeFile(file, lines.map((l) => l + '\n').join(''), { mode: 0o600, flag: 'wx' });
  return file;
}
