// zonectl approve <kind>/<name>: continue a paused canary step (or a hook step that ended Failed /
// Error / Inconclusive). A timed pause is refused with the time it ends.
import { actionHelp, runAction } from './action-common.js';

const HELP = actionHelp(
  'approve',
  'Continue the paused step of a rollout (bk-bcs: spec.updateStrategy.paused=false; Argo: promote;\nKruise: StepPaused -> StepReady; OKG GameServerSet: partition 0). The step index and revision you saw\nmust still hold.',
);

export function run(argv: string[]): Promise<number> {
  return runAction('approve', argv, HELP);
}
