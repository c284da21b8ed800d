// OpenKruise Game (kruise-game v1.0) as the simulator runs it, for one cluster: the GameServerSet
// controller (this file), which builds the set's Kruise Advanced StatefulSet (ASTS) and writes both
// statuses; the ASTS's pod work is in kruise-asts-pods.ts, the GameServer controller in gameserver.ts.
// Facts and sources: source/kinds/README.md "GameServerSet".
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
import { GameServerSync } from './gameserver.js';
import { T, jsonEqual, LABEL_REVISION_HASH, ownerRef } from './kinds.js';
import { AstsPods, intOrPercent } from './kruise-asts-pods.js';
import { GS_OPS, GS_STATE, GS_UP, OWNER } from './kruise-game-labels.js';
import { keyOf, splitKey, type ControllerHandle, type ControllerRuntime, type OwnerIndex } from './runtime.js';
import { ensureRevision, INPLACE_READY, isRunningAndReady } from './template.js';

type Rec = Record<string, any>;

export class GameServerSetController {
  readonly gss: ResourceType;
  readonly gs: ResourceType;
  readonly asts: ResourceType;
  private h: ControllerHandle;
  private pods: OwnerIndex;
  private revs: OwnerIndex;
  private astsPods: AstsPods;
  private gameServers: GameServerSync;

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
    this.astsPods = new AstsPods(rt);
    this.gameServers = new GameServerSync(rt, this.gs);
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

    this.astsPods.scale(asts, this.pods.owned(asts.metadata.uid), replicas, partition, currentRevision, updateRevision, byName);
    // The GameServer controller runs on its own in OKG; first here, so the priority sort sees the
    // update priorities the operator set before the update (as it would once the labels synced).
    for (const p of this.pods.owned(asts.metadata.uid)) this.gameServers.sync(set, p);
    this.astsPods.finishInPlace(this.pods.owned(asts.metadata.uid));
    let pods = this.pods.owned(asts.metadata.uid);
    if (asts.spec?.updateStrategy?.type !== 'OnDelete' && rolling?.paused !== true)
      this.astsPods.update(asts, pods, replicas, partition, updateRevision, byName);
    pods = this.pods.owned(asts.metadata.uid);
    for (const p of pods) this.gameServers.sync(set, p);
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

  private writeStatus(t: ResourceType, obj: KubeObject, status: Rec): void {
    const store = this.rt.store;
    const cur = store.get(t, obj.metadata.namespace, obj.metadata.name!);
    if (!cur || jsonEqual(cur.status ?? {}, status)) return;
    store.update(t, { ...cur, status }, { subresource: 'status' });
  }
}
