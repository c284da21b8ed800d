// The demo federation: N member clusters full of game zones, plus a kubefed host, all driven by one
// virtual clock. buildDemoWorld() seeds every store and drives the controllers until the world holds
// the demo's stories: a rollout awaiting approval, one paused by an Inconclusive step hook, an in-place
// hot update in progress, a failed rollout (pre-inplace hook Failed) and a federated workload whose
// clusters run different images by override.
import { MemoryStore } from './store.js';
import { VirtualClock } from './clock.js';
import { SimLogSource } from './logs.js';
import { startClusterControllers, defaultNodes, type ClusterControllers } from './controllers/index.js';
import { ControllerRuntime } from './controllers/runtime.js';
import { FederationController } from './controllers/federation.js';
import { T, FED_NAMESPACE, LABEL_ZONE } from './controllers/kinds.js';
import { Rand } from './rand.js';
import {
  BASE_VERSION,
  IMAGE_REPO,
  NEXT_VERSION,
  federatedGameDeployment,
  federatedTypeConfig,
  gameServerSet,
  gameZone,
  hookTemplates,
  kubeFedCluster,
  nodeObject,
  zoneNamespace,
} from './world-spec.js';

export interface WorldOptions {
  seed?: number | string;
  clusters?: string[];
  zonesPerCluster?: number;
  servicesPerZone?: number;
  podsPerService?: number;
  /** Virtual ms per real ms once running in real time (default 1). */
  speed?: number;
  /** Name of the kubefed host cluster; false for none. */
  host?: string | false;
  /** Virtual epoch (default: a fixed instant, for reproducible worlds). */
  start?: number;
  /** Build the demo stories (default true). */
  scenarios?: boolean;
  /** Mean virtual ms between log lines of one container. */
  lineIntervalMs?: number;
}

export interface ScenarioRef {
  cluster: string;
  namespace: string;
  kind: 'GameDeployment' | 'GameStatefulSet' | 'GameServerSet';
  name: string;
  zone?: string;
}

export interface DemoWorld {
  seed: number | string;
  clock: VirtualClock;
  /** Every cluster (members first, then the host). */
  clusters: string[];
  members: string[];
  host?: string;
  stores: Map<string, MemoryStore>;
  controllers: Map<string, ClusterControllers>;
  hostRuntime?: ControllerRuntime;
  logs: SimLogSource;
  zones: Array<{ cluster: string; namespace: string; zoneId: number }>;
  scenarios: Partial<Record<'awaitingApproval' | 'inconclusiveHook' | 'inPlaceUpdate' | 'failedRollout' | 'gameServerSet', ScenarioRef>> & {
    federated?: { cluster: string; namespace: string; name: string };
  };
  /** Drain every controller queue. */
  settle(): void;
  /** Advance virtual time in steps, settling after each. */
  advance(ms: number, stepMs?: number): void;
  /** Run on real time (speed x) with controllers draining themselves. */
  startRealtime(tickMs?: number): void;
  /** Point a KubeFedCluster at its member's URL. */
  setApiEndpoint(cluster: string, url: string): void;
  stop(): void;
}

const REGIONS: Record<string, string> = { shanghai: 'ap-shanghai', nanjing: 'ap-nanjing', singapore: 'ap-singapore' };

const BOOT_SETTLE_MS = 6_000;
/** Virtual time the world runs while it is built (pods start, the stories roll out): a demo that
 * should show wall-clock times starts its clock this much in the past. */
export const BOOTSTRAP_MS = 36_000;

