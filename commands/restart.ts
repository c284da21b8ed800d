// zonectl restart <kind>/<name>: restart a workload's pods the way its controller supports
// (kubectl rollout restart's template annotation; Argo Rollouts' spec.restartAt); refused where the
// owner (kubefed, Argo CD) would put the template back.
import { actionHelp, runAction } from './action-common.js';

const HELP = actionHelp(
  'restart',
  'Restart the pods of a workload as its controller supports: the pod template annotation\nkubectl.kubernetes.io/restartedAt (Deployment, StatefulSet, GameDeployment, GameStatefulSet,\nGameServerSet: rolled out per the update strategy; the plan says how, and warns where an in-place\nstrategy restarts no container) or spec.restartAt (Argo Rollout). Refused below kubefed and Argo CD,\nwhich would put the template back and roll the pods a second time.',
);

export function run(argv: string[]): Promise<number> {
  return runAction('restart', argv, HELP);
}
