// One action over many targets (a fleet action): plan each target, one card for the batch, run each
// with its own preconditions and access review, bounded concurrency per cluster and overall so one
// slow or dead cluster never stalls the others, one batch id in every target's audit record.
import { isExpected } from '../errors.js';
import { t, type MessageKey } from '../i18n/t.js';
import type { WorkloadInfo } from '../model/types.js';
import type { ActionInput, ActionName, ActionTarget } from '../model/action-types.js';
import type { BatchTag } from './audit.js';
import type { ExecuteResult } from './execute.js';
import type { ActionService, PlannedAction, RunOptions } from './service.js';
import type { WaitResult } from './wait.js';
import { byText } from '../model/order.js';

export interface Limits {
  /** Targets of one cluster in flight at once. */
  perCluster: number;
  overall: number;
}

export const DEFAULT_LIMITS: Limits = { perCluster: 4, overall: 16 };

/** Runs fn over items with at most `perCluster` per cluster and `overall` in flight; results in input order. */
export async function boundedAll<T extends { cluster: string }, R>(
  items: readonly T[],
  limits: Limits,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  const busy = new Map<string, number>();
  let running = 0;
  let next = 0;
  const waiting: Array<() => void> = [];
  const wake = () => waiting.splice(0).forEach((w) => w());
  const take = async (i: number): Promise<void> => {
    const c = items[i]!.cluster;
    while (running >= limits.overall || (busy.get(c) ?? 0) >= limits.perCluster) await new Promise<void>((r) => waiting.push(r));
    running++;
    busy.set(c, (busy.get(c) ?? 0) + 1);
    try {
      out[i] = await fn(items[i]!);
    } finally {
      running--;
      busy.set(c, (busy.get(c) ?? 1) - 1);
      wake();
    }
  };
  const workers: Array<Promise<void>> = [];
  while (next < items.length) workers.push(take(next++));
  await Promise.all(workers);
  return out;
}

/**
 * `already done`: this batch did it before a resume (found by its record, or live with its record lost:
 * then planned, and only the record is written); `not started`: a wave gate stopped the release first.
 */
export type Outcome = 'done' | 'already done' | 'not possible' | 'refused' | 'failed' | 'not started';

export interface TargetResult {
  target: ActionTarget;
  outcome: Outcome;
  /** One line: what was done, or why not. */
  reason: string;
  /** The documented exit code of this target alone (0 when done). */
  exitCode: number;
  ms: number;
  planned?: PlannedAction;
  result?: ExecuteResult;
  wait?: Pick<WaitResult, 'reached' | 'message' | 'elapsedMs'>;
  /** Its wave (1-based) in a release in waves. */
  wave?: number;
  /** A later wave's target: planned when its wave starts (outcome `not started` until then). */
  later?: boolean;
  /** For `already done`: the workload as it is now (a resume stops on one that failed since). */
  current?: WorkloadInfo;
}

function failure(target: ActionTarget, e: unknown, outcome: Outcome, t0: number): TargetResult {
  if (!isExpected(e)) throw e;
  // eslint-disable-next-line i18next/no-literal-string -- an outcome code (JSON output), shown through outcomeWord
  const code = 'code' in e && e.code === 'not-possible' ? 'not possible' : outcome;
  return { target, outcome: code, reason: e.oneLine(), exitCode: e.exitCode, ms: Date.now() - t0 };
}

/** One input for every target, or one per target (an undo puts back each target's own image). */
export type BatchInput = ActionInput | ((t: ActionTarget) => ActionInput);

/** Plans every target (a fresh read each); a target that cannot be planned carries its refusal. */
export async function planBatch(
  service: ActionService,
  targets: readonly ActionTarget[],
  action: ActionName,
  input: BatchInput,
  opts: { dryRun?: boolean; limits?: Limits } = {},
): Promise<TargetResult[]> {
  return boundedAll(targets, opts.limits ?? DEFAULT_LIMITS, async (target) => {
    const t0 = Date.now();
    try {
      const planned = await service.plan(target, action, typeof input === 'function' ? input(target) : input, { dryRun: opts.dryRun });
      const outcome: Outcome = planned.plan.recordOnly ? 'already done' : 'done';
      return { target, outcome, reason: planned.plan.summary, exitCode: 0, ms: Date.now() - t0, planned };
    } catch (e) {
      return failure(target, e, 'refused', t0);
    }
  });
}

