// zonectl (no subcommand, on a TTY): the console over the selected fleet.
import { EXIT } from '../source/exit-codes.js';
import { openSession, type FleetFlags } from '../source/fleet/session.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags } from './flags.js';

const HELP = `
Usage: zonectl [flags]

Opens the console on the selected clusters (needs a terminal).

Flags:
  --theme NAME           dark (default) | light | high-contrast | mono (NO_COLOR forces mono)
${FLEET_HELP}
`;

export const THEME_FLAG = { theme: { type: 'string' } } as const;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, THEME_FLAG);
    return openConsole(flags, flags.theme as string | undefined);
  });
}

export async function openConsole(flags: FleetFlags, theme: string | undefined, label?: string): Promise<number> {
  if (!process.stdout.isTTY || !process.stdin.isTTY) {
    process.stderr.write("zonectl: the console needs a terminal; use a subcommand such as 'zonectl zones -A' (see 'zonectl --help')\n");
    return EXIT.USAGE;
  }
  const session = openSession(flags, ['zones', 'rollouts', 'federation'], { intervalMs: 66 });
  const { runConsole } = await import('../source/ui/run.js');
  session.store.start();
  try {
    const user = session.fleet.members.map((m) => m.info.user).filter((u, i, a) => u && a.indexOf(u) === i).join(',') || 'unknown';
    return await runConsole({
      source: session.store,
      theme: theme ?? session.config.theme,
      fleetLabel: label ?? (session.fleet.members.length === 1 ? session.fleet.members[0]!.name : `${session.fleet.members.length} clusters`),
      user,
      readOnly: session.config.readOnly,
      actions: new (await import('../source/actions/console-port.js')).ConsoleActions({ fleet: session.fleet, snapshot: () => session.store.snapshot(), readOnly: session.config.readOnly }),
    });
  } finally {
    await session.close();
  }
}
