// Set-up for the executor tests against the simulator: one sim cluster served over HTTP on top of a
// controller harness (virtual clock), admin and viewer clients, and hand-built plans shaped like the
// kinds' plan functions produce (research/crds.md §6).
import { KINDS } from '../../source/kinds/registry.js';
import type { Plan, PlanStep, PlanTarget } from '../../source/kinds/plan/types.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import type { ActionName } from '../../source/model/action-types.js';
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import type { HttpClusterClient } from '../../source/kube/client.js';
import { harness, type Harness } from './controllers-helpers.js';
import { clientFor } from './kube-helpers.js';

export interface SimActions {
  h: Harness;
  sim: SimCluster;
  admin: HttpClusterClient;
  viewer: HttpClusterClient;
  close(): Promise<void>;
}

export async function simActions(name = 'sim-a', ns = 'game'): Promise<SimActions> {
  const h = harness(7, ns);
  const sim = await startSimCluster({ name, store: h.store });
  const admin = clientFor(sim, 'admin');
  const viewer = clientFor(sim, 'viewer');
  return {
    h,
    sim,
    admin,
    viewer,
    async close() {
      admin.close();
      viewer.close();
      await sim.close();
    },
  };
}

export function target(cluster: string, type: ResourceType, obj: KubeObject): PlanTarget {
  return { cluster, type, namespace: obj.metadata.namespace!, name: obj.metadata.name! };
}

export function plan(action: ActionName, primary: PlanTarget, obj: KubeObject, steps: PlanStep[], extra: Partial<Plan> = {}): Plan {
  const verbs = steps.map((s) => ({
    verb: 'patch',
    group: s.target.type.group,
    resource: s.target.type.resource,
    subresource: s.subresource,
    namespace: s.target.namespace,
    name: s.target.name,
  }));
  return {
    action,
    primary,
    preconditions: { resourceVersion: obj.metadata.resourceVersion! },
    steps,
    summary: `${action} ${primary.type.kind} ${primary.namespace}/${primary.name} on ${primary.cluster}`,
    details: [],
    card: { cluster: primary.cluster, namespace: primary.namespace, kind: primary.type.kind, name: primary.name },
    warnings: [],
    access: verbs,
    ...extra,
  };
}

/** bk-bcs approve: merge patch spec.updateStrategy.paused=false, preconditions step index + revision. */
export function approvePlan(cluster: string, type: ResourceType, obj: KubeObject): Plan {
  const t = target(cluster, type, obj);
  return plan(
    'approve',
    t,
    obj,
    [
      {
        target: t,
        patchType: 'merge',
        body: { spec: { updateStrategy: { paused: false } } },
        describe: 'spec.updateStrategy.paused: true -> false',
      },
    ],
    {
      preconditions: {
        resourceVersion: obj.metadata.resourceVersion!,
        stepIndex: obj.status.currentStepIndex,
        updateRevision: obj.status.updateRevision,
      },
    },
  );
}

/** Container image change with a `test` op on the old value (hot update, or reject to the old image). */
export function imagePlan(
  action: 'hotupdate' | 'reject',
  cluster: string,
  type: ResourceType,
  obj: KubeObject,
  container: string,
  image: string,
): Plan {
  const t = target(cluster, type, obj);
  const containers = obj.spec.template.spec.containers as Array<{ name: string; image: string }>;
  const i = containers.findIndex((c) => c.name === container);
  const path = `/spec/template/spec/containers/${i}/image`;
  return plan(
    action,
    t,
    obj,
    [
      {
        target: t,
        patchType: 'json',
        body: [
          { op: 'test', path, value: containers[i].image },
          { op: 'replace', path, value: image },
        ],
        describe: `${container}: ${containers[i].image} -> ${image}`,
      },
    ],
    {
      card: {
        cluster,
        namespace: t.namespace,
        kind: type.kind,
        name: t.name,
        images: [{ container, from: containers[i].image, to: image }],
      },
    },
  );
}

export function skipHookPlan(cluster: string, type: ResourceType, workload: KubeObject, hookRun: KubeObject): Plan {
  const w = target(cluster, type, workload);
  const hr = target(cluster, KINDS.HookRun, hookRun);
  return plan(
    'skip-hook',
    w,
    workload,
    [
      {
        target: hr,
        patchType: 'merge',
        body: { spec: { terminate: true } },
        describe: `HookRun ${hr.name}: spec.terminate=true (assessed Successful)`,
      },
    ],
    {
      preconditions: {
        resourceVersion: workload.metadata.resourceVersion!,
        stepIndex: workload.status.currentStepIndex,
        updateRevision: workload.status.updateRevision,
        hookRunName: hookRun.metadata.name,
      },
    },
  );
}
