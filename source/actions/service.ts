// The action service: the one flow behind the scripted commands and the console. available() says
// which actions a workload allows now and why not; plan() reads the workload fresh and plans one
// action (the card, the confirmation name); run() executes a confirmed plan; follow() waits for its
// target state. Read-only mode, access and the options are decided here, once, for every front end;
// every refusal is typed (source/errors.ts) and front ends map its code to an exit code or words.
import { planAction } from '../kinds/plans.js';
import type { Plan } from '../kinds/plan/types.js';
import type { Config } from '../config/config.js';
import { readOnlyWhy } from '../config/read-only.js';
import { Refusal } from '../errors.js';
import { t as tr } from '../i18n/t.js';
import type { ClusterClient } from '../kube/client-api.js';
import { InformerPool } from '../kube/informer-pool.js';
import { type KubeObject, pathSegmentProblem } from '../kube/object.js';
import { DEFAULT_SHELL, planDeletePod, planShell } from '../kinds/pod-actions.js';
import { pod } from '../kinds/pod.js';
import type { WorkloadInfo } from '../model/types.js';
import type {
  ActionAvailability,
  ActionInput,
  ActionName,
  ActionTarget,
  PodActionInput,
  PodActionName,
  PodTarget,
} from '../model/action-types.js';
import { type AccessCache, accessCache } from './access.js';
import { availability } from './availability.js';
import { cardLines } from './card.js';
import { ReadOnlyError } from './errors.js';
import { AUDIT_ANNOTATION, type BatchTag, parseAudit } from './audit.js';
import { execute, type ExecuteResult } from './execute.js';
import { whoAmI } from './identity.js';
import { checkInput, intentFor } from './intent.js';
import { loadWorkload } from './load.js';
import { waitTarget } from './targets.js';
import { waitFor, type WaitResult } from './wait.js';

export interface ActionServiceOptions {
  /** The client of a cluster in view; asked only after the read-only check. Throw a usage Refusal for others. */
  client(cluster: string): ClusterClient;
  /** Read-only mode and protected contexts come from here. */
  config: Pick<Config, 'readOnly' | 'file' | 'contexts'>;
  /** The --readonly flag. */
  readOnlyFlag?: boolean;
  access?: AccessCache;
  /** JSONL audit log path; default <stateDir>/audit.jsonl; false = none. */
  auditFile?: string | false;
  now?: () => number;
  /** The kubefed host context: a federated workload's change is written to its Federated<Kind> there. */
  kubefedHost?: string;
  /** The fleet's shared informers, for --wait (absent: the service's own, shared by its waits). */
  informers?: InformerPool;
}

/** What run() needs of any plan the service made (a workload's or a pod's). */
export interface PlannedBase {
  target: { cluster: string; namespace: string; name: string; kind: string };
  plan: Plan;
  user: string;
  card: string[];
  confirmName?: string;
  reason?: string;
}

/** A pod action's plan (delete-pod, shell). */
export interface PlannedPodAction extends PlannedBase {
  target: PodTarget & { kind: 'Pod' };
}

/** A plan as the service made it: what the front end shows, confirms and hands back to run(). */
export interface PlannedAction {
  target: ActionTarget;
  plan: Plan;
  /** Who acts (the cluster's user name). */
  user: string;
  /** The workload as it was read for the plan: what --wait measures progress against. */
  before: WorkloadInfo;
  /** The approval card, as lines. */
  card: string[];
  /** Protected context: the confirmation must have the workload name typed. */
  confirmName?: string;
  reason?: string;
}

export interface RunOptions {
  /** How the operator confirmed: asked on a terminal or the console's card, or --yes without asking. */
  confirmed: 'asked' | 'yes';
  /** With --yes: accept a warning that needs explicit confirmation. */
  force?: boolean;
  /** With --yes on a protected context: the workload name, typed out (--confirm NAME); --yes alone is not enough. */
  confirmName?: string;
  dryRun?: boolean;
  /** Overrides the plan's reason (the console's card asks for it last). */
  reason?: string;
  /** The batch id (and wave) when this run is one target of a fleet action. */
  batch?: BatchTag;
}

