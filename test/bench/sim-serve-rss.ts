// Benchmark (DESIGN §6, §8): memory of the simulator process while it serves a fleet of 10 clusters with
// 100,000 pods in all. Starts `zonectl demo --serve`, then reads the simulator's RSS (and peak, VmHWM)
// right after start, after `zonectl zones -A --all-contexts`, after a full pod list of one cluster
// (`kubectl get pods -A`, which pages with limit=500, and one unpaged GET /api/v1/pods), and after a
// few seconds of idle real-time running. Budget: RSS <= 400 MB throughout.
// Run: npm run build && node test/bench/sim-serve-rss.ts [--clusters 10 --zones 1000 --services 10 --pods 10]
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { resolve } from 'node:path';
import YAML from 'yaml';

const root = resolve(import.meta.dirname, '..', '..');
const cli = resolve(root, 'dist/source/cli.js');
const arg = (name: string, def: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : def;
};
const clusters = arg('clusters', 10);
const zones = arg('zones', 1000);
const services = arg('services', 10);
const pods = arg('pods', 10);

function mem(pid: number): { rss: number; hwm: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string) => Number(new RegExp(`${k}:\\s+(\\d+) kB`).exec(s)?.[1] ?? 0);
    return { rss: kb('VmRSS') / 1024, hwm: kb('VmHWM') / 1024 };
  } catch {
    return { rss: 0, hwm: 0 };
  }
}

function startServe(): Promise<{ child: ChildProcess; kubeconfig: string; ms: number }> {
  const t0 = performance.now();
  const child = spawn(
    process.execPath,
    [
      cli,
      'demo',
      '--serve',
      '--clusters',
      String(clusters),
      '--zones',
      String(zones),
      '--services-per-zone',
      String(services),
      '--pods-per-service',
      String(pods),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((res, rej) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /kubeconfig: (\S+)/.exec(out);
      if (m) res({ child, kubeconfig: m[1]!, ms: performance.now() - t0 });
    });
    child.on('exit', (code) => rej(new Error(`demo exited ${code}`)));
  });
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; code: number | null; bytes: number }> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
  let bytes = 0;
  child.stdout!.on('data', (d: Buffer) => (bytes += d.length));
  return new Promise((res) => child.on('exit', (code) => res({ ms: performance.now() - t0, code, bytes })));
}

/** One unpaged GET of every pod of the first cluster (the heaviest single response the sim serves). */
function fullPodList(kubeconfig: string): Promise<{ ms: number; bytes: number; items: number }> {
  const kc = YAML.parse(readFileSync(kubeconfig, 'utf8'));
  const ctx = kc.contexts[0].context;
  const cluster = kc.clusters.find((c: any) => c.name === ctx.cluster).cluster;
  const user = kc.users.find((u: any) => u.name === ctx.user).user;
  const url = new URL('/api/v1/pods', cluster.server);
  const t0 = performance.now();
  return new Promise((res, rej) => {
    const req = request(
      url,
      {
        ca: Buffer.from(cluster['certificate-authority-data'], 'base64'),
        headers: { Authorization: `Bearer ${user.token}`, Accept: 'application/json' },
      },
      (r) => {
        const chunks: Buffer[] = [];
        r.on('data', (d: Buffer) => chunks.push(d));
        r.on('end', () => {
          const body = Buffer.concat(chunks);
          let items = -1;
          try {
            items = JSON.parse(body.toString('utf8')).items.length;
          } catch {
            /* reported as -1 */
          }
          res({ ms: performance.now() - t0, bytes: body.length, items });
        });
      },
    );
    req.on('error', rej);
    req.end();
  });
}

const serve = await startServe();
const pid = serve.child.pid!;
let peak = 0;
const poll = setInterval(() => (peak = Math.max(peak, mem(pid).rss)), 20);
const report = (what: string) => {
  const m = mem(pid);
  console.log(
    `  ${what.padEnd(44)} RSS ${m.rss.toFixed(0).padStart(4)} MiB (VmHWM ${m.hwm.toFixed(0)} MiB, polled peak ${Math.max(peak, m.rss).toFixed(0)} MiB)`,
  );
};
console.log(`demo --serve: ${clusters} clusters, ${zones} zones x ${services} services x ${pods} pods = ${zones * services * pods} pods`);
console.log(`  simulator ready (kubeconfig written) in ${serve.ms.toFixed(0)} ms`);
await new Promise((r) => setTimeout(r, 500));
report('after start (+0.5 s)');
const z = await run(process.execPath, [cli, 'zones', '-A', '--all-contexts', '-o', 'json', '--request-timeout', '60000'], {
  KUBECONFIG: serve.kubeconfig,
});
report(`after zonectl zones (${z.ms.toFixed(0)} ms, exit ${z.code})`);
const hasKubectl = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
if (hasKubectl) {
  const k = await run('kubectl', ['get', 'pods', '-A', '--request-timeout', '60s'], { KUBECONFIG: serve.kubeconfig });
  report(`after kubectl get pods -A (${k.ms.toFixed(0)} ms, ${(k.bytes / 1e6).toFixed(1)} MB)`);
}
const l = await fullPodList(serve.kubeconfig);
report(`after GET /api/v1/pods (${l.items} pods, ${(l.bytes / 1e6).toFixed(0)} MB, ${l.ms.toFixed(0)} ms)`);
await new Promise((r) => setTimeout(r, 5000));
report('after 5 s more of real-time running');
clearInterval(poll);
serve.child.kill('SIGTERM');
