// The OpenKruise Game GameServer controller as the simulator runs it: one GameServer per pod of a
// GameServerSet (same name, owned by the pod); its spec (opsState, priorities, image overrides) is
// pushed onto the pod as labels, the pod's state pulled into its status. Kept apart from the set
// controller (gameserverset.ts) because in OKG it is a controller of its own, with its own object.
// Left out: network plugins (networkStatus only echoes the set's spec.network).
import { apiVersionOf, type KubeObject, type ResourceType } from '../../kube/object.js';
import { T, jsonEqual, ownerRefs } from './kinds.js';
import { GS_DP, GS_NET_DISABLED, GS_OPS, GS_STATE, GS_UP, LIFECYCLE, OWNER } from './kruise-game-labels.js';
import type { ControllerRuntime } from './runtime.js';
import { podCondition } from './template.js';

type Rec = Record<string, any>;

/** The kubelet-facing state OKG derives from a pod (GameServer status.currentState, pod label gs-state). */
export function gameServerState(pod: KubeObject): string {
  const phase = pod.status?.phase;
  if (phase === 'Pending' || phase === undefined) return 'Creating';
  if (phase === 'Failed') return 'Crash';
  if (phase !== 'Running') return 'Unknown';
  if (pod.metadata.deletionTimestamp) return 'Deleting';
  const lc = pod.metadata.labels?.[LIFECYCLE];
  if (lc === 'Updating') return 'Updating';
  if (lc === 'PreparingUpdate') return 'PreUpdate';
  if (lc === 'PreparingDelete') return 'PreDelete';
  const ready = podCondition(pod, 'Ready');
  if (!ready) return '';
  return ready.status === 'True' ? 'Ready' : 'NotReady';
}

export class GameServerSync {
  constructor(
    private rt: ControllerRuntime,
    private gs: ResourceType,
  ) {}

  /** GameServer controller: create the pod's GameServer, push its spec onto the pod, pull the pod's state into its status. */
  sync(set: KubeObject, pod: KubeObject): void {
    const store = this.rt.store;
    const ns = pod.metadata.namespace;
    const name = pod.metadata.name!;
    let gs = store.get(this.gs, ns, name);
    if (!gs) {
      gs = store.create(this.gs, {
        apiVersion: apiVersionOf(this.gs),
        kind: 'GameServer',
        metadata: {
          name,
          namespace: ns,
          labels: { ...(set.spec?.gameServerTemplate?.metadata?.labels ?? {}), [OWNER]: set.metadata.name! },
          ownerReferences: ownerRefs(pod),
        },
        spec: { opsState: 'None', updatePriority: 0, deletionPriority: 0, networkDisabled: false },
      });
    }
    const spec: Rec = gs.spec ?? {};
    const labels: Record<string, string> = {
      [GS_OPS]: String(spec.opsState ?? 'None'),
      [GS_UP]: String(spec.updatePriority ?? 0),
      [GS_DP]: String(spec.deletionPriority ?? 0),
      [GS_NET_DISABLED]: String(spec.networkDisabled === true),
      [GS_STATE]: gameServerState(pod),
    };
    // Per-server image overrides go straight onto the pod (the kubelet restarts that container).
    const overrides = new Map<string, string>(((spec.containers ?? []) as Rec[]).filter((c) => c.image).map((c) => [c.name, c.image]));
    const containers: Rec[] = pod.spec?.containers ?? [];
    const override = containers.some((c) => overrides.has(c.name) && overrides.get(c.name) !== c.image);
    if (override || Object.entries(labels).some(([k, v]) => pod.metadata.labels?.[k] !== v)) {
      pod =
        store.mutate(T.pod, ns, name, (o) => {
          o.metadata.labels = { ...o.metadata.labels, ...labels };
          if (override) o.spec = { ...o.spec, containers: containers.map((c) => ({ ...c, image: overrides.get(c.name) ?? c.image })) };
          return o;
        }) ?? pod;
    }
    const network: Rec | undefined = set.spec?.network;
    const status: Rec = {
      currentState: gameServerState(pod),
      desiredState: 'Ready',
      updatePriority: labels[GS_UP],
      deletionPriority: labels[GS_DP],
      podStatus: { phase: pod.status?.phase, podIP: pod.status?.podIP, hostIP: pod.status?.hostIP },
      ...(network?.networkType
        ? {
            networkStatus: {
              networkType: network.networkType,
              desiredNetworkState: spec.networkDisabled ? 'NotReady' : 'Ready',
              currentNetworkState: spec.networkDisabled ? 'NotReady' : 'Ready',
              ...(pod.status?.podIP ? { internalAddresses: [{ ip: pod.status.podIP }] } : {}),
            },
          }
        : {}),
    };
    const cur = gs.status ?? {};
    if (jsonEqual({ ...cur, lastTransitionTime: undefined }, status)) return;
    const changed = cur.currentState !== status.currentState;
    store.update(
      this.gs,
      {
        ...gs,
        status: { ...status, lastTransitionTime: changed || !cur.lastTransitionTime ? this.rt.clock.iso() : cur.lastTransitionTime },
      },
      { subresource: 'status' },
    );
  }
}
