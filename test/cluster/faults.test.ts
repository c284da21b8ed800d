// The fault tier on a real kube-apiserver: the TCP fault proxy (test/faults/proxy.ts) in front of
// real-a, real-b direct. The console's session (store, informers, fleet states) through it; while
// real-a's link stalls (or every connection is reset), kubectl (the real one, built by test/cluster/tools/build-kubectl.sh) changes
// objects on real-a directly, and real-b gets changes too. Asserted and printed: time until real-a is
// marked, time to recover after the fault, lost changes (the session's objects against a fresh list:
// zero), real-b's change latency during the fault (within its own timeout), `zonectl zones` exit 3
// during the fault and 0 after. Intervals shortened through the store's options, as on the simulator.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { openSession, type Session } from '../../source/app/session.js';
import { typeKey } from '../../source/kube/discovery.js';
import { KINDS } from '../../source/kinds/registry.js';
import type { KubeObject } from '../../source/kube/object.js';
import { startFaultProxy, type FaultProxy } from '../faults/proxy.js';
import { timedCli, until } from '../faults/fault-helpers.js';
import { KUBECTL } from '../unit/gitops/tools-path.js';
import './provided.js';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = resolve(root, 'dist/source/cli.js');
const realKubeconfig = inject('zonectlKubeconfig');
const ns = inject('zonectlNamespace');
const TIMEOUT = 2_000;

let dir: string;
let proxy: FaultProxy;
let kubeconfig: string;
let session: Session;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-real-faults-'));
  process.env.ZONECTL_CONFIG = join(dir, 'no-config.yaml');
  process.env.XDG_STATE_HOME = join(dir, 'state');
  const kc = parse(readFileSync(realKubeconfig, 'utf8')) as { clusters: Array<{ name: string; cluster: { server: string } }> };
  const a = kc.clusters.find((c) => c.name === 'real-a')!;
  proxy = await startFaultProxy(a.cluster.server);
  a.cluster.server = proxy.url;
  kubeconfig = join(dir, 'kubeconfig');
  writeFileSync(kubeconfig, stringify(kc), { mode: 0o600 });
  session = openSession({ kubeconfig, context: ['real-a', 'real-b'], namespace: ns, requestTimeout: TIMEOUT }, ['zones', 'rollouts'], {
    intervalMs: 20,
    informer: { watchProbeAfterMs: 1_000, backoffInitialMs: 100, backoffMaxMs: 1_000 },
    retryMs: 500,
  });
  session.store.start();
  await until(() => session.fleet.clusters().every((c) => c.state === 'ready'), 30_000);
}, 60_000);

afterAll(async () => {
  for (const c of ['real-a', 'real-b'])
    for (const name of created.get(c) ?? [])
      await kubectlOr(c, ['delete', 'gamedeployment', name, '--ignore-not-found', '--wait=false']).catch(() => undefined);
  await session?.close();
  await proxy?.close();
  process.env = saved;
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** GameDeployments this test created, per cluster (deleted at the end). */
const created = new Map<string, string[]>();

const gd = (name: string) => ({
  apiVersion: 'tkex.tencent.com/v1alpha1',
  kind: 'GameDeployment',
  metadata: { name, namespace: ns, labels: { app: name, 'zonectl.io/fault-test': '1' } },
  spec: {
    replicas: 0,
    selector: { matchLabels: { app: name } },
    updateStrategy: { type: 'InplaceUpdate' }, // required by the upstream schema
    template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'game', image: 'registry.example.com/game:1.0' }] } },
  },
});

/** kubectl against the real apiserver (not through the proxy); the API client where kubectl was not built. */
async function kubectlOr(context: string, args: string[], stdin?: unknown): Promise<string> {
  if (args[0] === 'create')
    created.set(context, [...(created.get(context) ?? []), (stdin as { metadata: { name: string } }).metadata.name]);
  if (KUBECTL) {
    const child = run(KUBECTL, ['--kubeconfig', realKubeconfig, '--context', context, '-n', ns, ...args], { timeout: 30_000 });
    if (stdin !== undefined) {
      child.child.stdin!.end(JSON.stringify(stdin));
    }
    return (await child).stdout;
  }
  const client = session.fleet.member(context)!.client;
  if (args[0] === 'create') await client.create(KINDS.GameDeployment, ns, stdin as KubeObject);
  else if (args[0] === 'annotate')
    await client.patch(KINDS.GameDeployment, ns, args[2]!, 'merge', {
      metadata: { annotations: Object.fromEntries([args[3]!.split('=')]) },
    });
  else if (args[0] === 'delete')
    await client.request({ method: 'DELETE', path: `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamedeployments/${args[2]}` });
  return '';
}

