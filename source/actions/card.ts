// The approval card and plan as text lines, shared by the scripted commands and the console.
import type { Plan } from '../kinds/plan/types.js';

const VERB: Record<string, string> = {
  approve: 'Approve',
  reject: 'Reject',
  'skip-hook': 'Skip the step hook of',
  'retry-hooks': 'Retry the failed hooks of',
  hotupdate: 'Hot-update',
  hold: 'Hold',
  release: 'Release',
  restart: 'Restart',
  'delete-pod': 'Delete',
  shell: 'Open a shell in',
};

export interface CardContext {
  user: string;
  reason?: string;
  protectedContext?: boolean;
  dryRun?: boolean;
}

export function cardLines(plan: Plan, ctx: CardContext): string[] {
  const c = plan.card;
  const row = (k: string, v: string | undefined) => (v ? [`  ${k.padEnd(11)} ${v}`] : []);
  const out = [`${VERB[plan.action] ?? plan.action} ${c.kind}/${c.name}${ctx.dryRun ? ' (dry run)' : ''}`];
  out.push(...row('cluster', `${c.cluster}${ctx.protectedContext ? ' (protected)' : ''}`));
  out.push(...row('namespace', c.namespace));
  out.push(...row(c.kind === 'Pod' ? 'pod' : 'workload', `${c.kind}/${c.name}`));
  out.push(...row(c.kind === 'Pod' ? 'controller' : 'owner', c.owner));
  out.push(...row('revision', c.revision));
  out.push(...row('step', c.step));
  out.push(...row(c.kind === 'Pod' ? 'state' : 'updated', c.percentUpdated));
  (c.images ?? []).forEach((im, i) => out.push(...row(i === 0 ? 'images' : '', `${im.container}: ${im.from} -> ${im.to}`)));
  out.push(...row('hook', c.hook));
  out.push(...row('acting as', ctx.user));
  out.push(...row('reason', ctx.reason));
  out.push('Plan:');
  out.push(`  ${plan.summary}`);
  for (const d of plan.details) out.push(`  ${d}`);
  out.push(plan.steps.length ? 'Writes:' : 'Writes: none');
  for (const s of plan.steps) {
    const t = s.target;
    if (s.verb === 'delete') {
      out.push(
        `  DELETE ${t.type.resource}${t.type.group ? `.${t.type.group}` : ''} ${t.namespace}/${t.name}${s.describe ? `: ${s.describe}` : ''}`,
      );
      continue;
    }
    out.push(
      `  PATCH ${t.type.resource}${t.type.group ? `.${t.type.group}` : ''}${s.subresource ? `/${s.subresource}` : ''} ${t.namespace}/${t.name} (${s.patchType === 'json' ? 'JSON patch' : 'merge patch'})${s.describe ? `: ${s.describe}` : ''}`,
    );
  }
  if (plan.exec) out.push('Runs (the console is suspended until it exits):', `  ${plan.exec.command.join(' ')}`);
  if (plan.warnings.length) {
    out.push('Warnings:');
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  return out;
}
