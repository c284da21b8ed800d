// KubeFed (research/crds.md §4.1) on the host cluster: KubeFedCluster health and propagation of
// Federated<Kind> objects (types.kubefed.io/v1beta1) to member clusters with per-cluster JSON-patch
// overrides, writing status.clusters[] and the Propagation condition.
import type { KubeObject, ResourceType } from '../../kube/object.js';
import type { SimStore } from '../store-api.js';
import { apiVersionOf } from '../../kube/object.js';
import { stableJson } from '../rand.js';
import { T, FED_NAMESPACE } from './kinds.js';
import { jsonPatch } from '../server/patch.js';
import { keyOf, splitKey, type ControllerRuntime } from './runtime.js';

export const MANAGED_LABEL = 'kubefed.io/managed';

export interface FederatedKind {
  fed: ResourceType;
  target: ResourceType;
}

const FEDERATED_KINDS: FederatedKind[] = [
  { fed: T.federatedGameDeployment, target: T.gameDeployment },
  { fed: T.federatedDeployment, target: T.deployment },
];

/** kubefed clusterOverrides (RFC 6902 ops whose op defaults to replace) applied to a copy of doc; throws when one does not apply. */
export function applyOverrides<D>(doc: D, overrides: Array<{ op?: string; path: string; value?: unknown }>): D {
  return jsonPatch(
    doc,
    overrides.map((o) => ({ ...o, op: o.op ?? 'replace' })),
  );
}

function matches(selector: any, labels: Record<string, string>): boolean {
  const ml = (selector?.matchLabels ?? {}) as Record<string, string>;
  return Object.entries(ml).every(([k, v]) => labels[k] === v);
}

export class FederationController {
  constructor(
    private rt: ControllerRuntime,
    private members: (cluster: string) => SimStore | undefined,
  ) {
    const h = rt.addController('Federation', (key) => this.reconcile(key));
    const hc = rt.addController('KubeFedCluster', (key) => this.reconcileCluster(key));
    for (const k of FEDERATED_KINDS) {
      rt.watch(k.fed, (e) => {
        if (e.type !== 'DELETED') h.enqueue(`${k.fed.resource}|${keyOf(e.object)}`);
      });
    }
    rt.watch(T.kubeFedCluster, (e) => {
      if (e.type !== 'DELETED') hc.enqueue(keyOf(e.object));
      for (const k of FEDERATED_KINDS) for (const o of rt.store.list(k.fed).items) h.enqueue(`${k.fed.resource}|${keyOf(o)}`);
    });
  }

  private ready(kfc: KubeObject | undefined): boolean {
    return !!kfc && (kfc.status?.conditions as any[] | undefined)?.some((c) => c.type === 'Ready' && c.status === 'True') === true;
  }

  reconcileCluster(key: string): void {
    const [ns, name] = splitKey(key);
    const kfc = this.rt.store.get(T.kubeFedCluster, ns, name);
    if (!kfc) return;
    const up = !!this.members(name);
    const now = this.rt.clock.iso();
    const prev = (kfc.status?.conditions as any[] | undefined)?.find((c) => c.type === (up ? 'Ready' : 'Offline'));
    const cond = up
      ? {
          type: 'Ready',
          status: 'True',
          reason: 'ClusterReady',
          message: '/healthz responded with ok',
          lastProbeTime: prev?.lastProbeTime ?? now,
          lastTransitionTime: prev?.lastTransitionTime ?? now,
        }
      : {
          type: 'Offline',
          status: 'True',
          reason: 'ClusterNotReachable',
          message: 'cluster is not reachable',
          lastProbeTime: now,
          lastTransitionTime: prev?.lastTransitionTime ?? now,
        };
    const status = {
      conditions: [cond],
      ...(kfc.status?.region ? { region: kfc.status.region } : {}),
      ...(kfc.status?.zones ? { zones: kfc.status.zones } : {}),
    };
    if (stableJson(status) === stableJson(kfc.status ?? {})) return;
    this.rt.store.mutate(T.kubeFedCluster, ns, name, (o) => ((o.status = status), o), { subresource: 'status' });
  }

