// Values the cluster project's globalSetup provides to tests (vitest `project.provide` / `inject`).
export interface ClusterProvided {
  /** Path of the generated kubeconfig (mode 0600); also process.env.ZONECTL_TEST_KUBECONFIG. */
  zonectlKubeconfig: string;
  /** Admin contexts, one per cluster: ['real-a', 'real-b', 'real-c']. */
  zonectlContexts: string[];
  /** Viewer contexts (get/list/watch only): ['real-a-viewer', ...]. */
  zonectlViewerContexts: string[];
  /** Default namespace of every context ('games'). */
  zonectlNamespace: string;
  /** Loopback control endpoint of the globalSetup process (stop/start one apiserver); use control.ts. */
  zonectlControlUrl: string;
  zonectlControlSecret: string;
  /** Kubernetes and etcd versions of the binaries. */
  zonectlVersions: { kubernetes: string; etcd: string };
}

declare module 'vitest' {
  export interface ProvidedContext extends ClusterProvided {}
}
