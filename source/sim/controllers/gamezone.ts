// GameZone controller (seed 004 shape, apps.example.com/v1alpha1): one workload per service
// (`<type>-<id>`, endId expands a range) - GameStatefulSet for game/db, GameDeployment otherwise -
// labelled with the zone and service and owned by the GameZone; status rolls the services up.
import type { KubeObject } from '../../kube/object.js';
import { T, TKEX, controllerOf, jsonEqual, ownerRef, LABEL_SERVICE, LABEL_ZONE } from './kinds.js';
import { keyOf, splitKey, type ControllerRuntime, type OwnerIndex } from './runtime.js';

export const STATEFUL_SERVICE_TYPES = new Set(['game', 'db']);
/** Fields of a serviceConfig entry copied into the workload spec when it is created (sim extension). */
const PASS_THROUGH = [
  'updateStrategy',
  'preInplaceUpdateStrategy',
  'postInplaceUpdateStrategy',
  'preDeleteUpdateStrategy',
  'podManagementPolicy',
  'minReadySeconds',
];

export interface ServiceSpec {
  name: string;
  type: string;
  id: number;
  kind: 'GameStatefulSet' | 'GameDeployment';
  image: string;
  replicas: number;
  entry: any;
}

export function zoneServices(gz: KubeObject): ServiceSpec[] {
  const z = gz.spec?.gameZone ?? {};
  const out: ServiceSpec[] = [];
  for (const e of (z.serviceConfig as any[] | undefined) ?? []) {
    const from = Number(e.id ?? 1);
    const to = Number(e.endId ?? from);
    for (let id = from; id <= to; id++) {
      out.push({
        name: `${e.type}-${id}`,
        type: e.type,
        id,
        kind: STATEFUL_SERVICE_TYPES.has(e.type) ? 'GameStatefulSet' : 'GameDeployment',
        image: e.image ?? z.defaultImage,
        replicas: Number(e.replicas ?? z.replicas ?? 1),
        entry: e,
      });
    }
  }
  return out;
}

function podTemplate(zoneId: string, s: ServiceSpec, gz: KubeObject): any {
  const z = gz.spec?.gameZone ?? {};
  const labels = { app: s.name, [LABEL_ZONE]: zoneId, [LABEL_SERVICE]: s.name };
  const env = [
    { name: 'ZONE_ID', value: zoneId },
    { name: 'SERVICE_ID', value: String(s.id) },
    ...(z.redisConfig?.ip ? [{ name: 'REDIS_ADDR', value: `${z.redisConfig.ip}:${z.redisConfig.port ?? 6379}` }] : []),
  ];
  return {
    metadata: { labels },
    spec: {
      containers: [{ name: s.type, image: s.image, args: ['--type', s.type, '--id', String(s.id)], env }],
    },
  };
}

export function workloadFor(gz: KubeObject, s: ServiceSpec): KubeObject {
  const zoneId = String(gz.spec?.gameZone?.zoneId ?? gz.metadata.name);
  const template = podTemplate(zoneId, s, gz);
  const spec: any = {
    replicas: s.replicas,
    selector: { matchLabels: { app: s.name, [LABEL_ZONE]: zoneId } },
    template,
  };
  if (s.kind === 'GameStatefulSet') {
    spec.serviceName = s.name;
    spec.podManagementPolicy = 'Parallel';
    spec.updateStrategy = { type: 'InplaceUpdate', rollingUpdate: { partition: 0 } };
  } else spec.updateStrategy = { type: 'RollingUpdate' };
  for (const k of PASS_THROUGH) if (s.entry?.[k] !== undefined) spec[k] = s.entry[k];
  return {
    apiVersion: TKEX,
    kind: s.kind,
    metadata: {
      name: s.name,
      namespace: gz.metadata.namespace,
      labels: { app: s.name, [LABEL_ZONE]: zoneId, [LABEL_SERVICE]: s.name },
      ownerReferences: [ownerRef(gz)],
    },
    spec,
  };
}

export class GameZoneController {
  private gds: OwnerIndex;
  private gsts: OwnerIndex;

