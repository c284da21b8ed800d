// zonectl rollouts: game workloads whose rollout is progressing, paused or failed (--all: every one).
import { targetName } from '../source/actions/batch.js';
import { rolloutColumns } from '../source/model/columns/rollouts.js';
import { batchRecord } from '../source/model/releases.js';
import { isActiveRollout } from '../source/model/rollouts.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags, UsageError } from './flags.js';
import { runList } from './run-list.js';
import { t } from '../source/i18n/t.js';
import { byText } from '../source/model/order.js';

const HELP = (): string => t('commands.help.rollouts', { fleetFlags: FLEET_HELP() });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, { all: { type: 'boolean', default: false }, batch: { type: 'string' } });
    const batch = flags.batch as string | undefined;
    if (batch !== undefined && !/^[0-9a-f]{8}$/.test(batch))
      throw new UsageError(t('commands.usage.expected', { flag: `--batch ${batch}`, what: t('commands.usage.want.batchId') }));
    return runList(
      flags,
      ['rollouts'],
      (s, errors) => {
        const now = Date.now();
        const rows = s.workloads
          .filter((w) => (batch !== undefined ? batchRecord(w, batch) !== undefined : flags.all || isActiveRollout(w)))
          .sort((a, b) => byText(a.cluster, b.cluster) || byText(a.namespace, b.namespace) || byText(a.name, b.name));
        const text = renderList({
          kind: 'Rollout',
          rows,
          columns: tableColumns(rolloutColumns, { now }),
          format: flags.output,
          // The form the action commands read back (a batch from stdin: `... -o name | zonectl approve -`).
          name: (w) => targetName({ cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name }),
          toJSON: (w) => w,
          errors,
          empty: '',
        });
        return { text, empty: rows.length === 0 };
      },
      batch !== undefined
        ? t('commands.list.noBatch', { batch })
        : flags.all
          ? t('commands.list.noWorkloads')
          : t('commands.list.noRollouts'),
    );
  });
}
