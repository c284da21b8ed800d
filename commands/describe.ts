// zonectl describe TARGET: the describe-like summary of a pod, a workload or a zone (kind-aware:
// rollout state, conditions, containers, pods with their states and restarts, owner chain, the
// newest Events of the object, its pods and HookRuns); -o yaml|json: the object itself, masked,
// without managedFields (kubectl get -o yaml's default).
import { storyEventRows } from '../source/app/story.js';
import { EXIT } from '../source/exit-codes.js';
import { describeLines } from '../source/kinds/story/describe.js';
import { maskObject } from '../source/model/mask.js';
import { objectYaml, withoutManagedFields } from '../source/model/story/yaml.js';
import { guarded } from './errors.js';
import { targetsHelp } from './kind-help.js';
import { FLEET_HELP, parseFlags, UsageError } from './flags.js';
import { storyTarget, withStories } from './story-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.describe', { fleetFlags: FLEET_HELP(), targets: targetsHelp('commands.help.targetsLast') });

export function run(argv: string[]): Promise<number> {
  return guarded(async () => {
    const { flags, input } = parseFlags(argv, HELP);
    if (flags.output !== 'table' && flags.output !== 'yaml' && flags.output !== 'json')
      throw new UsageError(t('commands.describe.badOutput', { output: flags.output }));
    const target = storyTarget(input, 'describe');
    return withStories(flags, target, async (found) => {
      const now = Date.now();
      const many = found.length > 1;
      const out: string[] = [];
      for (const { story, client } of found) {
        if (flags.output === 'json' || flags.output === 'yaml') {
          const objs = story.primary ? [story.primary] : story.workloads;
          for (const o of objs)
            out.push(flags.output === 'json' ? JSON.stringify(maskObject(withoutManagedFields(o)), null, 2) + '\n' : objectYaml(o));
          continue;
        }
        const events = await storyEventRows(client, story);
        if (many) out.push(`=== ${story.cluster}: ${story.title}\n`);
        const objs = story.primary ? [story.primary] : story.workloads;
        objs.forEach((o, i) => {
          const lines = describeLines({
            cluster: story.cluster,
            obj: o,
            pods: story.primary?.kind === 'Pod' ? [] : story.pods,
            workloads: story.primary && story.primary.kind !== 'Pod' && story.workloads[0] !== story.primary ? story.workloads : [],
            now,
            events: i === objs.length - 1 ? events : undefined,
          });
          out.push(lines.join('\n') + '\n');
        });
      }
      process.stdout.write(out.join(flags.output === 'yaml' ? '---\n' : flags.output === 'json' ? '' : '\n'));
      return EXIT.OK;
    });
  });
}
