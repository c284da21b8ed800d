// Shared set-up for the controller tests: one MemoryStore cluster with every sim controller on a
// manually driven virtual clock.
import { MemoryStore } from '../../source/sim/store.js';
import { VirtualClock } from '../../source/sim/clock.js';
import { startClusterControllers, type ClusterControllers } from '../../source/sim/controllers/index.js';
import { T, TKEX } from '../../source/sim/controllers/kinds.js';
import type { KubeObject } from '../../source/kube/object.js';

export interface Harness {
  store: MemoryStore;
  clock: VirtualClock;
  c: ClusterControllers;
  /** Advance virtual time in steps, draining the controllers after each step. */
  advance(ms: number, step?: number): void;
  settle(): void;
  gd(name: string, ns?: string): KubeObject;
  gsts(name: string, ns?: string): KubeObject;
  pods(owner: string, ns?: string): KubeObject[];
  hookRuns(ns?: string): KubeObject[];
  patchSpec(type: 'gd' | 'gsts', name: string, fn: (spec: any) => void, ns?: string): void;
}

export function harness(seed = 7, ns = 'game'): Harness {
  const store = new MemoryStore('test');
  const clock = new VirtualClock();
  store.create(T.namespace, { metadata: { name: ns } });
  const c = startClusterControllers(store, clock, { seed });
  const settle = () => c.rt.settle();
  const h: Harness = {
    store,
    clock,
    c,
    settle,
    advance(ms, step = 250) {
      settle();
      for (let t = 0; t < ms; t += step) {
        clock.advance(Math.min(step, ms - t));
        settle();
      }
    },
    gd: (name, n = ns) => store.get(T.gameDeployment, n, name)!,
    gsts: (name, n = ns) => store.get(T.gameStatefulSet, n, name)!,
    pods: (owner, n = ns) =>
      store
        .list(T.pod, { namespace: n })
        .items.filter((p) => p.metadata.ownerReferences?.some((r) => r.name === owner))
        .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1)),
    hookRuns: (n = ns) => store.list(T.hookRun, { namespace: n }).items,
    patchSpec(type, name, fn, n = ns) {
      store.mutate(type === 'gd' ? T.gameDeployment : T.gameStatefulSet, n, name, (o) => {
        fn(o.spec);
        return o;
      });
    },
  };
  return h;
}

export function hookTemplate(name: string, metric: Record<string, unknown>, ns = 'game'): KubeObject {
  return {
    apiVersion: TKEX,
    kind: 'HookTemplate',
    metadata: { name, namespace: ns },
    spec: {
      args: [{ name: 'PodIP' }],
      metrics: [{ name: 'check', provider: { web: { url: 'http://{{args.PodIP}}:10087/ok', jsonPath: '{$.code}' } }, ...metric }],
    },
  };
}

export function gameDeployment(
  name: string,
  replicas: number,
  image: string,
  updateStrategy: any,
  extra: any = {},
  ns = 'game',
): KubeObject {
  return {
    apiVersion: TKEX,
    kind: 'GameDeployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } },
      updateStrategy,
      ...extra,
    },
  };
}

export function gameStatefulSet(
  name: string,
  replicas: number,
  image: string,
  updateStrategy: any,
  extra: any = {},
  ns = 'game',
): KubeObject {
  return {
    apiVersion: TKEX,
    kind: 'GameStatefulSet',
    metadata: { name, namespace: ns },
    spec: {
      replicas,
      serviceName: name,
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'main', image }] } },
      updateStrategy,
      ...extra,
    },
  };
}

export function setImage(h: Harness, type: 'gd' | 'gsts', name: string, image: string): void {
  h.patchSpec(type, name, (s) => {
    s.template.spec.containers[0].image = image;
  });
}