export interface Following {
  /** "step 2/3 to complete and the rollout to reach its next stop" */
  describe: string;
  wait(opts: { timeoutMs: number; onProgress?: (line: string, info: WorkloadInfo) => void; signal?: AbortSignal }): Promise<WaitResult>;
}

export class ActionService {
  private readonly access: AccessCache;
  /** Where --wait's watches come from: waits on one (cluster, type) share them, and a store's cover them. */
  private readonly informers: InformerPool;

  constructor(private readonly o: ActionServiceOptions) {
    this.access = o.access ?? accessCache;
    this.informers = o.informers ?? new InformerPool();
  }

  /** The one read-only rule (config/read-only.ts) for `cluster`: why, or undefined. */
  readOnly(cluster: string): string | undefined {
    return readOnlyWhy(cluster, { flag: this.o.readOnlyFlag, config: this.o.config });
  }

  isProtected(cluster: string): boolean {
    return this.o.config.contexts[cluster]?.protected === true;
  }

  private refuseReadOnly(cluster: string): void {
    const why = this.readOnly(cluster);
    if (why) throw new ReadOnlyError(cluster, why);
  }

  /** Which actions are possible on the workload now, and why not: its state, read-only mode, the planner, access. */
  async available(t: ActionTarget): Promise<ActionAvailability[]> {
    checkTarget(t);
    const client = this.o.client(t.cluster);
    const loaded = await loadWorkload(client, t.kind, t.namespace, t.name, { now: this.o.now?.() });
    return availability(loaded, { client, access: this.access, readOnly: this.readOnly(t.cluster) });
  }

  /** Reads the workload fresh and plans one action. Refuses (read-only, input, not possible) with a typed Refusal. */
  async plan(t: ActionTarget, action: ActionName, input: ActionInput = {}, opts: { dryRun?: boolean } = {}): Promise<PlannedAction> {
    this.refuseReadOnly(t.cluster);
    checkTarget(t);
    checkInput(t.cluster, action, input);
    const client = this.o.client(t.cluster);
    const user = await whoAmI(client);
    const host = this.o.kubefedHost;
    const loaded = await loadWorkload(client, t.kind, t.namespace, t.name, {
      by: user,
      now: this.o.now?.(),
      ...(host && host !== t.cluster ? { kubefedHost: this.o.client(host) } : {}),
    });
    const planned = planAction(intentFor(action, input, loaded), loaded.input);
    if (!planned.ok) throw new Refusal('not-possible', t.cluster, `${t.cluster}: ${planned.reason}`);
    const prot = this.isProtected(t.cluster);
    const out: PlannedAction = {
      target: t,
      plan: planned.plan,
      user,
      before: loaded.info,
      card: cardLines(planned.plan, { user, reason: input.reason, protectedContext: prot, dryRun: opts.dryRun }),
    };
    if (prot) out.confirmName = t.name;
    if (input.reason) out.reason = input.reason;
    return out;
  }

  /**
   * Reads the pod fresh and plans a pod action: delete-pod (its controller recreates it) or shell (the
   * front end runs plan.exec.command once run() has passed the checks and written the audit).
   */
  async planPod(
    t: PodTarget,
    action: PodActionName,
    input: PodActionInput = {},
    opts: { dryRun?: boolean; shell?: readonly string[] } = {},
  ): Promise<PlannedPodAction> {
    this.refuseReadOnly(t.cluster);
    checkTarget({ ...t, kind: 'Pod' });
    if (input.gracePeriodSeconds !== undefined && (!Number.isInteger(input.gracePeriodSeconds) || input.gracePeriodSeconds < 0))
      throw new Refusal('usage', t.cluster, tr('actions.service.gracePeriod', { cluster: t.cluster }));
    const client = this.o.client(t.cluster);
    const user = await whoAmI(client);
    const obj = await client.get(pod.type, t.namespace, t.name);
    const planned =
      action === 'delete-pod'
        ? planDeletePod(t.cluster, obj, input.gracePeriodSeconds !== undefined ? { gracePeriodSeconds: input.gracePeriodSeconds } : {})
        : planShell(t.cluster, obj, input.container, opts.shell ?? DEFAULT_SHELL);
    if (!planned.ok) throw new Refusal('not-possible', t.cluster, `${t.cluster}: ${planned.reason}`);
    const prot = this.isProtected(t.cluster);
    const out: PlannedPodAction = {
      target: { ...t, kind: 'Pod' },
      plan: planned.plan,
      user,
      card: cardLines(planned.plan, { user, reason: input.reason, protectedContext: prot, dryRun: opts.dryRun }),
    };
    if (prot) out.confirmName = t.name;
    if (input.reason) out.reason = input.reason;
    return out;
  }

