// zonectl hold <kind>/<name>: freeze a rollout durably (partition = replicas, or paused).
import { actionHelp, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => actionHelp('hold', t('commands.help.what.hold'));

export function run(argv: string[]): Promise<number> {
  return runAction('hold', argv, HELP());
}
