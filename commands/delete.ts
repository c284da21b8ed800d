// zonectl delete pod/NAME: delete one pod and let its controller recreate it (a StatefulSet or
// GameStatefulSet brings it back under the same name; a pod no controller owns needs --force).
import { POD_ACTION_HELP, runPodAction } from './pod-action.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string => t('commands.help.delete', { podActionFlags: POD_ACTION_HELP() });

export function run(argv: string[]): Promise<number> {
  return runPodAction('delete-pod', argv, HELP());
}
