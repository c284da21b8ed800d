// zonectl hookruns: HookRuns with phase and metric results.
import { hookRunColumns } from '../source/model/columns/hookruns.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags } from './flags.js';
import { runList } from './run-list.js';
import { t } from '../source/i18n/t.js';
import { byText } from '../source/model/order.js';

const HELP = (): string => t('commands.help.hookruns', { fleetFlags: FLEET_HELP() });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP);
    return runList(
      flags,
      ['rollouts'],
      (s, errors) => {
        const now = Date.now();
        const rows = [...s.hookRuns].sort(
          (a, b) =>
            byText(a.cluster, b.cluster) ||
            byText(a.namespace, b.namespace) ||
            (a.createdAt ?? '').localeCompare(b.createdAt ?? '') ||
            byText(a.name, b.name),
        );
        const text = renderList({
          kind: 'HookRun',
          rows,
          columns: tableColumns(hookRunColumns, { now }),
          format: flags.output,
          name: (h) => `${h.cluster}/${h.namespace}/hookrun/${h.name}`,
          toJSON: (h) => h,
          errors,
          empty: '',
        });
        return { text, empty: rows.length === 0 };
      },
      t('commands.list.noHookRuns'),
    );
  });
}
