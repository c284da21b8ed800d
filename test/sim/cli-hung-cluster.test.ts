// A cluster that accepts connections and never answers (issue 16 #3), next to a healthy one: a
// scripted list prints the healthy cluster's rows and exits right after, within one request timeout
// of that cluster; an action against it gives up after one timeout, not one per request in turn.
// The real program (built from the sources) against the simulator and a silent TCP listener.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { buildCli, type BuiltCli, runCliTimed } from './cli-process.js';

let demo: Demo;
let built: BuiltCli;
let silent: Server;
const sockets = new Set<Socket>();
let dir: string;
let kubeconfig: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-hung-'));
  [built, demo] = await Promise.all([buildCli(), startDemo({ zones: 3, podsPerService: 1, clusters: ['shanghai'] })]);
  silent = createServer((s) => {
    sockets.add(s);
    s.on('data', () => undefined); // read and never answer
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  const port = (silent.address() as { port: number }).port;
  // The demo's kubeconfig plus a context "hung" whose server accepts and says nothing.
  const kc = parse(readFileSync(demo.kubeconfigPath, 'utf8')) as {
    clusters: Array<{ name: string; cluster: { server: string } }>;
    contexts: Array<{ name: string; context: { cluster: string } }>;
  };
  const sh = kc.clusters.find((c) => c.name.startsWith('shanghai'))!;
  kc.clusters.push({ ...sh, name: 'hung', cluster: { ...sh.cluster, server: `https://127.0.0.1:${port}` } });
  const ctx = kc.contexts.find((c) => c.name === 'shanghai')!;
  kc.contexts.push({ ...ctx, name: 'hung', context: { ...ctx.context, cluster: 'hung' } });
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, stringify(kc), { mode: 0o600 });
}, 60_000);
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent?.close(r));
  await demo?.stop();
  built?.remove();
  rmSync(dir, { recursive: true, force: true });
});

/** Runs zonectl; wall time, and how long the process lived after its last output. */
const timed = (args: string[]) =>
  runCliTimed(
    built.cli,
    [...args, '--kubeconfig', kubeconfig],
    { XDG_STATE_HOME: join(dir, 'state'), ZONECTL_CONFIG: join(dir, 'none.yaml') },
    60_000,
  );

describe('a hung cluster next to a healthy one', () => {
  it('zones: the healthy rows, the hung cluster named, exit 3 within one timeout, and no lingering', async () => {
    // The same list of the healthy cluster alone, just before: start-up and the store's settle on this
    // machine now (under load they alone took 2.5 s), so the bound below is one timeout over it.
    const alone = await timed(['zones', '-A', '--context', 'shanghai', '--request-timeout', '2000']);
    expect(alone.code, alone.err).toBe(0);
    const r = await timed(['zones', '-A', '--context', 'shanghai', '--context', 'hung', '--request-timeout', '2000']);
    expect(r.code, r.err).toBe(3);
    expect(r.out).toMatch(/^shanghai +zone-101 /m);
    expect(r.err).toMatch(/^error: hung: .*no answer from https:\/\/127\.0\.0\.1:\d+/m);
    // One timeout and the store's quiet spell after it (~1 s): 3.1 s over the healthy list at load 8; two
    // timeouts in turn would be 5 s over.
    expect(r.ms - alone.ms, `${Math.round(r.ms)} ms, alone ${Math.round(alone.ms)} ms`).toBeLessThan(2_000 + 2_000);
    expect(r.afterOutputMs).toBeLessThan(500);
  }, 30_000);

  it('approve against it: one timeout, not one per request in turn', async () => {
    // The same command against the healthy cluster (a refusal: the workload is not paused), for start-up now.
    const alone = await timed(['approve', 'gsts/game-1', '-n', 'zone-101', '--context', 'shanghai', '--yes', '--request-timeout', '2000']);
    const r = await timed(['approve', 'gsts/game-1', '-n', 'zone-101', '--context', 'hung', '--yes', '--request-timeout', '2000']);
    expect(r.code, r.err).toBe(3);
    expect(r.err).toMatch(/^error: hung: .*no answer from https:\/\/127\.0\.0\.1:\d+/m);
    expect(r.ms - alone.ms, `${Math.round(r.ms)} ms, alone ${Math.round(alone.ms)} ms`).toBeLessThan(2_000 + 1_500); // one timeout, not one per request in turn
    expect(r.afterOutputMs).toBeLessThan(500);
  }, 30_000);
});
