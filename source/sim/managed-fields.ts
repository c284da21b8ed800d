// metadata.managedFields as the apiserver writes them: one entry per (manager, operation, subresource) with
// the fields that manager set (FieldsV1, field-set.ts) and when. An Update takes the fields it changed from
// every other manager; an Apply owns exactly the fields of its applied configuration; fields an object no
// longer has leave every entry; an entry left with no field is dropped. Entries and arrays are frozen and
// shared between objects written alike in the same second (the pods of one workload), so the simulator's
// memory grows by the shapes, not by the objects.
import type { KubeObject } from '../kube/object.js';
import { flat } from './rand.js';
import { RecentTable } from './recent-table.js';
import { type Ctx, type FieldSet, LEAF, changeOf, fieldSetOf, idOfSet, intern, subtract, union } from './field-set.js';

/** Who writes: the request's fieldManager (or its User-Agent's product), or a controller's name. */
export interface Writer {
  manager: string;
  operation: 'Update' | 'Apply';
  /** Apply: the applied configuration, whose fields the manager then owns. */
  applied?: KubeObject;
}

export interface ManagedFieldsEntry {
  readonly manager?: string;
  readonly operation: 'Update' | 'Apply';
  readonly apiVersion: string;
  readonly time: string;
  readonly fieldsType: 'FieldsV1';
  readonly fieldsV1: FieldSet;
  readonly subresource?: string;
}

type Entries = readonly ManagedFieldsEntry[];

/** The manager the apiserver records for a request: fieldManager, else the User-Agent up to its first '/'. */
export function managerOf(fieldManager: string | null | undefined, userAgent: string | undefined): string {
  if (fieldManager) return fieldManager;
  return (userAgent ?? '').split('/')[0].slice(0, 128);
}

const TOP_SKIP = new Set(['apiVersion', 'kind']);
const META: Record<'true' | 'false', Ctx> = {
  true: { builtin: true, inMetadata: true },
  false: { builtin: false, inMetadata: true },
};
const BODY: Record<'true' | 'false', Ctx> = {
  true: { builtin: true, inMetadata: false },
  false: { builtin: false, inMetadata: false },
};
const ctxOf = (k: string, builtin: boolean): Ctx => (k === 'metadata' ? META : BODY)[builtin ? 'true' : 'false'];

/** The fields of a whole object (apiVersion, kind and ObjectMeta's system fields left out). */
export function objectFieldSet(o: KubeObject, builtin: boolean): FieldSet {
  const node: Record<string, FieldSet> = {};
  for (const k of Object.keys(o)) {
    const v = (o as Record<string, unknown>)[k];
    if (TOP_SKIP.has(k) || v === undefined) continue;
    const s = fieldSetOf(v, k, ctxOf(k, builtin));
    if (s !== LEAF || (v !== null && typeof v !== 'object')) node[`f:${k}`] = s;
  }
  return intern(node);
}

function objectChange(a: KubeObject, b: KubeObject, builtin: boolean): { set: FieldSet; removed: FieldSet } {
  const set: Record<string, FieldSet> = {};
  const removed: Record<string, FieldSet> = {};
  const A = a as Record<string, unknown>;
  const B = b as Record<string, unknown>;
  for (const k in A) if (A[k] !== undefined && B[k] === undefined && !TOP_SKIP.has(k)) removed[`f:${k}`] = LEAF;
  for (const k in B) {
    if (TOP_SKIP.has(k) || A[k] === B[k] || B[k] === undefined) continue;
    if (A[k] === undefined) set[`f:${k}`] = fieldSetOf(B[k], k, ctxOf(k, builtin));
    else {
      const c = changeOf(A[k], B[k], k, ctxOf(k, builtin));
      if (c.set !== LEAF || (B[k] !== null && typeof B[k] !== 'object')) set[`f:${k}`] = c.set;
      if (c.removed !== LEAF) removed[`f:${k}`] = c.removed;
    }
  }
  return { set: intern(set), removed: intern(removed) };
}

// Sharing of equal entries and arrays written recently (recent-table.ts).
const entries = new RecentTable<ManagedFieldsEntry>(4096);
const entryIds = new WeakMap<ManagedFieldsEntry, number>();
const arrays = new RecentTable<Entries>(4096);
let nextEntryId = 1;

