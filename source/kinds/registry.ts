// Every kind zonectl knows, in one list, and the per-kind tables built from it: wire types, model
// kind of a wire object, what each view watches, CLI aliases, workload and log-target lookups.
// Discovery (kube/) says which kinds a cluster serves; this list says what they are.
// A new kind is one file in this folder plus one line in KIND_SPECS.
import { apiVersionOf, type ResourceType } from '../kube/object.js';
import type { WorkloadKind } from '../model/workload-kinds.js';
import { argoRollout } from './argo-rollout.js';
import { controllerRevision } from './controllerrevision.js';
import { deployment } from './deployment.js';
import { event } from './event.js';
import { federatedKinds } from './federated.js';
import { gameDeployment } from './gamedeployment.js';
import { gameServerSet } from './gameserverset.js';
import { gameStatefulSet } from './gamestatefulset.js';
import { gameZone, type GameZoneTypeOptions } from './gamezone.js';
import { hookRun } from './hookrun.js';
import { hookTemplate } from './hooktemplate.js';
import { kruiseRollout } from './kruise-rollout.js';
import { kubeFedCluster } from './kubefedcluster.js';
import { pod } from './pod.js';
import { secret } from './secret.js';
import type { KindSpec, RowRole, RowSpec, View, WorkloadSpec } from './spec.js';
import { statefulSet } from './statefulset.js';
import { typeFromRef } from './plan/common.js';

export type { View } from './spec.js';
export { gameZoneType, type GameZoneTypeOptions } from './gamezone.js';

/** Every kind, in the order zonectl watches them and lists them (`zonectl clusters -o wide`). */
export const KIND_SPECS = [
  gameZone,
  gameStatefulSet,
  gameDeployment,
  statefulSet,
  deployment,
  gameServerSet,
  argoRollout,
  kruiseRollout,
  hookRun,
  hookTemplate,
  pod,
  event,
  ...federatedKinds,
  kubeFedCluster,
  controllerRevision,
  secret,
] as const satisfies readonly KindSpec[];

export type KnownKind = (typeof KIND_SPECS)[number]['kind'];

const isWorkload = (s: KindSpec): s is WorkloadSpec => s.role === 'workload';

/** The workload kinds, in registry order. */
export const WORKLOAD_SPECS: readonly WorkloadSpec[] = KIND_SPECS.filter(isWorkload);

/** The kinds of one non-workload role (e.g. every kubefed Federated<Kind>), in registry order. */
export function rowSpecs<R extends RowRole>(role: R): Array<RowSpec<R>> {
  return KIND_SPECS.filter((s: KindSpec) => s.role === role) as unknown as Array<RowSpec<R>>;
}

/** Wire type of every kind whose group is fixed (GameZone's is configurable: see gameZoneType). */
export const KINDS = Object.freeze(Object.fromEntries(KIND_SPECS.filter((s) => !s.typeWith).map((s) => [s.kind, s.type]))) as Readonly<
  Record<Exclude<KnownKind, typeof gameZone.kind>, ResourceType>
>;

function unique<T>(entries: Array<[string, T]>, what: string): Map<string, T> {
  const m = new Map<string, T>();
  for (const [k, v] of entries) {
    // eslint-disable-next-line i18next/no-literal-string -- a bug's invariant (the registry at load)
    if (m.has(k)) throw new Error(`kinds/registry: ${what} "${k}" is registered twice`);
    m.set(k, v);
  }
  return m;
}

const BY_KIND = unique<KindSpec>(
  KIND_SPECS.map((s) => [s.kind, s]),
  'kind',
);
/** Kinds whose group is configurable (GameZone): matched against the configured type. */
const CONFIGURABLE: readonly KindSpec[] = KIND_SPECS.filter((s) => s.typeWith);
const BY_WIRE = unique<KindSpec>(
  KIND_SPECS.filter((s) => !s.typeWith).map((s) => [`${s.type.group}/${s.type.kind}`, s]),
  'group/kind',
);
const BY_ALIAS = unique<WorkloadSpec>(
  WORKLOAD_SPECS.flatMap((s) => s.aliases.map((a): [string, WorkloadSpec] => [a, s])),
  'alias',
);

