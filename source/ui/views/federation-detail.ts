// Federated object: template, placement, per-cluster overrides (what differs per cluster) and
// per-cluster propagation status beside each member cluster's live state.
import { t } from '../../i18n/t.js';
import type { FederatedInfo } from '../../model/types.js';
import type { Snapshot } from '../../store/types.js';
import { imageTag, stateText, updatedText } from '../../model/format.js';
import { phaseTone } from '../../model/columns/tones.js';
import { fedKey, workloadKey } from './keys.js';
import { flatten, isSensitiveKey, LineBuilder } from './lines.js';
import type { BuildContext, DetailContent } from './types.js';

const PROP_WORD = {
  'not placed': 'views.fed.notPlaced',
  'not propagated': 'views.fed.notPropagated',
  propagated: 'views.fed.propagated',
} as const;

function members(s: Snapshot, f: FederatedInfo): string[] {
  const names = new Set<string>();
  if (f.placement.includes('*')) {
    for (const c of s.fedClusters) if (c.cluster === f.cluster) names.add(c.name);
  } else {
    for (const n of f.placement) names.add(n);
  }
  for (const c of f.clusters) names.add(c.name);
  return [...names].sort();
}

function showValue(path: string, v: unknown): string {
  const last = path.split('/').pop() ?? '';
  if (isSensitiveKey(last)) return '********';
  return typeof v === 'string' ? v : JSON.stringify(v);
}

export function buildFederationDetail(s: Snapshot, key: string, ctx: BuildContext): DetailContent | null {
  const f = s.federated.find((x) => fedKey(x) === key);
  if (!f) return null;
  const b = new LineBuilder();
  b.add('title', [
    { text: `${f.kind} ${f.namespace}/${f.name}`, token: 'title' },
    t('views.fed.onHost', { cluster: f.cluster }),
    ctx.stale.has(f.cluster) && { text: t('views.fed.staleHost'), token: 'stale' },
  ]);
  b.kv('target', t('views.label.targetKind'), f.targetKind);
  b.kv(
    'propagation',
    t('views.label.propagation'),
    `${f.propagation.status || t('views.fed.unknown')}${f.propagation.reason ? ` (${f.propagation.reason})` : ''}`,
  );
  if (f.invalid) b.kv('invalid', t('views.label.invalid'), f.invalid, 'error');
  b.kv(
    'placement',
    t('views.label.placement'),
    f.placement.includes('*') ? t('views.fed.allMembers') : f.placement.join(', ') || t('views.fed.noPlacement'),
  );
  if (f.clusterSelector && Object.keys(f.clusterSelector).length > 0) {
    b.kv(
      'selector',
      t('views.label.selector'),
      Object.entries(f.clusterSelector)
        .map(([k, v]) => `${k}=${v}`)
        .join(','),
    );
  }

  b.blank();
  const names = members(s, f);
  b.heading(t('views.fed.membersHeading', { n: names.length }));
  const liveKind = f.targetKind as Parameters<typeof workloadKey>[0]['kind'];
  for (const name of names) {
    const st = f.clusters.find((c) => c.name === name);
    const placed = f.placement.includes('*') || f.placement.includes(name);
    // The codes decide the colour; the words are shown.
    // eslint-disable-next-line i18next/no-literal-string -- codes, worded by PROP_WORD
    const prop = !placed ? 'not placed' : !st ? 'not propagated' : st.status === '' ? 'propagated' : st.status;
    const propText = prop in PROP_WORD ? t(PROP_WORD[prop as keyof typeof PROP_WORD]) : prop;
    const live = s.workloads.find(
      (w) => workloadKey(w) === workloadKey({ cluster: name, namespace: f.namespace, kind: liveKind, name: f.name }),
    );
    const conn = s.clusters.find((c) => c.name === name);
    const stale = ctx.stale.has(name);
    b.add(
      `m:${name}`,
      [
        { text: `  ${name}`, token: 'accent' },
        stale && { text: t('views.fed.staleMember', { state: conn?.state ?? t('views.fed.unknown') }), token: 'stale' },
        ' ',
        { text: propText, token: prop === 'propagated' ? 'ok' : prop === 'not placed' ? 'muted' : 'error' },
        ' | ',
        live
          ? {
              text: t('views.fed.live', {
                images: live.containers.map((c) => imageTag(c.image)).join(','),
                updated: updatedText(live.rollout),
                state: stateText(live.rollout, ctx.now),
              }),
              token: phaseTone(live.rollout.phase),
            }
          : { text: conn ? t('views.fed.liveNotFound') : t('views.fed.liveNotInFleet'), token: 'muted' },
      ],
      live ? { view: 'rollout', key: workloadKey(live), title: `${live.kind}/${live.name}@${name}` } : undefined,
    );
    for (const o of st?.overrides ?? []) {
      b.add(`m:${name}:o:${o.op}:${o.path}`, [
        { text: t('views.fed.override', { op: o.op || 'replace', path: o.path }), token: 'muted' },
        o.value !== undefined && ` = ${showValue(o.path, o.value)}`,
      ]);
    }
  }

  b.blank();
  const leaves = flatten(f.template, 300);
  b.heading(t('views.fed.templateHeading', { n: `${leaves.length}${leaves.length >= 300 ? '+' : ''}` }));
  for (const l of leaves) b.add(`t:${l.path}`, [{ text: `  ${l.path}`, token: 'muted' }, ` = ${l.value}`]);
  return { title: `${f.kind}/${f.name}`, lines: b.lines };
}
