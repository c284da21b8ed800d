// The simulator side of the fault soak (fault-soak.ts): two demo clusters, shanghai behind the TCP
// fault proxy cycling through faults (flapping resets, a stall, a cut, a delay, working spells) while
// both clusters get a write every 250 ms. JSON lines on stdout: {ready, kubeconfig}, {phase},
// {passed, writes}. stdin lines: "pass" (end the faults, answer with the write count), "stop".
import { readFileSync, writeFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parse, stringify } from 'yaml';
import { startDemo } from '../../source/sim/demo.js';
import { changer } from '../faults/fault-helpers.js';
import { type Fault, startFaultProxy } from '../faults/proxy.js';

const say = (o: unknown) => process.stdout.write(JSON.stringify(o) + '\n');
const demo = await startDemo({ clusters: ['shanghai', 'nanjing'], zones: 4, podsPerService: 1 });
const shanghai = demo.clusters.find((c) => c.name === 'shanghai')!;
const proxy = await startFaultProxy(shanghai.url);
const kc = parse(readFileSync(demo.kubeconfigPath, 'utf8')) as {
  clusters: Array<{ name: string; cluster: Record<string, unknown> }>;
  contexts: Array<{ name: string; context: Record<string, unknown> }>;
};
const direct = kc.clusters.find((c) => c.name === 'shanghai')!;
kc.clusters.push({ name: 'shanghai-direct', cluster: { ...direct.cluster } });
direct.cluster.server = proxy.url;
const ctx = kc.contexts.find((c) => c.name === 'shanghai')!;
kc.contexts.push({ name: 'shanghai-direct', context: { ...ctx.context, cluster: 'shanghai-direct' } });
writeFileSync(demo.kubeconfigPath, stringify(kc), { mode: 0o600 });

// One cycle: 40 s. Flapping resets, working, a stall, working, a cut, a delay.
const CYCLE: Array<[Fault, number]> = [
  [{ mode: 'flap', upMs: 1_000, downMs: 1_000, down: 'reset' }, 10_000],
  [{ mode: 'pass' }, 5_000],
  [{ mode: 'stall' }, 5_000],
  [{ mode: 'pass' }, 5_000],
  [{ mode: 'cut', afterBytes: 4_096 }, 5_000],
  [{ mode: 'delay', ms: 150 }, 5_000],
  [{ mode: 'flap', upMs: 500, downMs: 1_500, down: 'stall' }, 5_000],
];
let faulting = true;
let timer: NodeJS.Timeout | undefined;
const step = (i: number) => {
  if (!faulting) return;
  const [fault, ms] = CYCLE[i % CYCLE.length]!;
  proxy.set(fault);
  say({ phase: fault.mode, ms });
  timer = setTimeout(() => step(i + 1), ms);
};

const writers = [changer(demo, 'shanghai', 'soak'), changer(demo, 'nanjing', 'soak')];
const writing = setInterval(() => {
  for (const w of writers) w.next();
}, 250);

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'pass') {
    faulting = false;
    if (timer) clearTimeout(timer);
    clearInterval(writing);
    proxy.set({ mode: 'pass' });
    say({ passed: true, writes: writers[0]!.writes + writers[1]!.writes, proxy: proxy.stats() });
  }
  if (line === 'stop') void proxy.close().then(() => demo.stop().then(() => process.exit(0)));
});
say({ ready: true, kubeconfig: demo.kubeconfigPath });
step(0);
