// Benchmark (issue 17): fleet actions on the simulator, zonectl as its own process (dist/).
//  1. approve 300 paused rollouts across 5 simulated clusters: wall time, requests per target (every
//     request the simulated apiservers saw while zonectl ran, by kind), zonectl's peak RSS (VmHWM);
//     budget 10 s. Every target must be done and its canary past the pause in the simulator.
//  2. a 4-wave hot update (1,10%,50%,100%) over 300 zones at --speed 50 with a pre-inplace hook
//     failure injected into one zone of wave 2: total time, gate latency per wave, and that waves 3
//     and 4 are "not started" with nothing written to them (image and audit annotation unchanged).
// The simulator runs in this process (its request counter is a hook on its HTTP servers).
// Run: npm run build && node --experimental-transform-types --no-warnings --import ./test/bench/ts-hooks.mjs test/bench/fleet-actions.ts
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AUDIT_ANNOTATION } from '../../source/model/last-action.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo } from '../../source/sim/demo.js';

const root = resolve(import.meta.dirname, '..', '..');
const cli = resolve(root, 'dist/source/cli.js');
const CLUSTERS = ['shanghai', 'nanjing', 'singapore', 'frankfurt', 'virginia'];
const ZONES = 300;
const BUDGET_MS = 10_000;
const dir = mkdtempSync(join(tmpdir(), 'zonectl-bench-fleet-'));

const requests = new Map<string, number>();
let counting = false;
const kindOf = (method: string, url: string): string => {
  if (url.includes('selfsubjectaccessreviews')) return 'access-review';
  if (url.includes('watch=true') || url.includes('watch=1')) return 'watch';
  if (method === 'GET') return /\/namespaces\/[^/]+\/[^/?]+\/[^/?]+(\?|$)/.test(url) ? 'get' : 'list';
  if (url.includes('/events')) return 'event';
  return method.toLowerCase();
};

const demo = await startDemo({
  clusters: CLUSTERS,
  zones: ZONES,
  servicesPerZone: 4,
  podsPerService: 2,
  speed: 50,
  scenarios: false,
  kubeconfigPath: join(dir, 'kubeconfig'),
  onRequest: (_c, method, url) => {
    if (counting) requests.set(kindOf(method, url), (requests.get(kindOf(method, url)) ?? 0) + 1);
  },
});
const store = (c: string) => demo.world.stores.get(c)!;
const zones = demo.world.zones.filter((z) => CLUSTERS.includes(z.cluster));

async function until(what: string, ok: () => boolean, ms = 120_000): Promise<number> {
  const t0 = performance.now();
  while (!ok()) {
    if (performance.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - t0;
}

/** Runs zonectl; returns its output, wall time and peak RSS (VmHWM, polled until exit). */
function zonectl(args: string[], stdin = ''): Promise<{ code: number; out: string; err: string; ms: number; peakMiB: number }> {
  return new Promise((res) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [cli, ...args, '--kubeconfig', demo.kubeconfigPath], {
      env: { ...process.env, XDG_STATE_HOME: join(dir, 'state'), ZONECTL_CONFIG: join(dir, 'config.yaml') },
    });
    let out = '';
    let err = '';
    let peak = 0;
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) / 1024);
      } catch {
        /* exited */
      }
    }, 20);
    child.stdin.end(stdin);
    child.on('exit', (code) => {
      clearInterval(poll);
      res({ code: code ?? -1, out, err, ms: performance.now() - t0, peakMiB: Math.round(peak) });
    });
  });
}

// ---- 1. approve 300 paused rollouts
// Each zone's game-1 gets canary steps (one pod, pause, all) and a new image through its GameZone:
// the controllers pause every one at step 2.
for (const z of zones) {
  store(z.cluster).mutate(T.gameStatefulSet, z.namespace, 'game-1', (o) => {
    o.spec.updateStrategy.canary = { steps: [{ partition: 1 }, { pause: {} }, { partition: 0 }] };
    return o;
  });
  store(z.cluster).mutate(T.gameZone, z.namespace, `zone${z.zoneId}`, (o) => {
    const e = (o.spec.gameZone.serviceConfig as Array<{ type: string; id: number; image?: string }>).find(
      (x) => x.type === 'game' && x.id === 1,
    )!;
    e.image = 'registry.example.com/project1/service:3.0.0';
    return o;
  });
}
const paused = () =>
  zones.filter((z) => {
    const o = store(z.cluster).get(T.gameStatefulSet, z.namespace, 'game-1')!;
    return (o.status?.pauseConditions?.length ?? 0) > 0 && o.status?.currentStepIndex === 1;
  }).length;
