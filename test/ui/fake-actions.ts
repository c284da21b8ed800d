// A scripted ActionsPort: the layer below the console (access review, planner, executor) as the
// tests need it. It records every call, answers from the workload in the snapshot like the real port
// (state verdict narrowed by denials), and can hold an answer back to show "working...".
import type { ActionAvailability, ActionName } from '../../source/model/action-types.js';
import type { Snapshot } from '../../source/store/types.js';
import type { ActionInput, ActionResult, ActionsPort, ActionTarget, PlanView, RunOptions } from '../../source/ports/actions.js';

export interface FakePlan {
  target: ActionTarget;
  action: ActionName;
  input?: ActionInput;
  /** A batch (planMany): every target. */
  targets?: ActionTarget[];
}

interface Pending<T> {
  resolve(v: T): void;
  reject(e: unknown): void;
}

export class FakeActions implements ActionsPort<FakePlan> {
  readonly calls = {
    available: [] as ActionTarget[],
    plan: [] as FakePlan[],
    planMany: [] as FakePlan[],
    run: [] as Array<{ plan: FakePlan; opts?: RunOptions }>,
  };
  /** Actions the operator may not do (access review answer, refusal code forbidden), with the reason. */
  denied = new Map<ActionName, string>();
  protectedClusters = new Set<string>();
  planError?: string;
  result: ActionResult = { ok: true, message: 'done' };
  /** When set, plan() / run() wait until release*() is called. */
  holdPlan = false;
  holdRun = false;
  private pendingPlan: Array<Pending<PlanView<FakePlan>> & { p: FakePlan }> = [];
  private pendingRun: Array<Pending<ActionResult>> = [];

  constructor(private readonly snapshot: () => Snapshot) {}

  private workload(t: ActionTarget) {
    const w = this.snapshot().workloads.find(
      (x) => x.cluster === t.cluster && x.kind === t.kind && x.namespace === t.namespace && x.name === t.name,
    );
    if (!w) throw new Error(`${t.cluster}: ${t.kind} ${t.namespace}/${t.name} not found`);
    return w;
  }

  async available(t: ActionTarget): Promise<ActionAvailability[]> {
    this.calls.available.push(t);
    return this.workload(t).rollout.actions.map((a) => {
      const why = this.denied.get(a.action);
      return a.possible && why ? { action: a.action, possible: false, reason: why, refusal: 'forbidden' as const } : a;
    });
  }

  plan(target: ActionTarget, action: ActionName, input?: ActionInput): Promise<PlanView<FakePlan>> {
    const p: FakePlan = { target, action, ...(input ? { input } : {}) };
    this.calls.plan.push(p);
    if (this.holdPlan) return new Promise((resolve, reject) => this.pendingPlan.push({ resolve, reject, p }));
    return this.planNow(p);
  }

  /** A batch: a short card naming each target; the protected clusters among them are to be typed. */
  async planMany(targets: readonly ActionTarget[], action: ActionName, input?: ActionInput): Promise<PlanView<FakePlan>> {
    const p: FakePlan = { target: targets[0]!, action, targets: [...targets], ...(input ? { input } : {}) };
    this.calls.planMany.push(p);
    if (this.planError) throw new Error(this.planError);
    const prot = [...new Set(targets.map((t) => t.cluster).filter((c) => this.protectedClusters.has(c)))];
    const summary = [
      `${action} ${targets.length} workloads: ${targets.length} planned, 0 not possible`,
      ...targets.map((t) => `  ${t.cluster}/${t.namespace}/${t.kind.toLowerCase()}/${t.name}`),
    ];
    return { summary, plan: p, ...(prot.length ? { confirmName: prot.join(',') } : {}) };
  }

  private async planNow(p: FakePlan): Promise<PlanView<FakePlan>> {
    if (this.planError) throw new Error(this.planError);
    const w = this.workload(p.target);
    const r = w.rollout;
    const img = w.containers.find((c) => c.name === p.input?.container) ?? w.containers[0];
    const summary = [
      `${p.action === 'approve' ? 'Approve' : p.action} ${w.kind}/${w.name}`,
      `  cluster     ${w.cluster}${this.protectedClusters.has(w.cluster) ? ' (protected)' : ''}`,
      `  namespace   ${w.namespace}`,
      `  workload    ${w.kind}/${w.name}`,
      `  revision    ${r.currentRevision} -> ${r.updateRevision}`,
      `  step        ${(r.stepIndex ?? 0) + 1}/${r.steps.length} (${r.steps[r.stepIndex ?? 0]?.summary ?? '-'})`,
      `  updated     ${Math.round((100 * r.updated) / Math.max(1, r.replicas))}% (${r.updated}/${r.replicas})`,
      `  images      ${img.name}: ${p.input?.image ? img.image : 'registry.example.com/game/game:v1.4.2'} -> ${p.input?.image ?? img.image}`,
      `  hook        ${r.hookPhase ?? 'none'}`,
      '  acting as   ops-alice',
      'Plan:',
      `  ${p.action} ${w.kind} ${w.namespace}/${w.name} on ${w.cluster}`,
      'Writes:',
      `  PATCH gamestatefulsets.tkex.tencent.com ${w.namespace}/${w.name} (merge patch): spec.updateStrategy.paused=false`,
    ];
    return { summary, plan: p, ...(this.protectedClusters.has(w.cluster) ? { confirmName: w.name } : {}) };
  }

  async run(plan: FakePlan, opts?: RunOptions): Promise<ActionResult> {
    this.calls.run.push({ plan, ...(opts ? { opts } : {}) });
    if (this.holdRun) return new Promise((resolve, reject) => this.pendingRun.push({ resolve, reject }));
    return this.result;
  }

  releasePlan(): void {
    for (const x of this.pendingPlan.splice(0)) this.planNow(x.p).then(x.resolve, x.reject);
  }

  releaseRun(): void {
    for (const x of this.pendingRun.splice(0)) x.resolve(this.result);
  }
}
