import type { KubeObject } from '../../../source/kube/object.js';

export function deploy(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: {
      name: 'auth-2',
      namespace: 'zone-101',
      uid: 'd1',
      resourceVersion: '10',
      generation: 7,
      annotations: { 'deployment.kubernetes.io/revision': '5' },
      labels: { 'zonectl.io/zone': '101' },
    },
    spec: {
      replicas: 4,
      selector: { matchLabels: { app: 'auth-2' } },
      strategy: { type: 'RollingUpdate' },
      template: { spec: { containers: [{ name: 'auth', image: 'registry.example.com/project1/service:0.2.0' }] } },
    },
    status: {
      observedGeneration: 7,
      replicas: 5,
      updatedReplicas: 2,
      readyReplicas: 4,
      availableReplicas: 4,
      conditions: [{ type: 'Progressing', status: 'True', reason: 'ReplicaSetUpdated' }],
    },
  };
}

export function sts(): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'db-1', namespace: 'zone-101', uid: 's1', resourceVersion: '11', generation: 2 },
    spec: {
      replicas: 3,
      serviceName: 'db-1',
      selector: { matchLabels: { app: 'db-1' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 1 } },
      template: { spec: { containers: [{ name: 'mysql', image: 'mysql:5.7.27' }] } },
    },
    status: {
      observedGeneration: 2,
      replicas: 3,
      readyReplicas: 3,
      currentReplicas: 1,
      updatedReplicas: 2,
      currentRevision: 'db-1-7d9',
      updateRevision: 'db-1-8e0',
    },
  };
}
