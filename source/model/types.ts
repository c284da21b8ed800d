// Domain types. Plain data, no I/O. Adapters produce these from Kubernetes objects; store, UI,
// output and actions consume them. Every type that has a row carries `cluster` (the kubeconfig
// context name) so one table can span the fleet.
import type { ActionAvailability } from './action-types.js';
import type { WorkloadKind } from './workload-kinds.js';
import type { LastAction } from './last-action.js';

export type ConnectionState = 'connecting' | 'ready' | 'degraded' | 'unreachable' | 'forbidden';

export interface ClusterInfo {
  name: string; // context name
  server: string;
  user: string;
  state: ConnectionState;
  version?: string; // server gitVersion
  latencyMs?: number;
  lastError?: string;
  /** Known kinds -> installed? (from discovery). Keys are WorkloadKind / other kind names. */
  kinds?: Record<string, boolean>;
  readOnly?: boolean;
  protected?: boolean;
}

export type StepKind = 'partition' | 'pause' | 'hook';

export interface RolloutStep {
  index: number; // 0-based
  kind: StepKind;
  /** Partition value as written (number or percentage string) or weight for Argo. */
  partition?: number | string;
  /** Pause duration in seconds; undefined = pause until approved. */
  pauseSeconds?: number;
  hookTemplate?: string;
  /** Human one-liner, e.g. "partition 3", "pause (manual)", "hook check-online". */
  summary: string;
}

export type HookPhase = 'Pending' | 'Running' | 'Successful' | 'Failed' | 'Error' | 'Inconclusive';
export type HookType = 'canary-step' | 'pre-delete' | 'pre-inplace' | 'post-inplace' | 'unknown';

export interface MetricResult {
  name: string;
  phase: string;
  count?: number;
  successful?: number;
  failed?: number;
  inconclusive?: number;
  error?: number;
  message?: string;
  lastValue?: string;
}

export interface HookRunInfo {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  phase: HookPhase | 'Unknown';
  type: HookType;
  message?: string;
  startedAt?: string;
  terminate: boolean;
  args: Array<{ name: string; value?: string }>;
  metrics: MetricResult[];
  /** Owning workload (controller ownerReference), e.g. {kind:'GameDeployment', name:'game-1'}. */
  owner?: { kind: string; name: string };
  pod?: string; // for pod-level hooks (from args PodName or labels)
  stepIndex?: number; // canary-step-index label
  revision?: string; // workload-revision label
  createdAt?: string;
  invalid?: string; // reason when the object is malformed
}

export type RolloutPhase =
  | 'complete' // nothing to roll out
  | 'progressing'
  | 'paused' // waiting (pause step / hook failed / manual)
  | 'failed' // hook failed and not paused, FailedUpdate, Argo Degraded/aborted
  | 'invalid';

export interface ContainerImage {
  name: string;
  image: string;
}

export interface PodHookCondition {
  type: 'pre-delete' | 'pre-inplace' | 'post-inplace';
  podName: string;
  phase: string;
  startTime?: string;
}

export interface RolloutStatus {
  strategy: string; // e.g. "InplaceUpdate", "RollingUpdate", "Canary", "BlueGreen"
  currentRevision?: string;
  updateRevision?: string;
  /** Revision that last completed all steps (bk-bcs status.canary.revision; Argo stableRS). */
  stableRevision?: string;
  replicas: number; // desired
  updated: number;
  updatedReady: number;
  ready: number;
  available?: number;
  /** Partition in force now (bk-bcs: pods kept old for GameDeployment, ordinal for GameStatefulSet). */
  partition?: number;
  steps: RolloutStep[];
  /** 0-based index of the current step; === steps.length when all steps are done; undefined without steps. */
  stepIndex?: number;
  phase: RolloutPhase;
  paused: boolean;
  pauseReason?: string; // e.g. PausedByCanaryPauseStep, PausedByStepBasedHook, manual
  pausedSince?: string; // RFC3339
  /** When a timed pause ends (RFC3339). */
  pauseEndsAt?: string;
  hookRunName?: string; // current step hook run name
  hookPhase?: HookPhase | 'Unknown';
  /** Human one-liner: "paused: awaiting approval", "hook Inconclusive", "updating 3/10". */
  message: string;
  hookConditions: PodHookCondition[];
  actions: ActionAvailability[];
  /** Metric results of the current step hook run (joined from HookRuns). */
  hookMetrics?: MetricResult[];
  /** Set when zonectl's hold annotation is on the object (see kinds/shared/hold.ts). */
  hold?: { previous: number | string | boolean | null; at?: string; by?: string; on?: 'step' };
  /** Rollout controller's own word, e.g. Argo status.message / Kruise canaryStatus.message. */
  controllerMessage?: string;
}

