// The console's actions port (ui/actions-port.ts): availability = the reader's state-based verdict
// narrowed by read-only mode and a (cached) access review; plan = fresh read + adapter plan + card;
// run = the executor. The UI never sees a client or a patch.
import { TKEX_GROUP } from '../kinds/bkbcs/group.js';
import { KINDS } from '../kinds/registry.js';
import { ANALYSIS_RUNS } from '../kinds/rollouts/argo-plans.js';
import { typeFromRef } from '../kinds/plan/common.js';
import { planAction, type Intent } from '../kinds/plans.js';
import type { Plan } from '../kinds/plan/types.js';
import type { Fleet, Member } from '../fleet/fleet.js';
import { isKubeError } from '../kube/errors.js';
import type { ActionAvailability, ActionName, WorkloadInfo } from '../model/types.js';
import type { Snapshot } from '../store/types.js';
import type { ActionInput, ActionResult, ActionsPort, ActionTarget, PlanView, RunOptions } from '../ui/actions-port.js';
import { type AccessAttrs, type AccessCache, accessCache } from './access.js';
import { cardLines } from './card.js';
import { ReadOnlyError } from './errors.js';
import { execute } from './execute.js';
import { whoAmI } from './identity.js';
import { loadWorkload } from './load.js';
import { readWorkloadObject } from './observe.js';

export interface ConsolePlan {
  plan: Plan;
  cluster: string;
  reason?: string;
}

export interface ConsolePortOptions {
  fleet: Fleet;
  /** Current store snapshot (the workload as the console shows it); else it is read from the cluster. */
  snapshot?: () => Snapshot;
  /** Global read-only mode (--readonly / config readOnly); per-context readOnly comes from the fleet. */
  readOnly?: boolean;
  access?: AccessCache;
  auditFile?: string | false;
  now?: () => number;
}

/** The writes an action would make, for the access review behind a key (the executor re-checks the exact plan). */
export function accessFor(w: WorkloadInfo, action: ActionName): AccessAttrs[] {
  const t = KINDS[w.kind];
  const at = (group: string, resource: string, name: string, subresource?: string): AccessAttrs => ({
    verb: 'patch',
    group,
    resource,
    namespace: w.namespace,
    name,
    ...(subresource ? { subresource } : {}),
  });
  const self = at(t.group, t.resource, w.name);
  const ref = w.workloadRef;
  const refType = ref ? typeFromRef(ref.apiVersion, ref.kind) : undefined;
  const refAttrs = ref && refType ? at(refType.group, refType.resource, ref.name) : self;
  if (action === 'skip-hook') {
    if (t.group === TKEX_GROUP) return [at(TKEX_GROUP, 'hookruns', w.rollout.hookRunName ?? '')];
    if (w.kind === 'Rollout') return [at(ANALYSIS_RUNS.group, ANALYSIS_RUNS.resource, w.rollout.hookRunName ?? '')];
  }
  if (w.kind === 'Rollout') {
    if (action === 'approve') return [at(t.group, t.resource, w.name, 'status'), self];
    if (action === 'reject' || action === 'retry-hooks') return [at(t.group, t.resource, w.name, 'status')];
    if (action === 'hotupdate') return [refAttrs];
  }
  if (w.kind === 'KruiseRollout') {
    if (action === 'approve') return [at(t.group, t.resource, w.name, 'status')];
    if (action === 'reject' || action === 'hotupdate') return [refAttrs];
  }
  return [self];
}

export class ConsoleActions implements ActionsPort<ConsolePlan> {
  private readonly access: AccessCache;

  constructor(private readonly o: ConsolePortOptions) {
    this.access = o.access ?? accessCache;
  }

  private member(cluster: string): Member {
    const m = this.o.fleet.member(cluster);
    if (!m) throw new Error(`${cluster}: not in the fleet`);
    return m;
  }

  private readOnlyWhy(m: Member): string | false {
    if (this.o.readOnly) return 'read-only mode';
    return m.info.readOnly ? `context ${m.name} is read-only` : false;
  }

  private async workload(m: Member, t: ActionTarget): Promise<WorkloadInfo> {
    const hit = this.o
      .snapshot?.()
      .workloads.find((w) => w.cluster === t.cluster && w.kind === t.kind && w.namespace === t.namespace && w.name === t.name);
    if (hit) return hit;
    const type = KINDS[t.kind];
    return readWorkloadObject(t.cluster, type, await m.client.get(type, t.namespace, t.name))!;
  }

  async available(t: ActionTarget): Promise<ActionAvailability[]> {
    const m = this.member(t.cluster);
    const w = await this.workload(m, t);
    const ro = this.readOnlyWhy(m);
    return Promise.all(
      w.rollout.actions.map(async (a): Promise<ActionAvailability> => {
        if (!a.possible) return a;
        if (ro) return { action: a.action, possible: false, reason: ro };
        try {
          const denied = (await this.access.checkAll(m.client, accessFor(w, a.action))).find((d) => !d.allowed);
          return denied
            ? {
                action: a.action,
                possible: false,
                reason: `not allowed to ${denied.describe}${denied.reason ? ` (${denied.reason})` : ''}`,
              }
            : a;
        } catch (e) {
          return { action: a.action, possible: false, reason: `access review failed: ${isKubeError(e) ? e.message : String(e)}` };
        }
      }),
    );
  }

  async plan(t: ActionTarget, action: ActionName, input: ActionInput = {}): Promise<PlanView<ConsolePlan>> {
    const m = this.member(t.cluster);
    const ro = this.readOnlyWhy(m);
    if (ro) throw new ReadOnlyError(t.cluster, ro);
    const user = await whoAmI(m.client);
    const loaded = await loadWorkload(m.client, t.kind, t.namespace, t.name, { by: user, now: this.o.now?.() });
    let intent: Intent;
    if (action === 'hotupdate') {
      if (!input.container || !input.image) throw new Error('hot update needs a container and an image');
      const partition = input.onePodFirst ? Math.max(0, loaded.info.rollout.replicas - 1) : input.partition;
      intent = { action, container: input.container, image: input.image, ...(partition !== undefined ? { partition } : {}) };
    } else intent = { action } as Intent;
    const planned = planAction(intent, loaded.input);
    if (!planned.ok) throw new Error(`${t.cluster}: ${planned.reason}`);
    const plan = planned.plan;
    const view: PlanView<ConsolePlan> = {
      summary: cardLines(plan, { user, reason: input.reason, protectedContext: m.info.protected }),
      plan: { plan, cluster: t.cluster, ...(input.reason ? { reason: input.reason } : {}) },
    };
    if (m.info.protected) view.confirmName = t.name;
    return view;
  }

  async run(p: ConsolePlan, opts: RunOptions = {}): Promise<ActionResult> {
    const m = this.member(p.cluster);
    try {
      const user = await whoAmI(m.client);
      const res = await execute(p.plan, {
        client: m.client,
        user,
        reason: opts.reason ?? p.reason,
        readOnly: this.readOnlyWhy(m),
        access: this.access,
        auditFile: this.o.auditFile,
        now: this.o.now,
      });
      const warn = res.warnings.length ? ` (${res.warnings.join('; ')})` : '';
      return { ok: true, message: `${p.plan.summary}: done${warn}` };
    } catch (e) {
      if (isKubeError(e)) return { ok: false, message: e.oneLine() };
      if (e instanceof ReadOnlyError) return { ok: false, message: e.message };
      throw e;
    }
  }
}
