// zonectl alerts: what needs the operator now across the fleet (the console's Alerts view, same
// columns), and --watch: one line per alert raised or cleared until interrupted (-o json: one JSON
// object a line, for a cron job or a chat bot). Exit 1 when an alert at or above --severity is open,
// 3 when some clusters could not be read (their alerts may be missing), 4 when all were forbidden.
import { openSession, withKubeFedMembers, type Session } from '../source/app/session.js';
import { EXIT } from '../source/exit-codes.js';
import { alertEvents } from '../source/model/alerts/diff.js';
import { type Alert, SEVERITIES, SEVERITY_RANK, type Severity } from '../source/model/alerts/types.js';
import { alertColumns, fixText } from '../source/model/columns/alerts.js';
import type { WorkloadInfo } from '../source/model/types.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import type { PodFocus, Snapshot } from '../source/store/types.js';
import { guarded, reportErrors } from './errors.js';
import { FLEET_HELP, parseFlags, type ParsedFleetFlags, UsageError } from './flags.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.alerts', { fleetFlags: FLEET_HELP() });

/** Pods of at most this many alerted workloads are watched (their pods' alerts name the reason). */
const FOCUS_MAX = 50;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, { severity: { type: 'string' }, watch: { type: 'boolean', default: false } });
    const severity = (flags.severity as string | undefined) ?? 'info';
    if (!SEVERITIES.includes(severity as Severity))
      throw new UsageError(t('commands.usage.expected', { flag: `--severity ${severity}`, what: t('commands.usage.want.severity') }));
    const rank = SEVERITY_RANK[severity as Severity];
    const watch = flags.watch as boolean;
    if (watch && flags.output !== 'json' && flags.output !== 'table')
      throw new UsageError(t('commands.alerts.watchOutput', { output: flags.output }));
    const session = openSession(
      await withKubeFedMembers(flags, (l) => process.stderr.write(`${t('commands.warning.line', { message: l })}\n`)),
      ['zones', 'rollouts', 'federation'],
      {
        intervalMs: 500,
      },
    );
    try {
      session.store.start();
      const wait = (flags.requestTimeout ?? session.config.requestTimeoutMs) + 5_000;
      await session.store.waitForSync(wait);
      // Then the pods of the workloads with alerts: their own alerts say why (ImagePullBackOff...).
      session.store.focusPods(podFocus(session.store.snapshot()));
      await session.store.waitForFocus(wait);
      const shown = (s: Snapshot) => (s.alerts ?? []).filter((a) => SEVERITY_RANK[a.severity] <= rank);
      return watch ? await follow(session, flags, shown) : once(session, flags, shown);
    } finally {
      await session.close();
    }
  });
}

function once(session: Session, flags: ParsedFleetFlags, shown: (s: Snapshot) => Alert[]): number {
  const failures = session.store.clusterErrors();
  const alerts = shown(session.store.snapshot());
  process.stdout.write(
    renderList({
      kind: 'Alert',
      rows: alerts,
      columns: tableColumns(alertColumns, { now: Date.now() }),
      format: flags.output,
      name: (a) => a.id,
      toJSON: (a) => a,
      errors: failures.map((f) => ({ cluster: f.cluster, message: f.error.message })),
      empty: '',
    }),
  );
  if (!alerts.length && flags.output !== 'json' && flags.output !== 'yaml' && flags.output !== 'name')
    process.stderr.write(`${t('commands.alerts.none')}\n`);
  const failed = reportErrors(
    failures.map((f) => f.error),
    session.fleet.members.length,
  );
  return failed !== EXIT.OK ? failed : alerts.length ? EXIT.CONDITION : EXIT.OK;
}

/** Streams raised / cleared events (first the alerts open now, as raised) until SIGINT / SIGTERM. */
async function follow(session: Session, flags: ParsedFleetFlags, shown: (s: Snapshot) => Alert[]): Promise<number> {
  for (const f of session.store.clusterErrors()) process.stderr.write(`${t('commands.error.line', { message: f.error.oneLine() })}\n`);
  let prev: Alert[] = [];
  const emit = (s: Snapshot) => {
    const next = shown(s);
    const events = alertEvents(prev, next);
    prev = next;
    if (!events.length) return;
    process.stdout.write(
      events
        .map(({ event, alert: a }) =>
          flags.output === 'json'
            ? JSON.stringify({ event, ...a })
            : [event, a.severity, a.cluster, `${a.object.kind}/${a.object.name}`, a.rule, a.message, fixText(a)].join('\t'),
        )
        .join('\n') + '\n',
    );
  };
  // The handlers first: a consumer that stops us as soon as it reads the first line (a bot, a test) must
  // not meet the default action of a signal that has no handler yet (exit by SIGINT instead of 0).
  let stop = () => {};
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  emit(session.store.snapshot());
  session.store.subscribe((s) => {
    session.store.focusPods(podFocus(s));
    emit(s);
  });
  await stopped;
  return EXIT.OK;
}

function podFocus(s: Snapshot): PodFocus[] {
  const byKey = new Map<string, WorkloadInfo>();
  for (const w of s.workloads) byKey.set(`${w.cluster}/${w.namespace}/${w.kind}/${w.name}`, w);
  const out = new Map<string, PodFocus>();
  for (const a of s.alerts ?? []) {
    if (!a.workload || a.namespace === undefined) continue;
    const w = byKey.get(`${a.cluster}/${a.namespace}/${a.workload.kind}/${a.workload.name}`);
    if (!w || !w.selector || !Object.keys(w.selector).length) continue;
    const sel = Object.entries(w.selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    out.set(`${w.cluster}/${w.namespace}/${sel}`, { cluster: w.cluster, namespace: w.namespace, labelSelector: sel });
    if (out.size >= FOCUS_MAX) break;
  }
  return [...out.values()];
}
