// The static table of resource types zonectl knows, and which of them a view needs watched.
// Discovery (kube/) says which are installed per cluster; this table says what they are.
import type { ResourceType } from '../kube/object.js';

export type KnownKind =
  | 'GameStatefulSet'
  | 'GameDeployment'
  | 'HookRun'
  | 'HookTemplate'
  | 'GameZone'
  | 'StatefulSet'
  | 'Deployment'
  | 'ControllerRevision'
  | 'Pod'
  | 'Event'
  | 'Secret'
  | 'FederatedGameDeployment'
  | 'FederatedGameStatefulSet'
  | 'FederatedDeployment'
  | 'FederatedStatefulSet'
  | 'KubeFedCluster'
  | 'Rollout' // Argo Rollout
  | 'KruiseRollout';

export const TKEX_GROUP = 'tkex.tencent.com';
export const KUBEFED_TYPES_GROUP = 'types.kubefed.io';
export const KUBEFED_CORE_GROUP = 'core.kubefed.io';
export const DEFAULT_GAMEZONE = { group: 'apps.example.com', version: 'v1alpha1' } as const;

const tkex = (resource: string, kind: string): ResourceType => ({
  group: TKEX_GROUP,
  version: 'v1alpha1',
  resource,
  kind,
  namespaced: true,
});
const fed = (resource: string, kind: string): ResourceType => ({
  group: KUBEFED_TYPES_GROUP,
  version: 'v1beta1',
  resource,
  kind,
  namespaced: true,
});

/** Every known kind except GameZone (whose group/version is configurable: see gameZoneType). */
export const KINDS: Readonly<Record<Exclude<KnownKind, 'GameZone'>, ResourceType>> = Object.freeze({
  GameStatefulSet: tkex('gamestatefulsets', 'GameStatefulSet'),
  GameDeployment: tkex('gamedeployments', 'GameDeployment'),
  HookRun: tkex('hookruns', 'HookRun'),
  HookTemplate: tkex('hooktemplates', 'HookTemplate'),
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true },
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments', kind: 'Deployment', namespaced: true },
  ControllerRevision: { group: 'apps', version: 'v1', resource: 'controllerrevisions', kind: 'ControllerRevision', namespaced: true },
  Pod: { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
  Event: { group: '', version: 'v1', resource: 'events', kind: 'Event', namespaced: true },
  Secret: { group: '', version: 'v1', resource: 'secrets', kind: 'Secret', namespaced: true },
  FederatedGameDeployment: fed('federatedgamedeployments', 'FederatedGameDeployment'),
  FederatedGameStatefulSet: fed('federatedgamestatefulsets', 'FederatedGameStatefulSet'),
  FederatedDeployment: fed('federateddeployments', 'FederatedDeployment'),
  FederatedStatefulSet: fed('federatedstatefulsets', 'FederatedStatefulSet'),
  KubeFedCluster: { group: KUBEFED_CORE_GROUP, version: 'v1beta1', resource: 'kubefedclusters', kind: 'KubeFedCluster', namespaced: true },
  Rollout: { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', kind: 'Rollout', namespaced: true },
  // Kruise Rollout's wire kind is "Rollout" too; the model calls it KruiseRollout.
  KruiseRollout: { group: 'rollouts.kruise.io', version: 'v1beta1', resource: 'rollouts', kind: 'Rollout', namespaced: true },
});

export interface GameZoneTypeOptions {
  group?: string;
  version?: string;
  resource?: string;
  namespaced?: boolean;
}

export function gameZoneType(o: GameZoneTypeOptions = {}): ResourceType {
  return {
    group: o.group ?? DEFAULT_GAMEZONE.group,
    version: o.version ?? DEFAULT_GAMEZONE.version,
    resource: o.resource ?? 'gamezones',
    kind: 'GameZone',
    namespaced: o.namespaced ?? true,
  };
}

export function typeOf(kind: KnownKind, gameZone?: GameZoneTypeOptions): ResourceType {
  return kind === 'GameZone' ? gameZoneType(gameZone) : KINDS[kind];
}

/** Model kind of a wire object by apiVersion + kind (Argo and Kruise both say "Rollout"). */
export function knownKindOf(
  apiVersion: string | undefined,
  kind: string | undefined,
  gameZone?: GameZoneTypeOptions,
): KnownKind | undefined {
  if (!apiVersion || !kind) return undefined;
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.indexOf('/')) : '';
  if (kind === 'Rollout') return group === 'rollouts.kruise.io' ? 'KruiseRollout' : group === 'argoproj.io' ? 'Rollout' : undefined;
  if (kind === 'GameZone') return group === gameZoneType(gameZone).group ? 'GameZone' : undefined;
  const t = (KINDS as Record<string, ResourceType>)[kind];
  return t && t.group === group ? (kind as KnownKind) : undefined;
}

export const WORKLOAD_KINDS = ['GameStatefulSet', 'GameDeployment', 'StatefulSet', 'Deployment', 'Rollout', 'KruiseRollout'] as const;
export const FEDERATED_KINDS = [
  'FederatedGameDeployment',
  'FederatedGameStatefulSet',
  'FederatedDeployment',
  'FederatedStatefulSet',
] as const;

export type View = 'zones' | 'rollouts' | 'hotupdate' | 'federation' | 'pods' | 'logs' | 'events' | 'diff';

const VIEW_KINDS: Record<View, readonly KnownKind[]> = {
  zones: ['GameZone', ...WORKLOAD_KINDS],
  rollouts: [...WORKLOAD_KINDS, 'HookRun'],
  hotupdate: [...WORKLOAD_KINDS, 'HookRun', 'Pod'],
  federation: [...FEDERATED_KINDS, 'KubeFedCluster', ...WORKLOAD_KINDS],
  pods: ['Pod'],
  logs: ['Pod'],
  events: ['Event'],
  diff: [],
};

export interface WatchSelection {
  views: readonly View[];
  /** Kinds installed on the cluster (from discovery, keyed by KnownKind). Absent = assume installed. */
  installed?: Partial<Record<KnownKind, boolean>>;
  gameZone?: GameZoneTypeOptions;
  /** Set false to ignore GameZone objects (zones from the label only). */
  useGameZone?: boolean;
}

/** Which kinds to list+watch for the given views on one cluster, without duplicates, in a stable order. */
export function kindsToWatch(sel: WatchSelection): Array<{ kind: KnownKind; type: ResourceType }> {
  const wanted = new Set<KnownKind>();
  for (const v of sel.views) for (const k of VIEW_KINDS[v]) wanted.add(k);
  if (sel.useGameZone === false) wanted.delete('GameZone');
  const out: Array<{ kind: KnownKind; type: ResourceType }> = [];
  const order: KnownKind[] = [
    'GameZone',
    ...WORKLOAD_KINDS,
    'HookRun',
    'HookTemplate',
    'Pod',
    'Event',
    ...FEDERATED_KINDS,
    'KubeFedCluster',
    'ControllerRevision',
    'Secret',
  ];
  for (const k of order) {
    if (!wanted.has(k)) continue;
    if (sel.installed && sel.installed[k] === false) continue;
    out.push({ kind: k, type: typeOf(k, sel.gameZone) });
  }
  return out;
}
