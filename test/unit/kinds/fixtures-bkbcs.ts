// Realistic bk-bcs objects, shaped after research/crds.md §1 (field paths exactly as the CRDs have them).
import type { KubeObject } from '../../../source/kube/object.js';

export const T0 = Date.parse('2020-11-10T08:41:36Z');

function meta(name: string, extra: Record<string, unknown> = {}) {
  return {
    name,
    namespace: 'zone-101',
    uid: `uid-${name}`,
    resourceVersion: '1234',
    generation: 3,
    creationTimestamp: '2020-11-01T00:00:00Z',
    labels: { app: name, 'zonectl.io/zone': '101', 'zonectl.io/service': name },
    ...extra,
  };
}

const template = (image: string) => ({
  metadata: { labels: { app: 'x' } },
  spec: {
    containers: [
      { name: 'main', image },
      { name: 'sidecar', image: 'registry.example.com/infra/agent:1.4' },
    ],
  },
});

/** The paused-status example of crds.md §1.5 (replicas 4: partition 3 leaves 1 updated). */
export function gdPausedAtPauseStep(): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameDeployment',
    metadata: meta('test-gd'),
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'test-gd' } },
      template: template('registry.example.com/project1/service:0.2.0'),
      updateStrategy: {
        type: 'InplaceUpdate',
        paused: true,
        canary: { steps: [{ partition: 3 }, { pause: {} }, { partition: 2 }] },
      },
    },
    status: {
      observedGeneration: 3,
      replicas: 4,
      readyReplicas: 4,
      availableReplicas: 4,
      updatedReplicas: 1,
      updatedReadyReplicas: 1,
      currentStepIndex: 1,
      currentStepHash: '79cffb7b9',
      canary: { revision: 'test-gd-67864c6f65' },
      pauseConditions: [{ reason: 'PausedByCanaryPauseStep', startTime: '2020-11-10T08:41:36Z' }],
      currentRevision: 'test-gd-67864c6f65',
      updateRevision: 'test-gd-9d78dd5db',
    },
  };
}

/** Step 2 of 3 is a 10-minute timed pause. */
export function gdTimedPause(): KubeObject {
  const o = gdPausedAtPauseStep();
  o.spec.updateStrategy.canary.steps = [{ partition: 3 }, { pause: { duration: 600 } }, { partition: 0 }];
  return o;
}

/** Step hook check-online came back Inconclusive: the controller paused with PausedByStepBasedHook. */
export function gdHookInconclusive(): KubeObject {
  const o = gdPausedAtPauseStep();
  o.spec.updateStrategy.canary.steps = [
    { partition: 3 },
    { hook: { templateName: 'check-online', args: [{ name: 'service', value: 'game' }] } },
    { partition: 0 },
  ];
  o.status.pauseConditions = [{ reason: 'PausedByStepBasedHook', startTime: '2020-11-10T08:41:36Z' }];
  o.status.canary.currentStepHookRun = 'canary-test-gd-9d78dd5db-1-check-online';
  return o;
}

/** The same hook step while the hook run is still Running (not paused). */
export function gdHookRunning(): KubeObject {
  const o = gdHookInconclusive();
  o.spec.updateStrategy.paused = false;
  o.status.pauseConditions = [];
  return o;
}

/** A HookRun as the hook operator writes it for a canary step. */
export function stepHookRun(phase: string): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'HookRun',
    metadata: {
      name: 'canary-test-gd-9d78dd5db-1-check-online',
      namespace: 'zone-101',
      uid: 'uid-hr-1',
      resourceVersion: '77',
      creationTimestamp: '2020-11-10T08:40:00Z',
      labels: { 'workload-revision': 'test-gd-9d78dd5db', 'hookrun-type': 'canary-step', 'canary-step-index': '1' },
      ownerReferences: [
        { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment', name: 'test-gd', uid: 'uid-test-gd', controller: true },
      ],
    },
    spec: {
      metrics: [{ name: 'online', provider: { web: { url: 'http://{{ args.PodIP }}:8080/online', jsonPath: '{$.online}' } } }],
      args: [
        { name: 'service', value: 'game' },
        { name: 'HostIP', value: '10.0.0.5' },
      ],
      terminate: false,
    },
    status: {
      phase,
      startedAt: '2020-11-10T08:40:01Z',
      message: phase === 'Inconclusive' ? 'Metric "online" assessed Inconclusive due to inconclusive (1) > inconclusiveLimit (0)' : '',
      metricResults: [
        {
          name: 'online',
          phase,
          count: 2,
          successful: 1,
          inconclusive: phase === 'Inconclusive' ? 1 : 0,
          measurements: [
            { phase: 'Successful', value: '120', startedAt: '2020-11-10T08:40:01Z', finishedAt: '2020-11-10T08:40:02Z' },
            { phase, value: '0', startedAt: '2020-11-10T08:40:31Z', finishedAt: '2020-11-10T08:40:32Z' },
          ],
        },
      ],
    },
  };
}

/** GameStatefulSet mid in-place update, no canary steps; rollingUpdate.partition = ordinal 2 of 5. */
export function gstsInPlace(): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameStatefulSet',
    metadata: meta('game-1'),
    spec: {
      replicas: 5,
      serviceName: 'game-1',
      podManagementPolicy: 'OrderedReady',
      selector: { matchLabels: { app: 'game-1' } },
      template: template('registry.example.com/project1/service:0.3.0'),
      updateStrategy: { type: 'InplaceUpdate', rollingUpdate: { partition: 2 }, inPlaceUpdateStrategy: { gracePeriodSeconds: 10 } },
      preInplaceUpdateStrategy: { hook: { templateName: 'drain-players' }, retry: false },
    },
    status: {
      observedGeneration: 3,
      replicas: 5,
      readyReplicas: 4,
      currentReplicas: 4,
      updatedReplicas: 1,
      updatedReadyReplicas: 1,
      currentRevision: 'game-1-6b8f7d9c5',
      updateRevision: 'game-1-7c9d8e0f6',
      preInplaceHookCondition: [{ podName: 'game-1-3', startTime: '2020-11-10T08:40:00Z', phase: 'Running' }],
    },
  };
}

/** GameStatefulSet whose pre-inplace hook failed on game-1-2. */
export function gstsHookFailed(): KubeObject {
  const o = gstsInPlace();
  o.spec.updateStrategy.rollingUpdate.partition = 0;
  o.status.updatedReplicas = 3;
  o.status.updatedReadyReplicas = 3;
  o.status.preInplaceHookCondition = [{ podName: 'game-1-2', startTime: '2020-11-10T08:45:00Z', phase: 'Failed' }];
  return o;
}

/** A finished GameDeployment, RollingUpdate, no steps. */
export function gdComplete(): KubeObject {
  return {
    apiVersion: 'tkex.tencent.com/v1alpha1',
    kind: 'GameDeployment',
    metadata: meta('gateway-1'),
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'gateway-1' } },
      template: template('registry.example.com/project1/service:0.2.0'),
      updateStrategy: { type: 'RollingUpdate', maxUnavailable: '25%' },
    },
    status: {
      observedGeneration: 3,
      replicas: 3,
      readyReplicas: 3,
      availableReplicas: 3,
      updatedReplicas: 3,
      updatedReadyReplicas: 3,
      currentRevision: 'gateway-1-5f6d7c8b9',
      updateRevision: 'gateway-1-5f6d7c8b9',
    },
  };
}
