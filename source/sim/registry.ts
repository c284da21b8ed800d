// The resource types every simulated cluster serves, with the discovery facts kubectl and zonectl read
// (APIResourceList: kind, plural, singular, namespaced, verbs, shortNames, categories, subresources).
import type { ResourceType } from '../kube/object.js';

export type Subresource = 'status' | 'scale' | 'log';

/** A CRD's additionalPrinterColumns entry (apiextensions.k8s.io/v1 CustomResourceColumnDefinition). */
export interface PrinterColumn {
  name: string;
  type: 'integer' | 'number' | 'string' | 'boolean' | 'date';
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface ResourceInfo extends ResourceType {
  singular: string;
  verbs: string[];
  shortNames?: string[];
  categories?: string[];
  subresources: Subresource[];
  /** Virtual: create-only review objects that are never stored (selfsubjectaccessreviews). */
  virtual?: boolean;
  /**
   * Custom resources only: the CRD version's additionalPrinterColumns, which server-side tables show after
   * Name (none: the apiserver's default, one Age column). Built-in kinds have the apiserver's printers.
   */
  printerColumns?: PrinterColumn[];
}

export const ALL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const READ_VERBS = ['get', 'list', 'watch'];

function r(
  group: string,
  version: string,
  resource: string,
  kind: string,
  namespaced: boolean,
  extra: Partial<
    Pick<ResourceInfo, 'shortNames' | 'categories' | 'subresources' | 'verbs' | 'virtual' | 'singular' | 'printerColumns'>
  > = {},
): ResourceInfo {
  return {
    group,
    version,
    resource,
    kind,
    namespaced,
    singular: extra.singular ?? kind.toLowerCase(),
    verbs: extra.verbs ?? ALL_VERBS,
    shortNames: extra.shortNames,
    categories: extra.categories,
    subresources: extra.subresources ?? [],
    virtual: extra.virtual,
    ...(extra.printerColumns ? { printerColumns: extra.printerColumns } : {}),
  };
}

const col = (name: string, type: PrinterColumn['type'], jsonPath: string, priority?: number): PrinterColumn =>
  priority ? { name, type, jsonPath, priority } : { name, type, jsonPath };
const created = (name: string): PrinterColumn => col(name, 'date', '.metadata.creationTimestamp');

/**
 * additionalPrinterColumns of the custom resources, as in their CRDs (test/fixtures/crds, which the real
 * tier installs; test/sim/server-table.test.ts keeps the two equal). Upstream bk-bcs, Argo Rollouts and
 * Kruise CRDs carry the same columns.
 */
const PRINTER_COLUMNS: Record<string, PrinterColumn[]> = {
  'tkex.tencent.com/gamedeployments': [
    col('DESIRED', 'integer', '.spec.replicas'),
    col('UPDATED', 'integer', '.status.updatedReplicas'),
    col('UPDATED_READY', 'integer', '.status.updatedReadyReplicas'),
    col('READY', 'integer', '.status.readyReplicas'),
    col('TOTAL', 'integer', '.status.replicas'),
    created('AGE'),
  ],
  'tkex.tencent.com/gamestatefulsets': [
    col('Replicas', 'integer', '.spec.replicas'),
    col('Ready_Replicas', 'integer', '.status.readyReplicas'),
    col('Current_Replicas', 'integer', '.status.currentReplicas'),
    col('Updated_Replicas', 'integer', '.status.updatedReplicas'),
    col('Updated_Ready_Replicas', 'integer', '.status.updatedReadyReplicas'),
    created('Age'),
  ],
  'tkex.tencent.com/hookruns': [col('PHASE', 'string', '.status.phase'), created('AGE')],
  'apps.example.com/gamezones': [
    col('ZONE', 'integer', '.spec.gameZone.zoneId'),
    col('IMAGE', 'string', '.spec.gameZone.defaultImage'),
    created('AGE'),
  ],
  'core.kubefed.io/kubefedclusters': [created('age'), col('ready', 'string', ".status.conditions[?(@.type=='Ready')].status")],
  'argoproj.io/rollouts': [
    col('Desired', 'integer', '.spec.replicas'),
    col('Current', 'integer', '.status.replicas'),
    col('Up-to-date', 'integer', '.status.updatedReplicas'),
    col('Available', 'integer', '.status.availableReplicas'),
    created('Age'),
  ],
  'rollouts.kruise.io/rollouts': [
    col('STATUS', 'string', '.status.phase'),
    col('CANARY_STEP', 'integer', '.status.currentStepIndex'),
    col('CANARY_STATE', 'string', '.status.currentStepState'),
    col('MESSAGE', 'string', '.status.message', 1),
    created('AGE'),
  ],
};

/** A fresh copy of the default table (callers may add CRDs to their copy). */
export function defaultResourceTypes(): ResourceInfo[] {
  const all = ['all'];
  return [
    // core v1
    r('', 'v1', 'namespaces', 'Namespace', false, {
      shortNames: ['ns'],
      subresources: ['status'],
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
    }),
    r('', 'v1', 'pods', 'Pod', true, { shortNames: ['po'], categories: all, subresources: ['status', 'log'] }),
    r('', 'v1', 'services', 'Service', true, { shortNames: ['svc'], categories: all, subresources: ['status'] }),
    r('', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
    r('', 'v1', 'configmaps', 'ConfigMap', true, { shortNames: ['cm'] }),
    r('', 'v1', 'secrets', 'Secret', true),
    r('', 'v1', 'nodes', 'Node', false, { shortNames: ['no'], subresources: ['status'] }),
    // apps/v1
    r('apps', 'v1', 'deployments', 'Deployment', true, { shortNames: ['deploy'], categories: all, subresources: ['status', 'scale'] }),
    r('apps', 'v1', 'statefulsets', 'StatefulSet', true, { shortNames: ['sts'], categories: all, subresources: ['status', 'scale'] }),
    r('apps', 'v1', 'controllerrevisions', 'ControllerRevision', true),
    // authorization
    r('authorization.k8s.io', 'v1', 'selfsubjectaccessreviews', 'SelfSubjectAccessReview', false, { verbs: ['create'], virtual: true }),
    // events.k8s.io (stored separately from core v1 events in the sim; see server/README-notes.md)
    r('events.k8s.io', 'v1', 'events', 'Event', true, { shortNames: ['ev'] }),
    // Tencent bk-bcs game workloads
    r('tkex.tencent.com', 'v1alpha1', 'gamedeployments', 'GameDeployment', true, { subresources: ['status', 'scale'] }),
    r('tkex.tencent.com', 'v1alpha1', 'gamestatefulsets', 'GameStatefulSet', true, { subresources: ['status', 'scale'] }),
    r('tkex.tencent.com', 'v1alpha1', 'hookruns', 'HookRun', true, { subresources: ['status'] }),
    r('tkex.tencent.com', 'v1alpha1', 'hooktemplates', 'HookTemplate', true, { subresources: ['status'] }),
    // OpenKruise Game and the Kruise Advanced StatefulSet its sets run on
    r('game.kruise.io', 'v1alpha1', 'gameserversets', 'GameServerSet', true, { shortNames: ['gss'], subresources: ['status', 'scale'] }),
    r('game.kruise.io', 'v1alpha1', 'gameservers', 'GameServer', true, { shortNames: ['gs'], subresources: ['status'] }),
    r('apps.kruise.io', 'v1beta1', 'statefulsets', 'StatefulSet', true, { shortNames: ['asts'], subresources: ['status', 'scale'] }),
    // game zones
    r('apps.example.com', 'v1alpha1', 'gamezones', 'GameZone', true, { subresources: ['status'] }),
    // kubefed
    r('types.kubefed.io', 'v1beta1', 'federatedgamedeployments', 'FederatedGameDeployment', true, { subresources: ['status'] }),
    r('types.kubefed.io', 'v1beta1', 'federateddeployments', 'FederatedDeployment', true, { subresources: ['status'] }),
    r('core.kubefed.io', 'v1beta1', 'kubefedclusters', 'KubeFedCluster', true, { subresources: ['status'] }),
    r('core.kubefed.io', 'v1beta1', 'federatedtypeconfigs', 'FederatedTypeConfig', true, { shortNames: ['ftc'], subresources: ['status'] }),
    // rollout controllers
    r('argoproj.io', 'v1alpha1', 'rollouts', 'Rollout', true, { shortNames: ['ro'], categories: all, subresources: ['status', 'scale'] }),
    r('rollouts.kruise.io', 'v1beta1', 'rollouts', 'Rollout', true, { subresources: ['status'] }),
    // CRDs: read-only in the sim
    r('apiextensions.k8s.io', 'v1', 'customresourcedefinitions', 'CustomResourceDefinition', false, {
      shortNames: ['crd', 'crds'],
      verbs: READ_VERBS,
      subresources: ['status'],
    }),
  ].map((t) => (PRINTER_COLUMNS[typeKey(t)] ? { ...t, printerColumns: PRINTER_COLUMNS[typeKey(t)] } : t));
}

/** Key of a type inside one cluster: version-independent, like the real storage. */
export function typeKey(t: Pick<ResourceType, 'group' | 'resource'>): string {
  return `${t.group}/${t.resource}`;
}

/** Groups with their versions, in the order they first appear (discovery order). */
export function groupsOf(types: ResourceInfo[]): Array<{ group: string; versions: string[] }> {
  const out = new Map<string, string[]>();
  for (const t of types) {
    const v = out.get(t.group) ?? [];
    if (!v.includes(t.version)) v.push(t.version);
    out.set(t.group, v);
  }
  return [...out].map(([group, versions]) => ({ group, versions }));
}

/** Types that a strategic merge patch applies to (compiled-in kinds); CRDs answer 415. */
export function supportsStrategicMerge(t: Pick<ResourceType, 'group'>): boolean {
  return t.group === '' || t.group === 'apps' || t.group === 'events.k8s.io' || t.group === 'authorization.k8s.io';
}
