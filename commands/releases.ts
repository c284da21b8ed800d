// zonectl releases: fleet actions (batches) as the clusters record them — each target's audit
// annotation carries the batch id, its wave and the wave plan — with their progress wave by wave.
import { releaseColumns } from '../source/model/columns/releases.js';
import { releasesOf } from '../source/model/releases.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags } from './flags.js';
import { runList } from './run-list.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.releases', { fleetFlags: FLEET_HELP() });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP);
    return runList(
      flags,
      ['rollouts'],
      (s, errors) => {
        const now = Date.now();
        const rows = releasesOf(s.workloads);
        const text = renderList({
          kind: 'Release',
          rows,
          columns: tableColumns(releaseColumns, { now }),
          format: flags.output,
          name: (r) => `release/${r.batch}`,
          toJSON: ({ workloads, ...r }) => ({
            ...r,
            targets: workloads.map((w) => ({
              target: `${w.cluster}/${w.namespace}/${w.kind.toLowerCase()}/${w.name}`,
              wave: w.lastAction?.wave,
              phase: w.rollout.phase,
              at: w.lastAction?.at,
            })),
          }),
          errors,
          empty: '',
        });
        return { text, empty: rows.length === 0 };
      },
      t('commands.list.noReleases'),
    );
  });
}
