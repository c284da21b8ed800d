// The objects of the demo world: zones (GameZone specs), hook templates, nodes and the kubefed host.
import { apiVersionOf, type KubeObject, type ResourceType } from '../kube/object.js';
import { T, TKEX, FED_NAMESPACE, LABEL_SERVICE, LABEL_ZONE } from './controllers/kinds.js';
import { qualified } from './object-util.js';

export const IMAGE_REPO = 'registry.example.com/project1/service';
export const BASE_VERSION = '1.8.2';
export const NEXT_VERSION = '1.9.0';

const TYPE_CYCLE = ['game', 'db', 'gateway', 'auth', 'game', 'gateway', 'login', 'chat', 'game', 'match'];

/** Service types of a zone with `n` services, e.g. 6 -> game x2, db, gateway x2, auth. */
export function serviceCounts(n: number): Array<[string, number]> {
  const counts = new Map<string, number>();
  for (let i = 0; i < n; i++) {
    const t = TYPE_CYCLE[i % TYPE_CYCLE.length];
    counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  return [...counts];
}

/** serviceConfig entries: the first id of each type alone (so it can be customised), the rest as an id..endId range. */
export function serviceConfig(n: number, replicas: number, custom: Record<string, Record<string, unknown>> = {}): any[] {
  const out: any[] = [];
  for (const [type, count] of serviceCounts(n)) {
    out.push({ type, id: 1, replicas, ...(custom[`${type}-1`] ?? {}) });
    if (count > 1) out.push({ type, id: 2, ...(count > 2 ? { endId: count } : {}), replicas });
  }
  return out;
}

export function zoneNamespace(zoneId: number): string {
  return `zone-${zoneId}`;
}

export function gameZone(
  zoneId: number,
  services: number,
  replicas: number,
  custom: Record<string, Record<string, unknown>> = {},
): KubeObject {
  return {
    apiVersion: apiVersionOf(T.gameZone),
    kind: T.gameZone.kind,
    metadata: { name: `zone${zoneId}`, namespace: zoneNamespace(zoneId), labels: { [LABEL_ZONE]: String(zoneId) } },
    spec: {
      gameZone: {
        zoneId,
        dbMigraterImage: `registry.example.com/project1/dbmigrater:${BASE_VERSION}`,
        defaultImage: `${IMAGE_REPO}:${BASE_VERSION}`,
        serviceConfig: serviceConfig(services, replicas, custom),
        redisConfig: { ip: 'redis', port: 6379 },
        mysqlConfig: { ip: '192.168.1.100', port: 3306, user: 'game', database: `zone_${zoneId}` },
      },
    },
  };
}

export function hookTemplates(ns: string): KubeObject[] {
  const web = (path: string) => ({
    web: { url: `http://{{ args.PodIP }}:10087/${path}?PodIP={{ args.PodIP }}`, jsonPath: '{$.code}', timeoutSeconds: 5 },
  });
  return [
    {
      apiVersion: TKEX,
      kind: 'HookTemplate',
      metadata: { name: 'check-online', namespace: ns },
      spec: {
        args: [{ name: 'PodIP' }, { name: 'HostIP' }],
        metrics: [
          {
            name: 'online-ratio',
            interval: '5s',
            count: 2,
            successCondition: 'asInt(result) == 0',
            failureCondition: 'asInt(result) > 5',
            provider: web('online'),
          },
        ],
      },
    },
    {
      apiVersion: TKEX,
      kind: 'HookTemplate',
      metadata: { name: 'pre-inplace-drain', namespace: ns },
      spec: {
        args: [{ name: 'PodIP' }, { name: 'PodName' }, { name: 'PodNamespace' }],
        metrics: [
          {
            name: 'drain-players',
            interval: '5s',
            count: 2,
            successfulLimit: 2,
            failureLimit: 0,
            successCondition: 'asInt(result) == 0',
            provider: web('drain'),
          },
        ],
      },
    },
    {
      apiVersion: TKEX,
      kind: 'HookTemplate',
      metadata: { name: 'post-inplace-check', namespace: ns },
      spec: {
        args: [{ name: 'PodIP' }],
        metrics: [{ name: 'reload', count: 1, successCondition: 'asInt(result) == 0', provider: web('reload') }],
      },
    },
  ];
}

export function nodeObject(cluster: string, name: string, i: number): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `${cluster}-${(i % 3) + 1}` },
    },
    spec: {},
    status: {
      capacity: { cpu: '32', memory: '131072Mi', pods: '110' },
      allocatable: { cpu: '31500m', memory: '128000Mi', pods: '110' },
      addresses: [
        { type: 'InternalIP', address: `10.0.${(i >> 8) & 255}.${(i & 255) + 1}` },
        { type: 'Hostname', address: name },
      ],
      conditions: [{ type: 'Ready', status: 'True', reason: 'KubeletReady', message: 'kubelet is posting ready status' }],
      nodeInfo: {
        kubeletVersion: 'v1.28.9',
        containerRuntimeVersion: 'containerd://1.7.13',
        osImage: 'TencentOS Server 3.1',
        architecture: 'amd64',
      },
    },
  };
}

