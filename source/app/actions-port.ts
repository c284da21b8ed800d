// The console's actions port (ports/actions.ts) over the action service: the fleet's clients, the
// session's config and --readonly; the card lines become the confirm view; a refusal or a cluster's
// "no" becomes one sentence naming the cluster. The UI never sees a client or a patch. A batch (the
// marked rows) goes through the same service and the same fleet-action front end as the scripts
// (actions/batch.ts to plan and for the card, actions/release.ts to run, as one wave).
import { randomBytes } from 'node:crypto';
import { batchCard, needForceLine, outcomeWord, planBatch, targetName, type Outcome, type TargetResult } from '../actions/batch.js';
import { runRelease } from '../actions/release.js';
import { ActionService, type PlannedBase } from '../actions/service.js';
import type { AccessCache } from '../actions/access.js';
import type { Config } from '../config/config.js';
import { isExpected, Refusal } from '../errors.js';
import { t } from '../i18n/t.js';
import type { Fleet } from '../fleet/fleet.js';
import type { ActionAvailability, ActionInput, ActionName, ActionTarget, PodActionName } from '../model/action-types.js';
import type { ActionResult, ActionsPort, ConsoleTarget, PlanView, RunOptions } from '../ports/actions.js';

export interface ConsoleActionsOptions {
  fleet: Fleet;
  /** Read-only mode and protected contexts. */
  config: Pick<Config, 'readOnly' | 'file' | 'contexts' | 'shell'>;
  /** The --readonly flag. */
  readOnlyFlag?: boolean;
  access?: AccessCache;
  auditFile?: string | false;
  now?: () => number;
  /** The kubefed host context (--kubefed-host): federated workloads' changes are written there. */
  kubefedHost?: string;
}

/** One action over the marked rows, as planned for the batch card (handed back to run it). */
export interface BatchPlan {
  batch: string;
  action: ActionName;
  input: ActionInput;
  /** Every target in the order marked: planned, or its refusal. */
  items: TargetResult[];
}

export type ConsolePlan = PlannedBase | BatchPlan;

const isBatch = (p: ConsolePlan): p is BatchPlan => 'items' in p;

/** The order outcomes are counted in on the result line. */
const OUTCOMES: readonly Outcome[] = ['done', 'already done', 'not possible', 'refused', 'failed', 'not started'];

/** "approve 12: 11 done, 1 not possible; batch 1a2b3c4d (nanjing: read-only ...)": the first reason last (it may be cut). */
export function batchResultLine(action: ActionName, batch: string, results: readonly TargetResult[]): ActionResult {
  const counts = OUTCOMES.map((o) => [o, results.filter((r) => r.outcome === o).length] as const).filter(([, n]) => n > 0);
  const first = results.find((r) => r.outcome !== 'done');
  const parts = counts.map(([o, n]) => t('actions.console.outcomeCount', { n, outcome: outcomeWord(o) })).join(t('actions.console.comma'));
  const values = { action, n: results.length, parts: parts || t('actions.console.nothingToDo'), batch };
  return {
    ok: results.length > 0 && !first,
    message: first ? t('actions.console.batchResultWhy', { ...values, why: first.reason }) : t('actions.console.batchResult', values),
  };
}

export class ConsoleActions implements ActionsPort<ConsolePlan> {
  readonly service: ActionService;
  /** The shell command (config shell:), {namespace} {pod} {container} {context} filled in by the planner. */
  private readonly shell?: readonly string[];

  constructor(o: ConsoleActionsOptions) {
    if (o.config.shell) this.shell = o.config.shell;
    this.service = new ActionService({
      client: (cluster) => {
        const m = o.fleet.member(cluster);
        if (!m) throw new Refusal('usage', cluster, t('actions.console.notInFleet', { cluster }));
        return m.client;
      },
      config: o.config,
      readOnlyFlag: o.readOnlyFlag,
      access: o.access,
      auditFile: o.auditFile,
      now: o.now,
      ...(o.kubefedHost ? { kubefedHost: o.kubefedHost } : {}),
      informers: o.fleet.informers,
    });
  }