/** Objects differing between the session's store and a fresh list from the cluster itself (direct, no proxy). */
async function lostOn(cluster: string): Promise<number> {
  const direct = openSession({ kubeconfig: realKubeconfig, context: [cluster], namespace: ns }, ['zones']);
  try {
    let diff = 0;
    for (const inf of session.store.informers(cluster)) {
      const truth = await direct.fleet.member(cluster)!.client.list(inf.type, { namespace: ns });
      const want = new Map(truth.items.map((o) => [o.metadata.name, o.metadata.resourceVersion]));
      const seen = new Map(
        [...session.store.cache.bucket(cluster, typeKey(inf.type)).values()].map((o) => [o.metadata.name, o.metadata.resourceVersion]),
      );
      for (const [k, rv] of want) if (seen.get(k) !== rv) diff++;
      for (const k of seen.keys()) if (!want.has(k)) diff++;
    }
    return diff;
  } finally {
    await direct.close();
  }
}

const state = (c: string) => session.fleet.member(c)!.info.state;
const has = (c: string, name: string, pred: (o: KubeObject) => boolean = () => true) =>
  [...session.store.cache.bucket(c, typeKey(KINDS.GameDeployment)).values()].some((o) => o.metadata.name === name && pred(o));

describe('a faulty link to a real kube-apiserver', () => {
  it.each([
    ['stall', /^error: real-a: .*no answer/m],
    ['reset', /^error: real-a: /m],
  ] as const)(
    '%s: real-a marked, kubectl changes made during the fault all seen after, real-b never delayed',
    async (mode, errorLine) => {
      const tag = `${mode}-${Date.now().toString(36)}`;
      await kubectlOr('real-a', ['create', '-f', '-'], gd(`fault-a-${tag}-keep`));
      await until(() => has('real-a', `fault-a-${tag}-keep`), 10_000);
      const t0 = performance.now();
      let markedMs: number | undefined;
      const sampler = setInterval(() => {
        if (markedMs === undefined && state('real-a') !== 'ready') markedMs = performance.now() - t0;
      }, 5);
      proxy.set({ mode });
      let writes = 0;
      const others: number[] = [];
      let during: Awaited<ReturnType<typeof timedCli>> | undefined;
      try {
        await until(() => markedMs !== undefined, 10_000);
        during = await timedCli(
          cli,
          ['zones', '--context', 'real-a', '--context', 'real-b', '--request-timeout', String(TIMEOUT)],
          kubeconfig,
          dir,
        );
        for (let i = 0; i < 3; i++) {
          await kubectlOr('real-a', ['create', '-f', '-'], gd(`fault-a-${tag}-${i}`));
          await kubectlOr('real-a', ['annotate', 'gamedeployment', `fault-a-${tag}-keep`, `zonectl.io/fault-write=${i}`, '--overwrite']);
          writes += 2;
          const name = `fault-b-${tag}-${i}`;
          const tw = performance.now();
          await kubectlOr('real-b', ['create', '-f', '-'], gd(name));
          await until(() => has('real-b', name), TIMEOUT).catch(() => undefined);
          others.push(performance.now() - tw);
        }
        await kubectlOr('real-a', ['delete', 'gamedeployment', `fault-a-${tag}-0`, '--wait=false']);
        writes++;
      } finally {
        proxy.set({ mode: 'pass' });
      }
      const t1 = performance.now();
      await until(
        () => state('real-a') === 'ready' && has('real-a', `fault-a-${tag}-2`) && !has('real-a', `fault-a-${tag}-0`),
        20_000,
      ).catch(() => undefined);
      const recoverMs = performance.now() - t1;
      clearInterval(sampler);
      const lost = await lostOn('real-a');
      const after = await timedCli(
        cli,
        ['zones', '--context', 'real-a', '--context', 'real-b', '--request-timeout', String(TIMEOUT)],
        kubeconfig,
        dir,
      );
      console.log(
        `[fault] real apiserver ${mode}: marked after ${((markedMs ?? NaN) / 1000).toFixed(2)} s, recovered ${(recoverMs / 1000).toFixed(2)} s after, ` +
          `lost ${lost} of ${writes} ${KUBECTL ? 'kubectl' : 'API'} writes, real-b's changes seen within ${Math.round(Math.max(...others))} ms (max), ` +
          `zonectl zones exit ${during!.code} during (${(during!.ms / 1000).toFixed(2)} s), ${after.code} after`,
      );
      expect(markedMs!).toBeLessThan(1_000 + TIMEOUT + 2_000);
      expect(during!.code, during!.err).toBe(3);
      expect(during!.err).toMatch(errorLine);
      expect(during!.out).toMatch(/^real-b /m);
      expect(state('real-b')).toBe('ready');
      expect(Math.max(...others)).toBeLessThan(TIMEOUT);
      expect(state('real-a')).toBe('ready');
      expect(recoverMs).toBeLessThan(10_000);
      expect(lost).toBe(0);
      expect(has('real-a', `fault-a-${tag}-keep`, (o) => o.metadata.annotations?.['zonectl.io/fault-write'] === '2')).toBe(true);
      expect(after.code, after.err).toBe(0);
    },
    90_000,
  );
});
