// `zonectl logs statefulset/game -f` (dist/source/cli.js, as a user runs it) following real pods through the
// real kube-apiservers of two clusters of its own that run pods (kube-controller-manager, kube-scheduler, kwok;
// startRealFederation({ pods: true }), see harness.ts), while the pods churn: one pod is deleted and recreated by its StatefulSet mid-follow, one
// cluster's StatefulSet rolls every pod to a new image, and one container restarts in place (a hot update: new
// containerID, restartCount 1, its old log becomes --previous). Every pod writes sequence-numbered lines into its own
// CRI file (kwok `Logs` objects); a recreated pod gets a new file that continues the sequence. The follower
// must deliver every pod's sequence exactly: nothing lost, nothing repeated, in order.
// kwok never ends a follow stream by itself (a kubelet ends it when the container stops): the follower has to
// close the stream of a replaced instance itself, as it must for a pod force-deleted on an unreachable node.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject } from '../../source/kube/object.js';
import { startRealFederation, type RealFederation } from './harness.js';
import { CriLogFile, kwokLogs } from './lib/cri.js';
import { waitFor } from './lib/procs.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = resolve(root, 'dist/source/cli.js');
const podClusters = ['pods-a', 'pods-b'];
let fed: RealFederation;
const ns = `zt-follow-${randomBytes(3).toString('hex')}`;
const REPLICAS: Record<string, number> = {};
podClusters.forEach((c, i) => (REPLICAS[c] = i === 0 ? 3 : 2));

const clients = new Map<string, HttpClusterClient>();
let dir: string;

/** One pod name's log across its instances: every line it wrote, in order, and the file it writes now. */
class PodLog {
  seq = 0;
  gen = 0;
  readonly written: string[] = [];
  file!: CriLogFile;
  constructor(
    readonly cluster: string,
    readonly pod: string,
  ) {}
  get key(): string {
    return `${this.cluster}/${this.pod}`;
  }
  /** A new file for the next instance of the pod (the old instance's file gets no more lines). */
  nextFile(): CriLogFile {
    this.gen++;
    this.file = new CriLogFile(join(dir, `${this.cluster}-${this.pod}-gen${this.gen}.log`));
    return this.file;
  }
  write(n = 1): void {
    const texts: string[] = [];
    for (let i = 0; i < n; i++) texts.push(`${this.key} gen${this.gen} seq=${String(++this.seq).padStart(5, '0')}`);
    this.file.append(texts);
    this.written.push(...texts);
  }
}

const logs = new Map<string, PodLog>();
const client = (cluster: string) => clients.get(cluster)!;
const logsPath = (pod?: string) => `/apis/kwok.x-k8s.io/v1alpha1/namespaces/${ns}/logs${pod ? `/${pod}` : ''}`;

/**
 * Point the pod name's kwok Logs object at a new file (and `previous` at the old one, for an in-place restart) and
 * wait until kwok serves it (a plain, non-follow read).
 */
async function switchFile(p: PodLog, previousLogsFile?: string): Promise<void> {
  const f = p.nextFile();
  p.write(1);
  const first = p.written.at(-1)!;
  const spec = kwokLogs(ns, p.pod, [{ containers: ['app'], logsFile: f.path, previousLogsFile }]).spec;
  await client(p.cluster).request({ method: 'PATCH', path: logsPath(p.pod), contentType: 'application/merge-patch+json', body: { spec } });
  await waitFor(
    `kwok serves ${p.key} from ${f.path}`,
    async () => {
      const lines: string[] = [];
      await client(p.cluster).streamLines(
        { path: `/api/v1/namespaces/${ns}/pods/${p.pod}/log`, query: { container: 'app' }, signal: new AbortController().signal },
        (l) => lines.push(l),
      );
      return lines[0] === first ? true : undefined;
    },
    { timeoutMs: 20_000, intervalMs: 100 },
  );
}

function statefulSet(replicas: number, image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'game', namespace: ns, labels: { app: 'game' } },
    spec: {
      replicas,
      serviceName: 'game',
      podManagementPolicy: 'Parallel',
      selector: { matchLabels: { app: 'game' } },
      template: { metadata: { labels: { app: 'game' } }, spec: { containers: [{ name: 'app', image }], terminationGracePeriodSeconds: 5 } },
    },
  } as KubeObject;
}

async function stsRolledOut(cluster: string, replicas: number): Promise<KubeObject | undefined> {
  const s = await client(cluster).get(KINDS.StatefulSet, ns, 'game');
  const st = s.status ?? {};
  return st.observedGeneration === s.metadata.generation &&
    st.readyReplicas === replicas &&
    st.updatedReplicas === replicas &&
    st.currentRevision === st.updateRevision
    ? s
    : undefined;
}

