// zonectl delete pod/NAME: delete one pod and let its controller recreate it (a StatefulSet or
// GameStatefulSet brings it back under the same name; a pod no controller owns needs --force).
import { POD_ACTION_HELP, runPodAction } from './pod-action.js';

const HELP = `
Usage: zonectl delete pod/NAME [flags]

Delete one pod; its controller recreates it: GameStatefulSet / StatefulSet / GameServerSet under the
same name (and volumes), GameDeployment / ReplicaSet as a new pod with a new name. The plan says which.
A pod no controller owns is gone for good: that needs explicit confirmation (--force with --yes). The
delete carries the pod's uid as a precondition, so a pod recreated under the same name since it was
read is not deleted again (exit 5). Recorded as an Event on the pod and in the local audit log.

Flags:
  --grace-period SECONDS the pod's time to stop (default: its terminationGracePeriodSeconds)
${POD_ACTION_HELP}

Exit codes: 0 done, 1 not possible (already being deleted), 2 usage / not confirmed, 3 the cluster
could not be reached, 4 forbidden (RBAC, read-only mode), 5 the pod changed since it was read.
`;

export function run(argv: string[]): Promise<number> {
  return runPodAction('delete-pod', argv, HELP);
}