  /** Executes a confirmed plan: read-only, --force, access review, preconditions, writes, audit. */
  async run(p: PlannedBase, opts: RunOptions): Promise<ExecuteResult> {
    const cluster = p.target.cluster;
    const dryRun = opts.dryRun === true;
    const ro = this.readOnly(cluster);
    // A protected context needs the workload named: the console's card asks for it; with --yes, --confirm NAME.
    if (!ro && !dryRun && opts.confirmed === 'yes' && p.confirmName !== undefined && opts.confirmName !== p.confirmName)
      throw new Refusal(
        'needs-confirmation',
        cluster,
        tr('actions.service.needsConfirm', {
          cluster,
          name: p.confirmName,
          action: p.plan.action,
          target: `${p.target.kind}/${p.target.name}`,
        }),
      );
    // A warning that needs explicit confirmation: asking counts; --yes needs --force as well.
    if (!ro && !dryRun && opts.confirmed === 'yes' && p.plan.requiresForce && !opts.force)
      throw new Refusal(
        'needs-force',
        cluster,
        tr('actions.service.needsForce', { cluster, warning: p.plan.warnings[0] ?? tr('actions.service.needsConfirmation') }),
      );
    return execute(p.plan, {
      client: this.o.client(cluster),
      user: p.user,
      reason: opts.reason ?? p.reason,
      dryRun,
      readOnly: ro ?? false,
      access: this.access,
      auditFile: this.o.auditFile,
      now: this.o.now,
      clientFor: (c) => this.o.client(c),
      ...(opts.batch ? { batch: opts.batch } : {}),
    });
  }

  /**
   * What --wait waits for after `p` ran, and the wait itself (a watch on the primary object). It stops
   * early when the rollout fails, and when a later zonectl action on the object superseded this one
   * (its audit annotation names another action than `done`'s): waiting out the timeout would say nothing.
   */
  follow(p: PlannedAction, done?: ExecuteResult): Following {
    const target = waitTarget(p.plan, p.before);
    const ours = done?.annotation?.at;
    const failed = (info: WorkloadInfo, obj: KubeObject): string | undefined => {
      const f = target.failed?.(info);
      if (f) return f;
      const last = ours ? parseAudit(obj.metadata.annotations?.[AUDIT_ANNOTATION]) : undefined;
      if (last && last.at !== ours) return tr('actions.service.superseded', { by: last.by, action: last.action, at: last.at });
      return undefined;
    };
    return {
      describe: target.describe,
      wait: (opts) =>
        waitFor(p.plan, target.reached, { client: this.o.client(p.target.cluster), informers: this.informers, failed, ...opts }),
    };
  }
}

/**
 * A name or namespace that would not stay one segment of the request path ("..", ".", "/", "%",
 * empty) is refused before any request: URL normalisation would otherwise act on another object.
 */
function checkTarget(t: Pick<ActionTarget, 'cluster' | 'namespace' | 'name'> & { kind: string }): void {
  for (const [what, v] of [
    ['namespace', t.namespace],
    ['name', t.name],
  ] as const) {
    const problem = pathSegmentProblem(v);
    if (problem)
      throw new Refusal(
        'usage',
        t.cluster,
        tr(what === 'name' ? 'actions.service.invalidName' : 'actions.service.invalidNamespace', {
          cluster: t.cluster,
          target: `${t.kind.toLowerCase()}/${t.name}`,
          value: JSON.stringify(v),
          problem,
        }),
      );
  }
}
