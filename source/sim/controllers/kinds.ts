// Resource types the controllers read and write, taken from the simulator's registry table.
import type { KubeObject, ResourceType } from '../../kube/object.js';
import { defaultResourceTypes } from '../registry.js';

function find(group: string, resource: string): ResourceType {
  const t = defaultResourceTypes().find((x) => x.group === group && x.resource === resource);
  if (!t) throw new Error(`sim registry lacks ${group}/${resource}`);
  const { version, kind, namespaced } = t;
  return { group, version, resource, kind, namespaced };
}

export const T = {
  namespace: find('', 'namespaces'),
  pod: find('', 'pods'),
  node: find('', 'nodes'),
  event: find('', 'events'),
  deployment: find('apps', 'deployments'),
  controllerRevision: find('apps', 'controllerrevisions'),
  gameDeployment: find('tkex.tencent.com', 'gamedeployments'),
  gameStatefulSet: find('tkex.tencent.com', 'gamestatefulsets'),
  hookRun: find('tkex.tencent.com', 'hookruns'),
  hookTemplate: find('tkex.tencent.com', 'hooktemplates'),
  gameZone: find('apps.example.com', 'gamezones'),
  kubeFedCluster: find('core.kubefed.io', 'kubefedclusters'),
  federatedTypeConfig: find('core.kubefed.io', 'federatedtypeconfigs'),
  federatedGameDeployment: find('types.kubefed.io', 'federatedgamedeployments'),
  federatedDeployment: find('types.kubefed.io', 'federateddeployments'),
} as const;

export const TKEX = 'tkex.tencent.com/v1alpha1';
export const FED_NAMESPACE = 'kube-federation-system';

export const LABEL_ZONE = 'zonectl.io/zone';
export const LABEL_SERVICE = 'zonectl.io/service';
export const LABEL_REVISION_HASH = 'controller-revision-hash';
export const LABEL_GD_INSTANCE = 'tkex.bkbcs.tencent.com/gamedeployment-instance-id';
export const LABEL_STS_POD_NAME = 'statefulset.kubernetes.io/pod-name';
export const LABEL_HOOK_TYPE = 'hookrun-type';
export const LABEL_HOOK_REVISION = 'workload-revision';
export const LABEL_HOOK_STEP = 'canary-step-index';
export const LABEL_HOOK_INSTANCE = 'instance-id';

const ownerRefsCache = new Map<string, ReadonlyArray<ReturnType<typeof ownerRef>>>();
/** `[ownerRef(o)]`, one shared (frozen) array per owner uid, so many pods share it. */
export function ownerRefs(o: KubeObject): Array<ReturnType<typeof ownerRef>> {
  const uid = o.metadata.uid!;
  let refs = ownerRefsCache.get(uid);
  if (!refs || refs[0].name !== o.metadata.name) {
    refs = Object.freeze([Object.freeze(ownerRef(o))]);
    if (ownerRefsCache.size > 200_000) ownerRefsCache.clear();
    ownerRefsCache.set(uid, refs);
  }
  return refs as Array<ReturnType<typeof ownerRef>>;
}

export function ownerRef(o: KubeObject): {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller: boolean;
  blockOwnerDeletion: boolean;
} {
  return {
    apiVersion: o.apiVersion!,
    kind: o.kind!,
    name: o.metadata.name!,
    uid: o.metadata.uid!,
    controller: true,
    blockOwnerDeletion: true,
  };
}

export function controllerOf(o: KubeObject): { kind: string; name: string; uid: string } | undefined {
  return o.metadata.ownerReferences?.find((r) => r.controller);
}

/** Structural equality of JSON data; undefined properties count as absent. */
export function jsonEqual(a: any, b: any): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((v, i) => jsonEqual(v, b[i]));
  const ka = Object.keys(a).filter((k) => a[k] !== undefined);
  const kb = Object.keys(b).filter((k) => b[k] !== undefined);
  return ka.length === kb.length && ka.every((k) => jsonEqual(a[k], b[k]));
}

/** Deep clone for JSON data. */
export function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** The number after the last '-' when the name ends in "-<digits>" (like /-(\d+)$/), else -1. */
export function trailingNumber(s: string): number {
  let i = s.length;
  let n = 0;
  let mul = 1;
  for (; i > 0; i--) {
    const c = s.charCodeAt(i - 1);
    if (c < 48 || c > 57) break;
    n += (c - 48) * mul;
    mul *= 10;
  }
  return i < s.length && i > 0 && s.charCodeAt(i - 1) === 45 ? n : -1;
}
