// Turns the rules' candidates into alerts: a candidate becomes an alert once it has lasted its
// threshold, counted from the object's own timestamp or from when the engine first saw it. Kept
// incremental for a fleet of 100k pods: rows the store did not change are the same objects from
// snapshot to snapshot, so a snapshot costs a pointer walk over the workloads and zones plus the work
// of the rows that changed (row-candidates.ts); pods, watched only for the screen in front, are one
// WeakMap look-up each (test/bench/alerts-derive.ts measures both).
import type { AlertThresholds } from '../../config/alerts.js';
import type { ClusterInfo, FederatedInfo, PodInfo, WorkloadInfo, ZoneInfo } from '../types.js';
import { clusterCandidates, federatedCandidates, zoneCandidates } from './fleet-rules.js';
import { noteRestarts, podCandidates, type PodOwner, type RestartSamples, restartsCandidate } from './pod-rules.js';
import { dependsOnNow, workloadCandidates } from './rollout-rules.js';
import { RowCandidates } from './row-candidates.js';
import { type Alert, type Candidate, SEVERITY_RANK } from './types.js';

export interface AlertInput {
  clusters: readonly ClusterInfo[];
  workloads: readonly WorkloadInfo[];
  pods: readonly PodInfo[];
  zones: readonly ZoneInfo[];
  federated: readonly FederatedInfo[];
}

export interface AlertResult {
  /** Worst first, then the oldest. */
  alerts: Alert[];
  /** When the next candidate reaches its threshold (epoch ms): derive again then. */
  nextDue?: number;
}

const NONE: readonly Candidate[] = [];

/** Worst first, then the longest-standing, then by id (stable between snapshots). */
export function compareAlerts(a: Alert, b: Alert): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.since < b.since ? -1 : a.since > b.since ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

const nsKey = (cluster: string, ns: string, name: string) => `${cluster}\u0000${ns}\u0000${name}`;

/** The workload a pod belongs to: its controller by name (a ReplicaSet's Deployment by the name before the hash). */
function ownerOf(p: PodInfo, byName: Map<string, WorkloadInfo>): PodOwner | undefined {
  const o = p.owner;
  if (!o) return undefined;
  const name = o.kind === 'ReplicaSet' ? o.name.slice(0, Math.max(0, o.name.lastIndexOf('-'))) : o.name;
  const w = byName.get(nsKey(p.cluster, p.namespace, name));
  return w ? { kind: w.kind, name: w.name, ...(w.zone ? { zone: w.zone } : {}) } : undefined;
}

const workloadId = (w: WorkloadInfo) => `${w.cluster}\u0000${w.namespace}\u0000${w.kind}\u0000${w.name}`;
const zoneId = (z: ZoneInfo) => `${z.cluster}\u0000${z.namespace}\u0000${z.zoneId}\u0000${z.name}`;
const federatedId = (f: FederatedInfo) => `${f.cluster}\u0000${f.namespace}\u0000${f.kind}\u0000${f.name}`;

export class AlertEngine {
  private readonly workloads: RowCandidates<WorkloadInfo>;
  private readonly zones: RowCandidates<ZoneInfo>;
  private readonly federated = new RowCandidates<FederatedInfo>(federatedId, federatedCandidates);
  private firstSeen = new Map<string, number>();
  private restarts = new Map<string, { samples: RestartSamples }>();
  /** Per pod row: no pod rule applies to it (the common case, decided once per row). */
  private healthy = new WeakMap<PodInfo, boolean>();
  private owners?: { workloads: readonly WorkloadInfo[]; byName: Map<string, WorkloadInfo> };

  constructor(private readonly t: AlertThresholds) {
    this.workloads = new RowCandidates(workloadId, (w, now) => workloadCandidates(w, t, now), dependsOnNow);
    this.zones = new RowCandidates(zoneId, (z) => zoneCandidates(z, t));
  }

  private podMemo = new WeakMap<PodInfo, { owner?: string; cs: readonly Candidate[] }>();
  private made = new WeakMap<Candidate, Alert>();
  private last?: Alert[];

  /** A pod's candidates name its owner, so they are made again when its owner is found or changes. */
  private podCached(p: PodInfo, owner: PodOwner | undefined): readonly Candidate[] {
    const o = owner ? `${owner.kind}/${owner.name}/${owner.zone ?? ''}` : undefined;
    const hit = this.podMemo.get(p);
    if (hit && hit.owner === o) return hit.cs;
    const made = podCandidates(p, owner, this.t);
    const cs = made.length ? made : NONE;
    this.podMemo.set(p, { owner: o, cs });
    return cs;
  }

