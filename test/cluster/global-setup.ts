// vitest globalSetup of the `cluster` project: starts one real federation (etcd + real-a/b/c kube-apiservers) for
// the whole run, provides its kubeconfig and context names to tests (inject) and env, and tears it down at the end.
import type { TestProject } from 'vitest/node';
import { startRealFederation } from './harness.js';
import { serveClusterControl } from './control.js';
import './provided.js';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const fed = await startRealFederation({ log: (line) => console.log(`[cluster] ${line}`) });
  let control: Awaited<ReturnType<typeof serveClusterControl>> | undefined;
  try {
    control = await serveClusterControl(fed);
  } catch (err) {
    await fed.stop();
    throw err;
  }
  const rss = fed
    .processes()
    .map((p) => `${p.name} ${p.rssKiB === undefined ? '?' : Math.round(p.rssKiB / 1024)} MiB`)
    .join(', ');
  console.log(
    `[cluster] Kubernetes ${fed.versions.kubernetes}, etcd ${fed.versions.etcd}; started in ${fed.timings.totalMs} ms; RSS: ${rss}`,
  );

  process.env.ZONECTL_TEST_KUBECONFIG = fed.kubeconfigPath;
  project.provide('zonectlKubeconfig', fed.kubeconfigPath);
  project.provide(
    'zonectlContexts',
    fed.clusters.map((c) => c.adminContext),
  );
  project.provide(
    'zonectlViewerContexts',
    fed.clusters.map((c) => c.viewerContext),
  );
  project.provide('zonectlNamespace', fed.namespace);
  project.provide('zonectlControlUrl', control.url);
  project.provide('zonectlControlSecret', control.secret);
  project.provide('zonectlVersions', fed.versions);

  return async () => {
    const rssEnd = fed
      .processes()
      .map((p) => `${p.name} ${p.rssKiB === undefined ? '?' : Math.round(p.rssKiB / 1024)} MiB`)
      .join(', ');
    console.log(`[cluster] RSS at end: ${rssEnd}`);
    await control?.close();
    await fed.stop();
    delete process.env.ZONECTL_TEST_KUBECONFIG;
  };
}