export function specOf(kind: string): KindSpec | undefined {
  return BY_KIND.get(kind);
}

export function workloadSpec(kind: string): WorkloadSpec | undefined {
  const s = BY_KIND.get(kind);
  return s && isWorkload(s) ? s : undefined;
}

/** Model kind of a wire object by apiVersion + kind (Argo and Kruise both say "Rollout"). */
export function knownKindOf(
  apiVersion: string | undefined,
  kind: string | undefined,
  gameZone?: GameZoneTypeOptions,
): KnownKind | undefined {
  if (!apiVersion || !kind) return undefined;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  for (const s of CONFIGURABLE) if (s.type.kind === kind) return s.typeWith?.(gameZone).group === group ? (s.kind as KnownKind) : undefined;
  return BY_WIRE.get(`${group}/${kind}`)?.kind as KnownKind | undefined;
}

/** The spec of a wire type (group + kind). */
export function specOfType(type: ResourceType): KindSpec | undefined {
  const k = knownKindOf(apiVersionOf(type), type.kind);
  return k ? BY_KIND.get(k) : undefined;
}

export function workloadSpecOfType(type: ResourceType): WorkloadSpec | undefined {
  const s = specOfType(type);
  return s && isWorkload(s) ? s : undefined;
}

/** A workload kind as users type it (kubectl-style names, short names, plurals), case-insensitive. */
export function parseWorkloadKind(s: string): WorkloadKind | undefined {
  return BY_ALIAS.get(s.toLowerCase())?.kind;
}

/** The workload kinds whose pods logs can follow (they own pods), in registry order. */
export const POD_OWNER_SPECS: readonly WorkloadSpec[] = WORKLOAD_SPECS.filter((s) => s.pods);

/** A pod-owning workload kind by alias (case-insensitive): the `logs KIND/NAME` forms. */
export function podOwnerOf(alias: string): WorkloadSpec | undefined {
  const s = BY_ALIAS.get(alias.toLowerCase());
  return s?.pods ? s : undefined;
}

/** The workload a Rollout drives (spec.workloadRef): its wire type, and the type of its revisions. */
export function refTarget(ref: { apiVersion: string; kind: string }): { type: ResourceType; revisions: ResourceType } {
  const s = workloadSpec(knownKindOf(ref.apiVersion, ref.kind) ?? '');
  return { type: s?.type ?? typeFromRef(ref.apiVersion, ref.kind), revisions: s?.revisions ?? controllerRevision.type };
}

/** Kind as shown in narrow columns ("GameSTS"). */
export function kindShort(kind: string): string {
  return workloadSpec(kind)?.short ?? kind;
}

/** Rows of this kind never run pods themselves: not a zone service (see WorkloadSpec.drivesWorkload). */
export function drivesWorkload(kind: string): boolean {
  return workloadSpec(kind)?.drivesWorkload === true;
}

export interface WatchSelection {
  views: readonly View[];
  /** Kinds installed on the cluster (from discovery, keyed by KnownKind). Absent = assume installed. */
  installed?: Partial<Record<KnownKind, boolean>>;
  gameZone?: GameZoneTypeOptions;
  /** Set false to ignore GameZone objects (zones from the label only). */
  useGameZone?: boolean;
}

export interface WatchedKind {
  kind: KnownKind;
  type: ResourceType;
  /** The -l selector narrows this kind's watch (false: matched afterwards, e.g. HookRuns). */
  selectable: boolean;
}

/** Which kinds to list+watch for the given views on one cluster, without duplicates, in registry order. */
export function kindsToWatch(sel: WatchSelection): WatchedKind[] {
  const views = new Set(sel.views);
  const out: WatchedKind[] = [];
  for (const s of KIND_SPECS as readonly KindSpec[]) {
    if (!s.watchedBy?.some((v) => views.has(v))) continue;
    if (s.role === 'zone' && sel.useGameZone === false) continue;
    const kind = s.kind as KnownKind;
    if (sel.installed && sel.installed[kind] === false) continue;
    out.push({ kind, type: s.typeWith ? s.typeWith(sel.gameZone) : s.type, selectable: s.selectable !== false });
  }
  return out;
}