const setupMs = await until(`${zones.length} paused rollouts`, () => paused() === zones.length);
const load1 = loadavg()[0]!.toFixed(2);
counting = true;
const ctx = CLUSTERS.flatMap((c) => ['--context', c]);
const a = await zonectl(['approve', ...ctx, '-A', '--state', 'paused', '--yes', '-o', 'json']);
counting = false;
if (a.code !== 0) throw new Error(`approve exited ${a.code}: ${a.err.slice(0, 400)}`);
const ar = JSON.parse(a.out) as { results: Array<{ outcome: string }> };
const done = ar.results.filter((r) => r.outcome === 'done').length;
const advanced = zones.filter((z) => {
  const o = store(z.cluster).get(T.gameStatefulSet, z.namespace, 'game-1')!;
  return o.spec.updateStrategy.paused === false || !(o.status?.pauseConditions?.length ?? 0);
}).length;
const total = [...requests.values()].reduce((x, y) => x + y, 0);
const approve = {
  targets: ar.results.length,
  done,
  advancedInSim: advanced,
  wallMs: Math.round(a.ms),
  budgetMs: BUDGET_MS,
  requestsPerTarget: +(total / ar.results.length).toFixed(2),
  requests: Object.fromEntries([...requests].sort()),
  peakRssMiB: a.peakMiB,
  setupMs: Math.round(setupMs),
  load1Before: load1,
};
console.log(JSON.stringify({ bench: 'approve-300', ...approve }));

// ---- 2. a 4-wave hot update over 300 zones, a hook failure injected into wave 2
const targets = zones.map((z) => ({ cluster: z.cluster, namespace: z.namespace }));
const bad = targets[5]!; // wave 2 of 1,10%,50%,100% over 300 is targets 2..30
store(bad.cluster).create(T.hookTemplate, {
  apiVersion: 'tkex.tencent.com/v1alpha1',
  kind: 'HookTemplate',
  metadata: { name: 'pre-inplace-drain', namespace: bad.namespace },
  spec: {
    metrics: [
      {
        name: 'drain-players',
        interval: '5s',
        count: 2,
        failureLimit: 0,
        successCondition: 'asInt(result) == 0',
        provider: { web: { url: 'http://x/drain', jsonPath: '{$.code}' } },
      },
    ],
  },
});
store(bad.cluster).mutate(T.gameDeployment, bad.namespace, 'auth-1', (o) => {
  o.spec.updateStrategy = { type: 'InplaceUpdate', maxUnavailable: 1, inPlaceUpdateStrategy: { gracePeriodSeconds: 5 } };
  o.spec.preInplaceUpdateStrategy = { hook: { templateName: 'pre-inplace-drain', args: [{ name: 'SimResult', value: '0,1' }] } };
  return o;
});
const image = 'registry.example.com/project1/service:3.1.0';
const before = targets.map(
  (t) => store(t.cluster).get(T.gameDeployment, t.namespace, 'auth-1')!.spec.template.spec.containers[0].image as string,
);
const stdin = targets.map((t) => `${t.cluster}/${t.namespace}/gamedeployment/auth-1`).join('\n') + '\n';
const w = await zonectl(
  [
    'hotupdate',
    '-',
    '--container',
    'auth',
    '--image',
    image,
    '--waves',
    '1,10%,50%,100%',
    '--timeout',
    '120s',
    '--yes',
    '--force',
    '-o',
    'json',
  ],
  stdin,
);
const wr = JSON.parse(w.out) as { waveEnds: number[]; results: Array<{ outcome: string; wave?: number }> };
const gates = [...w.err.matchAll(/^wave (\d+)\/\d+: gate (passed in|failed after) ([\d.]+)s/gm)].map((m) => ({
  wave: Number(m[1]),
  passed: m[2] === 'passed in',
  s: Number(m[3]),
}));
const later = targets.map((t, i) => ({ t, i })).filter(({ i }) => i >= wr.waveEnds[1]!);
const untouched = later.filter(({ t, i }) => {
  const o = store(t.cluster).get(T.gameDeployment, t.namespace, 'auth-1')!;
  return o.spec.template.spec.containers[0].image === before[i] && !o.metadata.annotations?.[AUDIT_ANNOTATION];
}).length;
const byWave = (n: number) => wr.results.filter((r) => r.wave === n).map((r) => r.outcome);
const waves = {
  exit: w.code,
  waveEnds: wr.waveEnds,
  wave1: byWave(1).join(','),
  wave2Done: byWave(2).filter((o) => o === 'done').length,
  wave3and4NotStarted: [...byWave(3), ...byWave(4)].filter((o) => o === 'not started').length,
  laterTargets: later.length,
  laterUntouched: untouched,
  gates,
  wallMs: Math.round(w.ms),
  peakRssMiB: w.peakMiB,
  stopped: /^release stopped at wave (\d+)/m.exec(w.err)?.[0],
};
console.log(JSON.stringify({ bench: 'waves-300', ...waves }));

await demo.stop();
rmSync(dir, { recursive: true, force: true });
const ok =
  approve.done === ZONES &&
  approve.advancedInSim === ZONES &&
  approve.wallMs <= BUDGET_MS &&
  waves.exit === 1 &&
  waves.laterUntouched === waves.laterTargets &&
  waves.wave3and4NotStarted === waves.laterTargets &&
  /wave 2/.test(waves.stopped ?? '');
if (!ok) {
  console.error('fleet-actions: a check or the budget failed (see the lines above)');
  process.exitCode = 1;
}
