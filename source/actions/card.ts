// The approval card and plan as text lines, shared by the scripted commands and the console.
import stringWidth from 'string-width';
import type { Plan } from '../kinds/plan/types.js';
import { t, type MessageKey } from '../i18n/t.js';

/** The card's headline per action: "Approve {target}" (the target is KIND/NAME). */
const VERB: Record<string, MessageKey> = {
  approve: 'actions.card.verb.approve',
  reject: 'actions.card.verb.reject',
  'skip-hook': 'actions.card.verb.skipHook',
  'retry-hooks': 'actions.card.verb.retryHooks',
  hotupdate: 'actions.card.verb.hotupdate',
  hold: 'actions.card.verb.hold',
  release: 'actions.card.verb.release',
  restart: 'actions.card.verb.restart',
  'delete-pod': 'actions.card.verb.deletePod',
  shell: 'actions.card.verb.shell',
};

export interface CardContext {
  user: string;
  reason?: string;
  protectedContext?: boolean;
  dryRun?: boolean;
}

/** `s` padded to `cells` terminal cells (a Chinese label is two cells a character). */
const padCells = (s: string, cells: number) => s + ' '.repeat(Math.max(0, cells - stringWidth(s)));

export function cardLines(plan: Plan, ctx: CardContext): string[] {
  const c = plan.card;
  const row = (k: MessageKey | '', v: string | undefined) => (v ? [`  ${padCells(k ? t(k) : '', 11)} ${v}`] : []);
  const pod = c.kind === 'Pod';
  const verb = VERB[plan.action];
  const target = `${c.kind}/${c.name}`;
  const head = verb ? t(verb, { target }) : `${plan.action} ${target}`;
  const out = [ctx.dryRun ? t('actions.card.dryRun', { head }) : head];
  out.push(...row('actions.card.row.cluster', ctx.protectedContext ? t('actions.card.protected', { cluster: c.cluster }) : c.cluster));
  out.push(...row('actions.card.row.namespace', c.namespace));
  out.push(...row(pod ? 'actions.card.row.pod' : 'actions.card.row.workload', target));
  out.push(...row(pod ? 'actions.card.row.controller' : 'actions.card.row.owner', c.owner));
  out.push(...row('actions.card.row.revision', c.revision));
  out.push(...row('actions.card.row.step', c.step));
  out.push(...row(pod ? 'actions.card.row.state' : 'actions.card.row.updated', c.percentUpdated));
  (c.images ?? []).forEach((im, i) =>
    out.push(...row(i === 0 ? 'actions.card.row.images' : '', `${im.container}: ${im.from} -> ${im.to}`)),
  );
  out.push(...row('actions.card.row.hook', c.hook));
  out.push(...row('actions.card.row.actingAs', ctx.user));
  out.push(...row('actions.card.row.reason', ctx.reason));
  out.push(t('actions.card.plan'));
  out.push(`  ${plan.summary}`);
  for (const d of plan.details) out.push(`  ${d}`);
  out.push(t(plan.steps.length ? 'actions.card.writes' : 'actions.card.writesNone'));
  for (const s of plan.steps) {
    const tg = s.target;
    const res = `${tg.type.resource}${tg.type.group ? `.${tg.type.group}` : ''}`;
    const describe = s.describe ? `: ${s.describe}` : '';
    if (s.verb === 'delete') {
      out.push(`  DELETE ${res} ${tg.namespace}/${tg.name}${describe}`);
      continue;
    }
    const patch = t(s.patchType === 'json' ? 'actions.card.jsonPatch' : 'actions.card.mergePatch');
    out.push(`  PATCH ${res}${s.subresource ? `/${s.subresource}` : ''} ${tg.namespace}/${tg.name} (${patch})${describe}`);
  }
  if (plan.exec) out.push(t('actions.card.runs'), `  ${plan.exec.command.join(' ')}`);
  if (plan.warnings.length) {
    out.push(t('actions.card.warnings'));
    for (const w of plan.warnings) out.push(`  ! ${w}`);
  }
  return out;
}
