// What zonectl knows about one kind, in one place (DESIGN §3 kinds/). Each source/kinds/<kind>.ts
// exports a KindSpec; registry.ts lists them and builds every per-kind table from the list (watch
// sets, readers, planners, prefetches, log targets, wait predicates, CLI aliases). Pure: a spec
// says what to read, fetch or write; the callers (store, actions, logs) do the I/O.
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { FedClusterInfo, FederatedInfo, HookRunInfo, HookTemplateInfo, PodInfo, WorkloadInfo, ZoneInfo } from '../model/types.js';
import type { WorkloadKind } from '../model/workload-kinds.js';
import type { ActionName } from '../model/action-types.js';
import type { Intent, PlanInput } from './plan/common.js';
import type { Plan, PlanResult } from './plan/types.js';
import type { ReadContext } from './shared/context.js';
import type { PreconditionFields } from './shared/observe.js';
import type { WaitTarget } from './plan/wait.js';

/** The data views of the console and the list commands; each names the kinds it needs watched. */
export type View = 'zones' | 'rollouts' | 'hotupdate' | 'federation' | 'pods' | 'logs' | 'events' | 'diff';

export type Reader<T> = (cluster: string, obj: KubeObject, ctx?: ReadContext) => T;

/** Group/version/resource of a kind whose API group is configurable (GameZone). */
export interface TypeOptions {
  group?: string;
  version?: string;
  resource?: string;
  namespaced?: boolean;
}

interface SpecBase<K extends string> {
  /** Model name (WorkloadInfo.kind, ClusterInfo.kinds keys). Kruise's is KruiseRollout though the wire says Rollout. */
  readonly kind: K;
  /** Wire type; for a configurable kind, its default (see `typeWith`). */
  readonly type: ResourceType;
  /** For a kind whose group/version the config may change: the type for those options. */
  readonly typeWith?: (o?: TypeOptions) => ResourceType;
  /** Views that need this kind listed and watched. */
  readonly watchedBy?: readonly View[];
  /** false: the -l selector does not narrow this kind's watch (its objects are matched afterwards). */
  readonly selectable?: boolean;
}

/** What `loadWorkload` fetches before planning, besides the object itself. */
export interface Prefetch {
  /** The namespace's HookRuns: the reader joins the current step hook run, skip-hook terminates it. */
  readonly hookRuns?: boolean;
  /** Its revisions (objects of `revisions` type owned by it): reject restores one, approve cards diff them. */
  readonly revisions?: boolean;
  /** The workload named in spec.workloadRef, and that workload's revisions (rollout controllers). */
  readonly workloadRef?: boolean;
}

/** How a workload's pods are found for logs: its label selector, then this owner check. */
export interface PodOwnership {
  /** Does a pod's controller reference name this workload? Default: same wire kind and name. */
  readonly ownedBy?: (controller: { apiVersion?: string; kind: string; name: string }, workload: string) => boolean;
  /** The pods' label selector when the object has no spec.selector (a controller-assigned label). */
  readonly selector?: (obj: KubeObject) => string | undefined;
  /** A few words the pod's line shows after its state, from the pod's labels (e.g. a game server's state). */
  readonly note?: (labels: Readonly<Record<string, string>>) => string | undefined;
}

/**
 * How the kind's controller restarts its pods (`zonectl restart`, the console's R): the one place a
 * kind says it. 'template-annotation' = `kubectl rollout restart`: the pod template annotation
 * kubectl.kubernetes.io/restartedAt, which the controller rolls out per its update strategy;
 * 'restart-at' = Argo Rollouts' spec.restartAt (pods restarted in place of a new revision).
 */
export type RestartSpec =
  | {
      readonly how: 'template-annotation';
      /** JSON pointer of the pod template ('/spec/template'; OKG GameServerSet '/spec/gameServerTemplate'). */
      readonly template: string;
      /** What the controller then does with the pods, and caveats, for this object's strategy. */
      readonly effect: (w: WorkloadInfo, obj: KubeObject) => RestartEffect;
    }
  | { readonly how: 'restart-at'; readonly effect: (w: WorkloadInfo, obj: KubeObject) => RestartEffect }
  | { readonly how: 'refuse'; readonly why: (w: WorkloadInfo) => string };

export interface RestartEffect {
  /** One line for the plan: "pods are recreated one at a time, highest ordinal first, each keeps its name". */
  line: string;
  warnings?: string[];
  /** A warning that the restart may do nothing, or much more than asked: --force with --yes. */
  requiresForce?: boolean;
}

/** The --wait target of an action on this kind, when it differs from the shared one (plan/wait.ts). */
export type WaitTargetFor = (plan: Plan, before: WorkloadInfo) => WaitTarget;

export interface WorkloadSpec<K extends WorkloadKind = WorkloadKind> extends SpecBase<K> {
  readonly role: 'workload';
  /** Names users type for it (kubectl-style singular, plural, short names), lower case. */
  readonly aliases: readonly string[];
  /** Name for narrow columns (default: the kind). */
  readonly short?: string;
  readonly read: Reader<WorkloadInfo>;
  /** intent + loaded input -> Plan (or why not). */
  readonly plan: (intent: Intent, input: PlanInput) => PlanResult;
  readonly prefetch: Prefetch;
  /** The type of its revisions (old pod templates it owns): ControllerRevisions, ReplicaSets. */
  readonly revisions?: ResourceType;
  /** The fields a plan's preconditions guard, as the object is now (executor and --wait compare them). */
  readonly preconditions: (cluster: string, obj: KubeObject) => PreconditionFields;
  /** Present when the workload owns pods directly (rollout controllers drive another workload's). */
  readonly pods?: PodOwnership;
  /**
   * Always drives another workload (no pods of its own): never a zone service, even when its
   * workloadRef cannot be read. Any row with a workloadRef drives that workload (model/rollouts.ts).
   */
  readonly drivesWorkload?: boolean;
  /** Hot update's partition option applies (--partition, --one-pod-first). */
  readonly partition?: boolean;
  /** How its pods are restarted (plan/restart.ts); absent: the kind cannot be restarted. */
  readonly restart?: RestartSpec;
  /** --wait targets that differ from the shared ones, per action. */
  readonly wait?: Partial<Record<ActionName, WaitTargetFor>>;
}

/** Model row per non-workload role (ReadResult.type). */
export interface RowOf {
  zone: ZoneInfo;
  hookRun: HookRunInfo;
  hookTemplate: HookTemplateInfo;
  pod: PodInfo;
  federated: FederatedInfo;
  fedCluster: FedClusterInfo;
}
export type RowRole = keyof RowOf;

export type RowSpec<R extends RowRole = RowRole, K extends string = string> = R extends RowRole
  ? SpecBase<K> & {
      readonly role: R;
      readonly read: Reader<RowOf[R]>;
      /** The precondition fields when a plan targets an object of this kind (a HookRun for skip-hook). */
      readonly preconditions?: (cluster: string, obj: KubeObject) => PreconditionFields;
    }
  : never;

/** A kind zonectl names (lists, fetches, masks) but reads into no model row. */
export interface TypeOnlySpec<K extends string = string> extends SpecBase<K> {
  readonly role: 'type';
}

export type KindSpec = WorkloadSpec | RowSpec | TypeOnlySpec;

export type ReadResult = { type: 'workload'; row: WorkloadInfo } | { [R in RowRole]: { type: R; row: RowOf[R] } }[RowRole];

/** The views every workload kind is watched for. */
export const WORKLOAD_VIEWS: readonly View[] = ['zones', 'rollouts', 'hotupdate', 'federation'];
