// zonectl hotupdate <kind>/<name> --container C --image I [--partition N | --one-pod-first]
import { ACTION_HELP, runAction } from './action-common.js';

const HELP = `
Usage: zonectl hotupdate <kind>/<name> --container C --image I [--partition N | --one-pod-first] [flags]

Set one container's image (JSON patch with a test on the old image). With InplaceUpdate /
HotPatchUpdate the pods keep their identity; other strategies recreate pods: zonectl warns and
needs explicit confirmation (--force with --yes).

  --container C          the container to change
  --image I              the new image
  --partition N          also set the partition (GameDeployment: pods kept old; GameStatefulSet /
                         StatefulSet: lowest ordinal that updates)
  --one-pod-first        partition = replicas - 1: one pod takes the new image first

Flags:
${ACTION_HELP}
`;

export function run(argv: string[]): Promise<number> {
  return runAction('hotupdate', argv, HELP);
}