export function kubeFedCluster(name: string, endpoint: string, region: string): KubeObject {
  return {
    apiVersion: apiVersionOf(T.kubeFedCluster),
    kind: T.kubeFedCluster.kind,
    metadata: { name, namespace: FED_NAMESPACE, labels: { region } },
    spec: { apiEndpoint: endpoint, secretRef: { name: `${name}-token` } },
    status: { region },
  };
}

/** A FederatedTypeConfig's targetType / federatedType entry. */
function typeRef(t: ResourceType): Record<string, string> {
  return { group: t.group, version: t.version, kind: t.kind, pluralName: t.resource, scope: t.namespaced ? 'Namespaced' : 'Cluster' };
}

export function federatedTypeConfig(): KubeObject {
  return {
    apiVersion: apiVersionOf(T.federatedTypeConfig),
    kind: T.federatedTypeConfig.kind,
    metadata: { name: qualified(T.gameDeployment), namespace: FED_NAMESPACE },
    spec: {
      targetType: typeRef(T.gameDeployment),
      federatedType: typeRef(T.federatedGameDeployment),
      propagation: 'Enabled',
      statusCollection: 'Disabled',
    },
    status: { observedGeneration: 1, propagationController: 'Running', statusController: 'NotRunning' },
  };
}

export function federatedGameDeployment(name: string, ns: string, replicas: number, members: string[]): KubeObject {
  const image = `registry.example.com/project1/login:2.3.0`;
  const overrides = [];
  if (members[1])
    overrides.push({
      clusterName: members[1],
      clusterOverrides: [{ path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/project1/login:2.3.1' }],
    });
  if (members[2])
    overrides.push({
      clusterName: members[2],
      clusterOverrides: [
        { op: 'replace', path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/project1/login:2.3.0-sg' },
        { op: 'replace', path: '/spec/replicas', value: replicas + 1 },
      ],
    });
  return {
    apiVersion: apiVersionOf(T.federatedGameDeployment),
    kind: T.federatedGameDeployment.kind,
    metadata: { name, namespace: ns },
    spec: {
      template: {
        metadata: { labels: { app: name, [LABEL_SERVICE]: name } },
        spec: {
          replicas,
          selector: { matchLabels: { app: name } },
          template: {
            metadata: { labels: { app: name, [LABEL_SERVICE]: name } },
            spec: { containers: [{ name: 'login', image, args: ['--type', 'login'] }] },
          },
          updateStrategy: { type: 'InplaceUpdate', maxUnavailable: 1 },
        },
      },
      placement: { clusters: members.map((m) => ({ name: m })) },
      overrides,
    },
  };
}

export { T };

const GSS_TYPE: ResourceType = {
  group: 'game.kruise.io',
  version: 'v1alpha1',
  resource: 'gameserversets',
  kind: 'GameServerSet',
  namespaced: true,
};
const GS_TYPE: ResourceType = {
  group: 'game.kruise.io',
  version: 'v1alpha1',
  resource: 'gameservers',
  kind: 'GameServer',
  namespaced: true,
};

/**
 * The demo's OpenKruise Game set: battle servers with a hot-update sidecar (the OKG docs' pattern:
 * scripts in a sidecar sharing an emptyDir with the game), updated in place. `canary` starts the
 * story: the sidecar's next version on one server (partition = replicas - 1), server 0 under
 * maintenance and server 1 first in line (update priority 10).
 */
export function gameServerSet(
  ns: string,
  zoneId: number,
  replicas: number,
): {
  type: ResourceType;
  obj: KubeObject;
  canary: (store: {
    mutate: (t: ResourceType, ns: string, name: string, fn: (o: KubeObject) => KubeObject | undefined) => unknown;
  }) => void;
} {
  const name = 'battle-1';
  const labels = { [LABEL_ZONE]: String(zoneId), [LABEL_SERVICE]: name };
  return {
    type: GSS_TYPE,
    obj: {
      apiVersion: apiVersionOf(GSS_TYPE),
      kind: GSS_TYPE.kind,
      metadata: { name, namespace: ns, labels },
      spec: {
        replicas,
        updateStrategy: { rollingUpdate: { podUpdatePolicy: 'InPlaceIfPossible', maxUnavailable: 1 } },
        network: { networkType: 'Kubernetes-HostPort', networkConf: [{ name: 'ContainerPorts', value: 'battle:7777/UDP' }] },
        gameServerTemplate: {
          metadata: { labels: { app: name, ...labels } },
          spec: {
            containers: [
              { name: 'battle', image: `registry.example.com/project1/battle:${BASE_VERSION}` },
              { name: 'scripts', image: `registry.example.com/project1/battle-scripts:${BASE_VERSION}` },
            ],
          },
        },
      },
    },
    canary(store) {
      store.mutate(GS_TYPE, ns, `${name}-0`, (o) => ({ ...o, spec: { ...o.spec, opsState: 'Maintaining' } }));
      store.mutate(GS_TYPE, ns, `${name}-1`, (o) => ({ ...o, spec: { ...o.spec, updatePriority: 10 } }));
      store.mutate(GSS_TYPE, ns, name, (o) => {
        o.spec.gameServerTemplate.spec.containers[1].image = `registry.example.com/project1/battle-scripts:${NEXT_VERSION}`;
        o.spec.updateStrategy.rollingUpdate.partition = replicas - 1;
        return o;
      });
    },
  };
}
