// Field sets in the apiserver's FieldsV1 form (structured-merge-diff): `f:<field>` for a field, `k:{...}`
// for an item of a keyed list, `v:<json>` for an item of a set, `.` for the node itself; `{}` is a leaf.
// The simulator writes them in metadata.managedFields (managed-fields.ts) so its objects are as big and
// shaped as a real apiserver's. Every node is frozen and hash-consed (one object per distinct subtree), and
// the set of a stored (frozen, shared) subtree is memoized by identity, so 100,000 pods from a few templates
// share their field sets instead of holding one tree each.
import { flat } from './rand.js';
import { RecentTable } from './recent-table.js';

export type FieldSet = { readonly [k: string]: FieldSet };

/** A field owned as a whole (a scalar, an atomic list, an empty map). */
export const LEAF: FieldSet = Object.freeze({});

/**
 * Map-valued fields whose node carries `.` (the map itself is a member of the set), as the apiserver writes
 * them for maps with free keys; structs like spec/template do not.
 */
const MAP_FIELDS = new Set(['labels', 'annotations', 'nodeSelector', 'limits', 'requests', 'data', 'stringData', 'matchLabels']);

/** Keyed lists of the built-in types (their x-kubernetes-list-map-keys / patchMergeKey). */
const LIST_KEYS: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  imagePullSecrets: ['name'],
  conditions: ['type'],
  podIPs: ['ip'],
  hostIPs: ['ip'],
  addresses: ['type'],
  hostAliases: ['ip'],
};
/** Lists of strings that are sets (`v:` items). */
const SET_LISTS = new Set(['finalizers']);

