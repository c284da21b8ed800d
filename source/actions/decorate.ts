// Pure rewrites of a planned write before it is sent: optimistic concurrency on the server
// (metadata.resourceVersion in a merge patch, a leading `test` op in a JSON patch) and the audit
// annotation carried by the same patch.
import type { PlanPatchType } from '../kinds/plan/types.js';
import { isRecord } from '../kinds/shared/read-util.js';
import type { KubeObject } from '../kube/object.js';

export interface JsonPatchOp {
  op: string;
  path: string;
  value?: unknown;
  from?: string;
}

export function pointerEscape(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export interface Decoration {
  /** Precondition the server enforces (409 on a merge patch, 422 test failure on a JSON patch). */
  resourceVersion?: string;
  /**
   * Replace a resourceVersion the planned body already carries with `resourceVersion` (the executor
   * does, after re-checking the decision on a fresh read). Otherwise a planned precondition is kept.
   */
  overrideResourceVersion?: boolean;
  /** Annotation key/value(s) to set in the same write. */
  annotation?: { key: string; value: string } | ReadonlyArray<{ key: string; value: string }>;
  /** For JSON patches: whether the object has a metadata.annotations map now. */
  annotationsExist?: boolean;
}

/** The body to send. Never mutates the planned body. */
export function decorateBody(patchType: PlanPatchType, body: unknown, d: Decoration): unknown {
  const notes = d.annotation === undefined ? [] : 'key' in d.annotation ? [d.annotation] : [...d.annotation];
  if (patchType === 'merge') {
    // eslint-disable-next-line i18next/no-literal-string -- a planner bug, never an operator's mistake
    if (!isRecord(body)) throw new Error('a merge patch body must be an object');
    const out: Record<string, unknown> = structuredClone(body);
    if (d.resourceVersion === undefined && !notes.length) return out;
    const meta: Record<string, unknown> = isRecord(out.metadata) ? { ...out.metadata } : {};
    if (d.resourceVersion !== undefined && (d.overrideResourceVersion || typeof meta.resourceVersion !== 'string'))
      meta.resourceVersion = d.resourceVersion;
    if (notes.length)
      meta.annotations = {
        ...(isRecord(meta.annotations) ? meta.annotations : {}),
        ...Object.fromEntries(notes.map((n) => [n.key, n.value])),
      };
    out.metadata = meta;
    return out;
  }
  // eslint-disable-next-line i18next/no-literal-string -- a planner bug, never an operator's mistake
  if (!Array.isArray(body)) throw new Error('a JSON patch body must be a list of operations');
  const ops: JsonPatchOp[] = structuredClone(body) as JsonPatchOp[];
  if (d.resourceVersion !== undefined) {
    const planned = ops.findIndex((o) => o.op === 'test' && o.path === '/metadata/resourceVersion');
    if (planned < 0) ops.unshift({ op: 'test', path: '/metadata/resourceVersion', value: d.resourceVersion });
    else if (d.overrideResourceVersion) ops[planned] = { op: 'test', path: '/metadata/resourceVersion', value: d.resourceVersion };
  }
  if (notes.length) {
    // The plan's own ops may create the annotations map; otherwise it must exist before we add a key.
    const created = ops.some((o) => (o.op === 'add' || o.op === 'replace') && o.path === '/metadata/annotations' && isRecord(o.value));
    if (d.annotationsExist || created)
      for (const n of notes) ops.push({ op: 'add', path: `/metadata/annotations/${pointerEscape(n.key)}`, value: n.value });
    else ops.push({ op: 'add', path: '/metadata/annotations', value: Object.fromEntries(notes.map((n) => [n.key, n.value])) });
  }
  return ops;
}

/** Is every value of a merge patch in `obj` (null = absent)? resourceVersion is the precondition, not a change. */
function mergeIn(obj: unknown, patch: Record<string, unknown>, top: boolean): boolean {
  return Object.entries(patch).every(([k, v]) => {
    if (top && k === 'metadata' && isRecord(v)) {
      const { resourceVersion: _rv, ...rest } = v;
      return mergeIn(isRecord(obj) ? obj.metadata : undefined, rest, false);
    }
    const cur = isRecord(obj) ? obj[k] : undefined;
    if (v === null) return cur === undefined;
    if (isRecord(v)) return mergeIn(cur, v, false);
    return JSON.stringify(cur) === JSON.stringify(v);
  });
}

function pointerGet(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const raw of path.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) cur = seg === '-' ? cur[cur.length - 1] : cur[Number(seg)];
    else cur = isRecord(cur) ? cur[seg] : undefined;
  }
  return cur;
}

/**
 * After a write whose response was lost: does the object as re-read carry the write? 'applied' when
 * every value the patch sets is there; 'not-applied' when the patch's own tests still hold and no value
 * is there (a JSON patch); 'unknown' otherwise (someone else may have changed it).
 */
export function writeOutcome(patchType: PlanPatchType, body: unknown, now: unknown): 'applied' | 'not-applied' | 'unknown' {
  // The write carried the resourceVersion it expected: still that one means nothing was written at all.
  const nowRv = isRecord(now) && isRecord(now.metadata) ? now.metadata.resourceVersion : undefined;
  const sentRv =
    patchType === 'merge'
      ? isRecord(body) && isRecord(body.metadata)
        ? body.metadata.resourceVersion
        : undefined
      : Array.isArray(body)
        ? (body as JsonPatchOp[]).find((o) => o.op === 'test' && o.path === '/metadata/resourceVersion')?.value
        : undefined;
  if (patchType === 'merge') {
    if (isRecord(body) && mergeIn(now, body, true)) return 'applied';
    return sentRv !== undefined && sentRv === nowRv ? 'not-applied' : 'unknown';
  }
  if (!Array.isArray(body)) return 'unknown';
  const ops = body as JsonPatchOp[];
  const sets = ops.filter((o) => (o.op === 'add' || o.op === 'replace') && o.path !== '/metadata/annotations');
  const there = sets.map((o) => JSON.stringify(pointerGet(now, o.path)) === JSON.stringify(o.value));
  if (sets.length && there.every(Boolean)) return 'applied';
  const tests = ops.filter((o) => o.op === 'test');
  if (!there.some(Boolean) && tests.every((o) => JSON.stringify(pointerGet(now, o.path)) === JSON.stringify(o.value))) return 'not-applied';
  return 'unknown';
}

/** A delete step's body: the DeleteOptions fields zonectl sends. */
export type DeleteBody = { preconditions?: { uid?: string; resourceVersion?: string }; gracePeriodSeconds?: number };

/** After a lost delete response: the object seen still there, not deleting = not applied; gone or replaced = applied. */
export function deleteOutcome(body: DeleteBody, now: KubeObject | undefined): 'applied' | 'not-applied' | 'unknown' {
  const uid = body.preconditions?.uid;
  if (!uid) return 'unknown';
  if (now && now.metadata.uid === uid && !now.metadata.deletionTimestamp) return 'not-applied';
  return 'applied';
}
