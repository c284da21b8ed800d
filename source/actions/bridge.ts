// Plans arrive from the per-kind planners (adapters/plans) as a main request plus `also` requests
// (model/types.ts Plan). The executor works on the contract of adapters/plans/types.ts: a primary
// object (the workload the operator looked at), its preconditions, the writes in order, the card
// and the access reviews. This joins the two with the workload the plan was made from.
import { KINDS } from '../adapters/kinds.js';
import type { Plan, PlanCard, PlanStep, PlanTarget } from '../adapters/plans/types.js';
import type { ResourceType } from '../kube/object.js';
import { percent } from '../model/format.js';
import type { Plan as RequestPlan, PlanRequest, WorkloadInfo } from '../model/types.js';

export function workloadType(w: Pick<WorkloadInfo, 'kind'>): ResourceType {
  return KINDS[w.kind];
}

function targetOf(r: PlanRequest): PlanTarget {
  const t = r.target;
  return { cluster: r.cluster, type: { group: t.group, version: t.version, resource: t.resource, kind: t.kind, namespaced: true }, namespace: t.namespace, name: t.name };
}

const same = (a: PlanTarget, b: PlanTarget) => a.cluster === b.cluster && a.type.group === b.type.group && a.type.resource === b.type.resource && a.namespace === b.namespace && a.name === b.name;

const RUN_KINDS = new Set(['HookRun', 'AnalysisRun']);

const short = (v: unknown): string => {
  const t = JSON.stringify(v) ?? 'null';
  return t.length > 60 ? `${t.slice(0, 57)}...` : t;
};

/** What a write changes, from its body: leaf paths of a merge patch, ops of a JSON patch (no test ops,
 * no resourceVersion; only primitive values, so a restored pod template never prints its env). */
export function describeBody(patchType: PlanRequest['patchType'], body: unknown): string {
  const parts: string[] = [];
  if (patchType === 'json' && Array.isArray(body)) {
    for (const op of body as Array<{ op: string; path: string; value?: unknown }>) {
      if (op.op === 'test') continue;
      const v = op.value;
      parts.push(`${op.op} ${op.path}${v !== null && typeof v === 'object' ? '' : v === undefined ? '' : ` = ${short(v)}`}`);
    }
  } else {
    const walk = (o: unknown, path: string) => {
      if (o !== null && typeof o === 'object' && !Array.isArray(o)) {
        for (const [k, v] of Object.entries(o)) {
          const p = path ? `${path}.${k}` : k;
          if (p === 'metadata.resourceVersion') continue;
          if (path === 'metadata.annotations') parts.push(`annotation ${k}${v === null ? ' removed' : ''}`);
          else walk(v, p);
        }
      } else parts.push(`${path} = ${Array.isArray(o) ? `[${o.length} items]` : short(o)}`);
    };
    walk(body, '');
  }
  return parts.join(', ');
}

/** Image lines ("  main: a -> b" / "container main: a -> b") of a plan's summary. */
export function imagesOf(p: RequestPlan): NonNullable<PlanCard['images']> {
  const out: NonNullable<PlanCard['images']> = [];
  for (const line of p.summary) {
    const m = /^(?:\s+|.*\bcontainer )([\w.-]+): (\S+) -> (\S+)$/.exec(line);
    if (m) out.push({ container: m[1], from: m[2], to: m[3] });
  }
  return out;
}

/** The approval card (seed 000): where, what revision and step, how far, images, hook result. */
export function cardFor(w: WorkloadInfo, p: RequestPlan): PlanCard {
  const r = w.rollout;
  const card: PlanCard = { cluster: w.cluster, namespace: w.namespace, kind: w.kind, name: w.name };
  const from = r.currentRevision ?? r.stableRevision;
  if (from && from === r.updateRevision) card.revision = `${from} (current)`;
  else if (from || r.updateRevision) card.revision = `${from ?? '?'} -> ${r.updateRevision ?? '?'}`;
  if (r.steps.length && r.stepIndex !== undefined) {
    const n = r.steps.length;
    card.step = r.stepIndex >= n ? `${n}/${n} (all steps done)` : `${r.stepIndex + 1}/${n} (${r.steps[r.stepIndex].kind}: ${r.steps[r.stepIndex].summary})`;
  }
  card.percentUpdated = `${percent(r.updated, r.replicas)} (${r.updated}/${r.replicas} updated, ${r.updatedReady} ready)`;
  const images = imagesOf(p);
  if (images.length) card.images = images;
  if (r.hookRunName || r.hookPhase) {
    const metrics = (r.hookMetrics ?? []).map((m) => `${m.name}${m.lastValue !== undefined ? `=${m.lastValue}` : ''} ${m.phase}`).join(', ');
    card.hook = `${r.hookRunName ?? 'hook'} ${r.hookPhase ?? 'Unknown'}${metrics ? ` (${metrics})` : ''}`;
  }
  return card;
}

export interface BridgeOptions {
  card?: PlanCard;
  requiresForce?: boolean;
}

/** The executor's plan for a planner's plan made from workload `w`. */
export function fromRequestPlan(p: RequestPlan, w: WorkloadInfo, opts: BridgeOptions = {}): Plan {
  const primary: PlanTarget = { cluster: w.cluster, type: workloadType(w), namespace: w.namespace, name: w.name };
  const requests = [p, ...(p.also ?? [])];
  const steps: PlanStep[] = requests.map((r) => {
    const s: PlanStep = { target: targetOf(r), patchType: r.patchType, body: r.body, describe: describeBody(r.patchType, r.body) };
    if (r.subresource) s.subresource = r.subresource;
    return s;
  });
  const main = steps[0].target;
  const onWorkload = same(main, primary);
  // The workload as the operator saw it. Writes to other objects (a step HookRun, a Rollout's
  // Deployment) carry that object's resourceVersion in their own bodies.
  const pre: Plan['preconditions'] = { resourceVersion: onWorkload ? (p.preconditions.resourceVersion ?? w.resourceVersion) : w.resourceVersion };
  if (p.preconditions.stepIndex !== undefined) pre.stepIndex = p.preconditions.stepIndex;
  if (onWorkload && p.preconditions.revision !== undefined) pre.updateRevision = p.preconditions.revision;
  if (!onWorkload && w.rollout.updateRevision) pre.updateRevision = w.rollout.updateRevision;
  if (RUN_KINDS.has(main.type.kind)) pre.hookRunName = main.name;
  const plan: Plan = {
    action: p.action,
    primary,
    preconditions: pre,
    steps,
    summary: p.summary[0] ?? `${p.action} ${w.kind} ${w.namespace}/${w.name} on ${w.cluster}`,
    card: opts.card ?? cardFor(w, p),
    warnings: p.warnings,
    access: steps.map((s) => {
      const a: Plan['access'][number] = { verb: 'patch', group: s.target.type.group, resource: s.target.type.resource, namespace: s.target.namespace, name: s.target.name };
      if (s.subresource) a.subresource = s.subresource;
      return a;
    }),
  };
  // A hot update the strategy turns into pod recreation needs explicit confirmation (--force with --yes).
  const strategyWarning = p.action === 'hotupdate' && !!w.rollout.actions.find((a) => a.action === 'hotupdate')?.reason?.startsWith('warning:');
  if (opts.requiresForce ?? strategyWarning) plan.requiresForce = true;
  return plan;
}
