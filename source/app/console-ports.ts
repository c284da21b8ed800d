// The ports the console consumes, built from a session: actions (availability, plan, run over the
// fleet), logs (follow and save) and diff (Git vs live). The implementations are loaded here, after the
// console's own modules, so the first frame does not wait for them; the diff engine waits for `:diff`.
import type { ConsoleActions } from './actions-port.js';
import type { DiffSource } from '../config/config.js';
import type { LoadedKubeconfig } from '../kube/kubeconfig.js';
import type { DiffReport } from '../model/diff-report.js';
import type { DiffPort } from '../ports/diff.js';
import type { LogsPort } from '../ports/logs.js';
import type { StoryPort } from '../ports/story.js';
import type { Fleet } from '../fleet/fleet.js';
import type { Session } from './session.js';
import { t } from '../i18n/t.js';

export interface ConsolePortsOptions {
  /** Git-vs-live source for `:diff`; default the config file's diff: entry. */
  diff?: DiffSource;
  /** Settles when the diff repo exists (the demo writes its repo after the console is up). */
  diffReady?: Promise<unknown>;
  /** Where `s` in a log view saves; default the system temp dir. */
  logsDir?: string;
  /** The --readonly flag (the read-only rule names it as the reason). */
  readOnlyFlag?: boolean;
  /** --kubefed-host: federated workloads' changes are written to the host. */
  kubefedHost?: string;
}

export interface ConsolePorts {
  actions: ConsoleActions;
  logs: LogsPort;
  story: StoryPort;
  /** Absent when neither the flags nor the config file name a repo. */
  diff?: DiffPort;
  /** Releases what the ports hold (the diff engine's clients); the session is closed by its owner. */
  close(): void;
}

export async function consolePorts(session: Session, o: ConsolePortsOptions = {}): Promise<ConsolePorts> {
  const [{ ConsoleActions }, { ConsoleLogs }, { ConsoleStory }] = await Promise.all([
    import('./actions-port.js'),
    import('./logs-port.js'),
    import('./story-port.js'),
  ]);
  const source = o.diff ?? session.config.diff;
  const diff = source
    ? lazyDiffPort(source, session.kubeconfig, session.fleet, Math.max(session.config.requestTimeoutMs, 30_000), o.diffReady)
    : undefined;
  return {
    actions: new ConsoleActions({
      fleet: session.fleet,
      config: session.config,
      readOnlyFlag: o.readOnlyFlag,
      ...(o.kubefedHost ? { kubefedHost: o.kubefedHost } : {}),
    }),
    logs: new ConsoleLogs({
      members: session.fleet.members,
      zoneLabel: session.config.zoneLabel,
      saveDir: o.logsDir,
      informers: session.fleet.informers,
    }),
    story: new ConsoleStory({
      members: session.fleet.members,
      zoneLabel: session.config.zoneLabel,
      gameZone: session.config.gameZone,
      informers: session.fleet.informers,
    }),
    diff,
    close: () => diff?.close(),
  };
}

/**
 * A DiffPort that loads the gitops engine on the first `:diff` (console start stays fast), compares
 * only the fleet's contexts, and keeps one dry-run cache for the session. Closed when the console exits.
 */
function lazyDiffPort(
  src: DiffSource,
  kc: LoadedKubeconfig,
  fleet: Fleet,
  timeoutMs: number,
  ready?: Promise<unknown>,
): DiffPort & { close(): void } {
  let port: Promise<DiffPort & { close(): void }> | undefined;
  let closed = false;
  const get = () => {
    if (!port) {
      const p = (async () => {
        await ready;
        const { createDiffPort } = await import('./diff-port.js');
        const contexts = fleet.members.map((m) => m.name);
        return createDiffPort({ repo: src.repo, ref: src.ref, mapFile: src.map, contexts }, kc, { timeoutMs, fleet });
      })();
      // A failed start (the repo is not there yet, a bad path) is tried again on the next refresh (r).
      p.catch(() => {
        if (port === p) port = undefined;
      });
      port = p;
    }
    return port;
  };
  return {
    title: `${src.repo}@${src.ref ?? 'HEAD'}`,
    async refresh(): Promise<DiffReport> {
      if (closed) throw new Error(t('commands.app.closing'));
      return (await get()).refresh();
    },
    close() {
      closed = true;
      void port?.then(
        (p) => p.close(),
        () => undefined,
      );
    },
  };
}
