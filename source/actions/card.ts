// The approval card and plan as text lines, shared by the scripted commands and the console.
import { imageChanges, templateOfRevision } from '../adapters/plans/common.js';
import type { Plan, PlanCard } from '../adapters/plans/types.js';
import type { Loaded } from './load.js';

const VERB: Record<string, string> = {
  approve: 'Approve',
  reject: 'Reject',
  'skip-hook': 'Skip the step hook of',
  'retry-hooks': 'Retry the failed hooks of',
  hotupdate: 'Hot-update',
  hold: 'Hold',
  release: 'Release',
};

/** Images old -> new between the revision pods run now and the workload's template (for approve cards). */
export function revisionImages(l: Loaded): NonNullable<PlanCard['images']> {
  const r = l.info.rollout;
  const from = r.currentRevision && r.currentRevision !== r.updateRevision ? r.currentRevision : r.stableRevision;
  const rev = from ? l.input.revisions?.find((x) => x.metadata.name === from) : undefined;
  const tpl = rev ? templateOfRevision(rev) : undefined;
  if (!tpl) return [];
  return imageChanges(tpl, l.obj.spec?.template).flatMap((line) => {
    const m = /^([^:]+): (\S+) -> (\S+)$/.exec(line);
    return m ? [{ container: m[1], from: m[2], to: m[3] }] : [];
  });
}

export interface CardContext {
  user: string;
  reason?: string;
  /** The planner's detail lines (summary beyond the first). */
  details?: string[];
  protectedContext?: boolean;
  dryRun?: boolean;
}

export function cardLines(plan: Plan, ctx: CardContext): string[] {
  const c = plan.card;
  const row = (k: string, v: string | undefined) => (v ? [`  ${k.padEnd(11)} ${v}`] : []);
  const out = [`${VERB[plan.action] ?? plan.action} ${c.kind}/${c.name}${ctx.dryRun ? ' (dry run)' : ''}`];
  out.push(...row('cluster', `${c.cluster}${ctx.protectedContext ? ' (protected)' : ''}`));
  out.push(...row('namespace', c.namespace));
  out.push(...row('workload', `${c.kind}/${c.name}`));
  out.push(...row('revision', c.revision));
  out.push(...row('step', c.step));
  out.push(...row('updated', c.percentUpdated));
  (c.images ?? []).forEach((im, i) => out.push(...row(i === 0 ? 'images' : '', `${im.container}: ${im.from} -> ${im.to}`)));
  out.push(...row('hook', c.hook));
  out.push(...row('acting as', ctx.user));
  out.push(...row('reason', ctx.reason));
  out.push('Plan:');
  out.push(`  ${plan.summary}`);
  for (const d of ctx.details ?? []) out.push(`  ${d}`);
  out.push('Writes:');
  for (const s of plan.steps) {
    const t = s.target;
    out.push(`  PATCH ${t.type.resource}${t.type.group ? `.${t.type.group}` : ''}${s.subresource ? `/${s.subresource}` : ''} ${t.namespace}/${t.name} (${s.patchType === 'json' ? 'JSON patch' : 'merge patch'})${s.describe ? `: ${s.describe}` : ''}`);
  }
  if (plan.warnings.length) {
    out.push('Warnings:');
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  return out;
}