beforeAll(async () => {
  fed = await startRealFederation({ clusters: podClusters, pods: true, crds: false, fixtures: false });
  const rss = fed
    .processes()
    .map((p) => `${p.name} ${Math.round((p.rssKiB ?? 0) / 1024)} MiB`)
    .join(', ');
  console.log(`[logs-follow] federation with pods started in ${fed.timings.totalMs} ms (pods ${fed.timings.podsMs} ms); RSS: ${rss}`);
  dir = mkdtempSync(join(tmpdir(), 'zonectl-logs-follow-'));
  const kc = loadKubeconfig([fed.kubeconfigPath]);
  for (const c of podClusters) {
    const cl = new HttpClusterClient(c, kc.forContext(c), { timeoutMs: 15_000 });
    clients.set(c, cl);
    await cl.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } } });
    for (let i = 0; i < REPLICAS[c]!; i++) {
      const p = new PodLog(c, `game-${i}`);
      logs.set(p.key, p);
      p.nextFile();
      p.write(3);
      await cl.request({ method: 'POST', path: logsPath(), body: kwokLogs(ns, p.pod, [{ containers: ['app'], logsFile: p.file.path }]) });
    }
    await waitFor(
      `ServiceAccount ${ns}/default on ${c}`,
      async () => (await cl.request({ path: `/api/v1/namespaces/${ns}/serviceaccounts/default` })) ?? undefined,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    await cl.create(KINDS.StatefulSet, ns, statefulSet(REPLICAS[c]!, 'registry.example.com/game/app:1.0.0'));
  }
  for (const c of podClusters)
    await waitFor(`StatefulSet game Ready on ${c}`, () => stsRolledOut(c, REPLICAS[c]!), { timeoutMs: 90_000, intervalMs: 200 });
});