  reconcile(qkey: string): void {
    const bar = qkey.indexOf('|');
    const kind = FEDERATED_KINDS.find((k) => k.fed.resource === qkey.slice(0, bar))!;
    const [ns, name] = splitKey(qkey.slice(bar + 1));
    const host = this.rt.store;
    const fo = host.get(kind.fed, ns, name);
    if (!fo) return;
    const clusters = host.list(T.kubeFedCluster, { namespace: FED_NAMESPACE }).items;
    const placement = fo.spec?.placement ?? {};
    let placed: string[];
    if (Array.isArray(placement.clusters)) placed = placement.clusters.map((c: any) => c.name);
    else if (placement.clusterSelector)
      placed = clusters.filter((c) => matches(placement.clusterSelector, c.metadata.labels ?? {})).map((c) => c.metadata.name!);
    else placed = [];
    const rows: Array<{ name: string; status?: string }> = [];
    for (const cname of placed) {
      const kfc = clusters.find((c) => c.metadata.name === cname);
      const member = this.members(cname);
      if (!kfc || !this.ready(kfc) || !member) {
        rows.push({ name: cname, status: 'ClusterNotReady' });
        continue;
      }
      rows.push({ name: cname, ...this.propagate(kind, fo, cname, member) });
    }
    // remove from clusters no longer placed
    for (const c of clusters) {
      const cname = c.metadata.name!;
      if (placed.includes(cname)) continue;
      const member = this.members(cname);
      const obj = member?.get(kind.target, ns, name);
      if (obj?.metadata.labels?.[MANAGED_LABEL] === 'true') member!.delete(kind.target, ns, name);
    }
    const ok = rows.every((r) => !r.status);
    const now = this.rt.clock.iso();
    const prev = (fo.status?.conditions as any[] | undefined)?.find((c) => c.type === 'Propagation');
    const condStatus = ok ? 'True' : 'False';
    const reason = ok ? undefined : 'CheckClusters';
    const same = prev?.status === condStatus && (prev?.reason ?? undefined) === reason;
    const status = {
      observedGeneration: fo.metadata.generation,
      conditions: [
        {
          type: 'Propagation',
          status: condStatus,
          ...(reason ? { reason } : {}),
          lastUpdateTime: same ? prev.lastUpdateTime : now,
          lastTransitionTime: same ? prev.lastTransitionTime : now,
        },
      ],
      clusters: rows.sort((a, b) => (a.name < b.name ? -1 : 1)),
    };
    if (stableJson(status) === stableJson(fo.status ?? {})) return;
    host.mutate(kind.fed, ns, name, (o) => ((o.status = status), o), { subresource: 'status' });
  }

  private propagate(kind: FederatedKind, fo: KubeObject, cname: string, member: SimStore): { status?: string } {
    const ns = fo.metadata.namespace!;
    const name = fo.metadata.name!;
    const tmpl = fo.spec?.template ?? {};
    let desired: KubeObject = {
      apiVersion: apiVersionOf(kind.target),
      kind: kind.target.kind,
      metadata: {
        name,
        namespace: ns,
        labels: { ...(tmpl.metadata?.labels ?? {}), [MANAGED_LABEL]: 'true' },
        ...(tmpl.metadata?.annotations ? { annotations: { ...tmpl.metadata.annotations } } : {}),
      },
      spec: tmpl.spec ?? {},
    };
    const ov = ((fo.spec?.overrides as any[] | undefined) ?? []).find((o) => o.clusterName === cname);
    if (ov?.clusterOverrides?.length) {
      try {
        desired = applyOverrides(desired, ov.clusterOverrides);
      } catch {
        return { status: 'ApplyOverridesFailed' };
      }
    }
    try {
      if (!member.get(T.namespace, undefined, ns)) member.create(T.namespace, { metadata: { name: ns } });
      const cur = member.get(kind.target, ns, name);
      if (!cur) {
        member.create(kind.target, desired);
        return {};
      }
      if (cur.metadata.labels?.[MANAGED_LABEL] !== 'true') return { status: 'AlreadyExists' };
      // retain fields the member's controllers own (kubefed field retention): the paused flag, retry flags
      const spec = JSON.parse(JSON.stringify(desired.spec ?? {}));
      if (cur.spec?.updateStrategy?.paused !== undefined && spec.updateStrategy)
        spec.updateStrategy.paused = cur.spec.updateStrategy.paused;
      if (stableJson(spec) === stableJson(cur.spec) && stableJson(desired.metadata.labels) === stableJson(cur.metadata.labels)) return {};
      member.mutate(kind.target, ns, name, (o) => {
        o.spec = spec;
        o.metadata.labels = desired.metadata.labels;
        return o;
      });
      return {};
    } catch {
      return { status: 'UpdateFailed' };
    }
  }
}
