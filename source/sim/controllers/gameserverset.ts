// OpenKruise Game (kruise-game v1.0) as the simulator runs it, for one cluster: the GameServerSet
// controller, the part of the Kruise Advanced StatefulSet (ASTS) controller a set needs, and the
// GameServer controller. Facts and sources: source/kinds/README.md "GameServerSet".
// - A set gets an ASTS of the same name (owned by it); the ASTS owns the pods `<gss>-<ordinal>`,
//   labelled game.kruise.io/owner-gss, with podManagementPolicy Parallel.
// - rollingUpdate is copied with unorderedUpdate: `partition` = pods kept on the old revision, pods
//   with a higher gs-update-priority label go first (no label sorts first, ties: highest ordinal).
// - InPlaceIfPossible / InPlaceOnly swap images in place when only images changed, else recreate;
//   `paused` stops new updates but lets in-flight in-place updates finish.
// - One GameServer per pod (same name, owned by the pod): its spec (opsState, priorities, image
//   overrides) is pushed onto the pod, the pod's state pulled into its status.
// - The set's status: replicas = spec.replicas, currentReplicas = pod count, no revisions;
//   observedGeneration only on a pass that did not have to update the ASTS.
// Left out: scale-down victim order by opsState (plain highest ordinal), Kill, reserveGameServerIds,
// service qualities, lifecycle hooks, network plugins (networkStatus only echoes spec.network).
import { apiVersionOf, type KubeObject, type ResourceType } from '../../kube/object.js';
import { stableJson } from '../rand.js';
import { T, jsonEqual, LABEL_REVISION_HASH, LABEL_STS_POD_NAME, ownerRef, ownerRefs, trailingNumber } from './kinds.js';
import { keyOf, splitKey, type ControllerHandle, type ControllerRuntime, type OwnerIndex } from './runtime.js';
import {
  ensureRevision,
  INPLACE_READY,
  isRunningAndReady,
  newPod,
  podCondition,
  recomputeReady,
  revisionTemplate,
  setCondition,
} from './template.js';

const OWNER = 'game.kruise.io/owner-gss';
const GS_STATE = 'game.kruise.io/gs-state';
const GS_OPS = 'game.kruise.io/gs-opsState';
const GS_UP = 'game.kruise.io/gs-update-priority';
const GS_DP = 'game.kruise.io/gs-delete-priority';
const GS_NET_DISABLED = 'game.kruise.io/network-disabled';
const LIFECYCLE = 'lifecycle.apps.kruise.io/state';
const ANN_INPLACE = 'apps.kruise.io/inplace-update-state';

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

/** The priority sorter's level: trailing digits of the label ("-5" sorts as 5); no label is -1. */
function priorityOf(pod: KubeObject): number {
  const v = pod.metadata.labels?.[GS_UP];
  if (v === undefined) return -1;
  const m = /(\d+)$/.exec(v);
  return m ? Number(m[1]) : 0;
}

function intOrPercent(v: unknown, total: number, fallback: number): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && v.endsWith('%')) return Math.floor((Number(v.slice(0, -1)) / 100) * total);
  return fallback;
}

/** Templates equal except for container images: what Kruise updates in place. */
function onlyImagesDiffer(a: any, b: any): boolean {
  const strip = (t: any) => ({
    ...t,
    spec: { ...t?.spec, containers: (t?.spec?.containers ?? []).map((c: Rec) => ({ ...c, image: '' })) },
  });
  return stableJson(strip(a)) === stableJson(strip(b));
}

export class GameServerSetController {
  readonly gss: ResourceType;
  readonly gs: ResourceType;
  readonly asts: ResourceType;
  private h: ControllerHandle;
  private pods: OwnerIndex;
  private revs: OwnerIndex;

