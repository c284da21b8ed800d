// Real pods in the real-cluster tier: on a cluster of its own with kube-controller-manager, kube-scheduler and
// kwok (startRealFederation({ pods: true }); see harness.ts) a StatefulSet created here gets pods -0..-2 scheduled
// onto the kwok node, Running and Ready in order; pods/log through the apiserver (read with zonectl's own transport, HttpClusterClient.streamLines)
// returns the CRI file's text, honours tailLines/timestamps, and follow streams lines appended to the file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject } from '../../source/kube/object.js';
import { startRealFederation, type PodsInfo, type RealFederation } from './harness.js';
import { CriLogFile, kwokLogs } from './lib/cri.js';
import { waitFor } from './lib/procs.js';

let fed: RealFederation;
let podCluster: PodsInfo;
const ns = `zt-pods-${randomBytes(3).toString('hex')}`;
const REPLICAS = 3;
let client: HttpClusterClient;
let dir: string;
const files = new Map<string, CriLogFile>();

const podPath = (name: string, sub?: string) => `/api/v1/namespaces/${ns}/pods/${name}${sub ? `/${sub}` : ''}`;

/** pods/log through the apiserver with zonectl's transport; resolves with every line (not following). */
async function readLog(pod: string, query: Record<string, string | number | boolean | undefined> = {}): Promise<string[]> {
  const lines: string[] = [];
  await client.streamLines(
    { path: podPath(pod, 'log'), query: { container: 'app', ...query }, signal: new AbortController().signal, timeoutMs: 15_000 },
    (l) => lines.push(l),
  );
  return lines;
}

beforeAll(async () => {
  fed = await startRealFederation({ clusters: ['pods-a'], pods: true, crds: false, fixtures: false });
  podCluster = fed.cluster('pods-a').pods!;
  const rss = fed
    .processes()
    .map((p) => `${p.name} ${Math.round((p.rssKiB ?? 0) / 1024)} MiB`)
    .join(', ');
  console.log(`[pods] federation with pods started in ${fed.timings.totalMs} ms (pods ${fed.timings.podsMs} ms); RSS: ${rss}`);
  client = new HttpClusterClient(podCluster.cluster, loadKubeconfig([fed.kubeconfigPath]).forContext(podCluster.cluster), {
    timeoutMs: 15_000,
  });
  dir = mkdtempSync(join(tmpdir(), 'zonectl-pods-test-'));
  await client.request({
    method: 'POST',
    path: '/api/v1/namespaces',
    body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } },
  });
  // kwok serves each pod from its own file: the Logs objects exist before the pods do.
  for (let i = 0; i < REPLICAS; i++) {
    const pod = `web-${i}`;
    const f = new CriLogFile(join(dir, `${pod}.log`));
    f.append([`${pod} starting`, `${pod} listening on :7777`, `${pod} zone 101 ready`]);
    files.set(pod, f);
    await client.request({
      method: 'POST',
      path: `/apis/kwok.x-k8s.io/v1alpha1/namespaces/${ns}/logs`,
      body: kwokLogs(ns, pod, [{ containers: ['app'], logsFile: f.path }]),
    });
  }
});

