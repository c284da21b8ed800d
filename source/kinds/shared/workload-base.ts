// Fields every workload row shares (metadata, containers, zone/service labels) and the invalid row.
import { t, tEn } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import type { ContainerImage, RolloutStatus, WorkloadInfo } from '../../model/types.js';
import type { WorkloadKind } from '../../model/workload-kinds.js';
import type { ActionAvailability, ActionName } from '../../model/action-types.js';
import { clock } from '../../model/format.js';
import { AUDIT_ANNOTATION, parseLastAction, RELEASE_ANNOTATION } from '../../model/last-action.js';
import { sharedAvailability, type LazyReason } from './shared-availability.js';
import { ownerOf } from './owner.js';
import { DEFAULT_SERVICE_LABEL, DEFAULT_ZONE_LABEL, nowOf, type ReadContext } from './context.js';
import { expected, isRecord, looseMeta, meta, type MetaFields, optArray, optNumber, optStringMap } from './read-util.js';

/**
 * The prefix of an availability reason that is a caveat, not a refusal ("warning: OnDelete strategy..."):
 * a code that the planners (compose.ts, --force) and the console look for, so it is never translated.
 */
export const WARNING = 'warning: ';

export const ALL_ACTIONS: readonly ActionName[] = ['approve', 'reject', 'skip-hook', 'retry-hooks', 'hotupdate', 'hold', 'release'];

export function containersAt(obj: KubeObject, path: string): ContainerImage[] {
  const list = optArray(obj, path);
  if (!list) return [];
  return list.map((c, i) => {
    if (!isRecord(c) || typeof c.name !== 'string') throw expected(`${path}[${i}]`, 'plans.read.aContainer');
    if (c.image !== undefined && typeof c.image !== 'string') throw expected(`${path}[${i}].image`, 'plans.read.aString');
    return { name: c.name, image: typeof c.image === 'string' ? c.image : '' };
  });
}

export interface WorkloadBase {
  m: MetaFields;
  info: Omit<WorkloadInfo, 'rollout'>;
}

/** Metadata, labels, containers (from `containersPath`), selector and observedGeneration. */
export function workloadBase(
  cluster: string,
  obj: KubeObject,
  kind: WorkloadKind,
  ctx: ReadContext | undefined,
  containersPath = 'spec.template.spec.containers',
): WorkloadBase {
  const m = meta(obj);
  const zoneKey = ctx?.zoneLabel ?? DEFAULT_ZONE_LABEL;
  const serviceKey = ctx?.serviceLabel ?? DEFAULT_SERVICE_LABEL;
  const info: Omit<WorkloadInfo, 'rollout'> = {
    cluster,
    namespace: m.namespace,
    name: m.name,
    kind,
    apiVersion: typeof obj.apiVersion === 'string' ? obj.apiVersion : '',
    uid: m.uid,
    resourceVersion: m.resourceVersion,
    labels: m.labels,
    containers: containersAt(obj, containersPath),
  };
  if (m.generation !== undefined) info.generation = m.generation;
  // Argo Rollouts write observedGeneration as a string (a number in newer versions, a hash in older).
  const ogRaw = obj.status && typeof obj.status === 'object' ? (obj.status as Record<string, unknown>).observedGeneration : undefined;
  const og = typeof ogRaw === 'string' ? (/^\d+$/.test(ogRaw) ? Number(ogRaw) : undefined) : optNumber(obj, 'status.observedGeneration');
  if (og !== undefined) info.observedGeneration = og;
  if (m.createdAt) info.createdAt = m.createdAt;
  const zone = m.labels[zoneKey];
  if (zone) info.zone = zone;
  const service = m.labels[serviceKey];
  if (service) info.service = service;
  const selector = optStringMap(obj, 'spec.selector.matchLabels');
  if (selector) info.selector = selector;
  const owner = ownerOf(obj);
  if (owner) info.owner = owner;
  const last = parseLastAction(m.annotations[AUDIT_ANNOTATION]);
  if (last) info.lastAction = last;
  const release = parseLastAction(m.annotations[RELEASE_ANNOTATION]);
  if (release?.batch) info.release = release;
  return { m, info };
}

export function emptyRollout(phase: RolloutStatus['phase'], message: string, actions: ActionAvailability[] = []): RolloutStatus {
  return {
    strategy: '',
    replicas: 0,
    updated: 0,
    updatedReady: 0,
    ready: 0,
    steps: [],
    phase,
    paused: false,
    message,
    hookConditions: [],
    actions,
  };
}

