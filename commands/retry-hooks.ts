// zonectl retry-hooks <kind>/<name>: re-run failed pre-delete / pre-inplace / post-inplace hooks.
import { actionHelp, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => actionHelp('retry-hooks', t('commands.help.what.retryHooks'));

export function run(argv: string[]): Promise<number> {
  return runAction('retry-hooks', argv, HELP());
}
