// GameZone (seed 004 shape; group/version configurable) -> ZoneInfo before the join with workloads
// (model/zones.ts fills services' workloads, readiness and the rollout roll-up).
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { ZoneInfo, ZoneService } from '../model/types.js';
import { imageTag } from '../model/format.js';
import { maskObject } from '../model/mask.js';
import type { ReadContext } from './shared/context.js';
import { expected, guard, isRecord, looseMeta, meta, missing, optArray, optString } from './shared/read-util.js';
import type { RowSpec, TypeOptions } from './spec.js';

export const DEFAULT_GAMEZONE = { group: 'apps.example.com', version: 'v1alpha1' } as const;

export type GameZoneTypeOptions = TypeOptions;

/** GameZone's group/version are configurable (config `gameZone`); these are the defaults. */
export function gameZoneType(o: GameZoneTypeOptions = {}): ResourceType {
  return {
    group: o.group ?? DEFAULT_GAMEZONE.group,
    version: o.version ?? DEFAULT_GAMEZONE.version,
    resource: o.resource ?? 'gamezones',
    kind: 'GameZone',
    namespaced: o.namespaced ?? true,
  };
}

function idOf(v: unknown, where: string): string | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isInteger(v)) return String(v);
  if (typeof v === 'string' && v.trim() !== '') return v.trim();
  throw expected(where, 'plans.read.anId', JSON.stringify(v));
}

function readServices(obj: KubeObject): ZoneService[] {
  return (optArray(obj, 'spec.gameZone.serviceConfig') ?? []).map((s, i) => {
    const where = `spec.gameZone.serviceConfig[${i}]`;
    if (!isRecord(s) || typeof s.type !== 'string' || !s.type) throw expected(where, ['type', 'id']);
    const id = idOf(s.id, `${where}.id`) ?? '1';
    const svc: ZoneService = { type: s.type, id };
    const endId = idOf(s.endId, `${where}.endId`);
    if (endId !== undefined && endId !== id) svc.endId = endId;
    if (s.image !== undefined) {
      if (typeof s.image !== 'string') throw expected(`${where}.image`, 'plans.read.aString');
      if (s.image) svc.image = s.image;
    }
    return svc;
  });
}

/** What the zone is configured with besides its id, images and services: masked (passwords, keys). */
const NOT_CONFIG = new Set(['zoneId', 'defaultImage', 'serviceConfig']);
function zoneConfig(obj: KubeObject): Record<string, unknown> | undefined {
  const gz = obj.spec?.gameZone;
  if (!isRecord(gz)) return undefined;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(gz)) if (!NOT_CONFIG.has(k)) out[k] = v;
  return Object.keys(out).length ? maskObject(out) : undefined;
}

export function readGameZone(cluster: string, obj: KubeObject, _ctx?: ReadContext): ZoneInfo {
  return guard(
    () => {
      const m = meta(obj);
      const zoneId = idOf(obj.spec?.gameZone?.zoneId, 'spec.gameZone.zoneId');
      if (zoneId === undefined) throw missing('spec.gameZone.zoneId');
      const defaultImage = optString(obj, 'spec.gameZone.defaultImage') || undefined;
      const services = readServices(obj);
      const zone: ZoneInfo = {
        cluster,
        namespace: m.namespace,
        zoneId,
        name: m.name,
        source: 'GameZone',
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        services,
        servicesReady: 0,
        servicesTotal: 0,
        rollout: 'complete',
        rolloutMessage: '',
      };
      if (m.createdAt) zone.createdAt = m.createdAt;
      const config = zoneConfig(obj);
      if (config) zone.config = config;
      if (defaultImage) {
        zone.defaultImage = defaultImage;
        zone.version = imageTag(defaultImage);
      }
      return zone;
    },
    (reason) => {
      const m = looseMeta(obj);
      return {
        cluster,
        namespace: m.namespace,
        zoneId: m.name,
        name: m.name,
        source: 'GameZone',
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        services: [],
        servicesReady: 0,
        servicesTotal: 0,
        rollout: 'invalid',
        rolloutMessage: `invalid: ${reason}`,
        invalid: reason,
      };
    },
  );
}

export const gameZone: RowSpec<'zone', 'GameZone'> = {
  kind: 'GameZone',
  role: 'zone',
  type: gameZoneType(),
  typeWith: gameZoneType,
  watchedBy: ['zones'],
  read: readGameZone,
};
