// Benchmark (DESIGN §8): demo start time, and for a fleet of 10 simulated clusters with ~100k pods,
// the time for `zonectl zones` to print the first complete zones view, and zonectl's peak RSS.
// The simulator runs in its own process (`zonectl demo --serve`), so each RSS is its own.
// Run: npm run build && node test/bench/fleet-zones.ts [--clusters 10 --zones 1000 --services 10 --pods 10]
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

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

function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
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

function timeZones(kubeconfig: string): Promise<{ ms: number; peakMiB: number; rows: number; code: number | null }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, [cli, 'zones', '-A', '--all-contexts', '-o', 'json', '--request-timeout', '60000'], {
    env: { ...process.env, KUBECONFIG: kubeconfig },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let peak = 0;
  const poll = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid!))), 10);
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return new Promise((res) => {
    child.on('exit', (code) => {
      clearInterval(poll);
      const ms = performance.now() - t0;
      let rows = -1;
      try {
        rows = JSON.parse(out).items.length;
      } catch {
        /* reported below */
      }
      res({ ms, peakMiB: peak, rows, code });
    });
  });
}

const serve = await startServe();
await new Promise((r) => setTimeout(r, 500));
const simRss = rssMiB(serve.child.pid!);
console.log(`demo --serve: ${clusters} clusters, ${zones} zones x ${services} services x ${pods} pods = ${zones * services * pods} pods`);
console.log(`  simulator ready (kubeconfig written) in ${serve.ms.toFixed(0)} ms; simulator RSS ${simRss.toFixed(0)} MiB`);
for (let i = 1; i <= 3; i++) {
  const r = await timeZones(serve.kubeconfig);
  console.log(
    `  run ${i}: zonectl zones -A --all-contexts -> ${r.rows} zones in ${r.ms.toFixed(0)} ms (exit ${r.code}), zonectl peak RSS ${r.peakMiB.toFixed(0)} MiB`,
  );
}
serve.child.kill('SIGTERM');
