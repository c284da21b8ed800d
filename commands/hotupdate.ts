// zonectl hotupdate <kind>/<name> --container C --image I [--partition N | --one-pod-first]
import { ACTION_HELP, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.hotupdate', { actionFlags: ACTION_HELP() });

export function run(argv: string[]): Promise<number> {
  return runAction('hotupdate', argv, HELP());
}
