// zonectl restart <kind>/<name>: restart a workload's pods the way its controller supports
// (kubectl rollout restart's template annotation; Argo Rollouts' spec.restartAt); refused where the
// owner (kubefed, Argo CD) would put the template back.
import { actionHelp, runAction } from './action-common.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => actionHelp('restart', t('commands.help.what.restart'));

export function run(argv: string[]): Promise<number> {
  return runAction('restart', argv, HELP());
}