/** Who else writes the workload's spec and puts it back (kinds/shared/owner.ts). */
export interface WorkloadOwner {
  kind: 'GameZone' | 'kubefed' | 'Argo CD' | 'Helm';
  name: string;
  namespace?: string;
  apiVersion?: string;
  /** When it puts its version back. */
  reverts: string;
  /** What it owns: the first container's image (and replicas), or the whole spec. */
  owns: 'image' | 'spec';
}

export interface WorkloadInfo {
  cluster: string;
  namespace: string;
  name: string;
  kind: WorkloadKind;
  apiVersion: string;
  uid: string;
  resourceVersion: string;
  generation?: number;
  observedGeneration?: number;
  createdAt?: string;
  labels: Record<string, string>;
  zone?: string; // zone id from the zone label or GameZone ownership
  service?: string; // service id within the zone (e.g. game-1)
  containers: ContainerImage[];
  /** Rollout controller (Argo/Kruise Rollout) name when one drives this workload. */
  rolloutRef?: { kind: string; name: string };
  /** For Argo / Kruise Rollouts: the workload the rollout drives (spec.workloadRef). */
  workloadRef?: { apiVersion: string; kind: string; name: string };
  selector?: Record<string, string>;
  /** The owner that will overwrite changes made below it. */
  owner?: WorkloadOwner;
  /** The last zonectl action on it (its audit annotation): who, when, which fleet batch and wave. */
  lastAction?: LastAction;
  /** The fleet release (batch) that last changed it (not replaced by a hold/release of it). */
  release?: LastAction;
  rollout: RolloutStatus;
  invalid?: string;
}

export interface ZoneService {
  type: string; // game, db, gateway...
  id: string; // "1" or range start
  endId?: string;
  image?: string;
  workload?: string; // name of the workload backing it
  /** The image the workload's first container runs, when it is not what the GameZone asks for (drift). */
  running?: string;
}

export interface ZoneInfo {
  cluster: string;
  namespace: string;
  zoneId: string;
  name: string;
  source: 'GameZone' | 'label';
  uid?: string;
  resourceVersion?: string;
  createdAt?: string;
  version?: string; // default image tag / most common image tag
  defaultImage?: string;
  /** The GameZone's other settings (redisConfig, mysqlConfig, artifacts, ...), secrets masked at read. */
  config?: Record<string, unknown>;
  services: ZoneService[];
  servicesReady: number;
  servicesTotal: number;
  /** Roll-up of the services' rollouts: complete / progressing / paused / failed. */
  rollout: RolloutPhase;
  rolloutMessage: string;
  invalid?: string;
}

export interface PodInfo {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  phase: string;
  ready: boolean;
  restarts: number;
  node?: string;
  revision?: string; // controller-revision-hash label
  owner?: { kind: string; name: string };
  containers: Array<{
    name: string;
    image: string;
    imageID?: string;
    ready: boolean;
    restartCount: number;
    containerID?: string;
    state?: string;
    /** Why its previous run ended (status lastState.terminated.reason), e.g. "OOMKilled", "Error". */
    lastTerminated?: string;
    /** Image the container runs now (status), when it differs from spec during an in-place update. */ runningImage?: string;
  }>;
  createdAt?: string;
  labels: Record<string, string>;
  inPlaceUpdateState?: string;
  invalid?: string;
}

export interface FederatedClusterStatus {
  name: string;
  status: string; // '' = propagated OK
  /** What this cluster's copy differs in from the template (JSON pointer -> value), from overrides. */
  overrides: Array<{ op: string; path: string; value?: unknown }>;
}

export interface FederatedInfo {
  cluster: string; // host cluster
  namespace: string;
  name: string;
  kind: string; // e.g. FederatedGameDeployment
  targetKind: string; // e.g. GameDeployment
  uid: string;
  resourceVersion: string;
  placement: string[]; // cluster names (resolved from placement.clusters); ['*'] for clusterSelector {}
  clusterSelector?: Record<string, string>;
  template: unknown;
  clusters: FederatedClusterStatus[];
  propagation: { status: string; reason?: string };
  invalid?: string;
}

export interface HookTemplateMetric {
  name: string;
  provider: string; // web | prometheus | kubernetes | exec | unknown
  /** Where the provider points: web url, prometheus address + query, exec command. */
  target?: string;
  interval?: string;
  count?: number;
  successCondition?: string;
  failureCondition?: string;
}

export interface HookTemplateInfo {
  cluster: string;
  namespace: string;
  name: string;
  uid: string;
  resourceVersion: string;
  policy: string; // Parallel | Ordered
  args: Array<{ name: string; value?: string }>;
  metrics: HookTemplateMetric[];
  createdAt?: string;
  invalid?: string;
}

export interface FedClusterInfo {
  cluster: string; // host cluster where the KubeFedCluster object lives
  name: string;
  apiEndpoint: string;
  ready: string; // True / False / Unknown
  message?: string;
  invalid?: string;
}
