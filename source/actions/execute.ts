// Executes a plan (kinds/plan/types.ts): read-only check, preflight access review, precondition
// re-read (verify.ts), the planned writes with server-side optimistic concurrency, then the audit trail.
// Nothing is written when a check fails; every refusal is a typed error (errors.ts).
import { t as tr } from '../i18n/t.js';
import type { Plan, PlanPatchType, PlanStep, PlanTarget } from '../kinds/plan/types.js';
import type { ClusterClient } from '../kube/client-api.js';
import { isKubeError, KubeError } from '../kube/errors.js';
import type { KubeObject } from '../kube/object.js';
import { type AccessCache, type AccessDecision, accessCache as defaultCache } from './access.js';
import {
  annotationValue,
  appendAudit,
  AUDIT_ANNOTATION,
  auditAnnotation,
  type AuditAnnotation,
  auditEvent,
  auditFile as defaultAuditFile,
  type AuditRecord,
  type BatchTag,
  localIdentity,
  RELEASE_ANNOTATION,
  releaseValue,
} from './audit.js';
import { decorateBody, type DeleteBody } from './decorate.js';
import { afterLostResponse } from './lost-response.js';
import { ActionForbidden, partialWriteError, ReadOnlyError } from './errors.js';
import { checkShape, refusedWrite, sameTarget, STALE_WRITE_ATTEMPTS, StaleWrite, targetKey, targetLabel, verify } from './verify.js';
import { KINDS } from '../kinds/registry.js';

export interface ExecuteOptions {
  client: ClusterClient;
  /** Who is acting (the cluster's user name, see whoAmI). */
  user: string;
  reason?: string;
  /** Send every write with dryRun=All; write no audit annotation, Event or log line. */
  dryRun?: boolean;
  now?: () => number;
  /** Read-only mode: refuse with this explanation (e.g. "--readonly", "config contexts.prod.readOnly"). */
  readOnly?: string | false;
  access?: AccessCache;
  /** JSONL audit log path; default <stateDir>/audit.jsonl; false = none. */
  auditFile?: string | false;
  /** Clients of the other clusters a plan writes to (a kubefed host's Federated<Kind>). */
  clientFor?: (cluster: string) => ClusterClient;
  /** The batch id (and wave) of a fleet action, recorded in the audit annotation, Event and log line. */
  batch?: BatchTag;
}

export interface WriteRecord {
  target: PlanTarget;
  subresource?: string;
  patchType: PlanPatchType;
  describe: string;
  /** The body as sent (with the resourceVersion precondition and the audit annotation). */
  body: unknown;
  /** The separate annotation write of a plan with no main-resource write on the primary object. */
  audit?: boolean;
  /** resourceVersion of the target after the write. */
  resourceVersion?: string;
}

export interface ExecuteResult {
  plan: Plan;
  dryRun: boolean;
  by: string;
  at: string;
  access: AccessDecision[];
  writes: WriteRecord[];
  /** The primary object after the last write (as the server returned it). */
  primary?: KubeObject;
  annotation?: AuditAnnotation;
  eventName?: string;
  auditFile?: string;
  /** Audit steps that failed without undoing the action (e.g. no right to create Events). */
  warnings: string[];
}

/** The annotations one audited write carries: the last action, and for a release's write the release. */
function notes(a: AuditAnnotation): Array<{ key: string; value: string }> {
  const release = releaseValue(a);
  return [{ key: AUDIT_ANNOTATION, value: annotationValue(a) }, ...(release ? [{ key: RELEASE_ANNOTATION, value: release }] : [])];
}

/**
 * Index of the write that carries the audit annotation: the last main-resource write on the primary; -1
 * when there is none, and the record is a patch of its own after the writes. A plan marked `recordLast`
 * (an owner write after the workload's, which a resume can plan again) has it on its last write only, so
 * a record there means the whole plan was applied, never a change half made.
 */
export function auditStepIndex(plan: Plan): number {
  for (let i = plan.steps.length - 1; i >= 0; i--) {
    const s = plan.steps[i];
    if (!s.subresource && !s.verb && sameTarget(s.target, plan.primary)) return i;
    if (plan.recordLast) return -1;
  }
  return -1;
}