/** Runs the planned targets (the others keep their refusal); each target's failure stays its own. */
export async function runBatch(
  service: ActionService,
  items: readonly TargetResult[],
  opts: RunOptions & { batch: BatchTag; limits?: Limits; confirmFor?: (t: ActionTarget) => string | undefined },
): Promise<TargetResult[]> {
  return boundedAll(
    items.map((i) => ({ ...i, cluster: i.target.cluster })),
    opts.limits ?? DEFAULT_LIMITS,
    async (item): Promise<TargetResult> => {
      const { cluster: _c, ...rest } = item;
      if (!rest.planned) return rest;
      const t0 = Date.now();
      try {
        const confirmName = opts.confirmFor?.(rest.target);
        const result = await service.run(rest.planned, { ...opts, ...(confirmName !== undefined ? { confirmName } : {}) });
        const summary = rest.planned.plan.summary;
        const recorded = !!rest.planned.plan.recordOnly;
        const word = recorded && !opts.dryRun ? 'actions.batch.recorded' : 'actions.batch.done';
        const reason = result.warnings.length
          ? t('actions.batch.doneWarned', { summary, warnings: result.warnings.join('; ') })
          : t(word, { summary });
        return { ...rest, outcome: recorded ? 'already done' : 'done', reason, exitCode: 0, ms: Date.now() - t0, result };
      } catch (e) {
        return { ...failure(rest.target, e, 'failed', t0), planned: rest.planned };
      }
    },
  );
}

/**
 * The batch's exit code: 0 when every target did what was asked; the targets' own code when all
 * failures share one (e.g. 4 when every failure was forbidden); else 1 (a partial outcome).
 */
export function batchExitCode(results: readonly TargetResult[]): number {
  const codes = new Set(results.filter((r) => r.exitCode !== 0).map((r) => r.exitCode));
  if (codes.size === 0) return 0;
  return codes.size === 1 ? [...codes][0]! : 1;
}

/** The batch card: what will happen where, and what will not happen and why. */
export function batchCard(action: ActionName, items: readonly TargetResult[], dryRun: boolean): string[] {
  // A resume's targets live already, their record lost: only the record is written (no pods change).
  const recordOnly = items.filter((i) => i.planned?.plan.recordOnly).length;
  const ok = items.filter((i) => i.planned && !i.planned.plan.recordOnly);
  const later = items.filter((i) => i.later).length;
  const not = items.filter((i) => !i.planned && !i.later && i.outcome !== 'already done');
  const out = [
    t('actions.batch.head', { action, n: items.length, dry: dryRun ? 'yes' : 'no', planned: ok.length, later, not: not.length }),
  ];
  const perCluster = new Map<string, { n: number; states: Map<string, number> }>();
  for (const i of ok) {
    const c = perCluster.get(i.target.cluster) ?? { n: 0, states: new Map<string, number>() };
    c.n++;
    const phase = i.planned!.before.rollout.phase;
    c.states.set(phase, (c.states.get(phase) ?? 0) + 1);
    perCluster.set(i.target.cluster, c);
  }
  for (const [cluster, c] of [...perCluster].sort(([a], [b]) => byText(a, b)))
    out.push(`  ${cluster.padEnd(14)} ${String(c.n).padStart(4)}  (${[...c.states].map(([s, n]) => `${n} ${s}`).join(', ')})`);
  const owners = ok.filter((i) =>
    i.planned!.plan.steps.some((s) => s.target.name !== i.target.name || s.target.cluster !== i.target.cluster),
  );
  if (owners.length) out.push(`  ${t('actions.batch.viaOwner', { n: owners.length })}`);
  if (recordOnly) out.push(`  ${t('actions.batch.recordOnly', { n: recordOnly })}`);
  const force = ok.filter((i) => i.planned!.plan.requiresForce);
  if (force.length) out.push(needForceLine(force.length));
  const restarts = ok.reduce((n, i) => {
    const r = i.planned!.before.rollout;
    return action === 'hotupdate' ? n + Math.max(0, r.replicas - (i.planned!.plan.steps.length ? (r.partition ?? 0) : 0)) : n;
  }, 0);
  if (action === 'hotupdate') out.push(`  ${t('actions.batch.podsTakingImage', { n: restarts })}`);
  if (not.length) {
    out.push(t('actions.batch.notPossible'));
    for (const i of not) out.push(`  ${targetName(i.target)}: ${i.reason}`);
  }
  return out;
}

/** The card's "needing --force" line (the console replaces it with the warnings themselves). */
export const needForceLine = (n: number): string => `  ${t('actions.batch.needForce', { n })}`;

const OUTCOME_WORD: Record<Outcome, MessageKey> = {
  done: 'actions.outcome.done',
  'already done': 'actions.outcome.alreadyDone',
  'not possible': 'actions.outcome.notPossible',
  refused: 'actions.outcome.refused',
  failed: 'actions.outcome.failed',
  'not started': 'actions.outcome.notStarted',
};

/** An outcome as a person reads it (the code itself stays English in JSON). */
export const outcomeWord = (o: Outcome): string => t(OUTCOME_WORD[o]);

/** `cluster/namespace/kind/name`: the `-o name` form, which the action commands read back. */
export function targetName(t: ActionTarget): string {
  return `${t.cluster}/${t.namespace}/${t.kind.toLowerCase()}/${t.name}`;
}

export type { PlannedAction };
