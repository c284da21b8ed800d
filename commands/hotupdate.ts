// zonectl hotupdate <kind>/<name> --container C --image I [--partition N | --one-pod-first]
import { ACTION_HELP, runAction } from './action-common.js';

const HELP = `
Usage: zonectl hotupdate <kind>/<name> --container C --image I [--partition N | --one-pod-first] [flags]
       zonectl hotupdate <kind>/<name> --continue [--partition N] [--container C] [flags]
       zonectl hotupdate --undo BATCH [--context C ... | --all-contexts] [-A] [--waves W] [flags]

Set one container's image (JSON patch with a test on the old image). With InplaceUpdate /
HotPatchUpdate the pods keep their identity; other strategies recreate pods: zonectl warns and
needs explicit confirmation (--force with --yes).

  --container C          the container to change
  --image I              the new image
  --partition N          also set the partition (GameDeployment: pods kept old; GameStatefulSet /
                         StatefulSet: lowest ordinal that updates; GameServerSet: servers kept old)
  --one-pod-first        partition = replicas - 1: one pod takes the new image first
  --continue             keep the images and move the partition (default 0: every pod updates);
                         the way on after --one-pod-first, in either direction with --partition N
  --undo BATCH           roll a fleet hot update back: every workload whose last action was that
                         batch's hot update gets back the image it replaced (recorded in its audit
                         annotation); a batch of its own, in waves with --waves

Flags:
${ACTION_HELP}
`;

export function run(argv: string[]): Promise<number> {
  return runAction('hotupdate', argv, HELP);
}
