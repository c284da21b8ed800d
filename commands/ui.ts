// zonectl (no subcommand, on a TTY): the console over the selected fleet.
import { loadConfig, type DiffSource } from '../source/config/config.js';
import { globalReadOnly } from '../source/config/read-only.js';
import { EXIT } from '../source/exit-codes.js';
import { openSession, withKubeFedMembers, type FleetFlags } from '../source/app/session.js';
import { consolePorts, type ConsolePorts } from '../source/app/console-ports.js';
import { importConsole } from '../source/ui/load-console.js';
import { holdYoungGeneration, slowHeapGrowth } from '../source/store/heap-growth.js';
import { guarded } from './errors.js';
import { parseFlags, themeFlag, UsageError } from './flags.js';
import { CONSOLE_HELP, FLEET_HELP } from './help-text.js';
import { t } from '../source/i18n/t.js';

// Built only for --help (parseFlags takes the function): the console's long ICU message is otherwise
// parsed at every start, ~10 ms of CPU before the first frame (--cpu-prof).
const HELP = (): string => t('commands.help.ui', { fleetFlags: FLEET_HELP(), consoleFlags: CONSOLE_HELP() });

export const THEME_FLAG = { theme: { type: 'string' } } as const;
export const DIFF_FLAGS = { diffRepo: { type: 'string' }, diffRef: { type: 'string' }, diffMap: { type: 'string' } } as const;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, { ...THEME_FLAG, ...DIFF_FLAGS });
    themeFlag(flags.theme as string | undefined);
    const repo = flags.diffRepo as string | undefined;
    if (repo === '') throw new UsageError(t('commands.usage.needsPathOrUrl', { flag: '--diff-repo' }));
    if (!repo && (flags.diffRef || flags.diffMap))
      throw new UsageError(t('commands.usage.needFlag', { a: '--diff-ref', b: '--diff-map', needed: '--diff-repo' }));
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
  /** The kubefed host context federated workloads' changes are written to (the demo's fed-host). */
  kubefedHost?: string;
}

/**
 * The first frame waits for the clusters' lists while they keep coming: until nothing came for
 * FIRST_ROWS_QUIET_MS (a hung cluster), FIRST_ROWS_MAX_MS at most; then it is drawn as it is.
 */
const FIRST_ROWS_QUIET_MS = 400;
const FIRST_ROWS_MAX_MS = 1_500;

/** Resolves after `n` turns of the event loop (each with a poll for I/O). */
async function nextTurns(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
}

export async function openConsole(flags: FleetFlags, theme: string | undefined, extras: ConsoleExtras = {}): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write(`${t('commands.ui.needsTerminal')}\n`);
    return EXIT.USAGE;
  }
  themeFlag(theme);
  // The store's replaced objects die old: a full GC per 30 % of growth, not per 300 % (heap-growth.ts).
  slowHeapGrowth();
  // And its young generation stays at the few MiB it has now instead of growing to 32 MiB (heap-growth.ts).
  holdYoungGeneration();
  const config = loadConfig();
  if (theme === undefined) themeFlag(config.theme, t('commands.ui.configTheme'));
  // Zones live in a namespace each (zone-101, ...): without -n the console watches every namespace, as a
  // fleet operator expects (`:ns NAME` narrows it); -n NS watches that one only, as kubectl does.
  const scoped: FleetFlags = flags.namespace ? flags : { ...flags, allNamespaces: true };
  const session = openSession(
    await withKubeFedMembers(scoped, (l) => process.stderr.write(`${t('commands.warning.line', { message: l })}\n`)),
    ['zones', 'rollouts', 'federation'],
    { intervalMs: 66 },
  );
  let ports: ConsolePorts | undefined;
  try {
    // The clusters' requests go out before the console's modules load, and the connection's first
    // flight (TCP, the TLS hello) leaves in the event-loop turns below: the server answers while Ink,
    // React and yoga load (module loading blocks the loop); a turn after them finishes the handshake and
    // sends the requests, answered while the views load, and a turn after those reads the replies
    // while the ports load.
    session.store.start();
    // The first snapshot (every row read, the zones and alerts derived) is made once the lists are in,
    // while the watches open and the ports load, not in the first render: later snapshots re-read only
    // what changed since.
    void session.store.whenListed().then(() => session.store.snapshot());
    await nextTurns(2);
    const { runConsole } = await importConsole(() => nextTurns(1));
    await nextTurns(1);
    // The first frame is drawn with the rows: a frame of empty tables first cost a whole render (and
    // delayed the lists' replies behind it). A hung cluster is not waited for.
    const [loaded] = await Promise.all([
      consolePorts(session, {
        diff: extras.diff,
        diffReady: extras.diffReady,
        readOnlyFlag: flags.readonly,
        kubefedHost: flags.kubefedHost ?? extras.kubefedHost,
      }),
      session.store.whenReady(FIRST_ROWS_QUIET_MS, FIRST_ROWS_MAX_MS),
    ]);
    ports = loaded;
    const users = session.fleet.members.map((m) => m.info.user).filter((u, i, a) => u && a.indexOf(u) === i);
    // One kubeconfig user per cluster is common: name the first and count the rest to keep the header short.
    const user = users.length === 0 ? 'unknown' : users.length === 1 ? users[0]! : `${users[0]} +${users.length - 1}`;
    return await runConsole({
      source: session.store,
      theme: theme ?? session.config.theme,
      fleetLabel:
        extras.label ?? (session.fleet.members.length === 1 ? session.fleet.members[0]!.name : `${session.fleet.members.length} clusters`),
      user,
      readOnly: globalReadOnly({ flag: flags.readonly, config: session.config }) !== undefined,
      namespace: flags.namespace || undefined,
      actions: ports.actions,
      logs: ports.logs,
      story: ports.story,
      diff: ports.diff,
    });
  } finally {
    ports?.close();
    await session.close();
  }
}
