// zonectl releases: fleet actions (batches) as the clusters record them — each target's audit
// annotation carries the batch id, its wave and the wave plan — with their progress wave by wave.
import { releaseColumns } from '../source/model/columns/releases.js';
import { releasesOf } from '../source/model/releases.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { FLEET_HELP, parseFlags } from './flags.js';
import { runList } from './run-list.js';

const HELP = `
Usage: zonectl releases [flags]

Fleet actions (batches, e.g. a hot update in waves) found in the clusters: every workload a batch
last acted on records its batch id, wave and wave plan, so this works from any host. Columns: the
waves reached, targets, how many are complete / still rolling / failed, and the state (failed,
rolling, stopped = waves left to run: continue with --resume BATCH, complete). -o wide adds each
wave's progress. A batch's workloads: zonectl rollouts --batch BATCH. Targets a stopped release
never reached carry nothing, so they are not counted.

Flags:
${FLEET_HELP}
`;

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
      'No fleet action found in the clusters (a batch records itself on the workloads it acts on).',
    );
  });
}
