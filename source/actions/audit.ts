// The audit trail of an executed plan: an annotation on the object (written by the same patch), a
// Kubernetes Event on it, and a JSONL line in the local state dir. None of them carries patch bodies
// (a restored pod template can hold env values), secrets or tokens: only who, when, what and why.
import { appendFileSync, mkdirSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Plan } from '../kinds/plan/types.js';
import { tEn } from '../i18n/t.js';
import { stateDir } from '../config/paths.js';
import type { KubeObject } from '../kube/object.js';
import { apiVersionOf } from '../kube/object.js';
import { CONTROL_ACTIONS, parseLastAction } from '../model/last-action.js';

export { AUDIT_ANNOTATION, RELEASE_ANNOTATION } from '../model/last-action.js';

/** The annotation value: {"action","by","at","reason","summary"}. */
export interface AuditAnnotation {
  action: string;
  by: string;
  at: string;
  reason?: string;
  summary: string;
  /** The batch (one fleet action over many targets) this write belongs to. */
  batch?: string;
  /** Its wave (1-based) and the wave plan, when the batch runs in waves. */
  wave?: number;
  waves?: string;
  /** A hot update's images before and after: what `hotupdate --undo BATCH` puts back. */
  images?: Array<{ container: string; from: string; to: string }>;
}

export interface AuditRecord extends AuditAnnotation {
  cluster: string;
  namespace: string;
  kind: string;
  name: string;
  /** What each write did (plan step descriptions), never the bodies. */
  writes: string[];
  outcome: 'ok' | 'failed';
  error?: string;
  /** Local account and host the command ran from. */
  local?: string;
}

/** Reason text is the operator's own words; keep it one line and bounded. */
export function cleanReason(reason: string | undefined): string | undefined {
  if (reason === undefined) return undefined;
  // eslint-disable-next-line no-control-regex -- control characters are what this strips
  const r = reason.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return r ? r.slice(0, 512) : undefined;
}

/** Where a target sits in a fleet action: its batch id and, in waves, its wave and the wave plan. */
export interface BatchTag {
  id: string;
  wave?: number;
  waves?: string;
}

export function auditAnnotation(plan: Plan, by: string, at: string, reason?: string, batch?: BatchTag): AuditAnnotation {
  const a: AuditAnnotation = { action: plan.action, by, at, summary: plan.record ?? plan.summary };
  const r = cleanReason(reason);
  if (r) a.reason = r;
  if (plan.action === 'hotupdate' && plan.card.images?.length) a.images = plan.card.images.map((i) => ({ ...i }));
  if (batch) {
    a.batch = batch.id;
    if (batch.wave !== undefined) a.wave = batch.wave;
    if (batch.waves !== undefined) a.waves = batch.waves;
  }
  return a;
}

/** The audit annotation as written by annotationValue; undefined when absent or not ours. */
export function parseAudit(raw: string | undefined): Pick<AuditAnnotation, 'action' | 'by' | 'at'> | undefined {
  const a = parseLastAction(raw);
  return a && { action: a.action, by: a.by, at: a.at };
}

export function annotationValue(a: AuditAnnotation): string {
  return JSON.stringify({
    action: a.action,
    by: a.by,
    at: a.at,
    ...(a.reason ? { reason: a.reason } : {}),
    summary: a.summary,
    ...(a.batch ? { batch: a.batch } : {}),
    ...(a.wave !== undefined ? { wave: a.wave, waves: a.waves } : {}),
    ...(a.images ? { images: a.images } : {}),
  });
}

/** The release annotation's value for a batch write that makes (not steers) a release; else undefined. */
export function releaseValue(a: AuditAnnotation): string | undefined {
  if (!a.batch || CONTROL_ACTIONS.has(a.action)) return undefined;
  return JSON.stringify({
    action: a.action,
    by: a.by,
    at: a.at,
    batch: a.batch,
    ...(a.wave !== undefined ? { wave: a.wave, waves: a.waves } : {}),
    ...(a.images ? { images: a.images } : {}),
  });
}

/** Event reason, e.g. approve -> ZonectlApprove, skip-hook -> ZonectlSkipHook, hotupdate -> ZonectlHotUpdate. */
export function eventReason(action: string): string {
  const words = action === 'hotupdate' ? ['hot', 'update'] : action.split('-');
  return `Zonectl${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
}

/** A core/v1 Event on the object (legacy fields: firstTimestamp/lastTimestamp/count/source). */
export function auditEvent(plan: Plan, obj: KubeObject, a: AuditAnnotation): KubeObject {
  const t = plan.primary.type;
  const name = `${plan.primary.name}.${Date.now().toString(16)}${randomBytes(3).toString('hex')}`;
  // A record: English whatever the run's language (a.summary is Plan.record when the summary is translated).
  const message = a.reason
    ? tEn('actions.audit.eventByReason', { summary: a.summary, by: a.by, reason: a.reason })
    : tEn('actions.audit.eventBy', { summary: a.summary, by: a.by });
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name, namespace: plan.primary.namespace },
    involvedObject: {
      apiVersion: apiVersionOf(t),
      kind: t.kind,
      name: plan.primary.name,
      namespace: plan.primary.namespace,
      uid: obj.metadata.uid,
      resourceVersion: obj.metadata.resourceVersion,
    },
    reason: eventReason(plan.action),
    message: message.slice(0, 1024),
    type: 'Normal',
    source: { component: 'zonectl' },
    reportingComponent: 'zonectl',
    firstTimestamp: a.at,
    lastTimestamp: a.at,
    count: 1,
  };
}

export function auditFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(stateDir(env), 'audit.jsonl');
}

export function localIdentity(): string {
  try {
    return `${userInfo().username}@${hostname()}`;
  } catch {
    return hostname();
  }
}

/** Append one JSON line (file mode 0600, dirs 0700). */
export function appendAudit(file: string, rec: AuditRecord): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  appendFileSync(file, JSON.stringify(rec) + '\n', { mode: 0o600 });
}
