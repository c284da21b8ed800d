// Rules over the fleet's other rows: a cluster zonectl cannot read, a federated object whose
// propagation failed, and a zone whose services run more than one version. Pure.
import type { AlertThresholds } from '../../config/alerts.js';
import { t as tr } from '../../i18n/t.js';
import { imageRepo, imageTag } from '../format.js';
import type { ClusterInfo, FederatedInfo, ZoneInfo } from '../types.js';
import { alertId, type Candidate } from './types.js';

/** A cluster's state as a word (the state itself is a code: ClusterInfo.state). */
function clusterState(state: ClusterInfo['state']): string {
  switch (state) {
    case 'unreachable':
      return tr('report.alert.state.unreachable');
    case 'forbidden':
      return tr('report.alert.state.forbidden');
    case 'degraded':
      return tr('report.alert.state.degraded');
    default:
      return state;
  }
}

export function clusterCandidates(c: ClusterInfo): Candidate[] {
  if (c.state === 'ready' || c.state === 'connecting') return [];
  const forbidden = c.state === 'forbidden';
  const rule = forbidden ? 'cluster-forbidden' : 'cluster-unreachable';
  return [
    {
      id: alertId(rule, c.name, undefined, 'Cluster', c.name),
      // Degraded (some kinds unreadable) still shows most of the cluster: a warning.
      severity: c.state === 'degraded' ? 'warning' : 'critical',
      rule,
      cluster: c.name,
      object: { kind: 'Cluster', name: c.name },
      message: c.lastError ? tr('report.alert.clusterError', { state: clusterState(c.state), error: c.lastError }) : clusterState(c.state),
      fixes: forbidden ? ['check-access'] : [],
      after: 0,
    },
  ];
}

/** kubefed: status.clusters[].status empty = propagated; the Propagation condition False = failed. */
export function federatedCandidates(f: FederatedInfo): Candidate[] {
  if (f.invalid) return [];
  const failed = f.clusters.filter((c) => c.status !== '' && c.status !== 'WaitingForRemoval');
  if (!failed.length && f.propagation.status !== 'False') return [];
  const what = failed.length
    ? failed
        .slice(0, 3)
        .map((c) => `${c.name}: ${c.status}`)
        .join(', ') + (failed.length > 3 ? tr('report.alert.more', { n: failed.length - 3 }) : '')
    : (f.propagation.reason ?? tr('report.alert.propagationFailedShort'));
  return [
    {
      id: alertId('propagation-failed', f.cluster, f.namespace, f.kind, f.name),
      severity: 'critical',
      rule: 'propagation-failed',
      cluster: f.cluster,
      namespace: f.namespace,
      object: { kind: f.kind, name: f.name },
      message: tr('report.alert.propagationFailed', { what }),
      fixes: ['check-federation'],
      after: 0,
    },
  ];
}

/**
 * The versions (tags) a zone's services run, among the services on the zone's own image repository
 * (a GameZone's defaultImage, else the most common repository): a db or a sidecar on another image
 * is not a version mismatch.
 */
export function zoneVersions(z: ZoneInfo): string[] {
  const images = z.services.map((s) => s.running ?? s.image).filter((i): i is string => !!i);
  if (images.length < 2) return [];
  let repo = z.defaultImage ? imageRepo(z.defaultImage) : undefined;
  if (!repo) {
    const n = new Map<string, number>();
    for (const i of images) n.set(imageRepo(i), (n.get(imageRepo(i)) ?? 0) + 1);
    repo = [...n].sort((a, b) => b[1] - a[1])[0]![0];
  }
  return [...new Set(images.filter((i) => imageRepo(i) === repo).map(imageTag))].sort();
}

export function zoneCandidates(z: ZoneInfo, t: AlertThresholds): Candidate[] {
  if (z.invalid) return [];
  const versions = zoneVersions(z);
  if (versions.length < 2) return [];
  return [
    {
      id: alertId('mixed-versions', z.cluster, z.namespace, 'Zone', z.zoneId),
      severity: 'warning',
      rule: 'mixed-versions',
      cluster: z.cluster,
      namespace: z.namespace,
      object: { kind: 'Zone', name: z.zoneId },
      zone: z.zoneId,
      message: tr('report.alert.mixedVersions', { versions: versions.join(', ') }),
      fixes: ['hotupdate'],
      after: t.mixedVersions,
      // Another set of versions is another mismatch: its clock starts again.
      progress: versions.join(','),
    },
  ];
}