function entry(e: ManagedFieldsEntry): ManagedFieldsEntry {
  const key = flat(`${e.manager ?? ''}\0${e.operation}\0${e.subresource ?? ''}\0${e.apiVersion}\0${e.time}\0${idOfSet(e.fieldsV1)}`);
  const hit = entries.get(key);
  if (hit && hit.fieldsV1 === e.fieldsV1) return hit;
  // the apiserver's field order: manager, operation, apiVersion, time, fieldsType, fieldsV1, subresource
  const made: ManagedFieldsEntry = Object.freeze({
    ...(e.manager ? { manager: e.manager } : {}),
    operation: e.operation,
    apiVersion: e.apiVersion,
    time: e.time,
    fieldsType: 'FieldsV1' as const,
    fieldsV1: e.fieldsV1,
    ...(e.subresource ? { subresource: e.subresource } : {}),
  });
  entryIds.set(made, nextEntryId++);
  entries.set(key, made);
  return made;
}

function array(list: ManagedFieldsEntry[]): Entries | undefined {
  if (list.length === 0) return undefined;
  const key = list.map((e) => entryIds.get(e)).join(',');
  const hit = arrays.get(key);
  if (hit && hit.every((e, i) => e === list[i])) return hit;
  const made = Object.freeze(list.slice()); // exact length: a pushed-to array keeps spare capacity
  arrays.set(key, made);
  return made;
}

export interface WriteInfo {
  writer: Writer;
  apiVersion: string;
  builtin: boolean;
  subresource?: string;
  time: string;
}

/** managedFields of a new object (undefined when its writer set no field). */
export function managedOnCreate(o: KubeObject, w: WriteInfo): Entries | undefined {
  const fields = w.writer.applied ? objectFieldSet(w.writer.applied, w.builtin) : objectFieldSet(o, w.builtin);
  if (fields === LEAF) return undefined;
  return array([
    entry({
      manager: w.writer.manager,
      operation: w.writer.operation,
      apiVersion: w.apiVersion,
      time: w.time,
      fieldsType: 'FieldsV1',
      fieldsV1: fields,
      subresource: w.subresource,
    }),
  ]);
}

/** managedFields of the next version of an object written by `w` (cur's own when nothing it tracks changed). */
export function managedOnUpdate(cur: KubeObject, next: KubeObject, w: WriteInfo): Entries | undefined {
  const before = (cur.metadata.managedFields as Entries | undefined) ?? [];
  const ch = objectChange(cur, next, w.builtin);
  if (ch.set === LEAF && ch.removed === LEAF && !w.writer.applied) return before.length ? (before as Entries) : undefined;
  const { manager, operation } = w.writer;
  const sub = w.subresource;
  const out: ManagedFieldsEntry[] = [];
  let mine: ManagedFieldsEntry | undefined;
  let mineAt = -1;
  for (const e of before) {
    if ((e.manager ?? '') === manager && e.operation === operation && (e.subresource ?? undefined) === sub) {
      mine = e;
      mineAt = out.length;
      continue;
    }
    let s = ch.set === LEAF ? e.fieldsV1 : subtract(e.fieldsV1, ch.set);
    if (ch.removed !== LEAF && s !== LEAF) s = subtract(s, ch.removed);
    if (s === LEAF) continue;
    out.push(s === e.fieldsV1 ? e : entry({ ...e, fieldsV1: s }));
  }
  let fields: FieldSet;
  if (w.writer.applied) fields = objectFieldSet(w.writer.applied, w.builtin);
  else {
    fields = mine?.fieldsV1 ?? LEAF;
    if (ch.removed !== LEAF && fields !== LEAF) fields = subtract(fields, ch.removed);
    fields = union(fields, ch.set);
  }
  if (fields !== LEAF) {
    const e = entry({
      manager,
      operation,
      apiVersion: w.apiVersion,
      time: w.time,
      fieldsType: 'FieldsV1',
      fieldsV1: fields,
      subresource: sub,
    });
    if (mineAt >= 0) out.splice(mineAt, 0, e);
    else out.push(e);
  }
  return array(out);
}