afterAll(async () => {
  client?.close();
  await fed?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('real pods on the cluster with kube-controller-manager, kube-scheduler and kwok', () => {
  it(`a StatefulSet gets pods -0..-${REPLICAS - 1}, scheduled on the kwok node, Running and Ready in order`, async () => {
    // The namespace's default ServiceAccount comes from KCM's serviceaccount controller (needed by admission).
    await waitFor(
      'ServiceAccount default',
      async () =>
        (await client.get(
          { group: '', version: 'v1', resource: 'serviceaccounts', kind: 'ServiceAccount', namespaced: true },
          ns,
          'default',
        )) ?? undefined,
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    const t0 = Date.now();
    await client.create(KINDS.StatefulSet, ns, {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'web', namespace: ns, labels: { app: 'web' } },
      spec: {
        replicas: REPLICAS,
        serviceName: 'web',
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'app', image: 'registry.example.com/game/web:1.0.0' }], terminationGracePeriodSeconds: 5 },
        },
      },
    } as KubeObject);

    const sts = await waitFor(
      'StatefulSet web readyReplicas',
      async () => {
        const s = await client.get(KINDS.StatefulSet, ns, 'web');
        return s.status?.readyReplicas === REPLICAS && s.status?.availableReplicas === REPLICAS ? s : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    const readyMs = Date.now() - t0;
    expect(sts.status?.replicas).toBe(REPLICAS);

    const list = await client.list(KINDS.Pod, { namespace: ns, labelSelector: 'app=web' });
    const byName = new Map(list.items.map((p) => [p.metadata.name!, p]));
    expect([...byName.keys()].sort()).toEqual(Array.from({ length: REPLICAS }, (_, i) => `web-${i}`));
    const readyAt: number[] = [];
    for (let i = 0; i < REPLICAS; i++) {
      const p = byName.get(`web-${i}`)!;
      expect(p.spec?.nodeName, 'bound by kube-scheduler').toBe(podCluster.nodeName);
      expect(p.status?.phase).toBe('Running');
      const ready = (p.status?.conditions as Array<{ type: string; status: string; lastTransitionTime: string }>).find(
        (c) => c.type === 'Ready',
      );
      expect(ready?.status).toBe('True');
      readyAt.push(Date.parse(ready!.lastTransitionTime));
      const cs = (p.status?.containerStatuses as any[])[0];
      expect(cs.name).toBe('app');
      expect(cs.ready).toBe(true);
      expect(cs.state.running.startedAt).toBeTruthy();
      expect(cs.containerID).toBe(`kwok://${p.metadata.uid}-app`);
      expect(p.status?.podIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'StatefulSet', name: 'web', controller: true });
    }
    // OrderedReady: -1 is created only once -0 is Ready, so the Ready times do not go backwards.
    for (let i = 1; i < REPLICAS; i++) expect(readyAt[i]!).toBeGreaterThanOrEqual(readyAt[i - 1]!);
    console.log(`[pods] StatefulSet web: ${REPLICAS} pods Running and Ready ${readyMs} ms after create`);
  });

  it("pods/log through the apiserver returns the pod's CRI file text (tailLines, timestamps)", async () => {
    const want = ['web-0 starting', 'web-0 listening on :7777', 'web-0 zone 101 ready'];
    // kwok's Logs informer may lag the create by a moment: poll until web-0 is served from its own file.
    const lines = await waitFor(
      'web-0 log from its own file',
      async () => {
        const l = await readLog('web-0');
        return l.length === want.length && l[0] === want[0] ? l : undefined;
      },
      { timeoutMs: 20_000, intervalMs: 250 },
    );
    expect(lines).toEqual(want);
    expect(await readLog('web-2')).toEqual(['web-2 starting', 'web-2 listening on :7777', 'web-2 zone 101 ready']);
    expect(await readLog('web-0', { tailLines: 1 })).toEqual(['web-0 zone 101 ready']);
    const stamped = await readLog('web-1', { timestamps: true });
    expect(stamped).toHaveLength(3);
    for (const l of stamped) expect(l).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z web-1 /);
  });

  it('follow=true streams lines appended to the file, in order, until the client aborts', async () => {
    const file = files.get('web-1')!;
    const got: string[] = [];
    const ac = new AbortController();
    const streaming = client.streamLines(
      { path: podPath('web-1', 'log'), query: { container: 'app', follow: true, tailLines: 1 }, signal: ac.signal },
      (l) => got.push(l),
    );
    try {
      await waitFor('the tail line', async () => (got.length >= 1 ? true : undefined), { timeoutMs: 15_000, intervalMs: 50 });
      expect(got).toEqual(['web-1 zone 101 ready']);
      const batches = [['tick 1'], ['tick 2', 'tick 3'], ['tick 4']];
      for (const b of batches) {
        file.append(b);
        await waitFor(`${b.at(-1)} streamed`, async () => (got.includes(b.at(-1)!) ? true : undefined), {
          timeoutMs: 15_000,
          intervalMs: 25,
        });
      }
      expect(got).toEqual(['web-1 zone 101 ready', 'tick 1', 'tick 2', 'tick 3', 'tick 4']);
    } finally {
      ac.abort();
      await streaming;
    }
  });

  it("a pod without a Logs object is served from the cluster's default CRI file (ClusterLogs)", async () => {
    const line = `default-log probe ${randomBytes(4).toString('hex')}`;
    new CriLogFile(podCluster.defaultLogFile).append([line]);
    // A bare pod bound straight to the kwok node (no Logs object): served from the shared default file.
    await client.create(KINDS.Pod, ns, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'bare', namespace: ns },
      spec: { nodeName: podCluster.nodeName, containers: [{ name: 'app', image: 'registry.example.com/game/bare:1' }] },
    } as KubeObject);
    await waitFor(
      'pod bare Running',
      async () => ((await client.get(KINDS.Pod, ns, 'bare')).status?.phase === 'Running' ? true : undefined),
      { timeoutMs: 30_000, intervalMs: 200 },
    );
    expect(await readLog('bare')).toContain(line);
  });

  it('deleting a pod: kwok completes the deletion and the StatefulSet recreates it with a new uid, Ready again', async () => {
    const before = await client.get(KINDS.Pod, ns, 'web-1');
    await client.request({ method: 'DELETE', path: podPath('web-1') });
    const after = await waitFor(
      'web-1 recreated and Ready',
      async () => {
        const p = await client.get(KINDS.Pod, ns, 'web-1').catch(() => undefined);
        if (!p || p.metadata.uid === before.metadata.uid) return undefined;
        const ready = (p.status?.conditions as Array<{ type: string; status: string }> | undefined)?.some(
          (c) => c.type === 'Ready' && c.status === 'True',
        );
        return ready ? p : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 200 },
    );
    expect((after.status?.containerStatuses as any[])[0].containerID).toBe(`kwok://${after.metadata.uid}-app`);
  });

  it('the controllers, scheduler and kwok outlive a kube-apiserver restart: a scale-up afterwards gets a Ready pod', async () => {
    const names = () =>
      fed
        .processes()
        .map((p) => p.name)
        .sort();
    const before = names();
    const t0 = Date.now();
    await fed.stopApiserver('pods-a');
    const t1 = Date.now();
    try {
      expect(fed.isApiserverRunning('pods-a')).toBe(false);
    } finally {
      await fed.startApiserver('pods-a');
    }
    const t2 = Date.now();
    expect(names()).toEqual(before);
    expect(before).toEqual(expect.arrayContaining(['kube-controller-manager pods-a', 'kube-scheduler pods-a', 'kwok pods-a']));
    await client.patch(KINDS.StatefulSet, ns, 'web', 'merge', { spec: { replicas: REPLICAS + 1 } });
    await waitFor(
      `web-${REPLICAS} Running and Ready after the restart`,
      async () => {
        const s = await client.get(KINDS.StatefulSet, ns, 'web');
        const p = await client.get(KINDS.Pod, ns, `web-${REPLICAS}`);
        return s.status?.readyReplicas === REPLICAS + 1 && p.status?.phase === 'Running' && p.spec?.nodeName === podCluster.nodeName
          ? true
          : undefined;
      },
      { timeoutMs: 90_000, intervalMs: 250 },
    );
    console.log(`[pods] kube-apiserver stop ${t1 - t0} ms, start ${t2 - t1} ms, scale-up Ready ${Date.now() - t2} ms after the restart`);
  });
});