  available(t: ActionTarget): Promise<ActionAvailability[]> {
    return this.service.available(t);
  }

  async plan(t: ConsoleTarget, action: ActionName, input: ActionInput = {}): Promise<PlanView<PlannedBase>> {
    const p =
      t.kind === 'Pod'
        ? await this.service.planPod(t, action as PodActionName, input.reason !== undefined ? { reason: input.reason } : {}, {
            shell: this.shell,
          })
        : await this.service.plan(t, action, input);
    return { summary: p.card, plan: p, ...(p.confirmName ? { confirmName: p.confirmName } : {}) };
  }

  async planMany(targets: readonly ActionTarget[], action: ActionName, input: ActionInput = {}): Promise<PlanView<BatchPlan>> {
    const items = await planBatch(this.service, targets, action, input);
    const batch = randomBytes(4).toString('hex');
    const planned = items.filter((i) => i.planned);
    // Protected contexts: the card asks for them typed, all at once (as the scripts' prompt does).
    const prot = [...new Set(planned.map((i) => i.target.cluster).filter((c) => this.service.isProtected(c)))].sort();
    // The batch card (actions/batch.ts), then who acts, the protected contexts and the batch id before
    // the targets that are not possible; the targets to act on last (the card scrolls).
    const card = batchCard(action, items, false);
    // The scripts' "needing --force" line: here confirming the card accepts the warnings, so say which.
    const warned = planned.filter((i) => i.planned!.plan.requiresForce);
    const force = card.indexOf(needForceLine(warned.length));
    if (force >= 0) {
      card.splice(
        force,
        1,
        `  ${t('actions.console.warnedCount', { n: warned.length })}`,
        ...warned.map((i) => `  ! ${targetName(i.target)}: ${i.planned!.plan.warnings[0] ?? t('actions.console.needsConfirmation')}`),
      );
    }
    const users = [...new Set(planned.map((i) => i.planned!.user))];
    const notPossible = card.indexOf(t('actions.batch.notPossible'));
    const at = notPossible >= 0 ? notPossible : card.length;
    card.splice(
      at,
      0,
      ...(users.length ? [`  ${t('actions.console.actingAs', { users: users.join(', ') })}`] : []),
      `  ${t('actions.console.batch', { batch })}`,
      ...(prot.length ? [`  ! ${t('actions.console.protected', { n: prot.length, list: prot.join(', '), typed: prot.join(',') })}`] : []),
    );
    const names = planned.map((i) => `  ${targetName(i.target)}`);
    const summary = [...card, ...(planned.length ? [t('actions.console.targets'), ...names] : [])];
    const plan: BatchPlan = { batch, action, input, items };
    return { summary, plan, ...(prot.length ? { confirmName: prot.join(',') } : {}) };
  }

  async run(p: ConsolePlan, opts: RunOptions = {}): Promise<ActionResult> {
    const reason = opts.reason !== undefined ? { reason: opts.reason } : {};
    if (isBatch(p)) {
      // One wave of every target: each runs with its own preconditions and access review, bounded
      // per cluster; nothing is followed afterwards (the list shows the rollouts move).
      const results = await runRelease(this.service, p.action, p.input, p.items, {
        confirmed: 'asked',
        batch: p.batch,
        ends: [p.items.length],
        waitLast: false,
        gateMs: 0,
        ...reason,
      });
      return batchResultLine(p.action, p.batch, results);
    }
    try {
      const res = await this.service.run(p, { confirmed: 'asked', ...reason });
      const values = { summary: p.plan.summary, warnings: res.warnings.join('; ') };
      const warned = res.warnings.length > 0;
      // A shell: checked and audited; the console now runs the command on its terminal.
      if (p.plan.exec)
        return {
          ok: true,
          message: t(warned ? 'actions.console.auditedWarned' : 'actions.console.audited', values),
          exec: p.plan.exec.command,
        };
      return { ok: true, message: t(warned ? 'actions.batch.doneWarned' : 'actions.batch.done', values) };
    } catch (e) {
      if (isExpected(e)) return { ok: false, message: e.oneLine() };
      throw e;
    }
  }
}
