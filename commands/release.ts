// zonectl release <kind>/<name>: undo zonectl's hold (restore the partition / resume).
import { actionHelp, runAction } from './action-common.js';

const HELP = actionHelp(
  'release',
  'Undo a zonectl hold: restore the partition recorded in the zonectl.io/hold annotation, or\nresume a paused Deployment / Rollout.',
);

export function run(argv: string[]): Promise<number> {
  return runAction('release', argv, HELP);
}