  /** The same Alert object for the same candidate and start, so the console's row memo holds. */
  private alertOf(c: Candidate, since: number): Alert {
    const iso = new Date(since).toISOString();
    const hit = this.made.get(c);
    if (hit && hit.since === iso) return hit;
    const { after: _a, progress: _p, since: _s, ...rest } = c;
    const a: Alert = { ...rest, since: iso };
    this.made.set(c, a);
    return a;
  }

  private byName(workloads: readonly WorkloadInfo[]): Map<string, WorkloadInfo> {
    if (this.owners?.workloads !== workloads) {
      const byName = new Map<string, WorkloadInfo>();
      // A rollout controller row (Argo / Kruise Rollout) never owns pods; its workload does.
      for (const w of workloads) if (!w.workloadRef) byName.set(nsKey(w.cluster, w.namespace, w.name), w);
      this.owners = { workloads, byName };
    }
    return this.owners.byName;
  }

  derive(input: AlertInput, now: number): AlertResult {
    const t = this.t;
    const found: Candidate[] = [];
    const add = (cs: readonly Candidate[]) => {
      for (const c of cs) found.push(c);
    };
    for (const c of input.clusters) add(clusterCandidates(c));
    this.workloads.derive(input.workloads, now, add);
    this.federated.derive(input.federated, now, add);
    this.zones.derive(input.zones, now, add);

    // Pods: only where watched (rarely the whole fleet). Most pods are healthy and never restarted:
    // for those a pass is one WeakMap look-up; owners are looked up only for the others.
    const podAlerted = new Set<string>();
    if (input.pods.length) {
      const byName = this.byName(input.workloads);
      const seen = new Set<string>();
      for (const p of input.pods) {
        let healthy = this.healthy.get(p);
        if (healthy === undefined) this.healthy.set(p, (healthy = podCandidates(p, undefined, t).length === 0));
        if (healthy && p.restarts === 0) continue;
        const owner = p.owner ? ownerOf(p, byName) : undefined;
        if (!healthy) {
          const cs = this.podCached(p, owner);
          add(cs);
          if (cs.length && owner) podAlerted.add(nsKey(p.cluster, p.namespace, owner.name));
        }
        // Restart history of pods that restarted (counted from the first restart count seen).
        if (p.restarts > 0) {
          seen.add(p.uid);
          const prev = this.restarts.get(p.uid);
          const samples = noteRestarts(prev?.samples, p.restarts, now, t.restarts.window);
          if (samples !== prev?.samples) this.restarts.set(p.uid, { samples });
          const r = samples.length > 1 ? restartsCandidate(p, owner, samples, t) : undefined;
          if (r) found.push(r);
        }
      }
      if (this.restarts.size > seen.size) for (const uid of this.restarts.keys()) if (!seen.has(uid)) this.restarts.delete(uid);
    } else this.restarts.clear();

    const alerts: Alert[] = [];
    const first = new Map<string, number>();
    let nextDue: number | undefined;
    for (const c of found) {
      const key = c.progress === undefined ? c.id : `${c.id}\u0000${c.progress}`;
      const seenAt = this.firstSeen.get(key) ?? now;
      first.set(key, seenAt);
      // The workload-level "not ready" is said better by its pods' own alerts, where they are watched
      // (its clock keeps running, so it is back at once when the pods are no longer watched).
      if (c.rule === 'not-ready' && podAlerted.has(nsKey(c.cluster, c.namespace ?? '', c.object.name))) continue;
      const parsed = c.since ? Date.parse(c.since) : NaN;
      const since = Number.isNaN(parsed) ? seenAt : parsed;
      // A cluster clock a little ahead of ours puts `since` in the future: that has lasted 0, not less.
      if (Math.max(0, now - since) >= c.after) alerts.push(this.alertOf(c, since));
      else if (nextDue === undefined || since + c.after < nextDue) nextDue = since + c.after;
    }
    this.firstSeen = first;
    alerts.sort(compareAlerts);
    // Nothing changed: the same list, so what is memoized on it (the console's rows) holds.
    const prev = this.last;
    const same = prev !== undefined && prev.length === alerts.length && alerts.every((a, i) => a === prev[i]);
    const out = same ? prev : (this.last = alerts);
    return nextDue === undefined ? { alerts: out } : { alerts: out, nextDue };
  }
}