/** Whether a list is keyed for this type: custom resources' lists are atomic unless in metadata (ObjectMeta's schema). */
function keysOf(field: string, list: readonly unknown[], builtin: boolean, inMetadata: boolean): readonly string[] | undefined {
  if (inMetadata && field === 'ownerReferences') return ['uid'];
  if (!builtin) return undefined;
  if (field === 'ports') {
    const first = list[0] as Record<string, unknown> | undefined;
    return first && 'containerPort' in first ? ['containerPort', 'protocol'] : ['port', 'protocol'];
  }
  return LIST_KEYS[field];
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

// Hash-consing: a node's signature is its keys with its children's ids; equal subtrees get one object.
const ids = new WeakMap<FieldSet, number>([[LEAF, 0]]);
let nextId = 1;
/** Recently built distinct nodes, for sharing (a node built again later is only not shared: nothing else). */
const interned = new RecentTable<FieldSet>(8192);

// Short numbers for keys make short signatures (hashing them was the cost of sharing). Numbers are never
// reused, so a table started over can only miss, never confuse two keys.
const keyIds = new Map<string, number>();
let nextKeyId = 0;
function keyId(k: string): number {
  let id = keyIds.get(k);
  if (id === undefined) {
    if (keyIds.size >= 100_000) keyIds.clear();
    keyIds.set(k, (id = nextKeyId++));
  }
  return id;
}

/** The one shared (frozen) node with these children. */
export function intern(node: Record<string, FieldSet>): FieldSet {
  const keys = Object.keys(node);
  if (keys.length === 0) return LEAF;
  let sig = '';
  for (const k of keys) sig += `${keyId(k)}:${ids.get(node[k])},`;
  sig = flat(sig); // a table key: one flat string, not a rope of its pieces
  const hit = interned.get(sig);
  if (hit) return hit;
  Object.freeze(node);
  ids.set(node, nextId++);
  interned.set(sig, node);
  return node;
}

/** A number per distinct set (equal sets built while the table holds them get the same number). */
export function idOfSet(s: FieldSet): number {
  return ids.get(s) ?? -1;
}

/** Keys in key order (the apiserver sorts them by name); a missing key is left out. */
function itemKey(item: Record<string, unknown>, keys: readonly string[]): string {
  if (keys.length === 1) {
    const v = item[keys[0]];
    return v === undefined ? 'k:{}' : `k:{"${keys[0]}":${JSON.stringify(v)}}`; // the common case, without an object
  }
  const o: Record<string, unknown> = {};
  for (const k of [...keys].sort()) if (item[k] !== undefined) o[k] = item[k];
  return `k:${JSON.stringify(o)}`;
}

export interface Ctx {
  /** A built-in type (keyed lists from its schema); custom resources' lists are atomic. */
  builtin: boolean;
  /** Inside the object's own metadata (ObjectMeta: keyed ownerReferences, set of finalizers, system fields). */
  inMetadata: boolean;
}

/** ObjectMeta fields the apiserver sets itself: never in a manager's set. */
const SYSTEM_METADATA = new Set([
  'name',
  'namespace',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'managedFields',
  'selfLink',
]);

function skip(field: string, k: string, ctx: Ctx): boolean {
  return ctx.inMetadata && field === 'metadata' && SYSTEM_METADATA.has(k);
}

/**
 * Fields whose values objects share (pods built from one template share its containers): their sets are
 * memoized by identity. Not every frozen value: a memo entry per label map or condition of 100,000 pods
 * would cost more than the sets it saves.
 */
const MEMO_FIELDS = new Set(['template', 'containers', 'initContainers', 'volumes', 'tolerations', 'affinity']);

// Memo of the set of a frozen (stored) value, per field name and type family.
const memo = new WeakMap<object, { field: string; builtin: boolean; set: FieldSet }>();

/** The field set of `v`, the value of field `field` (the fields inside it; LEAF for a scalar or atomic list). */
export function fieldSetOf(v: unknown, field: string, ctx: Ctx): FieldSet {
  if (v === null || typeof v !== 'object') return LEAF;
  const frozen = MEMO_FIELDS.has(field) && Object.isFrozen(v);
  if (frozen) {
    const m = memo.get(v);
    if (m && m.field === field && m.builtin === ctx.builtin) return m.set;
  }
  const set = Array.isArray(v) ? listSet(v, field, ctx) : mapSet(v as Record<string, unknown>, field, ctx);
  if (frozen) memo.set(v, { field, builtin: ctx.builtin, set });
  return set;
}

function mapSet(v: Record<string, unknown>, field: string, ctx: Ctx): FieldSet {
  const node: Record<string, FieldSet> = {};
  const keys = Object.keys(v);
  if (keys.length && MAP_FIELDS.has(field)) node['.'] = LEAF;
  for (const k of keys) if (v[k] !== undefined && !skip(field, k, ctx)) node[`f:${k}`] = fieldSetOf(v[k], k, ctx);
  return intern(node);
}

function listSet(v: readonly unknown[], field: string, ctx: Ctx): FieldSet {
  if (SET_LISTS.has(field) && ctx.inMetadata) {
    const node: Record<string, FieldSet> = {};
    for (const x of v) node[`v:${JSON.stringify(x)}`] = LEAF;
    return intern(node);
  }
  const keys = keysOf(field, v, ctx.builtin, ctx.inMetadata);
  if (!keys || !v.every(isObj)) return LEAF; // atomic
  const node: Record<string, FieldSet> = {};
  for (const item of v as Record<string, unknown>[]) node[itemKey(item, keys)] = itemSet(item, ctx);
  return intern(node);
}

function itemSet(item: Record<string, unknown>, ctx: Ctx): FieldSet {
  const inner = fieldSetOf(item, '', ctx);
  return intern({ '.': LEAF, ...inner });
}

/** a ∪ b */
export function union(a: FieldSet, b: FieldSet): FieldSet {
  if (a === b || b === LEAF) return a;
  if (a === LEAF) return b;
  let out: Record<string, FieldSet> | undefined;
  for (const k of Object.keys(b)) {
    const x = a[k];
    const y = x === undefined ? b[k] : union(x, b[k]);
    if (y !== x) (out ??= { ...a })[k] = y;
  }
  return out ? intern(out) : a;
}

/** a without the paths of b (a LEAF in b removes the whole node of a there). */
export function subtract(a: FieldSet, b: FieldSet): FieldSet {
  if (a === LEAF || b === LEAF) return b === LEAF ? LEAF : a;
  let out: Record<string, FieldSet> | undefined;
  for (const k of Object.keys(b)) {
    const x = a[k];
    if (x === undefined) continue;
    const y = b[k] === LEAF || x === LEAF ? undefined : subtract(x, b[k]);
    if (y === x) continue;
    out ??= { ...a };
    if (y === undefined || (y === LEAF && x !== LEAF)) delete out[k];
    else out[k] = y;
  }
  if (!out) return a;
  return Object.keys(out).length === 0 || (Object.keys(out).length === 1 && '.' in out) ? LEAF : intern(out);
}

interface Change {
  /** Fields the write set (changed or added), as a set. */
  set: FieldSet;
  /** Fields the write removed (a LEAF removes the whole node). */
  removed: FieldSet;
}

const NONE: Change = { set: LEAF, removed: LEAF };

/**
 * What changed from `a` to `b` (values of field `field`), as field sets. Unchanged subtrees are shared
 * between versions of a stored object, so identity cuts the walk short.
 */
export function changeOf(a: unknown, b: unknown, field: string, ctx: Ctx): Change {
  if (a === b) return NONE;
  if (isObj(a) && isObj(b)) return mapChange(a, b, field, ctx);
  if (Array.isArray(a) && Array.isArray(b)) {
    const keys = keysOf(field, b, ctx.builtin, ctx.inMetadata);
    if (keys && a.every(isObj) && b.every(isObj)) return listChange(a, b, keys, ctx);
    if (JSON.stringify(a) === JSON.stringify(b)) return NONE;
  } else if (a !== null && typeof a !== 'object' && a === b) return NONE;
  return { set: fieldSetOf(b, field, ctx), removed: LEAF };
}

function mapChange(a: Record<string, unknown>, b: Record<string, unknown>, field: string, ctx: Ctx): Change {
  const set: Record<string, FieldSet> = {};
  const removed: Record<string, FieldSet> = {};
  let any = false;
  for (const k of Object.keys(b)) {
    if (b[k] === undefined || a[k] === b[k]) continue;
    if (skip(field, k, ctx)) continue;
    if (a[k] === undefined) {
      set[`f:${k}`] = fieldSetOf(b[k], k, ctx);
      any = true;
      continue;
    }
    const c = changeOf(a[k], b[k], k, ctx);
    if (c === NONE) continue;
    set[`f:${k}`] = c.set;
    if (c.removed !== LEAF) removed[`f:${k}`] = c.removed;
    any = true;
  }
  for (const k of Object.keys(a)) {
    if (a[k] !== undefined && b[k] === undefined && !skip(field, k, ctx)) {
      removed[`f:${k}`] = LEAF;
      any = true;
    }
  }
  if (!any) return NONE;
  return { set: intern(set), removed: intern(removed) };
}

function listChange(a: Record<string, unknown>[], b: Record<string, unknown>[], keys: readonly string[], ctx: Ctx): Change {
  const before = new Map(a.map((x) => [itemKey(x, keys), x]));
  const set: Record<string, FieldSet> = {};
  const removed: Record<string, FieldSet> = {};
  let any = false;
  for (const item of b) {
    const k = itemKey(item, keys);
    const old = before.get(k);
    before.delete(k);
    if (old === item) continue;
    if (old === undefined) {
      set[k] = itemSet(item, ctx);
      any = true;
      continue;
    }
    const c = mapChange(old, item, '', ctx);
    if (c === NONE) continue;
    set[k] = c.set;
    if (c.removed !== LEAF) removed[k] = c.removed;
    any = true;
  }
  for (const k of before.keys()) {
    removed[k] = LEAF;
    any = true;
  }
  return any ? { set: intern(set), removed: intern(removed) } : NONE;
}
