// What `zonectl describe` and `zonectl events` share: one target (pod/NAME, KIND/NAME, zone/ID, the
// same forms as `zonectl logs`), the fleet flags, and the story of that target read from every
// selected cluster (source/app/story.ts). A zone id without -n is looked for in every namespace (zone
// namespaces are zone-<id> in most fleets); a pod or workload without -n is in the context's namespace.
import { openFleet } from '../source/app/clients.js';
import { withKubeFedMembers } from '../source/app/session.js';
import { loadStory, type Story, StoryNotFound } from '../source/app/story.js';
import { type Config, loadConfig } from '../source/config/config.js';
import { EXIT } from '../source/exit-codes.js';
import { namespaceFor, selectContexts } from '../source/fleet/select.js';
import type { ClusterClient } from '../source/kube/client-api.js';
import { isKubeError, type KubeError } from '../source/kube/errors.js';
import { kubeconfigFiles, loadKubeconfig } from '../source/kube/kubeconfig.js';
import { describeTarget, parseTarget, TargetError } from '../source/logs/target.js';
import type { LogTarget } from '../source/model/logs.js';
import { reportErrors } from './errors.js';
import { type ParsedFleetFlags, UsageError } from './flags.js';
// `tr`: `t` names a target here.
import { t as tr } from '../source/i18n/t.js';
import { byText } from '../source/model/order.js';

export interface FoundStory {
  story: Story;
  client: ClusterClient;
}

export function storyTarget(args: string[], command: string): LogTarget {
  if (args.length !== 1) throw new UsageError(tr('commands.story.oneTarget', { command, n: args.length }));
  try {
    const target = parseTarget(args[0], undefined, false);
    if (target.type === 'selector') throw new UsageError(tr('commands.story.targetRequired', { command }));
    return target;
  } catch (e) {
    // The logs forms without the selector one: a story is of one object.
    if (e instanceof TargetError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * Reads the story on every selected cluster and hands the found ones to `show`. Exit: what `show` says,
 * else 2 when the target is in none of the clusters read, 3/4 for clusters that failed.
 */
export async function withStories(
  flags: ParsedFleetFlags,
  target: LogTarget,
  show: (found: FoundStory[], config: Config) => Promise<number> | number,
): Promise<number> {
  const config = loadConfig();
  if (flags.requestTimeout) config.requestTimeoutMs = flags.requestTimeout;
  const kc = loadKubeconfig(flags.kubeconfig ? [flags.kubeconfig] : kubeconfigFiles());
  const fleetFlags = await withKubeFedMembers(flags, (l) => process.stderr.write(`${tr('commands.warning.line', { message: l })}\n`));
  const contexts = selectContexts(kc.contexts, kc.current, fleetFlags, config);
  const fleet = openFleet(kc, contexts, config);
  const nsFor = namespaceFor(flags, kc);
  const zoneAnywhere = target.type === 'zone' && !flags.namespace;
  try {
    const found: FoundStory[] = [];
    const failures: KubeError[] = [];
    const missing: string[] = [];
    await Promise.all(
      fleet.members.map(async (m) => {
        try {
          const story = await loadStory(
            m.client,
            { cluster: m.name, namespace: zoneAnywhere ? undefined : nsFor(m.name), target },
            { zoneLabel: config.zoneLabel, gameZone: config.gameZone },
          );
          found.push({ story, client: m.client });
        } catch (e) {
          if (e instanceof StoryNotFound) missing.push(e.message);
          else if (isKubeError(e)) failures.push(e);
          else throw e;
        }
      }),
    );
    found.sort((a, b) => byText(a.story.cluster, b.story.cluster));
    if (!found.length) {
      if (failures.length) return reportErrors(failures, fleet.members.length);
      const what = describeTarget(target);
      const message =
        missing.length === 1
          ? tr('commands.logs.notFoundIn', { target: what, detail: missing[0]! })
          : tr('commands.logs.notFound', { target: what });
      process.stderr.write(`${tr('commands.error.line', { message })}\n`);
      return EXIT.USAGE;
    }
    const code = await show(found, config);
    const failed = reportErrors(failures, fleet.members.length);
    return code !== EXIT.OK ? code : failed;
  } finally {
    fleet.close();
  }
}