  constructor(private rt: ControllerRuntime) {
    const find = (group: string, resource: string) => {
      const t = rt.store.types().find((x) => x.group === group && x.resource === resource);
      if (!t) throw new Error(`sim registry lacks ${group}/${resource}`);
      return t;
    };
    this.gss = find('game.kruise.io', 'gameserversets');
    this.gs = find('game.kruise.io', 'gameservers');
    this.asts = find('apps.kruise.io', 'statefulsets');
    this.pods = rt.index(T.pod);
    this.revs = rt.index(T.controllerRevision);
    this.h = rt.addController('GameServerSet', (key) => this.reconcile(key));
    rt.watch(this.gss, (e) => {
      if (e.type !== 'DELETED') this.h.enqueue(keyOf(e.object));
    });
    const bySet = (o: KubeObject) => {
      const set = o.metadata.labels?.[OWNER];
      if (set) this.h.enqueue(`${o.metadata.namespace ?? ''}/${set}`);
    };
    rt.watch(T.pod, (e) => bySet(e.object));
    rt.watch(this.gs, (e) => bySet(e.object));
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const store = this.rt.store;
    const set = store.get(this.gss, ns, name);
    if (!set || set.metadata.deletionTimestamp) return;
    const { asts, inSync } = this.syncAsts(set);
    const revisions = ensureRevision(store, asts, this.revs.owned(asts.metadata.uid));
    const updateRevision = revisions.update.metadata.name!;
    const old = asts.status ?? {};
    let currentRevision: string =
      old.currentRevision && revisions.all.some((r) => r.metadata.name === old.currentRevision) ? old.currentRevision : updateRevision;
    const byName = new Map(revisions.all.map((r) => [r.metadata.name!, r]));
    const replicas = typeof set.spec?.replicas === 'number' ? set.spec.replicas : 0;
    const rolling: Rec | undefined = asts.spec?.updateStrategy?.rollingUpdate;
    const partition = Math.min(replicas, intOrPercent(rolling?.partition, replicas, 0));

    this.scale(asts, replicas, partition, currentRevision, updateRevision, byName);
    // The GameServer controller runs on its own in OKG; first here, so the priority sort sees the
    // update priorities the operator set before the update (as it would once the labels synced).
    for (const p of this.pods.owned(asts.metadata.uid)) this.syncGameServer(set, p);
    this.finishInPlace(this.pods.owned(asts.metadata.uid));
    let pods = this.pods.owned(asts.metadata.uid);
    if (asts.spec?.updateStrategy?.type !== 'OnDelete' && rolling?.paused !== true)
      this.update(asts, pods, replicas, partition, updateRevision, byName);
    pods = this.pods.owned(asts.metadata.uid);
    for (const p of pods) this.syncGameServer(set, p);
    pods = this.pods.owned(asts.metadata.uid);

    const count = { ready: 0, updated: 0, updatedReady: 0, maintaining: 0, waitToBeDeleted: 0, preDelete: 0 };
    for (const p of pods) {
      const ready = isRunningAndReady(p);
      const updated = p.metadata.labels?.[LABEL_REVISION_HASH] === updateRevision;
      if (ready) count.ready++;
      if (updated) count.updated++;
      if (updated && ready) count.updatedReady++;
      const ops = p.metadata.labels?.[GS_OPS];
      if (ops === 'Maintaining') count.maintaining++;
      if (ops === 'WaitToBeDeleted') count.waitToBeDeleted++;
      if (p.metadata.labels?.[GS_STATE] === 'PreDelete') count.preDelete++;
    }
    if (count.updated === replicas && pods.length === replicas) currentRevision = updateRevision;
    const selector = `${OWNER}=${name}`;
    this.writeStatus(this.asts, asts, {
      observedGeneration: asts.metadata.generation,
      replicas: pods.length,
      readyReplicas: count.ready,
      availableReplicas: count.ready,
      currentReplicas: pods.filter((p) => p.metadata.labels?.[LABEL_REVISION_HASH] === currentRevision).length,
      updatedReplicas: count.updated,
      updatedReadyReplicas: count.updatedReady,
      updatedAvailableReplicas: count.updatedReady,
      currentRevision,
      updateRevision,
      collisionCount: revisions.collisionCount,
      labelSelector: selector,
    });
    const prev = set.status ?? {};
    this.writeStatus(this.gss, set, {
      // Written only on a pass with the ASTS already in sync: "the ASTS has this spec", not "done".
      ...(inSync
        ? { observedGeneration: set.metadata.generation }
        : prev.observedGeneration !== undefined
          ? { observedGeneration: prev.observedGeneration }
          : {}),
      replicas,
      currentReplicas: pods.length,
      readyReplicas: count.ready,
      availableReplicas: count.ready,
      updatedReplicas: count.updated,
      updatedReadyReplicas: count.updatedReady,
      maintainingReplicas: count.maintaining,
      waitToBeDeletedReplicas: count.waitToBeDeleted,
      preDeleteReplicas: count.preDelete,
      labelSelector: selector,
    });
    if (!inSync) this.h.enqueue(key);
  }

