// zonectl reject <kind>/<name>: roll back to the last fully released revision.
import { actionHelp, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => actionHelp('reject', t('commands.help.what.reject'));

export function run(argv: string[]): Promise<number> {
  return runAction('reject', argv, HELP());
}
