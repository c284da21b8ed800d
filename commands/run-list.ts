// One-shot list: open the fleet, wait until every cluster listed or failed, print rows, report failed
// clusters on stderr. Exit 0 ok, 3 some clusters failed, 4 forbidden everywhere that failed.
import type { View } from '../source/kinds/registry.js';
import { openSession, withKubeFedMembers } from '../source/app/session.js';
import type { Snapshot } from '../source/store/types.js';
import type { ParsedFleetFlags } from './flags.js';
import { reportErrors } from './errors.js';
import { t } from '../source/i18n/t.js';
import { startMark } from '../source/start-trace.js';

export interface ListResult {
  text: string;
  empty: boolean;
}

export async function runList(
  flags: ParsedFleetFlags,
  views: View[],
  render: (s: Snapshot, errors: Array<{ cluster: string; message: string }>) => ListResult,
  emptyMessage: string,
): Promise<number> {
  const session = openSession(
    await withKubeFedMembers(flags, (l) => process.stderr.write(`${t('commands.warning.line', { message: l })}\n`)),
    views,
    // A list prints no alerts: none are derived (the alert engine's pass over every row, per snapshot).
    { alerts: undefined },
    // List, print, exit: HTTP/1.1 clients and no watches (issue 14: start-up as fast as kubectl's).
    { oneShot: true },
  );
  startMark('session-opened');
  try {
    session.store.start();
    await session.store.waitForSync((flags.requestTimeout ?? session.config.requestTimeoutMs) + 5_000);
    startMark('lists-in');
    const failures = session.store.clusterErrors();
    const snap = session.store.snapshot();
    const errors = failures.map((f) => ({ cluster: f.cluster, message: f.error.message }));
    startMark('snapshot-derived');
    const out = render(snap, errors);
    startMark('rendered');
    process.stdout.write(out.text);
    startMark('written');
    // Emptiness is only said of clusters that were read: when none could be, the errors say it all.
    const total = session.fleet.members.length;
    const read = total - new Set(failures.map((f) => f.cluster)).size;
    if (out.empty && read > 0 && flags.output !== 'json' && flags.output !== 'yaml' && flags.output !== 'name') {
      const said = read === total ? emptyMessage : t('commands.list.partlyRead', { read, total, message: lowerFirst(emptyMessage) });
      process.stderr.write(`${said}\n`);
    }
    return reportErrors(
      failures.map((f) => f.error),
      session.fleet.members.length,
    );
  } finally {
    await session.close();
    startMark('closed');
  }
}

// English sentences start with a capital that goes mid-sentence here; Chinese has no case (a no-op).
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
