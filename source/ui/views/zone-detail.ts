// Zone detail: services -> workloads -> pods, with versions and health.
import { t } from '../../i18n/t.js';
import type { WorkloadInfo } from '../../model/types.js';
import type { Snapshot } from '../../store/types.js';
import { age, imageTag, rolloutText, stateText, updatedText } from '../../model/format.js';
import { phaseTone } from '../../model/columns/tones.js';
import { shortRev } from '../text/format.js';
import { workloadKey, zoneKey } from './keys.js';
import { LineBuilder } from './lines.js';
import { podsOf } from './rollout-detail.js';
import type { BuildContext, DetailContent } from './types.js';

function serviceName(type: string, id: string, endId?: string): string {
  return endId && endId !== id ? `${type}-${id}..${endId}` : `${type}-${id}`;
}

export function buildZoneDetail(s: Snapshot, key: string, ctx: BuildContext): DetailContent | null {
  const z = s.zones.find((x) => zoneKey(x) === key);
  if (!z) return null;
  const b = new LineBuilder();
  b.add('title', [
    { text: t('views.zone.title', { id: z.zoneId, name: z.name }), token: 'title' },
    t('views.detail.in', { where: `${z.cluster}/${z.namespace}` }),
    ctx.stale.has(z.cluster) && { text: t('views.detail.staleCluster'), token: 'stale' },
  ]);
  b.kv('rollout', t('views.label.rollout'), rolloutText(z.rolloutMessage || z.rollout), phaseTone(z.rollout));
  if (z.invalid) b.kv('invalid', t('views.label.invalid'), z.invalid, 'error');
  b.kv('version', t('views.label.version'), z.version ?? '-');
  if (z.defaultImage) b.kv('image', t('views.label.image'), z.defaultImage);
  b.kv(
    'services',
    t('views.label.services'),
    t('views.zone.servicesReady', { ready: z.servicesReady, total: z.servicesTotal }),
    z.servicesReady === z.servicesTotal ? 'ok' : 'warn',
  );
  b.kv('source', t('views.label.source'), z.source === 'GameZone' ? t('views.zone.sourceGameZone') : t('views.zone.sourceLabel'));
  if (z.createdAt) b.kv('age', t('views.label.age'), age(z.createdAt, ctx.now));

  const zoneWorkloads = s.workloads.filter((w) => w.cluster === z.cluster && w.namespace === z.namespace && w.zone === z.zoneId);
  const used = new Set<WorkloadInfo>();
  const byName = new Map(zoneWorkloads.map((w) => [w.name, w]));

  b.blank();
  b.heading(t('views.zone.servicesHeading', { n: z.services.length }));
  if (z.services.length === 0 && zoneWorkloads.length === 0) b.add('svc:none', [{ text: t('views.zone.noServices'), token: 'muted' }]);
  for (const svc of z.services) {
    const name = serviceName(svc.type, svc.id, svc.endId);
    const ws = zoneWorkloads.filter((w) =>
      svc.workload ? w.name === svc.workload : w.service === name || w.service === `${svc.type}-${svc.id}`,
    );
    if (ws.length === 0 && svc.workload && byName.has(svc.workload)) ws.push(byName.get(svc.workload)!);
    b.add(`svc:${name}`, [
      { text: `  ${name}`, token: 'accent' },
      svc.image && { text: ` ${imageTag(svc.image)}`, token: 'muted' },
      ws.length === 0 && { text: t('views.zone.noWorkload'), token: 'warn' },
    ]);
    for (const w of ws) {
      used.add(w);
      addWorkload(b, s, w, ctx, '    ');
    }
  }
  const others = zoneWorkloads.filter((w) => !used.has(w));
  if (others.length > 0) {
    b.blank();
    b.heading(t('views.zone.othersHeading', { n: others.length }));
    for (const w of others) addWorkload(b, s, w, ctx, '  ');
  }
  return { title: `${t('views.crumb.zone')} ${z.zoneId}`, lines: b.lines };
}

function addWorkload(b: LineBuilder, s: Snapshot, w: WorkloadInfo, ctx: BuildContext, indent: string): void {
  const key = workloadKey(w);
  const r = w.rollout;
  const drill = { view: 'rollout' as const, key, title: `${w.kind}/${w.name}` };
  b.add(
    `wl:${key}`,
    [
      `${indent}${kindShort(w.kind)}/${w.name} `,
      { text: w.containers.map((c) => imageTag(c.image)).join(',') || '-', token: 'muted' },
      t('views.zone.workloadCounts', { ready: r.ready, replicas: r.replicas, updated: updatedText(r) }),
      { text: stateText(r, ctx.now), token: phaseTone(r.phase) },
    ],
    drill,
  );
  const pods = podsOf(s, w).sort((a, c) => a.name.localeCompare(c.name, 'en', { numeric: true }));
  for (const p of pods) {
    const isNew = r.updateRevision !== undefined && p.revision === r.updateRevision;
    b.add(
      `pod:${key}:${p.name}`,
      [
        `${indent}  ${p.name} `,
        { text: p.ready ? t('views.pod.ready') : p.phase, token: p.ready ? 'ok' : 'warn' },
        {
          text: ` ${t('views.pod.rev', { rev: shortRev(p.revision) })}${isNew ? t('views.pod.new') : ''}`,
          token: isNew ? 'accent' : 'muted',
        },
        { text: t('views.pod.restarts', { n: p.restarts }), token: p.restarts > 0 ? 'warn' : undefined },
        p.node && { text: ` ${p.node}`, token: 'muted' },
      ],
      drill,
      { cluster: p.cluster, namespace: p.namespace, name: p.name },
    );
  }
}

/** Kind as shown in the zone's narrow workload lines. */
function kindShort(kind: WorkloadInfo['kind']): string {
  switch (kind) {
    case 'GameStatefulSet':
      return 'GameSTS';
    case 'GameDeployment':
      return 'GameDeploy';
    case 'KruiseRollout':
      return 'KruiseRO';
    default:
      return kind;
  }
}
