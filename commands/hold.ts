// zonectl hold <kind>/<name>: freeze a rollout durably (partition = replicas, or paused).
import { actionHelp, runAction } from './action-common.js';

const HELP = actionHelp(
  'hold',
  'Freeze a rollout durably: bk-bcs / StatefulSet partition = replicas (the old value is kept\nin the zonectl.io/hold annotation); Deployment, Rollouts and OKG GameServerSets: paused. Undo with release.',
);

export function run(argv: string[]): Promise<number> {
  return runAction('hold', argv, HELP);
}
