// zonectl zones: every game zone across the fleet.
import { zoneColumns } from '../source/model/columns/zones.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags } from './flags.js';
import { runList } from './run-list.js';
import { t } from '../source/i18n/t.js';
import { byText } from '../source/model/order.js';
import { startMark } from '../source/start-trace.js';

const HELP = (): string => t('commands.help.zones', { fleetFlags: FLEET_HELP() });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP);
    startMark('flags-parsed');
    return runList(
      flags,
      ['zones'],
      (s, errors) => {
        const now = Date.now();
        const rows = [...s.zones].sort(
          (a, b) => byText(a.cluster, b.cluster) || byText(a.namespace, b.namespace) || cmpZone(a.zoneId, b.zoneId),
        );
        const text = renderList({
          kind: 'Zone',
          rows,
          columns: tableColumns(zoneColumns, { now }),
          format: flags.output,
          name: (z) => `${z.cluster}/${z.namespace}/${z.zoneId}`,
          toJSON: (z) => z,
          errors,
          empty: '',
        });
        return { text, empty: rows.length === 0 };
      },
      t('commands.list.noZones'),
    );
  });
}

function cmpZone(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  return Number.isFinite(na) && Number.isFinite(nb) ? na - nb : byText(a, b);
}
