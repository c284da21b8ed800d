// zonectl compare: two zones (zone/101 zone/201) or two clusters (--context a --context b), side by
// side — services, images, replicas, GameZone config (masked); only the differences unless --all.
import { stringify } from 'yaml';
import { openSession, withKubeFedMembers } from '../source/app/session.js';
import { EXIT } from '../source/exit-codes.js';
import { type Comparison, compareClusters, compareZonePair, MARKS } from '../source/model/compare.js';
import type { ZoneInfo } from '../source/model/types.js';
import { renderTable } from '../source/output/table.js';
import { guarded, reportErrors } from './errors.js';
import { FLEET_HELP, parseFlags, UsageError } from './flags.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.compare', { fleetFlags: FLEET_HELP() });

interface ZoneRef {
  cluster?: string;
  id: string;
}

function zoneRef(text: string): ZoneRef {
  const m = /^(?:([^/]+)\/)?zones?\/([^/]+)$/.exec(text);
  if (!m) throw new UsageError(t('commands.compare.badZone', { text }));
  return m[1] ? { cluster: m[1], id: m[2]! } : { id: m[2]! };
}

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags, input } = parseFlags(argv, HELP(), {
      all: { type: 'boolean', default: false },
      exitCode: { type: 'boolean', default: false },
    });
    if (!['table', 'json', 'yaml'].includes(flags.output))
      throw new UsageError(t('commands.usage.expected', { flag: `-o ${flags.output}`, what: t('commands.usage.want.compareOutput') }));
    const contexts = flags.context ?? [];
    const zones = input.map(zoneRef);
    if (zones.length === 0) {
      if (contexts.length !== 2) throw new UsageError(t('commands.compare.needsTwo'));
      if (contexts[0] === contexts[1]) throw new UsageError(t('commands.compare.sameContext', { ctx: contexts[0]! }));
    } else if (zones.length !== 2) throw new UsageError(t('commands.compare.needsTwoZones', { n: zones.length, input: input.join(' ') }));
    // Zones that name their cluster make the fleet (unless the flags name one); a zone id finds its namespace.
    const named = zones.flatMap((z) => (z.cluster ? [z.cluster] : []));
    const fleet =
      zones.length > 0 && named.length === 2 && contexts.length === 0 && !flags.allContexts && !flags.kubefedHost
        ? { ...flags, context: [...new Set(named)] }
        : flags;
    const scoped = flags.namespace ? fleet : { ...fleet, allNamespaces: true };
    const session = openSession(
      await withKubeFedMembers(scoped, (l) => process.stderr.write(`${t('commands.warning.line', { message: l })}\n`)),
      ['zones'],
    );
    try {
      session.store.start();
      await session.store.waitForSync((flags.requestTimeout ?? session.config.requestTimeoutMs) + 5_000);
      const failures = session.store.clusterErrors();
      const snap = session.store.snapshot();
      const failed = new Set(failures.map((f) => f.cluster));
      let cmp: Comparison;
      if (zones.length === 0) {
        const down = contexts.filter((c) => failed.has(c));
        if (down.length)
          return reportErrors(
            failures.map((f) => f.error),
            session.fleet.members.length,
          );
        cmp = compareClusters(contexts[0]!, contexts[1]!, snap.zones, snap.workloads);
      } else {
        const [a, b] = zones.map((z) => findZone(snap.zones, z, failed));
        cmp = compareZonePair(a!, b!, snap.workloads);
      }
      process.stdout.write(render(cmp, flags.output, flags.all === true));
      if (cmp.differences === 0 && flags.output === 'table') process.stderr.write(`${t('commands.compare.noDifferences')}\n`);
      const partial = reportErrors(
        failures.map((f) => f.error),
        session.fleet.members.length,
      );
      if (partial !== EXIT.OK) return partial;
      return flags.exitCode && cmp.differences > 0 ? EXIT.CONDITION : EXIT.OK;
    } finally {
      await session.close();
    }
  });
}

/** The one zone a reference names; none or several is a usage error (several: name the cluster). */
function findZone(all: readonly ZoneInfo[], ref: ZoneRef, failed: ReadonlySet<string>): ZoneInfo {
  const found = all.filter((z) => z.zoneId === ref.id && (ref.cluster === undefined || z.cluster === ref.cluster));
  const what = `${ref.cluster ? `${ref.cluster}/` : ''}zone/${ref.id}`;
  if (found.length === 1) return found[0]!;
  if (found.length > 1)
    throw new UsageError(
      t('commands.compare.ambiguousZone', { what, where: found.map((z) => `${z.cluster}/${z.namespace}`).join(', '), id: ref.id }),
    );
  const unread = failed.size ? t('commands.compare.notRead', { clusters: [...failed].join(', ') }) : '';
  throw new UsageError(t('commands.compare.zoneNotFound', { what, unread }));
}

function render(cmp: Comparison, format: string, all: boolean): string {
  const lines = all ? cmp.lines : cmp.lines.filter((l) => l.state !== 'same');
  if (format === 'json' || format === 'yaml') {
    const doc = { apiVersion: 'zonectl.io/v1', kind: 'Comparison', a: cmp.a, b: cmp.b, differences: cmp.differences, lines };
    return format === 'json' ? JSON.stringify(doc, null, 2) + '\n' : stringify(doc);
  }
  const head = `A: ${cmp.a}\nB: ${cmp.b}\n`;
  if (lines.length === 0) return head;
  const table = renderTable(
    lines,
    [
      { header: ' ', get: (l) => MARKS[l.state] },
      { header: 'SECTION', get: (l) => l.section },
      { header: 'KEY', get: (l) => l.key },
      { header: 'A', get: (l) => l.a ?? '-' },
      { header: 'B', get: (l) => l.b ?? '-' },
    ],
    false,
  );
  return head + table;
}
