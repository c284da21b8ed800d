// zonectl (no subcommand, on a TTY): the console over the selected fleet.
import type { DiffSource } from '../source/config/config.js';
import { globalReadOnly } from '../source/config/read-only.js';
import { EXIT } from '../source/exit-codes.js';
import { openSession, withKubeFedMembers, type FleetFlags } from '../source/fleet/session.js';
import type { LoadedKubeconfig } from '../source/kube/kubeconfig.js';
import type { DiffPort, DiffReport } from '../source/gitops/port.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags, UsageError } from './flags.js';

const HELP = `
Usage: zonectl [flags]

Opens the console on the selected clusters (needs a terminal).

Flags:
  --theme NAME           dark (default) | light | high-contrast | mono (NO_COLOR forces mono)
  --diff-repo PATH|URL   config repo for the Git-vs-live view (:diff or 5); default: diff.repo in the config file
  --diff-ref REF         branch, tag or commit of that repo (default HEAD)
  --diff-map FILE        mapping file instead of the repo's zonectl.yaml
${FLEET_HELP}
`;

export const THEME_FLAG = { theme: { type: 'string' } } as const;
export const DIFF_FLAGS = { diffRepo: { type: 'string' }, diffRef: { type: 'string' }, diffMap: { type: 'string' } } as const;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, { ...THEME_FLAG, ...DIFF_FLAGS });
    const repo = flags.diffRepo as string | undefined;
    if (repo === '') throw new UsageError('--diff-repo needs a path or URL');
    if (!repo && (flags.diffRef || flags.diffMap)) throw new UsageError('--diff-ref and --diff-map need --diff-repo');
    const diff: DiffSource | undefined = repo
      ? { repo, ref: flags.diffRef as string | undefined, map: flags.diffMap as string | undefined }
      : undefined;
    return openConsole(flags, flags.theme as string | undefined, { diff });
  });
}

export interface ConsoleExtras {
  /** Fleet label in the header (default: the cluster name, or "N clusters"). */
  label?: string;
  /** Git-vs-live source for `:diff`; default the config file's diff: entry. */
  diff?: DiffSource;
  /** Settles when the diff repo exists (the demo writes its repo after the console is up). */
  diffReady?: Promise<unknown>;
}

export async function openConsole(flags: FleetFlags, theme: string | undefined, extras: ConsoleExtras = {}): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write("zonectl: the console needs a terminal; use a subcommand such as 'zonectl zones -A' (see 'zonectl --help')\n");
    return EXIT.USAGE;
  }
  const session = openSession(
    await withKubeFedMembers(flags, (l) => process.stderr.write(`warning: ${l}\n`)),
    ['zones', 'rollouts', 'federation'],
    { intervalMs: 66 },
  );
  const { runConsole } = await import('../source/ui/run.js');
  session.store.start();
  const source = extras.diff ?? session.config.diff;
  const diff = source
    ? lazyDiffPort(
        source,
        session.kubeconfig,
        session.fleet.members.map((m) => m.name),
        Math.max(session.config.requestTimeoutMs, 30_000),
        extras.diffReady,
      )
    : undefined;
  try {
    const users = session.fleet.members.map((m) => m.info.user).filter((u, i, a) => u && a.indexOf(u) === i);
    // One kubeconfig user per cluster is common: name the first and count the rest to keep the header short.
    const user = users.length === 0 ? 'unknown' : users.length === 1 ? users[0]! : `${users[0]} +${users.length - 1}`;
    const { ConsoleLogs } = await import('../source/logs/console-port.js');
    return await runConsole({
      source: session.store,
      theme: theme ?? session.config.theme,
      fleetLabel:
        extras.label ?? (session.fleet.members.length === 1 ? session.fleet.members[0]!.name : `${session.fleet.members.length} clusters`),
      user,
      readOnly: globalReadOnly({ flag: flags.readonly, config: session.config }) !== undefined,
      actions: new (await import('../source/app/actions-port.js')).ConsoleActions({
        fleet: session.fleet,
        config: session.config,
        readOnlyFlag: flags.readonly,
      }),
      logs: new ConsoleLogs({ members: session.fleet.members, zoneLabel: session.config.zoneLabel }),
      diff,
    });
  } finally {
    diff?.close();
    await session.close();
  }
}

/**
 * A DiffPort that loads the gitops engine on the first `:diff` (console start stays fast), compares
 * only the fleet's contexts, and keeps one dry-run cache for the session. Closed when the console exits.
 */
export function lazyDiffPort(
  src: DiffSource,
  kc: LoadedKubeconfig,
  contexts: string[],
  timeoutMs: number,
  ready?: Promise<unknown>,
): DiffPort & { close(): void } {
  let port: Promise<DiffPort & { close(): void }> | undefined;
  let closed = false;
  const get = () => {
    if (!port) {
      const p = (async () => {
        await ready;
        const { createDiffPort } = await import('../source/gitops/port-kube.js');
        return createDiffPort({ repo: src.repo, ref: src.ref, mapFile: src.map, contexts }, kc, { timeoutMs });
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
      if (closed) throw new Error('the console is closing');
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
