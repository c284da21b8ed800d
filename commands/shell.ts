// zonectl shell pod/NAME: open a shell in a pod with the user's kubectl exec (or the config's
// `shell:` command), after the same access review (pods/exec create), confirmation and audit as
// every other action.
import { POD_ACTION_HELP, runPodAction } from './pod-action.js';

const HELP = `
Usage: zonectl shell pod/NAME [-c CONTAINER] [flags]

Open a shell in a running pod: runs kubectl exec -it -n NS POD -c CONTAINER --context CTX -- sh on
this terminal (config file: shell: [kubectl, exec, -it, -n, "{namespace}", "{pod}", -c,
"{container}", --context, "{context}", --, bash] to change it). Before it runs: the access review
(get pods, create pods/exec), the confirmation and the audit (an Event on the pod, the local log).

Flags:
  -c, --container NAME   the container (default: the pod's first)
${POD_ACTION_HELP}

Exit codes: the shell's own exit code once it ran; before that as every action: 1 not possible (the
pod is not Running, no such container), 2 usage / not confirmed, 3 unreachable, 4 forbidden.
`;

export function run(argv: string[]): Promise<number> {
  return runPodAction('shell', argv, HELP);
}