  /** initAsts / UpdateWorkload: the ASTS spec built from the set; false when it had to be written. */
  private syncAsts(set: KubeObject): { asts: KubeObject; inSync: boolean } {
    const store = this.rt.store;
    const name = set.metadata.name!;
    const t: Rec = set.spec?.gameServerTemplate ?? {};
    const { volumeClaimTemplates, reclaimPolicy: _r, ...podTemplate } = t;
    const us: Rec = set.spec?.updateStrategy ?? {};
    const updateStrategy: Rec = { type: us.type ?? 'RollingUpdate' };
    if (us.rollingUpdate) {
      updateStrategy.type = 'RollingUpdate';
      updateStrategy.rollingUpdate = {
        ...us.rollingUpdate,
        unorderedUpdate: { priorityStrategy: { orderPriority: [{ orderedKey: GS_UP }] } },
      };
    } else updateStrategy.rollingUpdate = { partition: 0, maxUnavailable: 1, podUpdatePolicy: 'ReCreate' };
    const spec: Rec = {
      replicas: set.spec?.replicas ?? 0,
      serviceName: set.spec?.serviceName || name,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { [OWNER]: name } },
      template: {
        metadata: { ...(podTemplate.metadata ?? {}), labels: { ...(podTemplate.metadata?.labels ?? {}), [OWNER]: name } },
        spec: { ...(podTemplate.spec ?? {}), readinessGates: [{ conditionType: INPLACE_READY }] },
      },
      updateStrategy,
      ...(volumeClaimTemplates ? { volumeClaimTemplates } : {}),
    };
    const cur = store.get(this.asts, set.metadata.namespace, name);
    if (!cur) {
      const asts = store.create(this.asts, {
        apiVersion: apiVersionOf(this.asts),
        kind: 'StatefulSet',
        metadata: { name, namespace: set.metadata.namespace, labels: { [OWNER]: name }, ownerReferences: [ownerRef(set)] },
        spec,
      });
      return { asts, inSync: false };
    }
    if (jsonEqual(cur.spec, spec)) return { asts: cur, inSync: true };
    const asts = store.mutate(this.asts, cur.metadata.namespace, name, (o) => ({ ...o, spec }))!;
    return { asts, inSync: false };
  }

  /** Parallel scale: create missing ordinals, delete ordinals past the replicas. */
  private scale(
    asts: KubeObject,
    replicas: number,
    partition: number,
    current: string,
    update: string,
    revs: Map<string, KubeObject>,
  ): void {
    const store = this.rt.store;
    const pods = this.pods.owned(asts.metadata.uid);
    const have = new Set(pods.map((p) => p.metadata.name));
    let notUpdated = pods.filter((p) => p.metadata.labels?.[LABEL_REVISION_HASH] !== update).length;
    const now = this.rt.clock.iso();
    for (let i = 0; i < replicas; i++) {
      const name = `${asts.metadata.name}-${i}`;
      if (have.has(name)) continue;
      // isCurrentRevisionNeeded: a new pod stays old while fewer than `partition` pods are.
      const onDelete = asts.spec?.updateStrategy?.type === 'OnDelete';
      const rev = !onDelete && notUpdated < partition && revs.has(current) ? current : update;
      if (rev !== update) notUpdated++;
      const pod = newPod(
        asts,
        revisionTemplate(revs.get(rev)),
        rev,
        name,
        { [LABEL_STS_POD_NAME]: name, [LIFECYCLE]: 'Normal' },
        now,
        this.rt.nodeFor?.(name),
      );
      pod.spec = { ...pod.spec, hostname: name, subdomain: asts.spec?.serviceName };
      store.create(T.pod, pod);
    }
    for (const p of pods) if (trailingNumber(p.metadata.name!) >= replicas) store.delete(T.pod, p.metadata.namespace, p.metadata.name!);
  }

  /** An in-place update is done when every container runs its spec image: ready again. */
  private finishInPlace(pods: KubeObject[]): void {
    const store = this.rt.store;
    for (const p of pods) {
      if (p.metadata.labels?.[LIFECYCLE] !== 'Updating') continue;
      const statuses: Rec[] = p.status?.containerStatuses ?? [];
      const done = ((p.spec?.containers ?? []) as Rec[]).every((c) => statuses.some((s) => s.name === c.name && s.image === c.image));
      if (!done) continue;
      const now = this.rt.clock.iso();
      store.mutate(T.pod, p.metadata.namespace, p.metadata.name!, (o) => {
        o.metadata.labels = { ...o.metadata.labels, [LIFECYCLE]: 'Normal' };
        return o;
      });
      store.mutate(
        T.pod,
        p.metadata.namespace,
        p.metadata.name!,
        (o) => {
          setCondition(o.status, INPLACE_READY, 'True', now);
          recomputeReady(o, now);
          return o;
        },
        { subresource: 'status' },
      );
    }
  }

  /** rollingUpdateStatefulsetPods with unorderedUpdate: priority order, partition count, maxUnavailable. */
  private update(
    asts: KubeObject,
    pods: KubeObject[],
    replicas: number,
    partition: number,
    update: string,
    revs: Map<string, KubeObject>,
  ): void {
    const rolling: Rec = asts.spec?.updateStrategy?.rollingUpdate ?? {};
    const maxUnavailable = Math.max(1, intOrPercent(rolling.maxUnavailable, replicas, 1));
    const policy: string = rolling.podUpdatePolicy ?? 'ReCreate';
    const rev = (p: KubeObject) => p.metadata.labels?.[LABEL_REVISION_HASH];
    const updated = pods.filter((p) => rev(p) === update || p.metadata.deletionTimestamp);
    const rest = pods
      .filter((p) => !updated.includes(p))
      .sort((a, b) => priorityOf(b) - priorityOf(a) || trailingNumber(b.metadata.name!) - trailingNumber(a.metadata.name!));
    const chosen = [...updated, ...rest].slice(0, Math.max(0, replicas - partition));
    let unavailable = pods.filter((p) => !isRunningAndReady(p)).length;
    const store = this.rt.store;
    const now = this.rt.clock.iso();
    const target = revisionTemplate(revs.get(update));
    for (const p of chosen) {
      if (rev(p) === update || p.metadata.deletionTimestamp) continue;
      if (unavailable >= maxUnavailable) break;
      unavailable++;
      const from = revisionTemplate(revs.get(rev(p) ?? ''));
      if (policy === 'ReCreate' || !from || !onlyImagesDiffer(from, target)) {
        store.delete(T.pod, p.metadata.namespace, p.metadata.name!);
        continue;
      }
      const images = new Map<string, string>(((target?.spec?.containers ?? []) as Rec[]).map((c) => [c.name, c.image]));
      store.mutate(T.pod, p.metadata.namespace, p.metadata.name!, (o) => {
        o.metadata.labels = { ...o.metadata.labels, [LABEL_REVISION_HASH]: update, [LIFECYCLE]: 'Updating' };
        o.metadata.annotations = { ...o.metadata.annotations, [ANN_INPLACE]: JSON.stringify({ revision: update, updateTimestamp: now }) };
        o.spec = { ...o.spec, containers: (o.spec?.containers ?? []).map((c: Rec) => ({ ...c, image: images.get(c.name) ?? c.image })) };
        return o;
      });
      store.mutate(
        T.pod,
        p.metadata.namespace,
        p.metadata.name!,
        (o) => {
          setCondition(o.status, INPLACE_READY, 'False', now, 'StartInPlaceUpdate');
          recomputeReady(o, now);
          return o;
        },
        { subresource: 'status' },
      );
    }
  }

  /** GameServer controller: create the pod's GameServer, push its spec onto the pod, pull the pod's state into its status. */
  private syncGameServer(set: KubeObject, pod: KubeObject): void {
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

  private writeStatus(t: ResourceType, obj: KubeObject, status: Rec): void {
    const store = this.rt.store;
    const cur = store.get(t, obj.metadata.namespace, obj.metadata.name!);
    if (!cur || jsonEqual(cur.status ?? {}, status)) return;
    store.update(t, { ...cur, status }, { subresource: 'status' });
  }
}
