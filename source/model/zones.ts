// Zone roll-up: zones from GameZone objects joined with the workloads that carry the zone label,
// plus zones known only from the label. Pure; recomputed by the store per change batch.
import { tEn } from '../i18n/t.js';
import { imageTag } from './format.js';
import { linkRollouts, PHASE_RANK, rolloutFor } from './rollouts.js';
import type { RolloutPhase, WorkloadInfo, ZoneInfo, ZoneService } from './types.js';
import { byNumber, byText, byUnits } from './order.js';

/** Ranges longer than this are not expanded into one service per id (a malformed endId guard). */
const MAX_RANGE = 500;

/** Expand a service config entry into instance names: gateway 1..2 -> gateway-1, gateway-2. */
export function serviceInstances(s: ZoneService): ZoneService[] {
  const a = Number(s.id);
  const b = s.endId === undefined ? a : Number(s.endId);
  if (!Number.isInteger(a) || !Number.isInteger(b) || b < a || b - a >= MAX_RANGE) return [{ ...s }];
  const out: ZoneService[] = [];
  for (let i = a; i <= b; i++) out.push(s.image ? { type: s.type, id: String(i), image: s.image } : { type: s.type, id: String(i) });
  return out;
}

export function serviceName(s: Pick<ZoneService, 'type' | 'id'>): string {
  return `${s.type}-${s.id}`;
}

function serviceOf(w: WorkloadInfo): ZoneService {
  const name = w.service ?? w.name;
  const m = /^(.*)-(\d+)$/.exec(name);
  const image = w.containers[0]?.image;
  const s: ZoneService = m ? { type: m[1], id: m[2] } : { type: name, id: '' };
  if (image) s.image = image;
  s.workload = w.name;
  return s;
}

function isReady(w: WorkloadInfo): boolean {
  return !w.invalid && w.rollout.ready >= w.rollout.replicas;
}

/** A rollout controller drives the workload its workloadRef names; it is not a service itself. */
const drivesOther = (w: WorkloadInfo): boolean => !!w.workloadRef;