export function buildDemoWorld(opts: WorldOptions = {}): DemoWorld {
  const seed = opts.seed ?? 1;
  const members = opts.clusters ?? ['shanghai', 'nanjing', 'singapore'];
  const zonesPerCluster = opts.zonesPerCluster ?? 4;
  const servicesPerZone = opts.servicesPerZone ?? 6;
  const podsPerService = opts.podsPerService ?? 2;
  const host = opts.host === false ? undefined : (opts.host ?? 'fed-host');
  const clock = new VirtualClock({ start: opts.start, speed: opts.speed ?? 1 });
  const stores = new Map<string, MemoryStore>();
  const controllers = new Map<string, ClusterControllers>();
  const zoneBase = zonesPerCluster < 100 ? 100 : zonesPerCluster < 1000 ? 1000 : 10000;
  const zones: DemoWorld['zones'] = [];
  const scenarios: DemoWorld['scenarios'] = {};
  const wantScenarios = opts.scenarios !== false;

  // scenario placement: story i goes to cluster i % n, zone floor(i / n)
  const stories = ['awaitingApproval', 'inconclusiveHook', 'inPlaceUpdate', 'failedRollout'] as const;
  const storyAt = new Map<string, (typeof stories)[number]>();
  if (wantScenarios) {
    stories.forEach((s, i) => {
      const c = i % members.length;
      const z = Math.floor(i / members.length) % Math.max(1, zonesPerCluster);
      storyAt.set(`${c}/${z}`, s);
    });
  }
  const reps = Math.max(2, podsPerService);
  const storyCustom = (story: (typeof stories)[number]): Record<string, Record<string, unknown>> => {
    switch (story) {
      case 'awaitingApproval':
        return {
          'game-1': {
            replicas: reps,
            updateStrategy: {
              type: 'InplaceUpdate',
              rollingUpdate: { partition: 0, maxUnavailable: 1 },
              canary: { steps: [{ partition: reps - 1 }, { pause: {} }, { partition: 0 }] },
            },
          },
        };
      case 'inconclusiveHook':
        return {
          'gateway-1': {
            replicas: reps,
            updateStrategy: {
              type: 'RollingUpdate',
              maxUnavailable: 1,
              canary: {
                steps: [
                  { partition: reps - 1 },
                  { hook: { templateName: 'check-online', args: [{ name: 'SimResult', value: '3' }] } },
                  { partition: 0 },
                ],
              },
            },
          },
        };
      case 'inPlaceUpdate':
        return {
          'game-1': {
            replicas: Math.max(6, podsPerService),
            updateStrategy: {
              type: 'InplaceUpdate',
              rollingUpdate: { partition: 0, maxUnavailable: 1 },
              inPlaceUpdateStrategy: { gracePeriodSeconds: 20 },
            },
            preInplaceUpdateStrategy: { hook: { templateName: 'pre-inplace-drain' } },
            postInplaceUpdateStrategy: { hook: { templateName: 'post-inplace-check' } },
          },
        };
      case 'failedRollout':
        return {
          'auth-1': {
            replicas: reps,
            updateStrategy: { type: 'InplaceUpdate', maxUnavailable: 1, inPlaceUpdateStrategy: { gracePeriodSeconds: 5 } },
            preInplaceUpdateStrategy: { hook: { templateName: 'pre-inplace-drain', args: [{ name: 'SimResult', value: '0,1' }] } },
          },
        };
    }
  };
  const storyService: Record<(typeof stories)[number], { service: string; kind: ScenarioRef['kind'] }> = {
    awaitingApproval: { service: 'game-1', kind: 'GameStatefulSet' },
    inconclusiveHook: { service: 'gateway-1', kind: 'GameDeployment' },
    inPlaceUpdate: { service: 'game-1', kind: 'GameStatefulSet' },
    failedRollout: { service: 'auth-1', kind: 'GameDeployment' },
  };
  const triggers: Array<() => void> = [];

  members.forEach((cluster, c) => {
    const store = new MemoryStore(cluster);
    stores.set(cluster, store);
    const pods = zonesPerCluster * servicesPerZone * podsPerService;
    const nodes = defaultNodes(cluster, Math.max(3, Math.ceil(pods / 100)));
    for (const ns of ['default', 'kube-system']) store.create(T.namespace, { metadata: { name: ns } });
    nodes.forEach((n, i) => store.create(T.node, nodeObject(cluster, n, i)));
    const ctl = startClusterControllers(store, clock, { seed, nodes });
    controllers.set(cluster, ctl);
    for (let z = 0; z < zonesPerCluster; z++) {
      const zoneId = (c + 1) * zoneBase + z + 1;
      const ns = zoneNamespace(zoneId);
      const story = storyAt.get(`${c}/${z}`);
      store.create(T.namespace, { metadata: { name: ns, labels: { [LABEL_ZONE]: String(zoneId) } } });
      if (story) for (const t of hookTemplates(ns)) store.create(T.hookTemplate, t);
      const custom = story ? storyCustom(story) : {};
      if (!story && z === 1) custom['game-1'] = { image: `${IMAGE_REPO}:${BASE_VERSION}-hotfix1` }; // per-service override (seed 004)
      store.create(T.gameZone, gameZone(zoneId, servicesPerZone, podsPerService, custom));
      zones.push({ cluster, namespace: ns, zoneId });
      if (wantScenarios && c === 1 % members.length && z === zonesPerCluster - 1) {
        // An OpenKruise Game set beside the bk-bcs services: a sidecar hot update held at a partition.
        const gss = gameServerSet(ns, zoneId, Math.max(3, podsPerService));
        store.create(gss.type, gss.obj);
        scenarios.gameServerSet = { cluster, namespace: ns, kind: 'GameServerSet', name: 'battle-1', zone: String(zoneId) };
        triggers.push(() => gss.canary(store));
      }
      if (story) {
        const { service, kind } = storyService[story];
        scenarios[story] = { cluster, namespace: ns, kind, name: service, zone: String(zoneId) };
        triggers.push(() => {
          store.mutate(T.gameZone, ns, `zone${zoneId}`, (o) => {
            const entry = (o.spec.gameZone.serviceConfig as any[]).find((e) => `${e.type}-${e.id}` === service && !e.endId);
            if (entry) entry.image = `${IMAGE_REPO}:${NEXT_VERSION}`;
            return o;
          });
        });
      }
    }
  });

  let hostRuntime: ControllerRuntime | undefined;
  if (host) {
    const store = new MemoryStore(host);
    stores.set(host, store);
    for (const ns of ['default', 'kube-system', FED_NAMESPACE, 'global']) store.create(T.namespace, { metadata: { name: ns } });
    hostRuntime = new ControllerRuntime(store, clock, new Rand(`${seed}/${host}`));
    new FederationController(hostRuntime, (name) => (members.includes(name) ? stores.get(name) : undefined));
    store.create(T.federatedTypeConfig, federatedTypeConfig());
    for (const m of members) store.create(T.kubeFedCluster, kubeFedCluster(m, 'https://127.0.0.1', REGIONS[m] ?? m));
    if (wantScenarios) {
      store.create(T.federatedGameDeployment, federatedGameDeployment('login-global', 'global', podsPerService, members.slice(0, 3)));
      scenarios.federated = { cluster: host, namespace: 'global', name: 'login-global' };
    }
  }

  const runtimes = (): ControllerRuntime[] => [...[...controllers.values()].map((c) => c.rt), ...(hostRuntime ? [hostRuntime] : [])];
  const settle = (): void => {
    for (let round = 0; round < 1000; round++) {
      let n = 0;
      for (const rt of runtimes()) n += rt.drain();
      if (n === 0 && runtimes().every((rt) => rt.idle())) return;
    }
  };
  const advance = (ms: number, stepMs = 250): void => {
    settle();
    for (let t = 0; t < ms; t += stepMs) {
      clock.advance(Math.min(stepMs, ms - t));
      settle();
    }
  };

  // bootstrap: pods start, statuses settle
  advance(BOOT_SETTLE_MS, 1_000);
  // the stories: new versions rolled out to the chosen services
  for (const t of triggers) t();
  advance(BOOTSTRAP_MS - BOOT_SETTLE_MS, 500);
  // The world is built: from now on the controllers record Events as real ones do.
  for (const rt of runtimes()) rt.recordEvents = true;

  const logs = new SimLogSource({ stores: (name) => stores.get(name), clock, lineIntervalMs: opts.lineIntervalMs });
  let stopped = false;
  return {
    seed,
    clock,
    clusters: [...members, ...(host ? [host] : [])],
    members,
    host,
    stores,
    controllers,
    hostRuntime,
    logs,
    zones,
    scenarios,
    settle,
    advance,
    startRealtime(tickMs = 100) {
      for (const rt of runtimes()) rt.startAuto();
      clock.startRealtime(tickMs);
    },
    setApiEndpoint(cluster, url) {
      const hs = host ? stores.get(host) : undefined;
      hs?.mutate(T.kubeFedCluster, FED_NAMESPACE, cluster, (o) => {
        o.spec.apiEndpoint = url;
        return o;
      });
      if (!clock.realtime) settle();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      clock.stopRealtime();
      for (const rt of runtimes()) rt.stop();
    },
  };
}
