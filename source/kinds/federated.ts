// kubefed Federated<Kind> (types.kubefed.io/v1beta1) -> FederatedInfo (research/crds.md §4.1).
// Placement: clusters wins over clusterSelector; clusterSelector {} = all; empty placement = none.
import type { KubeObject, ResourceType } from '../kube/object.js';
import type { FederatedClusterStatus, FederatedInfo } from '../model/types.js';
import type { ReadContext } from './shared/context.js';
import { expected, guard, isRecord, looseMeta, meta, missing, optArray, optRecord, optStringMap } from './shared/read-util.js';
import type { RowSpec } from './spec.js';

export const KUBEFED_TYPES_GROUP = 'types.kubefed.io';

type Override = FederatedClusterStatus['overrides'][number];

function readOverrides(obj: KubeObject): Map<string, Override[]> {
  const out = new Map<string, Override[]>();
  (optArray(obj, 'spec.overrides') ?? []).forEach((o, i) => {
    if (!isRecord(o) || typeof o.clusterName !== 'string') throw expected(`spec.overrides[${i}]`, ['clusterName', 'clusterOverrides']);
    const list = optArray(o, 'clusterOverrides') ?? [];
    const ops = list.map((c, j) => {
      if (!isRecord(c) || typeof c.path !== 'string')
        throw expected(`spec.overrides[${i}].clusterOverrides[${j}]`, ['op', 'path', 'value']);
      const op: Override = { op: typeof c.op === 'string' && c.op ? c.op : 'replace', path: c.path };
      if ('value' in c) op.value = c.value;
      return op;
    });
    out.set(o.clusterName, [...(out.get(o.clusterName) ?? []), ...ops]);
  });
  return out;
}

export function readFederated(cluster: string, obj: KubeObject, _ctx?: ReadContext): FederatedInfo {
  const kind = isRecord(obj) && typeof obj.kind === 'string' ? obj.kind : 'Federated';
  const targetKind = kind.startsWith('Federated') ? kind.slice('Federated'.length) : kind;
  return guard(
    () => {
      const m = meta(obj);
      const template = optRecord(obj, 'spec.template');
      if (!template) throw missing('spec.template');
      const placementClusters = optArray(obj, 'spec.placement.clusters');
      const selectorRec = optRecord(obj, 'spec.placement.clusterSelector');
      let placement: string[] = [];
      let clusterSelector: Record<string, string> | undefined;
      if (placementClusters) {
        placement = placementClusters.map((c, i) => {
          if (!isRecord(c) || typeof c.name !== 'string') throw expected(`spec.placement.clusters[${i}]`, ['name']);
          return c.name;
        });
      } else if (selectorRec) {
        clusterSelector = optStringMap(obj, 'spec.placement.clusterSelector.matchLabels') ?? {};
        placement = Object.keys(clusterSelector).length === 0 && !selectorRec.matchExpressions ? ['*'] : [];
      }
      const overrides = readOverrides(obj);
      const clusters: FederatedClusterStatus[] = [];
      const seen = new Set<string>();
      (optArray(obj, 'status.clusters') ?? []).forEach((c, i) => {
        if (!isRecord(c) || typeof c.name !== 'string') throw expected(`status.clusters[${i}]`, ['name', 'status']);
        seen.add(c.name);
        clusters.push({ name: c.name, status: typeof c.status === 'string' ? c.status : '', overrides: overrides.get(c.name) ?? [] });
      });
      // Placed but not reported yet: not propagated (the sync controller has not got to it).
      for (const name of placement) {
        if (name !== '*' && !seen.has(name)) clusters.push({ name, status: 'Pending', overrides: overrides.get(name) ?? [] });
      }
      let propagation: FederatedInfo['propagation'] = { status: 'Unknown' };
      for (const c of optArray(obj, 'status.conditions') ?? []) {
        if (isRecord(c) && c.type === 'Propagation') {
          propagation = { status: typeof c.status === 'string' ? c.status : 'Unknown' };
          if (typeof c.reason === 'string' && c.reason) propagation.reason = c.reason;
        }
      }
      const info: FederatedInfo = {
        cluster,
        namespace: m.namespace,
        name: m.name,
        kind,
        targetKind,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        placement,
        template,
        clusters,
        propagation,
      };
      if (clusterSelector && placement.length === 0) info.clusterSelector = clusterSelector;
      return info;
    },
    (reason) => {
      const m = looseMeta(obj);
      return {
        cluster,
        namespace: m.namespace,
        name: m.name,
        kind,
        targetKind,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        placement: [],
        template: undefined,
        clusters: [],
        propagation: { status: 'Unknown' },
        invalid: reason,
      };
    },
  );
}

const federatedKind = <K extends string>(kind: K, resource: string): RowSpec<'federated', K> => ({
  kind,
  role: 'federated',
  type: { group: KUBEFED_TYPES_GROUP, version: 'v1beta1', resource, kind, namespaced: true },
  watchedBy: ['federation'],
  read: readFederated,
});

/** The Federated<Kind> type that propagates objects of `target` (a member's workload type). */
export function federatedTypeOf(target: Pick<ResourceType, 'kind'>): ResourceType | undefined {
  return federatedKinds.find((f) => f.type.kind === `Federated${target.kind}`)?.type;
}

/** The kubefed types zonectl reads: one per federated workload kind. */
export const federatedKinds = [
  federatedKind('FederatedGameDeployment', 'federatedgamedeployments'),
  federatedKind('FederatedGameStatefulSet', 'federatedgamestatefulsets'),
  federatedKind('FederatedDeployment', 'federateddeployments'),
  federatedKind('FederatedStatefulSet', 'federatedstatefulsets'),
] as const;