function mostCommonTag(ws: readonly WorkloadInfo[]): string | undefined {
  const counts = new Map<string, number>();
  for (const w of ws) {
    const img = w.containers[0]?.image;
    if (img) counts.set(imageTag(img), (counts.get(imageTag(img)) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [tag, c] of counts) if (c > n || (c === n && best !== undefined && tag > best)) [best, n] = [tag, c];
  return best;
}

/** The roll-up's message codes are English data (JSON carries them; format.ts rolloutText words them). */
let UP_TO_DATE: string | undefined;
const upToDate = (): string => (UP_TO_DATE ??= tEn('plans.rollout.upToDate'));

interface RollUp {
  phase: RolloutPhase;
  message: string;
}

/** failed > invalid > paused > progressing > complete; message names the worst workload. */
export function rollUp(ws: readonly WorkloadInfo[], rolloutOf: Map<string, WorkloadInfo>, missing: string[]): RollUp {
  const rows: Array<{ name: string; phase: RolloutPhase; message: string }> = [];
  for (const w of ws) {
    const r = rolloutFor(w, rolloutOf);
    const src = r && PHASE_RANK[r.rollout.phase] > PHASE_RANK[w.rollout.phase] ? r : w;
    if (src.rollout.phase !== 'complete') rows.push({ name: w.service ?? w.name, phase: src.rollout.phase, message: src.rollout.message });
  }
  if (!rows.length) {
    return {
      phase: 'complete',
      // A message code (JSON carries it); the console and the tables word it (format.ts rolloutText).
      message: missing.length
        ? tEn('plans.rollout.upToDateMissing', { names: missing.slice(0, 3).join(', ') }) +
          (missing.length > 3 ? ` (+${missing.length - 3})` : '')
        : upToDate(),
    };
  }
  rows.sort((a, b) => PHASE_RANK[b.phase] - PHASE_RANK[a.phase] || byText(a.name, b.name));
  const worst = rows[0];
  return { phase: worst.phase, message: `${worst.name}: ${worst.message}${rows.length > 1 ? ` (+${rows.length - 1} more)` : ''}` };
}

function zoneKey(cluster: string, ns: string, zoneId: string): string {
  return `${cluster}\u0000${ns}\u0000${zoneId}`;
}

/**
 * Join GameZone rows (from readGameZone) with workload rows (zone from the zone label, set by the
 * workload readers). A GameZone matches workloads in its cluster and namespace (any namespace when
 * the GameZone is cluster-scoped). Workloads whose zone has no GameZone form 'label' zones.
 * `controller` tells rollout controllers from services (the kind registry knows kinds that are one
 * even without a readable workloadRef).
 */
export function buildZones(
  gameZones: readonly ZoneInfo[],
  workloads: readonly WorkloadInfo[],
  controller: (w: WorkloadInfo) => boolean = drivesOther,
): ZoneInfo[] {
  const { workloads: linked, rolloutOf } = linkRollouts(workloads);
  return zoneRows(gameZones, linked, rolloutOf, controller).sort(compareZones);
}

/**
 * The zones order: cluster, then zone id (numeric), then namespace; ids the numeric collation calls equal
 * ("01" and "1") and any other tie are broken by the raw id and the name, so the order is total and the
 * store's incremental insertion (store/zone-index.ts) gives exactly what a full sort gives.
 */
export function compareZones(a: ZoneInfo, b: ZoneInfo): number {
  return (
    byText(a.cluster, b.cluster) ||
    byNumber(a.zoneId, b.zoneId) ||
    byText(a.namespace, b.namespace) ||
    byUnits(a.zoneId, b.zoneId) ||
    byUnits(a.name, b.name)
  );
}

/**
 * The zone rows of buildZones before sorting, from workloads already linked to their rollouts. Rows of
 * one (cluster, zone id) depend only on the GameZones and workloads with that cluster and zone id (and
 * the rollout rows driving those workloads): the store recomputes them per (cluster, zone id).
 */
export function zoneRows(
  gameZones: readonly ZoneInfo[],
  linked: readonly WorkloadInfo[],
  rolloutOf: Map<string, WorkloadInfo>,
  controller: (w: WorkloadInfo) => boolean = drivesOther,
): ZoneInfo[] {
  const isService = (w: WorkloadInfo) => !controller(w);
  const byZone = new Map<string, WorkloadInfo[]>();
  const byClusterZone = new Map<string, WorkloadInfo[]>();
  for (const w of linked) {
    if (!w.zone) continue;
    const k = zoneKey(w.cluster, w.namespace, w.zone);
    (byZone.get(k) ?? byZone.set(k, []).get(k)!).push(w);
    const ck = zoneKey(w.cluster, '', w.zone);
    (byClusterZone.get(ck) ?? byClusterZone.set(ck, []).get(ck)!).push(w);
  }
  const claimed = new Set<WorkloadInfo>();
  const zones: ZoneInfo[] = [];
  for (const gz of gameZones) {
    if (gz.invalid) {
      zones.push(gz);
      continue;
    }
    const ws =
      (gz.namespace ? byZone.get(zoneKey(gz.cluster, gz.namespace, gz.zoneId)) : byClusterZone.get(zoneKey(gz.cluster, '', gz.zoneId))) ??
      [];
    for (const w of ws) claimed.add(w);
    const svcWs = ws.filter(isService);
    const byName = new Map(svcWs.map((w) => [w.service ?? w.name, w]));
    const used = new Set<WorkloadInfo>();
    const services: ZoneService[] = [];
    const missing: string[] = [];
    const drift: string[] = [];
    for (const cfg of gz.services) {
      for (const inst of serviceInstances(cfg)) {
        const name = serviceName(inst);
        const w = byName.get(name);
        if (w) {
          used.add(w);
          // Desired (the entry's image, else the zone's default) next to what runs: drift is visible.
          const desired = inst.image ?? gz.defaultImage;
          const running = w.containers[0]?.image;
          const row: ZoneService = { ...inst, workload: w.name };
          if (desired && running && running !== desired) {
            row.running = running;
            drift.push(tEn('plans.rollout.driftOne', { service: name, running: imageTag(running), desired: imageTag(desired) }));
          }
          services.push(row);
        } else {
          missing.push(name);
          services.push(inst);
        }
      }
    }
    for (const w of svcWs) if (!used.has(w)) services.push(serviceOf(w));
    const ready = svcWs.filter(isReady).length;
    const r = rollUp(ws, rolloutOf, missing);
    const more = drift.length > 1 ? tEn('plans.rollout.more', { n: drift.length - 1 }) : '';
    const message = !drift.length
      ? r.message
      : r.phase === 'complete' && r.message === upToDate()
        ? tEn('plans.rollout.drift', { what: drift[0]!, more })
        : tEn('plans.rollout.withDrift', { message: r.message, what: drift[0]!, more });
    zones.push({ ...gz, services, servicesReady: ready, servicesTotal: services.length, rollout: r.phase, rolloutMessage: message });
  }
  for (const [k, ws] of byZone) {
    const rest = ws.filter((w) => !claimed.has(w));
    if (!rest.length) continue;
    const [cluster, namespace, zoneId] = k.split('\u0000');
    const svcWs = rest.filter(isService);
    const r = rollUp(rest, rolloutOf, []);
    const zone: ZoneInfo = {
      cluster,
      namespace,
      zoneId,
      name: zoneId,
      source: 'label',
      services: svcWs.map(serviceOf),
      servicesReady: svcWs.filter(isReady).length,
      servicesTotal: svcWs.length,
      rollout: r.phase,
      rolloutMessage: r.message,
    };
    const version = mostCommonTag(svcWs);
    if (version) zone.version = version;
    zones.push(zone);
  }
  return zones;
}
