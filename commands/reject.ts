// zonectl reject <kind>/<name>: roll back to the last fully released revision.
import { actionHelp, runAction } from './action-common.js';

const HELP = actionHelp(
  'reject',
  'Roll back a rollout (bk-bcs: restore the pod template of the last released ControllerRevision;\nArgo: abort; Kruise: roll the workload back to the stable revision).',
);

export function run(argv: string[]): Promise<number> {
  return runAction('reject', argv, HELP);
}
