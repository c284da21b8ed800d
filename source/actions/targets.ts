// What "done" means for --wait after each action: the kind's own target when its spec has one
// (`wait`), else the shared one (kinds/plan/wait.ts), judged on the workload model.
import type { Plan } from '../kinds/plan/types.js';
import { workloadSpec } from '../kinds/registry.js';
import { sharedWaitTarget, type WaitTarget } from '../kinds/plan/wait.js';
import type { WorkloadInfo } from '../model/types.js';

export type { WaitTarget } from '../kinds/plan/wait.js';

export function waitTarget(plan: Plan, before: WorkloadInfo): WaitTarget {
  return workloadSpec(before.kind)?.wait?.[plan.action]?.(plan, before) ?? sharedWaitTarget(plan, before);
}