/** The row for an object that could not be read: every action impossible, with the reason. */
export function invalidWorkload(cluster: string, obj: unknown, kind: WorkloadKind, reason: string, ctx?: ReadContext): WorkloadInfo {
  const m = looseMeta(obj);
  const zone = m.labels[ctx?.zoneLabel ?? DEFAULT_ZONE_LABEL];
  const service = m.labels[ctx?.serviceLabel ?? DEFAULT_SERVICE_LABEL];
  const actions = ALL_ACTIONS.map((action) => ({ action, possible: false, reason: t('plans.common.invalid', { reason }) }));
  return {
    cluster,
    namespace: m.namespace,
    name: m.name,
    kind,
    apiVersion: isRecord(obj) && typeof obj.apiVersion === 'string' ? obj.apiVersion : '',
    uid: m.uid,
    resourceVersion: m.resourceVersion,
    labels: m.labels,
    containers: [],
    ...(zone ? { zone } : {}),
    ...(service ? { service } : {}),
    rollout: emptyRollout('invalid', tEn('plans.rollout.invalid', { reason }), actions),
    invalid: reason,
  };
}

/**
 * A rollout zonectl holds refuses what would move it on (approve, skip-hook, hot update) until it is
 * released: a hold that an approve quietly defeats is no hold.
 */
export function respectHold(actions: ActionAvailability[], hold: { by?: string } | undefined): ActionAvailability[] {
  if (!hold) return actions;
  const why: LazyReason = { key: 'plans.hold.releaseFirst', values: { by: hold.by ?? 'zonectl' } };
  return actions.map((a) =>
    a.possible && (a.action === 'approve' || a.action === 'skip-hook' || a.action === 'hotupdate') ? cannot(a.action, why) : a,
  );
}

/** Shared (frozen) objects; a LazyReason is worded when read: see shared-availability.ts. */
export function can(action: ActionName, reason?: string | LazyReason): ActionAvailability {
  return sharedAvailability(action, true, reason || undefined);
}

export function cannot(action: ActionName, reason: string | LazyReason): ActionAvailability {
  return sharedAvailability(action, false, reason);
}

/** Generation not yet observed by the controller: status describes an older spec. */
export function lagging(info: Pick<WorkloadInfo, 'generation' | 'observedGeneration'>): boolean {
  return info.generation !== undefined && info.observedGeneration !== undefined && info.observedGeneration < info.generation;
}

/** "waiting for controller (generation 3, observed 2)": the row for a lagging() workload. */
export function laggingMessage(info: Pick<WorkloadInfo, 'generation' | 'observedGeneration'>): string {
  return tEn('plans.rollout.lagging', { generation: String(info.generation), observed: String(info.observedGeneration) });
}

/**
 * "up to date": the message of a finished rollout, in the run's language. The zone rows compare a
 * message with it (model/zones.ts, below this layer): they use the same key, plans.rollout.upToDate.
 */
export function upToDate(): string {
  return tEn('plans.rollout.upToDate');
}

/**
 * "held by zonectl": the words of zonectl's hold in a rollout message; model/format.ts stateText finds
 * them there to name who holds it: it uses the same key, plans.rollout.heldByZonectl.
 */
export function heldByZonectl(): string {
  return tEn('plans.rollout.heldByZonectl');
}

/** "paused: held by zonectl (1/4 updated)". */
export function heldMessage(updated: number, replicas: number): string {
  return tEn('plans.rollout.held', { held: heldByZonectl(), updated, replicas });
}

/** When a timed step pause that started at `start` ends (ISO); undefined without a start or a duration. */
export function pauseEnd(start: string | undefined, seconds: number | undefined): string | undefined {
  return start && seconds ? new Date(Date.parse(start) + seconds * 1000).toISOString() : undefined;
}

/** Message of a step pause: timed (ends at / over) when it has an end, else awaiting approval. */
export function stepPauseMessage(pauseEndsAt: string | undefined, ctx?: ReadContext): string {
  if (!pauseEndsAt) return tEn('plans.rollout.awaitingApproval');
  return nowOf(ctx) >= Date.parse(pauseEndsAt)
    ? tEn('plans.rollout.timedPauseOver')
    : tEn('plans.rollout.timedPause', { at: clock(pauseEndsAt, ctx?.utc) });
}
