// `zonectl restart` / the console's R: restart a workload's pods the way its controller supports
// (the kind's RestartSpec, kinds/spec.ts), planned like every other action. Owners first: kubefed and
// Argo CD own the whole spec and put the template back, which would roll the pods a second time, so
// the restart is refused there with where to make it; Helm's next upgrade drops the annotation (a
// warning); a GameZone sets only the image and the replicas, so the annotation stays. Pure.
import { t } from '../../i18n/t.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { WorkloadSpec } from '../spec.js';
import { ownerLabel } from '../shared/owner.js';
import { isRecord } from '../shared/read-util.js';
import { headline, jsonBody, mergeBody, ok, type PlanInput, refuse } from './common.js';
import { compose, seen, write } from './compose.js';
import type { PlanResult } from './types.js';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** JSON pointer escaping of one path segment (RFC 6901: ~ -> ~0, / -> ~1). */
const seg = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

function ownerRefusal(w: WorkloadInfo): string | undefined {
  const o = w.owner;
  if (!o) return undefined;
  if (o.kind === 'kubefed') return t('plans.restart.kubefed', { owner: ownerLabel(o), when: o.reverts });
  if (o.kind === 'Argo CD') return t('plans.restart.argocd', { owner: ownerLabel(o), when: o.reverts });
  return undefined;
}

export function planRestart(spec: WorkloadSpec, input: PlanInput): PlanResult {
  const { cluster, obj } = input;
  const w = spec.read(cluster, obj);
  const how = spec.restart;
  if (w.invalid) return refuse('restart', w, t('plans.common.invalid', { reason: w.invalid }));
  if (!how) return refuse('restart', w, t('plans.restart.unknown', { kind: w.kind }));
  if (how.how === 'refuse') return refuse('restart', w, how.why(w));
  const refused = ownerRefusal(w);
  if (refused) return refuse('restart', w, refused);
  const at = new Date(input.now ?? Date.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const effect = how.effect(w, obj);
  const warnings = [...(effect.warnings ?? [])];
  const head = headline(w, 'plans.head.restart');
  const summary = [head.summary];
  let step;
  if (how.how === 'template-annotation') {
    // A JSON patch: `add` replaces the value when present; the template's metadata or annotations may
    // be absent, and a merge patch cannot guard the resourceVersion of a CR with a test of its own.
    const segs = how.template.split('/').filter(Boolean);
    let tpl: unknown = obj;
    for (const s of segs) tpl = isRecord(tpl) ? tpl[s] : undefined;
    if (!isRecord(tpl)) return refuse('restart', w, t('plans.restart.noTemplate', { path: how.template }));
    const md = isRecord(tpl.metadata) ? tpl.metadata : undefined;
    const ops: unknown[] = [];
    if (!md) ops.push({ op: 'add', path: `${how.template}/metadata`, value: { annotations: { [RESTARTED_AT]: at } } });
    else if (!isRecord(md.annotations))
      ops.push({ op: 'add', path: `${how.template}/metadata/annotations`, value: { [RESTARTED_AT]: at } });
    else ops.push({ op: 'add', path: `${how.template}/metadata/annotations/${seg(RESTARTED_AT)}`, value: at });
    const before = md && isRecord(md.annotations) ? md.annotations[RESTARTED_AT] : undefined;
    const path = `${how.template.slice(1).replace(/\//g, '.')}.metadata.annotations["${RESTARTED_AT}"]`;
    summary.push(typeof before === 'string' ? t('plans.setWas', { path, value: at, was: before }) : t('plans.set', { path, value: at }));
    step = write(cluster, spec.type, w.namespace, w.name, 'json', jsonBody(w.resourceVersion, ops));
  } else {
    summary.push(t('plans.set', { path: 'spec.restartAt', value: at }));
    step = write(cluster, spec.type, w.namespace, w.name, 'merge', mergeBody(w.resourceVersion, { spec: { restartAt: at } }));
  }
  summary.push(effect.line);
  if (w.owner?.kind === 'Helm') warnings.push(t('plans.restart.helm', { owner: ownerLabel(w.owner) }));
  if (w.owner?.kind === 'GameZone') summary.push(t('plans.restart.gameZone', { owner: ownerLabel(w.owner) }));
  const plan = compose(w, spec.type, input, {
    action: 'restart',
    steps: [step],
    preconditions: seen(w, { step: false }),
    summary,
    record: head.record,
    warnings,
    requiresForce: effect.requiresForce,
  });
  return ok(plan);
}
