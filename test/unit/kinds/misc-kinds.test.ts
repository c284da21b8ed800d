import { describe, expect, it } from 'vitest';
import { readPod } from '../../../source/kinds/pod.js';
import { readHookTemplate } from '../../../source/kinds/hooktemplate.js';
import { readKubeFedCluster } from '../../../source/kinds/kubefedcluster.js';
import type { KubeObject } from '../../../source/kube/object.js';

function pod(): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: 'game-1-2',
      namespace: 'zone-101',
      uid: 'p1',
      resourceVersion: '99',
      creationTimestamp: '2024-05-01T09:00:00Z',
      labels: { 'controller-revision-hash': 'game-1-7c9d8e0f6', 'tkex.bkbcs.tencent.com/gamestatefulset-instance-id': '2' },
      annotations: { 'inplace-update-state': '{"revision":"game-1-7c9d8e0f6","updateTimestamp":"2024-05-01T09:30:00Z"}' },
      ownerReferences: [{ apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameStatefulSet', name: 'game-1', uid: 'g1', controller: true }],
    },
    spec: {
      nodeName: 'node-3',
      containers: [
        { name: 'main', image: 'registry.example.com/project1/service:0.3.0' },
        { name: 'sidecar', image: 'registry.example.com/infra/agent:1.4' },
      ],
    },
    status: {
      phase: 'Running',
      conditions: [
        { type: 'InPlaceUpdateReady', status: 'True' },
        { type: 'Ready', status: 'True' },
      ],
      containerStatuses: [
        {
          name: 'main',
          image: 'registry.example.com/project1/service:0.2.0',
          imageID: 'docker-pullable://x@sha256:1',
          ready: true,
          restartCount: 1,
          containerID: 'containerd://abc',
          state: { running: { startedAt: '2024-05-01T09:30:05Z' } },
        },
        { name: 'sidecar', image: 'registry.example.com/infra/agent:1.4', ready: true, restartCount: 0, state: { running: {} } },
      ],
    },
  };
}

describe('readPod', () => {
  it('in-place update in flight: running image differs from spec', () => {
    const p = readPod('c', pod());
    expect(p).toMatchObject({
      name: 'game-1-2',
      phase: 'Running',
      ready: true,
      restarts: 1,
      node: 'node-3',
      revision: 'game-1-7c9d8e0f6',
      owner: { kind: 'GameStatefulSet', name: 'game-1' },
    });
    expect(p.inPlaceUpdateState).toContain('game-1-7c9d8e0f6');
    expect(p.containers[0]).toMatchObject({
      name: 'main',
      image: 'registry.example.com/project1/service:0.3.0',
      runningImage: 'registry.example.com/project1/service:0.2.0',
      ready: true,
      restartCount: 1,
      state: 'running',
      containerID: 'containerd://abc',
    });
    expect(p.containers[1].runningImage).toBeUndefined();
  });

  it('kubectl-like status: CrashLoopBackOff, Terminating, Evicted', () => {
    const o = pod();
    o.status.containerStatuses[0].state = { waiting: { reason: 'CrashLoopBackOff' } };
    o.status.conditions = [{ type: 'Ready', status: 'False' }];
    expect(readPod('c', o)).toMatchObject({ phase: 'CrashLoopBackOff', ready: false });
    o.metadata.deletionTimestamp = '2024-05-01T10:00:00Z';
    expect(readPod('c', o).phase).toBe('Terminating');
    const e = pod();
    e.status = { phase: 'Failed', reason: 'Evicted' };
    expect(readPod('c', e).phase).toBe('Evicted');
  });

  it('a pod with no status yet is Pending', () => {
    const o = pod();
    delete o.status;
    expect(readPod('c', o)).toMatchObject({ phase: 'Pending', ready: false, restarts: 0 });
  });

  it('malformed -> invalid', () => {
    const o = pod();
    o.spec.containers = [{ image: 'x' }];
    expect(readPod('c', o)).toMatchObject({
      invalid: 'spec.containers[0]: expected a container with a name',
      phase: 'Unknown',
      name: 'game-1-2',
    });
    expect(readPod('c', { metadata: { name: 'x', labels: 'app=x' } } as never).invalid).toBe(
      'metadata.labels: expected an object, got string',
    );
  });
});

