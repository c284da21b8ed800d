// Canary steps and partition of bk-bcs GameDeployment / GameStatefulSet (research/crds.md §1.2-1.5).
import { t } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { RolloutStep } from '../../model/types.js';
import { duration } from '../../model/format.js';
import {
  expected,
  isRecord,
  Malformed,
  missing,
  optArray,
  optIntOrString,
  optNumber,
  optRecord,
  optString,
  resolveIntOrPercent,
} from '../shared/read-util.js';

export type BkbcsKind = 'GameDeployment' | 'GameStatefulSet';

/** Where the plain (no canary steps) partition lives: the two kinds differ. */
export function partitionPath(kind: BkbcsKind): string {
  return kind === 'GameDeployment' ? 'spec.updateStrategy.partition' : 'spec.updateStrategy.rollingUpdate.partition';
}

export interface BkbcsStep extends RolloutStep {
  hookArgs?: Array<{ name: string; value?: string }>;
}

function readStep(s: unknown, i: number): BkbcsStep {
  const where = `spec.updateStrategy.canary.steps[${i}]`;
  if (!isRecord(s)) throw expected(where, 'plans.read.anObject');
  const partition = optIntOrString(s, 'partition');
  const pause = optRecord(s, 'pause');
  const pauseSeconds = pause ? optNumber(pause, 'duration') : undefined;
  if (pauseSeconds !== undefined && pauseSeconds < 0) throw new Malformed(t('plans.read.negative', { path: `${where}.pause.duration` }));
  const hook = optRecord(s, 'hook');
  const hookTemplate = hook ? optString(hook, 'templateName') : undefined;
  if (hook && !hookTemplate) throw missing(`${where}.hook.templateName`);
  const parts: string[] = [];
  if (partition !== undefined) parts.push(t('plans.step.partition', { partition }));
  if (pause) parts.push(pauseSeconds ? t('plans.step.pauseFor', { duration: duration(pauseSeconds) }) : t('plans.step.pauseManual'));
  if (hookTemplate) parts.push(t('plans.step.hook', { hook: hookTemplate }));
  const step: BkbcsStep = {
    index: i,
    // A step that pauses or runs a hook is a waiting step even when it also sets a partition.
    kind: pause ? 'pause' : hookTemplate ? 'hook' : 'partition',
    summary: parts.length ? parts.join(t('plans.step.separator')) : t('plans.step.empty'),
  };
  if (partition !== undefined) step.partition = partition;
  if (pause && pauseSeconds) step.pauseSeconds = pauseSeconds;
  if (hookTemplate) step.hookTemplate = hookTemplate;
  if (hook) {
    const args = optArray(hook, 'args');
    if (args) {
      step.hookArgs = args.map((a, j) => {
        if (!isRecord(a) || typeof a.name !== 'string') throw expected(`${where}.hook.args[${j}]`, ['name', 'value']);
        return typeof a.value === 'string' ? { name: a.name, value: a.value } : { name: a.name };
      });
    }
  }
  return step;
}

export function readSteps(obj: KubeObject): BkbcsStep[] {
  const steps = optArray(obj, 'spec.updateStrategy.canary.steps') ?? [];
  return steps.map(readStep);
}

/**
 * Partition in force (canary.go GetCurrentPartition): with steps, the partition of the current step
 * or the nearest earlier one that has one, else replicas (nothing updated); past the last step 0.
 * Without steps, the plain partition (0 when unset). Percentages round up like the controller.
 */
export function effectivePartition(
  kind: BkbcsKind,
  obj: KubeObject,
  steps: RolloutStep[],
  stepIndex: number | undefined,
  replicas: number,
): number {
  if (steps.length > 0) {
    const idx = stepIndex ?? 0;
    if (idx >= steps.length) return 0;
    for (let i = Math.min(idx, steps.length - 1); i >= 0; i--) {
      const p = steps[i].partition;
      if (p !== undefined) return clamp(resolveIntOrPercent(p, replicas, true), replicas);
    }
    return replicas;
  }
  const p = optIntOrString(obj, partitionPath(kind));
  return p === undefined ? 0 : clamp(resolveIntOrPercent(p, replicas, true), replicas);
}

function clamp(n: number, replicas: number): number {
  return Math.max(0, Math.min(n, replicas));
}

/** The partition as written in spec (not resolved), for hold/release bookkeeping. */
export function specPartition(kind: BkbcsKind, obj: KubeObject): number | string | undefined {
  return optIntOrString(obj, partitionPath(kind));
}
