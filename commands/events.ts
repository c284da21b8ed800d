// zonectl events TARGET: the Events of a pod, a workload (with its pods and HookRuns) or a zone (all
// its workloads), merged across them, newest first; -o json|yaml for scripts.
import { storyEventRows } from '../source/app/story.js';
import { EXIT } from '../source/exit-codes.js';
import { eventColumns } from '../source/model/columns/events.js';
import type { EventRow } from '../source/model/story/events.js';
import { tableColumns } from '../source/output/columns.js';
import { renderList } from '../source/output/format.js';
import { guarded } from './errors.js';
import { targetsHelp } from './kind-help.js';
import { FLEET_HELP, parseFlags, UsageError } from './flags.js';
import { storyTarget, withStories } from './story-common.js';
import { t } from '../source/i18n/t.js';
import { byText } from '../source/model/order.js';

const HELP = (): string => t('commands.help.events', { fleetFlags: FLEET_HELP(), targets: targetsHelp('commands.help.targetsLast') });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags, input } = parseFlags(argv, HELP(), { warnings: { type: 'boolean', default: false } });
    if (flags.output === 'name') throw new UsageError(t('commands.events.noName'));
    const target = storyTarget(input, 'events');
    return withStories(flags, target, async (found) => {
      const rows: EventRow[] = [];
      for (const { story, client } of found) rows.push(...(await storyEventRows(client, story)));
      const shown = (flags.warnings ? rows.filter((r) => r.type === 'Warning') : rows).sort((a, b) => byText(b.last, a.last));
      const text = renderList({
        kind: 'Event',
        rows: shown,
        columns: tableColumns(eventColumns, { now: Date.now() }),
        format: flags.output,
        name: (e) => `${e.cluster}/${e.namespace}/${e.object}`,
        toJSON: (e) => e,
        errors: [],
        empty: '',
      });
      process.stdout.write(text);
      if (!shown.length && flags.output !== 'json' && flags.output !== 'yaml') process.stderr.write(`${t('commands.events.none')}\n`);
      return EXIT.OK;
    });
  });
}