describe('readHookTemplate', () => {
  const ht = (): KubeObject => ({
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'HookTemplate',
    metadata: { name: 'check-online', namespace: 'zone-101', uid: 'h1', resourceVersion: '3' },
    spec: {
      args: [{ name: 'service' }, { name: 'PodIP' }],
      metrics: [
        {
          name: 'online',
          interval: '30s',
          count: 3,
          successCondition: 'asInt(result) < 30',
          provider: {
            web: {
              url: 'http://{{ args.PodIP }}:8080/online',
              headers: [{ key: 'Authorization', value: 'Bearer s3cr3t' }],
              jsonPath: '{$.online}',
            },
          },
        },
        {
          name: 'errors',
          provider: { prometheus: { address: 'http://prometheus:9090', query: 'sum(rate(errors[1m]))' } },
          failureCondition: 'result[0] > 10',
        },
        { name: 'drain', provider: { exec: { container: 'main', command: ['/bin/drain', '--wait'] } } },
      ],
    },
  });

  it('reads metrics without carrying web headers', () => {
    const h = readHookTemplate('c', ht());
    expect(h.policy).toBe('Parallel');
    expect(h.args).toEqual([{ name: 'service' }, { name: 'PodIP' }]);
    expect(h.metrics).toEqual([
      {
        name: 'online',
        provider: 'web',
        target: 'http://{{ args.PodIP }}:8080/online',
        interval: '30s',
        count: 3,
        successCondition: 'asInt(result) < 30',
      },
      {
        name: 'errors',
        provider: 'prometheus',
        target: 'http://prometheus:9090 sum(rate(errors[1m]))',
        failureCondition: 'result[0] > 10',
      },
      { name: 'drain', provider: 'exec', target: '/bin/drain --wait' },
    ]);
    expect(JSON.stringify(h)).not.toContain('s3cr3t');
  });

  it('malformed -> invalid', () => {
    const o = ht();
    delete o.spec.metrics;
    expect(readHookTemplate('c', o).invalid).toBe('spec.metrics: missing (required)');
    o.spec.metrics = [{ provider: {} }];
    expect(readHookTemplate('c', o).invalid).toBe('spec.metrics[0]: expected a metric with a name');
  });
});

describe('readKubeFedCluster', () => {
  const kfc = (conds: unknown[]): KubeObject => ({
    apiVersion: 'core.kubefed.io/v1beta1',
    kind: 'KubeFedCluster',
    metadata: { name: 'member-gz', namespace: 'kube-federation-system' },
    spec: { apiEndpoint: 'https://10.0.0.2:6443', caBundle: 'LS0t', secretRef: { name: 'member-gz-token' } },
    status: { conditions: conds, region: 'ap-guangzhou' },
  });

  it('ready / not ready / offline', () => {
    expect(
      readKubeFedCluster('host', kfc([{ type: 'Ready', status: 'True', reason: 'ClusterReady', message: '/healthz responded with ok' }])),
    ).toEqual({ cluster: 'host', name: 'member-gz', apiEndpoint: 'https://10.0.0.2:6443', ready: 'True' });
    expect(
      readKubeFedCluster(
        'host',
        kfc([{ type: 'Ready', status: 'False', reason: 'ClusterNotReachable', message: 'cluster is not reachable' }]),
      ),
    ).toMatchObject({ ready: 'False', message: 'ClusterNotReachable: cluster is not reachable' });
    expect(readKubeFedCluster('host', kfc([{ type: 'Offline', status: 'True', reason: 'ClusterNotReachable' }]))).toMatchObject({
      ready: 'False',
      message: 'ClusterNotReachable',
    });
    expect(readKubeFedCluster('host', kfc([])).ready).toBe('Unknown');
  });

  it('malformed -> invalid', () => {
    const o = kfc([]);
    o.spec.apiEndpoint = 42;
    expect(readKubeFedCluster('host', o)).toMatchObject({
      invalid: 'spec.apiEndpoint: expected a string, got number',
      ready: 'Unknown',
      name: 'member-gz',
    });
  });
});

describe('hook run args', () => {
  it('masks args whose names look like credentials and keeps the rest', async () => {
    const { readHookRun } = await import('../../../source/kinds/hookrun.js');
    const h = readHookRun('c', {
      apiVersion: 'tkex.tencent.com/v1alpha1',
      kind: 'HookRun',
      metadata: { name: 'h', namespace: 'n', uid: 'u', resourceVersion: '1' },
      spec: {
        args: [
          { name: 'PodName', value: 'game-1-0' },
          { name: 'apiToken', value: 's3cr3t-value' },
          { name: 'dbPassword', value: 'hunter2' },
        ],
      },
      status: { phase: 'Running' },
    });
    expect(h.args[0]).toEqual({ name: 'PodName', value: 'game-1-0' });
    expect(JSON.stringify(h.args)).not.toMatch(/s3cr3t-value|hunter2/);
    expect(h.args[1]!.value).toMatch(/^\*\*\*\(hmac:/);
  });
});
