// What the action commands print after a run: the ActionResult document (-o json) and the text lines.
import type { ExecuteResult } from '../source/actions/execute.js';
import type { PlannedAction, PlannedBase } from '../source/actions/service.js';
import { maskObject } from '../source/model/mask.js';
import type { Streams } from './action-io.js';
// `tr`: this file's `t` is a target.
import { t as tr } from '../source/i18n/t.js';

export function resultDocument(p: PlannedAction, res: ExecuteResult): Record<string, unknown> {
  const t = p.target;
  const out: Record<string, unknown> = {
    apiVersion: 'zonectl.io/v1',
    kind: 'ActionResult',
    action: p.plan.action,
    cluster: t.cluster,
    namespace: t.namespace,
    target: `${t.kind}/${t.name}`,
    summary: p.plan.summary,
    dryRun: res.dryRun,
    by: res.by,
    at: res.at,
    writes: res.writes.map((w) => ({
      kind: w.target.type.kind,
      name: w.target.name,
      subresource: w.subresource,
      patchType: w.patchType,
      body: maskObject(w.body),
      resourceVersion: w.resourceVersion,
    })),
    warnings: res.warnings,
  };
  if (res.eventName) out.event = res.eventName;
  return out;
}

export function printResult(io: Streams, p: PlannedBase, res: ExecuteResult): void {
  if (res.dryRun) {
    io.stdout.write(`${tr('commands.action.dryRun')}\n`);
    for (const w of res.writes)
      io.stdout.write(
        `  ${w.target.type.kind} ${w.target.namespace}/${w.target.name}${w.subresource ? `/${w.subresource}` : ''} ${w.patchType}: ${JSON.stringify(maskObject(w.body))}\n`,
      );
  } else
    io.stdout.write(
      `${res.eventName ? tr('commands.action.doneEvent', { summary: p.plan.summary, by: res.by, event: res.eventName }) : tr('commands.action.done', { summary: p.plan.summary, by: res.by })}\n`,
    );
  for (const w of res.warnings) io.stderr.write(`${tr('commands.warning.line', { message: w })}\n`);
}
