// zonectl skip-hook <kind>/<name>: end a still-running step hook run; it is marked Successful.
import { actionHelp, runAction } from './action-common.js';

const HELP = actionHelp(
  'skip-hook',
  'Terminate the running step HookRun (spec.terminate=true). The run is assessed Successful\nand the step advances: the hook result is NOT checked.',
);

export function run(argv: string[]): Promise<number> {
  return runAction('skip-hook', argv, HELP);
}
