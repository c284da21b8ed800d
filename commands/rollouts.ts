// zonectl rollouts: game workloads whose rollout is progressing, paused or failed (--all: every one).
import { rolloutColumns } from '../source/model/columns/rollouts.js';
import { isActiveRollout } from '../source/model/rollouts.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags } from './flags.js';
import { runList } from './run-list.js';

const HELP = `
Usage: zonectl rollouts [flags]

Game workloads whose rollout is progressing, paused or failed, across the fleet.

Flags:
  --all                  include workloads whose rollout is complete
${FLEET_HELP}
`;

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags } = parseFlags(argv, HELP, { all: { type: 'boolean', default: false } });
    return runList(
      flags,
      ['rollouts'],
      (s, errors) => {
        const now = Date.now();
        const rows = s.workloads
          .filter((w) => flags.all || isActiveRollout(w))
          .sort((a, b) => a.cluster.localeCompare(b.cluster) || a.namespace.localeCompare(b.namespace) || a.name.localeCompare(b.name));
        const text = renderList({
          kind: 'Rollout',
          rows,
          columns: tableColumns(rolloutColumns, { now }),
          format: flags.output,
          name: (w) => `${w.cluster}/${w.namespace}/${w.kind.toLowerCase()}/${w.name}`,
          toJSON: (w) => w,
          errors,
          empty: '',
        });
        return { text, empty: rows.length === 0 };
      },
      flags.all ? 'No game workloads found.' : 'No rollout in progress, paused or failed (use --all to list every workload).',
    );
  });
}
