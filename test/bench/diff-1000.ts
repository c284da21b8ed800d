// Git-versus-live diff of 1,000 objects against the simulator (DESIGN §8 budget: <= 5 s).
// Two simulated clusters (HTTP on 127.0.0.1), 500 objects each (ConfigMaps and GameZones in 5 namespaces), a
// committed repo with one zonectl.yaml app per cluster and namespace; 10 objects drifted on purpose.
// Measures a cold run (every pair dry-run on the server) and a warm refresh (dry-run cache).
//   node --experimental-transform-types --no-warnings --import ./test/bench/ts-hooks.mjs test/bench/diff-1000.ts
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { simpleGit } from 'simple-git';
import { stringify } from 'yaml';
import { kubeTargets } from '../../source/gitops/kube-targets.js';
import { DryRunCache } from '../../source/gitops/predict.js';
import { runGitDiff } from '../../source/gitops/run.js';
import { startSimCluster } from '../../source/sim/cluster-server.js';
import { writeKubeconfig } from '../../source/sim/kubeconfig.js';
import { MemoryStore } from '../../source/sim/store.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { gameZone } from '../../source/sim/world-spec.js';
import { T } from '../../source/sim/controllers/kinds.js';

const CLUSTERS = ['bench-a', 'bench-b'];
const NAMESPACES = 5;
const PER_NS_CM = 90;
const PER_NS_ZONES = 10;
const BUDGET_MS = 5_000;

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'zonectl-bench-diff-'));
  const repoDir = join(root, 'repo');
  const files: Record<string, string> = {};
  const apps: unknown[] = [];
  const sims = [];
  let drifted = 0;
  for (const cluster of CLUSTERS) {
    const store = new MemoryStore(cluster);
    for (let n = 0; n < NAMESPACES; n++) {
      const ns = `bench-${n}`;
      store.create(T.namespace, { metadata: { name: ns } });
      const docs: unknown[] = [];
      for (let i = 0; i < PER_NS_CM; i++) {
        const cm = {
          apiVersion: 'v1',
          kind: 'ConfigMap',
          metadata: { name: `cfg-${i}`, namespace: ns, labels: { 'app.kubernetes.io/instance': `${cluster}-${ns}` } },
          data: { index: String(i), payload: 'x'.repeat(200) },
        };
        store.create(store.typeFor('v1', 'ConfigMap')!, structuredClone(cm));
        if (i === 0) {
          cm.data.index = 'changed-in-git';
          drifted += 1;
        }
        docs.push(cm);
      }
      for (let z = 0; z < PER_NS_ZONES; z++) {
        const gz = gameZone(1000 + n * 100 + z, 4, 2);
        gz.metadata.namespace = ns;
        gz.metadata.labels = { ...gz.metadata.labels, 'app.kubernetes.io/instance': `${cluster}-${ns}` };
        store.create(T.gameZone, structuredClone(gz));
        docs.push(gz);
      }
      files[`clusters/${cluster}/${ns}/objects.yaml`] = docs.map((d) => stringify(d)).join('---\n');
      apps.push({ name: `${cluster}-${ns}`, path: `clusters/${cluster}/${ns}`, context: cluster, namespace: ns });
    }
    sims.push(await startSimCluster({ name: cluster, store }));
  }
  files['zonectl.yaml'] = stringify({ fieldManager: 'argocd-controller', tracking: { inject: 'label' }, concurrency: 16, apps });
  for (const [p, c] of Object.entries(files)) {
    mkdirSync(dirname(join(repoDir, p)), { recursive: true });
    writeFileSync(join(repoDir, p), c);
  }
  const g = simpleGit({ baseDir: repoDir });
  await g.init(['--quiet', '--initial-branch=main']);
  await g.addConfig('user.email', 'bench@zonectl.invalid');
  await g.addConfig('user.name', 'bench');
  await g.add(['-A', '.']);
  await g.commit('bench');
  const kc = loadKubeconfig([writeKubeconfig(sims, join(root, 'kubeconfig'))]);
  const targets = kubeTargets(kc);
  const cache = new DryRunCache();
  try {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const cold = await runGitDiff({ repo: repoDir }, targets, cache);
    const coldMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const t1 = performance.now();
    const warm = await runGitDiff({ repo: repoDir }, targets, cache);
    const warmMs = performance.now() - t1;
    const objects = cold.apps.reduce((n, a) => n + a.objects.length, 0);
    const found = cold.apps.reduce((n, a) => n + a.objects.filter((o) => o.status !== 'Synced').length, 0);
    const unknown = cold.apps.filter((a) => a.error).map((a) => a.error);
    const rss = process.memoryUsage().rss / 1048576;
    console.log(`diff-1000: ${objects} objects in ${CLUSTERS.length} clusters, ${cold.apps.length} apps`);
    console.log(
      `  cold: ${coldMs.toFixed(0)} ms (${cold.stats.dryRuns} dry-runs, ${cold.stats.liveRequests} LISTs), drift found ${found} (introduced ${drifted})`,
    );
    console.log(`  warm refresh: ${warmMs.toFixed(0)} ms (${warm.stats.dryRuns} dry-runs, ${warm.stats.dryRunCacheHits} cache hits)`);
    console.log(
      `  cold CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (client and in-process simulator together); load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores`,
    );
    console.log(`  RSS ${rss.toFixed(0)} MB; budget ${BUDGET_MS} ms: ${coldMs <= BUDGET_MS ? 'OK' : 'OVER'}`);
    if (unknown.length) console.log(`  errors: ${unknown.join('; ')}`);
    if (objects !== CLUSTERS.length * NAMESPACES * (PER_NS_CM + PER_NS_ZONES) || found !== drifted || coldMs > BUDGET_MS)
      process.exitCode = 1;
  } finally {
    targets.close();
    await Promise.all(sims.map((s) => s.close()));
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
