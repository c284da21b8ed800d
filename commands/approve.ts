// zonectl approve <kind>/<name>: continue a paused canary step (or a hook step that ended Failed /
// Error / Inconclusive). A timed pause is refused with the time it ends.
import { actionHelp, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => actionHelp('approve', t('commands.help.what.approve'));

export function run(argv: string[]): Promise<number> {
  return runAction('approve', argv, HELP());
}
