// Benchmark (issue 11): the live heap the console's session holds per workload and per watched pod, load
// independent. A static world (fleet-scale.ts's simulator: GameZones, GameDeployments / GameStatefulSets
// and pods, no controllers, no writes) is served over HTTP in its own process; for each size a fresh
// process opens the session (fleet, informer pool, store) on it, waits until every cluster listed,
// derives a snapshot and holds it, forces full GCs and reports V8's heap used minus what it used before
// the session opened. Per workload: the slope between the two sizes, pods not watched (the console's
// case); per pod: pods watched minus not watched, at the larger size.
//   node scripts/bench.mjs heap-per-object [--clusters 4] [--workloads 2000,4000] [--pods 5]
import { fork, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { View } from '../../source/kinds/spec.js';

const argv = process.argv.slice(2);
const arg = (n: string, d: string) => (argv.includes(`--${n}`) ? argv[argv.indexOf(`--${n}`) + 1]! : d);
const VIEWS: View[] = ['zones', 'rollouts', 'federation'];
const tsArgs = ['--experimental-transform-types', '--no-warnings', '--import', './test/bench/ts-hooks.mjs'];

interface Measured {
  workloads: number;
  pods: number;
  sessionMiB: number;
}

/** In its own process: the session's live heap after forced GCs, the snapshot held as the console holds it. */
async function measure(kubeconfig: string, views: View[]): Promise<void> {
  const { openSession } = await import('../../source/app/session.js');
  const gc = (globalThis as { gc?: () => void }).gc!;
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((r) => setTimeout(r, 50));
      gc();
    }
  };
  await settle();
  const before = process.memoryUsage().heapUsed;
  const session = openSession({ kubeconfig, allContexts: true, allNamespaces: true }, views, { intervalMs: 66 });
  session.store.start();
  await session.store.waitForSync(120_000);
  await new Promise((r) => setTimeout(r, 500));
  const snap = session.store.snapshot();
  await settle();
  const out: Measured = {
    workloads: snap.workloads.length,
    pods: snap.pods.length,
    sessionMiB: (process.memoryUsage().heapUsed - before) / 1048576,
  };
  process.stdout.write(JSON.stringify(out));
  await session.close();
  process.exit(0);
}

function measureIn(kubeconfig: string, views: View[]): Measured {
  const self = fileURLToPath(import.meta.url);
  const r = spawnSync(process.execPath, ['--expose-gc', ...tsArgs, self, '--measure', kubeconfig, views.join(',')], {
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  if (r.status !== 0) throw new Error(`measure failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Measured;
}

async function world(clusters: string, workloads: number, pods: string): Promise<{ kubeconfig: string; stop: () => void }> {
  const sim = fileURLToPath(new URL('./fleet-scale.ts', import.meta.url));
  const c = fork(sim, ['--sim-child', '--clusters', clusters, '--workloads', String(workloads), '--pods', pods], {
    execArgv: tsArgs,
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const ready = await new Promise<{ kubeconfig: string }>((res, rej) => {
    c.on('message', (m: { ready?: { kubeconfig: string } }) => m.ready && res(m.ready));
    c.once('exit', (code) => rej(new Error(`simulator exited ${code}`)));
  });
  return { kubeconfig: ready.kubeconfig, stop: () => c.disconnect() };
}

if (argv[0] === '--measure') await measure(argv[1]!, argv[2]!.split(',') as View[]);
else {
  const clusters = arg('clusters', '4');
  const sizes = arg('workloads', '2000,4000').split(',').map(Number);
  const pods = arg('pods', '5');
  const rows: Array<{ size: number; without: Measured; with: Measured }> = [];
  for (const size of sizes) {
    const w = await world(clusters, size, pods);
    try {
      rows.push({ size, without: measureIn(w.kubeconfig, VIEWS), with: measureIn(w.kubeconfig, [...VIEWS, 'pods']) });
    } finally {
      w.stop();
    }
  }
  for (const r of rows)
    console.log(
      `${clusters} clusters, ${r.without.workloads} workloads: session ${r.without.sessionMiB.toFixed(2)} MiB; with its ${r.with.pods} pods watched ${r.with.sessionMiB.toFixed(2)} MiB`,
    );
  const [a, b] = [rows[0]!, rows.at(-1)!];
  if (b.without.workloads > a.without.workloads) {
    const kib = ((b.without.sessionMiB - a.without.sessionMiB) * 1024) / (b.without.workloads - a.without.workloads);
    console.log(`per workload (with its share of zones and GameZones): ${kib.toFixed(2)} KiB`);
  }
  console.log(`per watched pod: ${(((b.with.sessionMiB - b.without.sessionMiB) * 1024) / b.with.pods).toFixed(2)} KiB`);
}