  constructor(private rt: ControllerRuntime) {
    this.gds = rt.index(T.gameDeployment);
    this.gsts = rt.index(T.gameStatefulSet);
    const h = rt.addController('GameZone', (key) => this.reconcile(key));
    rt.watch(T.gameZone, (e) => {
      if (e.type !== 'DELETED') h.enqueue(keyOf(e.object));
    });
    const byOwner = (o: KubeObject) => {
      const c = controllerOf(o);
      // status roll-up: coalesce the many workload events of a zone into one reconcile per second
      if (c?.kind === 'GameZone') h.enqueueAfter(`${o.metadata.namespace ?? ''}/${c.name}`, 1000);
    };
    rt.watch(T.gameDeployment, (e) => byOwner(e.object));
    rt.watch(T.gameStatefulSet, (e) => byOwner(e.object));
  }

  reconcile(key: string): void {
    const [ns, name] = splitKey(key);
    const store = this.rt.store;
    const gz = store.get(T.gameZone, ns, name);
    if (!gz || gz.metadata.deletionTimestamp) return;
    const services = zoneServices(gz);
    const specChanged = (gz.status as { observedGeneration?: number } | undefined)?.observedGeneration !== gz.metadata.generation;
    const owned = [...this.gds.owned(gz.metadata.uid), ...this.gsts.owned(gz.metadata.uid)];
    const wanted = new Set(services.map((s) => `${s.kind}/${s.name}`));
    for (const w of owned) {
      if (!wanted.has(`${w.kind}/${w.metadata.name}`))
        store.delete(w.kind === 'GameDeployment' ? T.gameDeployment : T.gameStatefulSet, ns, w.metadata.name!);
    }
    const rows: any[] = [];
    for (const s of services) {
      const type = s.kind === 'GameDeployment' ? T.gameDeployment : T.gameStatefulSet;
      let w = store.get(type, ns, s.name);
      if (!w) w = store.create(type, workloadFor(gz, s));
      // Push the zone's image/replicas only when the GameZone spec changed since it was last applied,
      // so operators' hot updates and rollbacks made on the workload itself stick (as with the
      // seed-004 operator, which reconciles on GameZone changes).
      else if (specChanged && controllerOf(w)?.uid === gz.metadata.uid) {
        const c0 = (w.spec?.template?.spec?.containers as any[] | undefined)?.[0];
        if (c0?.image !== s.image || w.spec?.replicas !== s.replicas) {
          w =
            store.mutate(type, ns, s.name, (o) => {
              o.spec.replicas = s.replicas;
              o.spec.template.spec.containers[0].image = s.image;
              return o;
            }) ?? w;
        }
      }
      const st = w.status ?? {};
      const paused = (st.pauseConditions as any[] | undefined)?.length ? st.pauseConditions[0].reason : undefined;
      const failed = (st.conditions as any[] | undefined)?.some((c) => c.type === 'FailedUpdate' && c.status === 'True');
      rows.push({
        name: s.name,
        kind: s.kind,
        image: s.image,
        replicas: w.spec?.replicas ?? s.replicas,
        readyReplicas: st.readyReplicas ?? 0,
        updatedReplicas: st.updatedReplicas ?? 0,
        ...(paused ? { paused } : {}),
        ...(failed ? { failed: true } : {}),
      });
    }
    const ready = rows.filter((r) => r.readyReplicas >= r.replicas && r.updatedReplicas >= r.replicas).length;
    const phase = rows.some((r) => r.failed)
      ? 'Degraded'
      : rows.some((r) => r.paused)
        ? 'Paused'
        : ready === rows.length
          ? 'Running'
          : rows.some((r) => r.updatedReplicas < r.replicas)
            ? 'Updating'
            : 'Progressing';
    const status = {
      observedGeneration: gz.metadata.generation,
      phase,
      readyServices: ready,
      totalServices: rows.length,
      services: rows,
    };
    const now = this.rt.clock.iso();
    const prevReady = (gz.status?.conditions as any[] | undefined)?.find((c) => c.type === 'Ready');
    const readyStatus = ready === rows.length ? 'True' : 'False';
    const conditions = [
      { type: 'Ready', status: readyStatus, lastTransitionTime: prevReady?.status === readyStatus ? prevReady.lastTransitionTime : now },
    ];
    const next = { ...status, conditions };
    if (jsonEqual(next, gz.status ?? {})) return;
    const cur = store.get(T.gameZone, ns, name);
    if (cur) store.update(T.gameZone, { ...cur, status: next }, { subresource: 'status' });
  }
}
