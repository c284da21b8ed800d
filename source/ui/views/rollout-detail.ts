// Rollout detail: steps (current marked, with its timer), current -> update revision and images,
// hook runs with metric results, pods with revision / ready / restarts / hook conditions.
import { t } from '../../i18n/t.js';
import { workloadSpec } from '../../kinds/registry.js';
import { ownerLabel } from '../../kinds/shared/owner.js';
import type { HookRunInfo, PodInfo, WorkloadInfo } from '../../model/types.js';
import type { Snapshot } from '../../store/types.js';
import { age, shortDuration, stateText, updatedText } from '../../model/format.js';
import { hookTone, phaseTone } from '../../model/columns/tones.js';
import { ms, shortRev } from '../text/format.js';
import { workloadKey } from './keys.js';
import { LineBuilder } from './lines.js';
import { actionHeading, stateActionLines } from './rollout-actions.js';
import type { BuildContext, DetailContent } from './types.js';
import { byText } from '../../model/order.js';

export function podsOf(s: Snapshot, w: WorkloadInfo): PodInfo[] {
  const sel = w.selector && Object.keys(w.selector).length > 0 ? Object.entries(w.selector) : undefined;
  return s.pods.filter((p) => {
    if (p.cluster !== w.cluster || p.namespace !== w.namespace) return false;
    if (p.owner && p.owner.kind === w.kind) return p.owner.name === w.name;
    if (sel) return sel.every(([k, v]) => p.labels[k] === v);
    return p.owner?.name === w.name;
  });
}

export function hookRunsOf(s: Snapshot, w: WorkloadInfo): HookRunInfo[] {
  return s.hookRuns
    .filter((h) => h.cluster === w.cluster && h.namespace === w.namespace && h.owner?.name === w.name)
    .sort((a, b) => ms(b.createdAt) - ms(a.createdAt) || byText(a.name, b.name));
}

/** A pod's in-place update: the container still being swapped, else when the last one happened. */
function inPlaceSegs(p: PodInfo, now: number): Array<{ text: string; token?: 'info' | 'muted' }> {
  const swapping = p.containers.filter((c) => c.runningImage && c.runningImage !== c.image);
  if (swapping.length) return swapping.map((c) => ({ text: t('views.pod.updating', { name: c.name }), token: 'info' as const }));
  const raw = p.inPlaceUpdateState;
  if (!raw) return [];
  try {
    const st = JSON.parse(raw) as { revision?: unknown; updateTimestamp?: unknown };
    const when = typeof st.updateTimestamp === 'string' ? age(st.updateTimestamp, now) : '';
    return [
      {
        text: `${t('views.pod.inPlace')}${typeof st.revision === 'string' ? t('views.pod.inPlaceTo', { rev: shortRev(st.revision) }) : ''}${when ? t('views.pod.inPlaceAgo', { age: when }) : ''}`,
        token: 'muted',
      },
    ];
  } catch {
    return [{ text: t('views.pod.inPlaceRaw', { raw: raw.slice(0, 24) }), token: 'info' }];
  }
}

/** "[######..............]" — ASCII so every terminal and font shows it. */
export function bar(n: number, of: number, cells: number): string {
  const full = of <= 0 ? 0 : Math.round((Math.min(n, of) / of) * cells);
  return `[${'#'.repeat(full)}${'.'.repeat(cells - full)}]`;
}

