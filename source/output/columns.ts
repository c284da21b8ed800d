// Column sets for the scripted list commands. Same data as the console, no colour.
import { age, imageTag, stepLabel } from '../model/format.js';
import type { ClusterInfo, HookRunInfo, WorkloadInfo, ZoneInfo } from '../model/types.js';
import type { Column } from './table.js';

const dash = (s: string | undefined | number) => (s === undefined || s === '' ? '-' : String(s));

export function zoneColumns(now: number): Column<ZoneInfo>[] {
  return [
    { header: 'CLUSTER', get: (z) => z.cluster },
    { header: 'NAMESPACE', get: (z) => z.namespace },
    { header: 'ZONE', get: (z) => z.zoneId },
    { header: 'NAME', get: (z) => z.name },
    { header: 'VERSION', get: (z) => dash(z.version) },
    { header: 'SERVICES', get: (z) => `${z.servicesReady}/${z.servicesTotal}` },
    { header: 'ROLLOUT', get: (z) => (z.invalid ? `invalid: ${z.invalid}` : z.rolloutMessage || z.rollout) },
    { header: 'AGE', get: (z) => dash(z.createdAt ? age(z.createdAt, now) : undefined) },
    { header: 'SOURCE', get: (z) => z.source, wide: true },
    { header: 'IMAGE', get: (z) => dash(z.defaultImage), wide: true },
  ];
}

export function rolloutColumns(now: number): Column<WorkloadInfo>[] {
  return [
    { header: 'CLUSTER', get: (w) => w.cluster },
    { header: 'NAMESPACE', get: (w) => w.namespace },
    { header: 'WORKLOAD', get: (w) => w.name },
    { header: 'KIND', get: (w) => w.kind },
    { header: 'STRATEGY', get: (w) => dash(w.rollout.strategy) },
    { header: 'STEP', get: (w) => stepCell(w) },
    { header: 'UPDATED', get: (w) => `${w.rollout.updated}/${w.rollout.replicas}` },
    { header: 'STATE', get: (w) => (w.invalid ? `invalid: ${w.invalid}` : stateCell(w, now)) },
    { header: 'HOOK', get: (w) => dash(w.rollout.hookPhase) },
    { header: 'ZONE', get: (w) => dash(w.zone), wide: true },
    { header: 'REVISION', get: (w) => `${dash(w.rollout.currentRevision)} -> ${dash(w.rollout.updateRevision)}`, wide: true },
    { header: 'IMAGES', get: (w) => w.containers.map((c) => `${c.name}=${imageTag(c.image)}`).join(','), wide: true },
  ];
}

function stepCell(w: WorkloadInfo): string {
  const r = w.rollout;
  if (!r.steps.length || r.stepIndex === undefined) return '-';
  const cur = r.steps[Math.min(r.stepIndex, r.steps.length - 1)];
  const label = stepLabel(r);
  return r.stepIndex >= r.steps.length ? label : `${label} (${cur?.kind ?? '?'})`;
}

function stateCell(w: WorkloadInfo, now: number): string {
  const r = w.rollout;
  if (r.paused && r.pausedSince) return `${r.message} ${age(r.pausedSince, now)}`;
  return r.message || r.phase;
}

export function hookRunColumns(now: number): Column<HookRunInfo>[] {
  return [
    { header: 'CLUSTER', get: (h) => h.cluster },
    { header: 'NAMESPACE', get: (h) => h.namespace },
    { header: 'NAME', get: (h) => h.name },
    { header: 'TYPE', get: (h) => h.type },
    { header: 'PHASE', get: (h) => (h.invalid ? `invalid: ${h.invalid}` : h.phase) },
    { header: 'OWNER', get: (h) => (h.owner ? `${h.owner.kind}/${h.owner.name}` : '-') },
    { header: 'STEP', get: (h) => dash(h.stepIndex === undefined ? undefined : h.stepIndex + 1) },
    { header: 'AGE', get: (h) => dash(h.createdAt ? age(h.createdAt, now) : undefined) },
    { header: 'POD', get: (h) => dash(h.pod), wide: true },
    {
      header: 'METRICS',
      get: (h) => h.metrics.map((m) => `${m.name}=${m.phase}${m.lastValue !== undefined ? `(${m.lastValue})` : ''}`).join(',') || '-',
      wide: true,
    },
    { header: 'MESSAGE', get: (h) => dash(h.message), wide: true },
  ];
}

export function clusterColumns(): Column<ClusterInfo>[] {
  return [
    { header: 'CLUSTER', get: (c) => c.name },
    { header: 'STATE', get: (c) => c.state },
    { header: 'VERSION', get: (c) => dash(c.version) },
    { header: 'LATENCY', get: (c) => (c.latencyMs === undefined ? '-' : `${c.latencyMs}ms`) },
    { header: 'KINDS', get: (c) => (c.kinds ? `${Object.values(c.kinds).filter(Boolean).length}/${Object.keys(c.kinds).length}` : '-') },
    { header: 'ERROR', get: (c) => dash(c.lastError) },
    { header: 'SERVER', get: (c) => c.server, wide: true },
    {
      header: 'INSTALLED',
      get: (c) =>
        c.kinds
          ? Object.entries(c.kinds)
              .filter(([, v]) => v)
              .map(([k]) => k)
              .join(',') || 'none'
          : '-',
      wide: true,
    },
    { header: 'USER', get: (c) => c.user, wide: true },
  ];
}
