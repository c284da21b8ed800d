// zonectl retry-hooks <kind>/<name>: re-run failed pre-delete / pre-inplace / post-inplace hooks.
import { actionHelp, runAction } from './action-common.js';

const HELP = actionHelp(
  'retry-hooks',
  'Set the retry flag of the failed pod hooks (pre-delete / pre-inplace / post-inplace): the\ncontroller deletes the failed HookRuns so they run again. Argo: retry an aborted rollout.',
);

export function run(argv: string[]): Promise<number> {
  return runAction('retry-hooks', argv, HELP);
}