export function buildRolloutDetail(s: Snapshot, key: string, ctx: BuildContext): DetailContent | null {
  const w = s.workloads.find((x) => workloadKey(x) === key);
  if (!w) return null;
  const r = w.rollout;
  const b = new LineBuilder();
  const stale = ctx.stale.has(w.cluster);

  b.add('title', [
    { text: `${w.kind} ${w.namespace}/${w.name}`, token: 'title' },
    t('views.detail.in', { where: w.cluster }),
    stale && { text: t('views.detail.staleCluster'), token: 'stale' },
  ]);
  b.kv('state', t('views.label.state'), stateText(r, ctx.now), phaseTone(r.phase));
  if (w.invalid) b.kv('invalid', t('views.label.invalid'), w.invalid, 'error');
  b.kv('strategy', t('views.label.strategy'), r.strategy || '-');
  b.kv(
    'replicas',
    t('views.label.replicas'),
    t('views.rollout.replicas', { replicas: r.replicas, updated: updatedText(r), updatedReady: r.updatedReady, ready: r.ready }),
  );
  if (r.replicas > 0)
    b.kv(
      'progress',
      t('views.label.progress'),
      t('views.rollout.progress', { bar: bar(r.updated, r.replicas, 20), updated: updatedText(r), updatedReady: r.updatedReady }),
      r.updated >= r.replicas ? 'ok' : 'info',
    );
  if (r.partition !== undefined) b.kv('partition', t('views.label.partition'), String(r.partition));
  b.kv(
    'revision',
    t('views.label.revision'),
    `${shortRev(r.currentRevision)} -> ${shortRev(r.updateRevision)}${r.stableRevision ? t('views.rollout.stable', { rev: shortRev(r.stableRevision) }) : ''}`,
  );
  for (const c of w.containers) b.kv(`img:${c.name}`, t('views.label.imageOf', { name: c.name }), c.image);
  if (w.zone) b.kv('zone', t('views.label.zone'), `${w.zone}${w.service ? ` / ${w.service}` : ''}`);
  if (w.rolloutRef) b.kv('ctrl', t('views.label.controller'), `${w.rolloutRef.kind}/${w.rolloutRef.name}`);
  if (w.owner) {
    // Desired (what the owner asks for) next to what runs: a change made below the owner shows as drift.
    const svc = s.zones
      .find((z) => z.cluster === w.cluster && z.namespace === w.namespace && z.source === 'GameZone' && z.name === w.owner?.name)
      ?.services.find((x) => x.workload === w.name);
    const zone = s.zones.find((z) => z.cluster === w.cluster && z.namespace === w.namespace && z.name === w.owner?.name);
    const desired = svc?.image ?? zone?.defaultImage;
    b.kv(
      'owner',
      t('views.label.owner'),
      `${ownerLabel(w.owner)}${desired ? t('views.rollout.asks', { image: desired }) : ''}${svc?.running ? t('views.rollout.ownerDrift') : ''}`,
      svc?.running ? 'warn' : undefined,
    );
  }

  b.blank();
  b.heading(t('views.rollout.stepsHeading', { n: r.steps.length }));
  if (r.steps.length === 0) b.add('steps:none', [{ text: t('views.rollout.noSteps'), token: 'muted' }]);
  for (const st of r.steps) {
    const cur = r.stepIndex === st.index;
    const done = r.stepIndex !== undefined && st.index < r.stepIndex;
    const mark = cur ? '[>]' : done ? '[x]' : '[ ]';
    let timer = '';
    if (cur && r.paused && r.pausedSince) {
      timer = t('views.rollout.pausedFor', { d: shortDuration((ctx.now - ms(r.pausedSince)) / 1000) });
      if (r.pauseEndsAt) timer += t('views.rollout.resumesIn', { d: shortDuration((ms(r.pauseEndsAt) - ctx.now) / 1000) });
      else if (st.kind === 'pause' && st.pauseSeconds === undefined) timer += t('views.rollout.awaitingApproval');
    }
    b.add(`step:${st.index}`, [
      { text: `  ${mark} ${st.index + 1}. `, token: cur ? 'accent' : done ? 'muted' : undefined },
      { text: st.summary, token: cur ? 'accent' : done ? 'muted' : undefined },
      timer && { text: timer, token: phaseTone(r.phase) },
    ]);
  }

  b.blank();
  const hooks = hookRunsOf(s, w);
  b.heading(t('views.rollout.hooksHeading', { n: hooks.length }));
  if (hooks.length === 0) b.add('hooks:none', [{ text: t('views.detail.none'), token: 'muted' }]);
  for (const h of hooks.slice(0, 20)) {
    b.add(`hook:${h.name}`, [
      `  ${h.name} `,
      { text: h.type, token: 'muted' },
      h.stepIndex !== undefined && t('views.rollout.hookStep', { step: h.stepIndex + 1 }),
      h.pod && t('views.rollout.hookPod', { pod: h.pod }),
      ' ',
      { text: h.phase, token: hookTone(h.phase) },
      h.message && { text: ` ${h.message}`, token: 'muted' },
      ` ${age(h.createdAt, ctx.now)}`,
    ]);
    for (const m of h.metrics) {
      const counts = [
        m.successful !== undefined && t('views.metric.ok', { n: m.successful }),
        m.failed ? t('views.metric.failed', { n: m.failed }) : '',
        m.inconclusive ? t('views.metric.inconclusive', { n: m.inconclusive }) : '',
        m.error ? t('views.metric.error', { n: m.error }) : '',
      ]
        .filter(Boolean)
        .join(' ');
      b.add(`hook:${h.name}:m:${m.name}`, [
        `      ${t('views.metric.name', { name: m.name })}`,
        { text: m.phase, token: hookTone(m.phase) },
        counts && t('views.metric.detail', { counts }),
        m.lastValue !== undefined && t('views.metric.last', { value: String(m.lastValue) }),
        m.message && { text: ` ${m.message}`, token: 'muted' },
      ]);
    }
  }

  b.blank();
  const pods = podsOf(s, w).sort((a, b2) => a.name.localeCompare(b2.name, 'en', { numeric: true }));
  b.heading(t('views.rollout.podsHeading', { n: pods.length }));
  if (pods.length === 0) b.add('pods:none', [{ text: t('views.detail.none'), token: 'muted' }]);
  // The kind may say more per pod from its labels (an OKG GameServer's state, opsState and priority).
  const note = workloadSpec(w.kind)?.pods?.note;
  for (const p of pods) {
    const updated = r.updateRevision && p.revision === r.updateRevision;
    const conds = r.hookConditions.filter((c) => c.podName === p.name);
    const extra = note?.(p.labels);
    b.add(
      `pod:${p.name}`,
      [
        `  ${p.name} `,
        {
          text: `${t('views.pod.rev', { rev: shortRev(p.revision) })}${updated ? t('views.pod.new') : ''}`,
          token: updated ? 'accent' : 'muted',
        },
        ' ',
        { text: p.ready ? t('views.pod.ready') : t('views.pod.notReady', { phase: p.phase }), token: p.ready ? 'ok' : 'warn' },
        { text: t('views.pod.restarts', { n: p.restarts }), token: p.restarts > 0 ? 'warn' : undefined },
        extra && { text: ` ${extra}`, token: 'muted' },
        ...inPlaceSegs(p, ctx.now),
        ...conds.map((c) => ({ text: ` ${c.type} ${c.phase}`, token: hookTone(c.phase) })),
      ],
      undefined,
      { cluster: p.cluster, namespace: p.namespace, name: p.name },
    );
  }

  b.blank();
  for (const l of [actionHeading(), ...stateActionLines(w, key)]) b.add(l.key, l.segs);
  return { title: `${w.kind}/${w.name}`, lines: b.lines };
}
