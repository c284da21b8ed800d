// zonectl skip-hook <kind>/<name>: end a still-running step hook run; it is marked Successful.
import { actionHelp, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => actionHelp('skip-hook', t('commands.help.what.skipHook'));

export function run(argv: string[]): Promise<number> {
  return runAction('skip-hook', argv, HELP());
}
