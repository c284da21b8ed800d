// The console's actions port (ports/actions.ts) over the action service: the fleet's clients, the
// session's config and --readonly; the card lines become the confirm view; a refusal or a cluster's
// "no" becomes one sentence naming the cluster. The UI never sees a client or a patch.
import { ActionService, type PlannedAction } from '../actions/service.js';
import type { AccessCache } from '../actions/access.js';
import type { Config } from '../config/config.js';
import { isExpected, Refusal } from '../errors.js';
import type { Fleet } from '../fleet/fleet.js';
import type { ActionAvailability, ActionInput, ActionName, ActionTarget } from '../model/types.js';
import type { ActionResult, ActionsPort, PlanView, RunOptions } from '../ports/actions.js';

export interface ConsoleActionsOptions {
  fleet: Fleet;
  /** Read-only mode and protected contexts. */
  config: Pick<Config, 'readOnly' | 'file' | 'contexts'>;
  /** The --readonly flag. */
  readOnlyFlag?: boolean;
  access?: AccessCache;
  auditFile?: string | false;
  now?: () => number;
  /** The kubefed host context (--kubefed-host): federated workloads' changes are written there. */
  kubefedHost?: string;
}

export class ConsoleActions implements ActionsPort<PlannedAction> {
  readonly service: ActionService;

  constructor(o: ConsoleActionsOptions) {
    this.service = new ActionService({
      client: (cluster) => {
        const m = o.fleet.member(cluster);
        if (!m) throw new Refusal('usage', cluster, `${cluster}: not in the fleet`);
        return m.client;
      },
      config: o.config,
      readOnlyFlag: o.readOnlyFlag,
      access: o.access,
      auditFile: o.auditFile,
      now: o.now,
      ...(o.kubefedHost ? { kubefedHost: o.kubefedHost } : {}),
    });
  }

  available(t: ActionTarget): Promise<ActionAvailability[]> {
    return this.service.available(t);
  }

  async plan(t: ActionTarget, action: ActionName, input: ActionInput = {}): Promise<PlanView<PlannedAction>> {
    const p = await this.service.plan(t, action, input);
    return { summary: p.card, plan: p, ...(p.confirmName ? { confirmName: p.confirmName } : {}) };
  }

  async run(p: PlannedAction, opts: RunOptions = {}): Promise<ActionResult> {
    try {
      const res = await this.service.run(p, { confirmed: 'asked', ...(opts.reason !== undefined ? { reason: opts.reason } : {}) });
      const warn = res.warnings.length ? ` (${res.warnings.join('; ')})` : '';
      return { ok: true, message: `${p.plan.summary}: done${warn}` };
    } catch (e) {
      if (isExpected(e)) return { ok: false, message: e.oneLine() };
      throw e;
    }
  }
}
