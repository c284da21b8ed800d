// The CRD fixtures behave like the upstream bk-bcs schemas on a real apiserver (research/crds.md §9): unknown
// fields are pruned everywhere (pod template included), the server fills upstream's defaults, and upstream's
// required fields are enforced. So a write that a real cluster would prune or refuse fails our real tier too.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { KubeError } from '../../source/kube/errors.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { type KubeObject, type ResourceType, resourcePath } from '../../source/kube/object.js';
import './provided.js';

const kubeconfig = inject('zonectlKubeconfig');
const ns = inject('zonectlNamespace');
const client = new HttpClusterClient('real-b', loadKubeconfig([kubeconfig]).forContext('real-b'), { timeoutMs: 15_000 });
const created: Array<[ResourceType, string]> = [];
const suffix = Date.now().toString(36);

afterAll(async () => {
  for (const [t, name] of created) {
    await client.request({ method: 'DELETE', path: resourcePath(t, { namespace: ns, name }) }).catch(() => undefined);
  }
  client.close();
});

async function create(t: ResourceType, obj: KubeObject): Promise<KubeObject> {
  const out = await client.create(t, ns, obj);
  created.push([t, obj.metadata.name!]);
  return out;
}

function podTemplate(app: string): Record<string, unknown> {
  return {
    metadata: { labels: { app }, creationTimestamp: '2026-01-01T00:00:00Z' }, // a ControllerRevision copy has it
    spec: {
      bogusPodField: true,
      containers: [
        {
          name: 'game',
          image: 'registry.example.com/game:1.0',
          ports: [{ containerPort: 7000 }],
          restartPolicy: 'Always', // newer than the upstream embedded schema
          resizePolicy: [{ resourceName: 'cpu', restartPolicy: 'NotRequired' }],
          bogusContainerField: 'x',
        },
      ],
    },
  };
}

const any = (o: unknown) => o as any;

describe('CRD fixtures prune, default and require like the upstream bk-bcs schemas', () => {
  it('GameDeployment: unknown fields pruned (pod template too), upstream defaults filled in', async () => {
    const name = `schema-gd-${suffix}`;
    const got = any(
      await create(KINDS.GameDeployment, {
        apiVersion: 'tkex.tencent.com/v1alpha1',
        kind: 'GameDeployment',
        metadata: { name },
        spec: {
          bogusSpecField: 1,
          selector: { matchLabels: { app: name } },
          template: podTemplate(name),
          updateStrategy: { type: 'InplaceUpdate', inPlaceUpdateStrategy: {}, bogusStrategyField: 'x' },
        },
      } as KubeObject),
    );
    expect(got.spec.bogusSpecField).toBeUndefined();
    expect(got.spec.updateStrategy.bogusStrategyField).toBeUndefined();
    expect(got.spec.template.metadata).toEqual({ labels: { app: name } });
    expect(got.spec.template.spec.bogusPodField).toBeUndefined();
    const c = got.spec.template.spec.containers[0];
    expect(Object.keys(c).sort()).toEqual(['image', 'name', 'ports']);
    expect(c.ports[0]).toEqual({ containerPort: 7000, protocol: 'TCP' });
    expect(got.spec).toMatchObject({ replicas: 1, minReadySeconds: 0, revisionHistoryLimit: 10, disableReadinessGate: false });
    expect(got.spec.updateStrategy).toEqual({
      type: 'InplaceUpdate',
      paused: false,
      maxSurge: '25%',
      maxUnavailable: '25%',
      inPlaceUpdateStrategy: { policy: 'DisOrdered' },
    });
  });

  it('GameStatefulSet: a rollingUpdate block gets maxSurge 0 / maxUnavailable 25%; podManagementPolicy OrderedReady; PVC templates pruned', async () => {
    const name = `schema-gsts-${suffix}`;
    const got = any(
      await create(KINDS.GameStatefulSet, {
        apiVersion: 'tkex.tencent.com/v1alpha1',
        kind: 'GameStatefulSet',
        metadata: { name, labels: { team: 'sre' }, annotations: { note: 'kept' } },
        spec: {
          serviceName: name,
          selector: { matchLabels: { app: name } },
          template: podTemplate(name),
          updateStrategy: { rollingUpdate: { partition: 1 } },
          volumeClaimTemplates: [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'], bogusPvcField: 1 } }],
        },
      } as KubeObject),
    );
    // The schema's missing root `metadata` property (upstream's generator artifact) does not lose metadata.
    expect(got.metadata.labels).toEqual({ team: 'sre' });
    expect(got.metadata.annotations).toEqual({ note: 'kept' });
    expect(got.spec.podManagementPolicy).toBe('OrderedReady');
    expect(got.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      paused: false,
      rollingUpdate: { partition: 1, maxSurge: 0, maxUnavailable: '25%' },
    });
    expect(got.spec.volumeClaimTemplates[0].spec.bogusPvcField).toBeUndefined();
    expect(got.spec.volumeClaimTemplates[0].spec.accessModes).toEqual(['ReadWriteOnce']);
  });

  it('required as upstream: spec.updateStrategy, canary.steps, a step hook templateName, both name and value of its args', async () => {
    const base = (name: string, updateStrategy?: unknown): KubeObject =>
      ({
        apiVersion: 'tkex.tencent.com/v1alpha1',
        kind: 'GameStatefulSet',
        metadata: { name },
        spec: {
          serviceName: name,
          selector: { matchLabels: { app: name } },
          template: podTemplate(name),
          ...(updateStrategy === undefined ? {} : { updateStrategy }),
        },
      }) as KubeObject;
    const refused = async (obj: KubeObject, field: RegExp) => {
      const err = await client.create(KINDS.GameStatefulSet, ns, obj).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KubeError);
      expect((err as KubeError).kind).toBe('Invalid');
      expect((err as KubeError).message).toMatch(field);
    };
    await refused(base(`schema-req1-${suffix}`), /spec\.updateStrategy: Required value/);
    await refused(base(`schema-req2-${suffix}`, { canary: {} }), /spec\.updateStrategy\.canary\.steps: Required value/);
    await refused(
      base(`schema-req3-${suffix}`, { canary: { steps: [{ hook: { args: [{ name: 'a', value: '1' }] } }] } }),
      /templateName: Required value/,
    );
    await refused(
      base(`schema-req4-${suffix}`, { canary: { steps: [{ hook: { templateName: 't', args: [{ name: 'a' }] } }] } }),
      /args\[0\]\.value: Required value/,
    );
  });

  it('HookTemplate: policy defaults to Parallel; an unknown metric provider field is pruned', async () => {
    const name = `schema-ht-${suffix}`;
    const got = any(
      await create(KINDS.HookTemplate, {
        apiVersion: 'tkex.tencent.com/v1alpha1',
        kind: 'HookTemplate',
        metadata: { name },
        spec: {
          metrics: [{ name: 'ok', provider: { web: { url: 'http://x', jsonPath: '{$.ok}', bogus: 1 }, unknownProvider: {} } }],
        },
      } as KubeObject),
    );
    expect(got.spec.policy).toBe('Parallel');
    expect(got.spec.metrics[0].provider).toEqual({ web: { url: 'http://x', jsonPath: '{$.ok}' } });
  });
});
