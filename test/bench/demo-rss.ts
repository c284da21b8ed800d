// Benchmark (issue 11, DESIGN §8): the console's resident memory over a long session on a demo world of
// 3 clusters and 21,600 pods (1,200 zones × 6 services × 3 pods). The simulator runs headless in its own
// process (`zonectl demo --serve`), so the figure is the console's alone; the console runs in tmux at
// 120×40 on all contexts and namespaces, and every 20 s it is used as an operator would (switch view,
// move the cursor, open and close a detail). RSS is sampled from /proc every 5 s.
// Budget: RSS ≤ 150 MiB after 10 minutes (exit 1 when missed).
// Run: npm run build && npm run bench:demo-rss [-- --minutes 10]
//   --node-options=<flags>    V8/Node flags for the console process alone (e.g. --node-options=--optimize-for-size), to
//                             measure one flag at a time;
//   --console-bin <path>      the console from another build (e.g. a copy of the previous dist), against this
//                             build's simulator: before/after of the console alone on the same world;
//   --heap-snapshot <sec>     write a heap snapshot of the console at that second (into --heap-dir, default
//                             the system temp dir) to compare retained sizes by constructor.
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    'node-options': { type: 'string', default: '' },
    'heap-snapshot': { type: 'string' },
    'heap-dir': { type: 'string', default: tmpdir() },
    'console-bin': { type: 'string' },
  },
});
const minutes = Number(values.minutes);
const snapshotAt = values['heap-snapshot'] === undefined ? undefined : Number(values['heap-snapshot']);
const nodeOptions = [
  values['node-options'],
  snapshotAt === undefined ? '' : `--heapsnapshot-signal=SIGUSR2 --diagnostic-dir=${values['heap-dir']}`,
]
  .filter(Boolean)
  .join(' ');
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const BUDGET_MIB = 150;
const root = resolve(import.meta.dirname, '..', '..');
const bin = resolve(root, 'bin/zonectl');
const consoleBin = values['console-bin'] ? resolve(values['console-bin']) : bin;
const socket = `zonectl-bench-rss-${process.pid}`;
const tmux = (...a: string[]): string => execFileSync('tmux', ['-L', socket, ...a], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function rssMiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!m) throw new Error(`no VmRSS for ${pid}`);
  return Number(m[1]) / 1024;
}

async function startSim(): Promise<{ pid: number; kubeconfig: string; stop: () => void }> {
  const args = [
    'demo',
    '--serve',
    '--seed',
    '1',
    '--clusters',
    '3',
    '--zones',
    '1200',
    '--services-per-zone',
    '6',
    '--pods-per-service',
    '3',
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  const kubeconfig = await new Promise<string>((ok, fail) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      const m = /(\/\S+\/kubeconfig)\b/.exec(out);
      if (m) ok(m[1]);
    });
    child.on('exit', (code) => fail(new Error(`demo --serve exited ${code}:\n${out}`)));
  });
  return { pid: child.pid!, kubeconfig, stop: () => child.kill('SIGINT') };
}

const sim = await startSim();
const samples: Array<{ s: number; mib: number }> = [];
try {
  tmux(
    'new-session',
    '-d',
    '-s',
    'c',
    '-x',
    '120',
    '-y',
    '40',
    '-c',
    root,
    `KUBECONFIG=${sim.kubeconfig} NO_COLOR=1 ${nodeOptions ? `NODE_OPTIONS='${nodeOptions}' ` : ''}exec ${consoleBin} -A --all-contexts`,
  );
  const pid = Number(tmux('display-message', '-p', '-t', 'c', '#{pane_pid}').trim());
  const t0 = Date.now();
  for (;;) {
    const s = tmux('capture-pane', '-p', '-t', 'c');
    if (/zone\d+/.test(s)) break;
    if (Date.now() - t0 > 60_000) throw new Error(`no zones frame after 60 s:\n${s}`);
    await sleep(100);
  }
  console.log(
    `first zones frame after ${Date.now() - t0} ms; sampling for ${minutes} min; load average ${load()}${nodeOptions ? `; NODE_OPTIONS ${nodeOptions}` : ''}`,
  );
  let snapshotTaken = snapshotAt === undefined;
  // An operator's loop: zones, rollouts (detail in and out), clusters, back; cursor moves on each.
  const script = [['1'], ['j', 'j', 'j'], ['2'], ['j', 'Enter'], ['Escape'], ['3'], ['1'], ['k']];
  let step = 0;
  const end = t0 + minutes * 60_000;
  let nextUse = Date.now() + 20_000;
  while (Date.now() < end) {
    samples.push({ s: Math.round((Date.now() - t0) / 1000), mib: rssMiB(pid) });
    if (!snapshotTaken && samples[samples.length - 1].s >= snapshotAt!) {
      process.kill(pid, 'SIGUSR2'); // node writes Heap.<date>.<pid>.*.heapsnapshot into --heap-dir
      snapshotTaken = true;
      console.log(
        `heap snapshot requested at ${samples[samples.length - 1].s} s (RSS ${samples[samples.length - 1].mib.toFixed(0)} MiB) in ${values['heap-dir']}`,
      );
    }
    if (Date.now() >= nextUse) {
      for (const k of script[step++ % script.length]) tmux('send-keys', '-t', 'c', k);
      nextUse += 20_000;
    }
    await sleep(5_000);
  }
  const at = (sec: number) => samples.find((x) => x.s >= sec)?.mib;
  const last = samples[samples.length - 1].mib;
  const max = Math.max(...samples.map((x) => x.mib));
  const fmt = (v: number | undefined) => (v === undefined ? '-' : `${v.toFixed(0)} MiB`);
  console.log(
    `console RSS: 30 s ${fmt(at(30))}, 90 s ${fmt(at(90))}, 5 min ${fmt(at(300))}, end (${minutes} min) ${fmt(last)}, max ${fmt(max)}`,
  );
  console.log(`simulator RSS (other process): ${rssMiB(sim.pid).toFixed(0)} MiB; load average ${load()}`);
  console.log(
    `curve (s:MiB): ${samples
      .filter((_, i) => i % 6 === 0)
      .map((x) => `${x.s}:${x.mib.toFixed(0)}`)
      .join(' ')}`,
  );
  tmux('send-keys', '-t', 'c', 'q');
  if (minutes >= 10 && last > BUDGET_MIB) {
    console.log(`over budget: ${last.toFixed(0)} MiB > ${BUDGET_MIB} MiB after ${minutes} min`);
    process.exitCode = 1;
  }
} finally {
  try {
    tmux('kill-server');
  } catch {
    // already gone
  }
  sim.stop();
}