export async function execute(plan: Plan, opts: ExecuteOptions): Promise<ExecuteResult> {
  const { client } = opts;
  const cluster = client.context;
  const dryRun = opts.dryRun === true;
  // (6) read-only mode refuses before any request.
  if (opts.readOnly) throw new ReadOnlyError(cluster, opts.readOnly);
  checkShape(plan, client, !!opts.clientFor);
  const clientOf = (c: string): ClusterClient => (c === cluster ? client : opts.clientFor!(c));
  const at = new Date((opts.now ?? Date.now)()).toISOString();
  const by = opts.user || client.user || 'unknown';

  // (1) preflight access review of every planned write, each on its own cluster.
  const byCluster = new Map<string, Plan['access']>();
  for (const a of plan.access) byCluster.set(a.cluster ?? cluster, [...(byCluster.get(a.cluster ?? cluster) ?? []), a]);
  const access = (await Promise.all([...byCluster].map(([c, list]) => (opts.access ?? defaultCache).checkAll(clientOf(c), list)))).flat();
  const denied = access.filter((d) => !d.allowed);
  if (denied.length) throw new ActionForbidden(cluster, denied);

  // (2) preconditions on a fresh read.
  const objects = await verify(plan, clientOf);

  // (3) the writes, in order, each guarded by the target's resourceVersion as last seen.
  const annotation = dryRun ? undefined : auditAnnotation(plan, by, at, opts.reason, opts.batch);
  const carrier = annotation ? auditStepIndex(plan) : -1;
  const rv = new Map<string, string>();
  for (const [k, o] of objects) rv.set(k, o.metadata.resourceVersion ?? '');
  const writes: WriteRecord[] = [];
  const lostResponses: string[] = [];
  let primaryAfter: KubeObject | undefined = objects.get(targetKey(plan.primary));
  const total = plan.steps.length + (annotation && carrier < 0 ? 1 : 0);
  const send = async (
    step: Pick<PlanStep, 'target' | 'subresource' | 'patchType' | 'describe' | 'verb'>,
    body: unknown,
    extra: Partial<WriteRecord> = {},
  ) => {
    const t = step.target;
    let out: KubeObject;
    try {
      out =
        step.verb === 'delete'
          ? await clientOf(t.cluster).delete(t.type, t.namespace, t.name, { ...(body as DeleteBody), dryRun })
          : await clientOf(t.cluster).patch(t.type, t.namespace, t.name, step.patchType, body, { subresource: step.subresource, dryRun });
    } catch (caught) {
      if (!isKubeError(caught)) throw caught;
      let e: KubeError = caught;
      // The request may have reached the server and only the response was lost (lost-response.ts).
      // The errors thrown from here on follow earlier writes: the audit log's `error` records them, so
      // their words stay English (a record), like the apiserver's own text they carry.
      if ((e.kind === 'Unreachable' || e.kind === 'Timeout') && !dryRun) {
        try {
          const now = await afterLostResponse(clientOf(t.cluster), step, body, e);
          lostResponses.push(tr('actions.execute.lostApplied', { target: targetLabel(t), message: e.message }));
          out = now ?? objects.get(targetKey(t))!;
        } catch (x) {
          throw isKubeError(x) ? partialWriteError(x, writes.length, total) : x;
        }
      } else {
        // A failed JSON-patch `test` comes back as a generic 422 Invalid (the apiserver puts "testing value
        // ... failed" only in details.causes): when the target's resourceVersion moved, it is a conflict.
        if (e.kind === 'Invalid' && e.status === 422 && step.patchType === 'json' && !extra.audit) {
          const now = await clientOf(t.cluster)
            .get(t.type, t.namespace, t.name)
            .catch(() => undefined);
          if (now && now.metadata.resourceVersion !== rv.get(targetKey(t)))
            e = new KubeError('Conflict', e.cluster, tr('actions.execute.testFailed', { message: e.message }), e.status, 'Conflict');
        }
        // A resourceVersion refusal on an object not yet written here: most often a controller's status
        // write in the short window since the read. The step loop re-reads, re-checks and sends again.
        if (e.kind === 'Conflict' && !extra.audit && step.verb !== 'delete' && !writes.some((w) => sameTarget(w.target, t)))
          throw new StaleWrite(e);
        throw refusedWrite(cluster, e, t, writes.length, total);
      }
    }
    const key = targetKey(t);
    // A dry run persists nothing, so the next write must still name the stored resourceVersion.
    if (!dryRun && out.metadata?.resourceVersion) rv.set(key, out.metadata.resourceVersion);
    if (sameTarget(t, plan.primary) && step.verb !== 'delete') primaryAfter = out;
    objects.set(key, dryRun ? objects.get(key)! : out);
    const rec: WriteRecord = { target: t, patchType: step.patchType, describe: step.describe, body, ...extra };
    if (step.subresource) rec.subresource = step.subresource;
    if (out.metadata?.resourceVersion) rec.resourceVersion = out.metadata.resourceVersion;
    writes.push(rec);
  };

  const record = (outcome: AuditRecord['outcome'], error?: string): string | undefined => {
    if (dryRun || !annotation || opts.auditFile === false) return undefined;
    const file = opts.auditFile ?? defaultAuditFile();
    const rec: AuditRecord = {
      ...annotation,
      cluster,
      namespace: plan.primary.namespace,
      kind: plan.primary.type.kind,
      name: plan.primary.name,
      writes: writes.map((w) => `${targetLabel(w.target)}${w.subresource ? `/${w.subresource}` : ''}: ${w.describe}`),
      outcome,
      local: localIdentity(),
    };
    if (error) rec.error = error;
    appendAudit(file, rec);
    return file;
  };

  try {
    for (let i = 0; i < plan.steps.length; i++) {
      const s = plan.steps[i];
      const key = targetKey(s.target);
      // A later write to an object not yet written here (the GameZone after the workload): a controller
      // reacting to the earlier write may have touched it since verify() (e.g. a status write), so its
      // resourceVersion is taken fresh; the step's own test operations guard what the plan decided on.
      if (i > 0 && !dryRun && !writes.some((w) => targetKey(w.target) === key)) {
        const fresh = await clientOf(s.target.cluster)
          .get(s.target.type, s.target.namespace, s.target.name)
          .catch((e: unknown) => {
            throw isKubeError(e) ? partialWriteError(e, writes.length, total) : e;
          });
        objects.set(key, fresh);
        rv.set(key, fresh.metadata.resourceVersion ?? '');
      }
      if (s.verb === 'delete') {
        // No annotation and no resourceVersion on a delete: its uid precondition says "the object seen".
        await send(s, s.body);
        continue;
      }
      for (let attempt = 1; ; attempt++) {
        const cur = objects.get(key)!;
        const body = decorateBody(s.patchType, s.body, {
          resourceVersion: rv.get(key),
          // The fresh read in verify() re-checked what the operator decided on (generation, step, revision,
          // hook run, hold); its resourceVersion guards the short window to this write, so a controller's
          // status write since planning is no conflict.
          overrideResourceVersion: true,
          annotation: i === carrier && annotation ? notes(annotation) : undefined,
          annotationsExist: !!cur.metadata?.annotations,
        });
        try {
          await send(s, body);
          break;
        } catch (e) {
          if (!(e instanceof StaleWrite)) throw e;
          if (attempt >= STALE_WRITE_ATTEMPTS) throw refusedWrite(cluster, e.cause, s.target, writes.length, total);
          // Read again. Before the first write the whole plan is verified again, so a change to what the
          // operator decided on (generation, step, revision, hook run, hold) is still refused with its
          // reason; a later object's own test operations guard what the plan decided on.
          const fresh =
            writes.length === 0
              ? await verify(plan, clientOf)
              : new Map([
                  [
                    key,
                    await clientOf(s.target.cluster)
                      .get(s.target.type, s.target.namespace, s.target.name)
                      .catch((err: unknown) => {
                        throw isKubeError(err) ? partialWriteError(err, writes.length, total) : err;
                      }),
                  ],
                ]);
          for (const [k, o] of fresh) {
            objects.set(k, o);
            rv.set(k, o.metadata.resourceVersion ?? '');
          }
          if (sameTarget(s.target, plan.primary)) primaryAfter = objects.get(targetKey(plan.primary));
        }
      }
    }
    // (4) status-only (or other-object) plans: the annotation goes on the primary in its own merge patch.
    if (annotation && carrier < 0 && !plan.noAnnotation) {
      const body = { metadata: { annotations: Object.fromEntries(notes(annotation).map((n) => [n.key, n.value])) } };
      await send({ target: plan.primary, patchType: 'merge', describe: `annotation ${AUDIT_ANNOTATION}` }, body, { audit: true });
    }
  } catch (e) {
    if (writes.length > 0 && !dryRun) {
      try {
        record('failed', e instanceof KubeError ? e.message : String(e));
      } catch {
        /* the action error matters more than the log */
      }
    }
    throw e;
  }

  const result: ExecuteResult = { plan, dryRun, by, at, access, writes, warnings: [...lostResponses] };
  if (primaryAfter) result.primary = primaryAfter;
  if (!annotation) return result;
  result.annotation = annotation;
  // (4) Event on the object and the local JSONL line; failures here do not undo the action.
  try {
    const ev = auditEvent(plan, primaryAfter ?? objects.get(targetKey(plan.primary))!, annotation);
    const made = await client.create(KINDS.Event, plan.primary.namespace, ev);
    result.eventName = made.metadata?.name ?? ev.metadata.name;
  } catch (e) {
    result.warnings.push(tr('actions.execute.noEvent', { message: isKubeError(e) ? e.oneLine() : String(e) }));
  }
  try {
    const file = record('ok');
    if (file) result.auditFile = file;
  } catch (e) {
    result.warnings.push(tr('actions.execute.noAuditLog', { message: (e as Error).message }));
  }
  return result;
}
