// Simulator scale figures: start time and RSS of buildDemoWorld for the default demo and for
// 10 clusters x 100,000 pods. Run (compiles the sim to a temp dir, one process per configuration):
//   npx tsc --ignoreConfig --outDir /tmp/zonectl-bench --module nodenext --moduleResolution nodenext --target es2023 \
//     --skipLibCheck --types node --rootDir . test/bench/sim-scale.ts && echo {\"type\":\"module\"} > /tmp/zonectl-bench/package.json && node --expose-gc /tmp/zonectl-bench/test/bench/sim-scale.js
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildDemoWorld, type WorldOptions } from '../../source/sim/world.js';
import { T } from '../../source/sim/controllers/kinds.js';

const CONFIGS: Record<string, WorldOptions> = {
  default: {},
  'scale-10x100k': {
    clusters: Array.from(
      { length: 10 },
      (_, i) => ['shanghai', 'nanjing', 'singapore', 'guangzhou', 'beijing', 'chengdu', 'tokyo', 'seoul', 'frankfurt', 'virginia'][i],
    ),
    zonesPerCluster: 100,
    servicesPerZone: 10,
    podsPerService: 10,
  },
};

function mb(n: number): string {
  return `${(n / 1048576).toFixed(0)} MB`;
}

function runOne(name: string): void {
  const opts = CONFIGS[name];
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const world = buildDemoWorld({ seed: 1, ...opts });
  const ms = performance.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  const mem = process.memoryUsage();
  let pods = 0;
  let objects = 0;
  for (const s of world.stores.values()) {
    pods += s.count(T.pod);
    for (const t of s.types()) if (!t.virtual) objects += s.count(t);
  }
  const reconciles = [...world.controllers.values()].reduce((n, c) => n + c.rt.reconciles, 0);
  // idle cost: 10 s of virtual time with nothing to do
  const t1 = performance.now();
  world.advance(10_000, 1000);
  const idleMs = performance.now() - t1;
  console.log(
    JSON.stringify({
      config: name,
      clusters: world.clusters.length,
      zones: world.zones.length,
      pods,
      objects,
      reconciles,
      buildMs: Math.round(ms),
      idle10sMs: Math.round(idleMs),
      rss: mb(mem.rss),
      heapUsed: mb(mem.heapUsed),
      rssBefore: mb(rss0),
    }),
  );
  world.stop();
}

const which = process.argv[2];
if (which) runOne(which);
else {
  for (const name of Object.keys(CONFIGS)) {
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), name], { stdio: 'inherit' });
    if (r.status !== 0) process.exitCode = 1;
  }
}
