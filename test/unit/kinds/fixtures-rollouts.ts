// Argo and Kruise Rollout objects shaped after research/crds.md §2 and §3.1.
import type { KubeObject } from '../../../source/kube/object.js';

export function argo(): KubeObject {
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name: 'lobby', namespace: 'zone-7', uid: 'u1', resourceVersion: '9', generation: 4, labels: { 'zonectl.io/zone': '7' } },
    spec: {
      replicas: 10,
      selector: { matchLabels: { app: 'lobby' } },
      template: { spec: { containers: [{ name: 'lobby', image: 'registry.example.com/game/lobby:2.1.0' }] } },
      strategy: {
        canary: {
          steps: [
            { setWeight: 20 },
            { pause: {} },
            { analysis: { templates: [{ templateName: 'success-rate' }] } },
            { setWeight: 60 },
            { pause: { duration: '10m' } },
          ],
        },
      },
    },
    status: {
      observedGeneration: '4',
      replicas: 10,
      updatedReplicas: 2,
      readyReplicas: 10,
      availableReplicas: 10,
      currentStepIndex: 1,
      currentPodHash: '6d4f8c7b9',
      stableRS: '5c9f7d6b8',
      phase: 'Paused',
      message: 'CanaryPauseStep',
      controllerPause: true,
      pauseConditions: [{ reason: 'CanaryPauseStep', startTime: '2024-05-01T10:00:00Z' }],
    },
  };
}

export function kruise(): KubeObject {
  return {
    apiVersion: 'rollouts.kruise.io/v1beta1',
    kind: 'Rollout',
    metadata: { name: 'gate-rollout', namespace: 'zone-7', uid: 'k1', resourceVersion: '5', generation: 2 },
    spec: {
      workloadRef: { apiVersion: 'apps.kruise.io/v1alpha1', kind: 'CloneSet', name: 'gateway' },
      strategy: {
        canary: { steps: [{ replicas: 1 }, { replicas: '50%', pause: { duration: 300 } }, { replicas: '100%', pause: { duration: 0 } }] },
      },
    },
    status: {
      observedGeneration: 2,
      phase: 'Progressing',
      currentStepIndex: 1,
      currentStepState: 'StepPaused',
      canaryStatus: {
        currentStepIndex: 1,
        currentStepState: 'StepPaused',
        canaryRevision: '7f9c6d',
        stableRevision: '5b8d4c',
        canaryReplicas: 1,
        canaryReadyReplicas: 1,
        message: 'BatchRelease is at state Ready, rollout-id , step 1',
        lastUpdateTime: '2024-05-01T10:00:00Z',
      },
    },
  };
}