afterAll(async () => {
  for (const cl of clients.values()) cl.close();
  await fed?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface JsonLine {
  cluster: string;
  namespace: string;
  pod: string;
  container: string;
  timestamp: string | null;
  message: string;
}

function startCli(args: string[]): { child: ChildProcess; out: JsonLine[]; err: () => string; exit: Promise<number | null> } {
  const home = join(dir, 'home');
  mkdirSync(home, { recursive: true });
  const child = spawn(process.execPath, [cli, ...args], {
    env: {
      ...process.env,
      KUBECONFIG: fed.kubeconfigPath,
      NO_COLOR: '1',
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_STATE_HOME: join(home, 'state'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out: JsonLine[] = [];
  let rest = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const l of parts) if (l) out.push(JSON.parse(l) as JsonLine);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  const exit = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return { child, out, err: () => err, exit };
}

describe('zonectl logs -f through real kube-apiservers while pods churn', () => {
  it('follows a StatefulSet across clusters through a pod delete/recreate, a rolling update and an in-place restart: every line once, in order', async () => {
    const contexts = podClusters.flatMap((c) => ['--context', c]);
    const run = startCli(['logs', 'statefulset/game', '-f', '-o', 'json', '--tail=-1', '-n', ns, ...contexts]);
    let writer: NodeJS.Timeout | undefined;
    try {
      const received = (key: string) => run.out.filter((l) => `${l.cluster}/${l.pod}` === key).map((l) => l.message);
      const caughtUp = () => [...logs.values()].every((p) => received(p.key).length >= p.written.length);
      await waitFor('the first lines of every pod', async () => (caughtUp() ? true : undefined), {
        timeoutMs: 30_000,
        intervalMs: 50,
        abort: () => (run.child.exitCode !== null ? `zonectl exited ${run.child.exitCode}: ${run.err()}` : undefined),
      });

      // Every pod writes a line every 25 ms from now on, into the file of its current instance.
      writer = setInterval(() => {
        for (const p of logs.values()) p.write(1);
      }, 25);
      await new Promise((r) => setTimeout(r, 500));

      // 1. A pod deleted mid-follow: the StatefulSet recreates it (new uid); its new instance has a new file.
      const [first, second] = podClusters;
      const victim = logs.get(`${first}/game-1`)!;
      const before = await client(first!).get(KINDS.Pod, ns, 'game-1');
      await switchFile(victim);
      await client(first!).request({ method: 'DELETE', path: `/api/v1/namespaces/${ns}/pods/game-1` });
      await waitFor(
        'game-1 recreated and Ready',
        async () => {
          const p = await client(first!).get(KINDS.Pod, ns, 'game-1');
          const ready = (p.status?.conditions as Array<{ type: string; status: string }> | undefined)?.some(
            (c) => c.type === 'Ready' && c.status === 'True',
          );
          return p.metadata.uid !== before.metadata.uid && ready ? true : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 100 },
      );
      await waitFor(
        `${victim.key} followed into its new instance`,
        async () => (received(victim.key).some((m) => m.includes(' gen2 ')) ? true : undefined),
        { timeoutMs: 30_000, intervalMs: 50 },
      );

      // 2. A rolling update on another cluster (or the same one when only one runs pods): every pod replaced.
      const rolled = second ?? first!;
      const rolling = [...logs.values()].filter((p) => p.cluster === rolled);
      for (const p of rolling) await switchFile(p);
      await client(rolled).patch(KINDS.StatefulSet, ns, 'game', 'merge', {
        spec: { template: { spec: { containers: [{ name: 'app', image: 'registry.example.com/game/app:1.1.0' }] } } },
      });
      await waitFor(`StatefulSet game rolled out on ${rolled}`, () => stsRolledOut(rolled, REPLICAS[rolled]!), {
        timeoutMs: 90_000,
        intervalMs: 200,
      });
      await waitFor(
        `${rolled} pods followed into their new instances`,
        async () => (rolling.every((p) => received(p.key).some((m) => m.includes(` gen${p.gen} `))) ? true : undefined),
        { timeoutMs: 30_000, intervalMs: 50 },
      );

      // 3. A hot update: the first cluster's game-0 container restarts in place, as the kubelet reports it after an in-place
      //    image update (same pod uid, new containerID, restartCount 1); its log goes on in a new file and the old
      //    file becomes the --previous log. This test plays the kubelet's part by writing the pod status.
      const hot = logs.get(`${first}/game-0`)!;
      const oldFile = hot.file.path;
      const linesBefore = [...hot.written];
      await switchFile(hot, oldFile);
      const pod = await client(first!).get(KINDS.Pod, ns, 'game-0');
      const cs = (pod.status?.containerStatuses as any[])[0];
      const now = new Date().toISOString();
      await client(first!).patch(
        KINDS.Pod,
        ns,
        'game-0',
        'merge',
        {
          status: {
            containerStatuses: [
              {
                ...cs,
                image: 'registry.example.com/game/app:1.0.1',
                containerID: `${cs.containerID}-r1`,
                restartCount: 1,
                state: { running: { startedAt: now } },
                lastState: {
                  terminated: {
                    exitCode: 0,
                    reason: 'Completed',
                    startedAt: cs.state.running.startedAt,
                    finishedAt: now,
                    containerID: cs.containerID,
                  },
                },
              },
            ],
          },
        },
        { subresource: 'status' },
      );
      await waitFor(
        `${hot.key} followed into its restarted container`,
        async () => (received(hot.key).some((m) => m.includes(` gen${hot.gen} `)) ? true : undefined),
        { timeoutMs: 30_000, intervalMs: 50 },
      );
      const previous: string[] = [];
      await client(first!).streamLines(
        {
          path: `/api/v1/namespaces/${ns}/pods/game-0/log`,
          query: { container: 'app', previous: true },
          signal: new AbortController().signal,
        },
        (l) => previous.push(l),
      );
      expect(previous, 'pods/log?previous=true serves the instance before the restart').toEqual(linesBefore);

      await new Promise((r) => setTimeout(r, 500));
      clearInterval(writer);
      writer = undefined;
      await waitFor('every written line', async () => (caughtUp() ? true : undefined), { timeoutMs: 30_000, intervalMs: 50 });
      await new Promise((r) => setTimeout(r, 500)); // anything repeated late would show up here

      for (const p of logs.values()) expect(received(p.key), `${p.key}: every line exactly once, in order`).toEqual(p.written);
      for (const l of run.out) {
        expect(l.namespace).toBe(ns);
        expect(l.container).toBe('app');
        expect(l.timestamp).toMatch(/^\d{4}-\d\d-\d\dT/);
      }
      const total = [...logs.values()].reduce((n, p) => n + p.written.length, 0);
      console.log(
        `[logs-follow] ${total} lines from ${logs.size} pod names in ${podClusters.length} cluster(s), ${1 + rolling.length} pods replaced, 1 container restarted in place, none lost or repeated`,
      );
      const err = run.err();
      expect(err).not.toMatch(/^! /m);
      // Markers: the replaced pods left/joined (or were re-tailed) visibly.
      expect(err).toMatch(new RegExp(`^~ ${hot.cluster}/${ns}/${hot.pod}/app container restarted in place`, 'm'));
      for (const p of [victim, ...rolling])
        expect(err.split('\n').filter((l) => l.includes(`${p.cluster}/${ns}/${p.pod}/app`)).length, err).toBeGreaterThanOrEqual(2);
    } catch (e) {
      // What zonectl said (markers, errors) explains most failures.
      throw new Error(`${(e as Error).message}\n--- zonectl stderr ---\n${run.err().split('\n').slice(-40).join('\n')}`);
    } finally {
      if (writer) clearInterval(writer);
      if (run.child.exitCode === null) run.child.kill('SIGINT');
    }
    expect(await run.exit).toBe(0);
  });
});
