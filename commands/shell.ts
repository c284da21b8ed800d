// zonectl shell pod/NAME: open a shell in a pod with the user's kubectl exec (or the config's
// `shell:` command), after the same access review (pods/exec create), confirmation and audit as
// every other action.
import { POD_ACTION_HELP, runPodAction } from './pod-action.js';
import { t } from '../source/i18n/t.js';

const HELP = (): string =>
  t('commands.help.shell', {
    podActionFlags: POD_ACTION_HELP(),
    // The config's placeholders, shown as written (not message arguments).
    nsHolder: '{namespace}',
    pod: '{pod}',
    container: '{container}',
    ctx: '{context}',
  });

export function run(argv: string[]): Promise<number> {
  return runPodAction('shell', argv, HELP());
}
