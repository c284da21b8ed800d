// zonectl release <kind>/<name>: undo zonectl's hold (restore the partition / resume).
import { actionHelp, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => actionHelp('release', t('commands.help.what.release'));

export function run(argv: string[]): Promise<number> {
  return runAction('release', argv, HELP());
}
