// The read side of zonectl against three real kube-apiservers: zones/rollouts/hookruns across the
// clusters, changes through the watch, 410 -> relist, one apiserver down and back, viewer rights.
import { execFile } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { KINDS } from '../../source/kinds/registry.js';
import { openSession } from '../../source/app/session.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { Informer } from '../../source/kube/informer.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject } from '../../source/kube/object.js';
import { clusterControl } from './control.js';
import './provided.js';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const cli = resolve(root, 'dist/source/cli.js');
const kubeconfig = inject('zonectlKubeconfig');
const contexts = inject('zonectlContexts');
const ns = inject('zonectlNamespace');

async function zonectl(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [cli, ...args], {
      env: { ...process.env, KUBECONFIG: kubeconfig, NO_COLOR: '1', ...env },
      timeout: 60_000,
    });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : 99, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

async function until(pred: () => boolean, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('zonectl read commands on real kube-apiservers', () => {
  it('zonectl zones -A --all-contexts prints the fixture zones of all three clusters', async () => {
    const r = await zonectl(['zones', '-A', '--all-contexts']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = r.stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^CLUSTER\s+NAMESPACE\s+ZONE\s+NAME\s+VERSION\s+SERVICES\s+ROLLOUT\s+AGE$/);
    const zones = rows.slice(1).map((l) =>
      l
        .split(/\s{3,}/)
        .slice(0, 3)
        .join(' '),
    );
    for (const z of ['real-a games 101', 'real-a games 102', 'real-b games 201', 'real-b games 202', 'real-c games 301'])
      expect(zones).toContain(z);
    expect(r.stdout).not.toMatch(/password|secretKey|admin-token/i);
  });

  it('zones -o json is the documented envelope with correct fields', async () => {
    const r = await zonectl(['zones', '--all-contexts', '-o', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({ apiVersion: 'zonectl.io/v1', kind: 'ZoneList', errors: [] });
    const z101 = doc.items.find((z: { cluster: string; zoneId: string }) => z.cluster === 'real-a' && z.zoneId === '101');
    expect(z101).toMatchObject({ namespace: ns, source: 'GameZone' });
    expect(z101.servicesTotal).toBeGreaterThan(0);
  });

  it('rollouts shows the paused canary with step, pause reason and hook phase', async () => {
    const r = await zonectl(['rollouts', '--all-contexts', '-o', 'json']);
    expect(r.code).toBe(0);
    const items = JSON.parse(r.stdout).items as Array<{
      cluster: string;
      kind: string;
      rollout: { phase: string; paused: boolean; pauseReason?: string; stepIndex?: number; steps: unknown[]; hookPhase?: string };
    }>;
    expect(items.length).toBeGreaterThan(0);
    const paused = items.filter((w) => w.rollout.paused);
    expect(
      paused.some(
        (w) => w.rollout.pauseReason === 'PausedByCanaryPauseStep' && typeof w.rollout.stepIndex === 'number' && w.rollout.steps.length > 0,
      ),
    ).toBe(true);
    expect(paused.some((w) => w.rollout.pauseReason === 'PausedByStepBasedHook' && w.rollout.hookPhase === 'Inconclusive')).toBe(true);
    const table = await zonectl(['rollouts', '--all-contexts']);
    expect(table.stdout).toMatch(/paused: awaiting approval/);
  });

  it('hookruns lists the fixture hook runs with phase', async () => {
    const r = await zonectl(['hookruns', '--all-contexts', '-o', 'wide']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Inconclusive/);
    expect(r.stdout).toMatch(/METRICS/);
  });

  it('--kubefed-host real-a: the fleet is the host plus the members its KubeFedClusters name', async () => {
    const r = await zonectl(['clusters', '--kubefed-host', 'real-a', '-o', 'json']);
    expect(r.code).toBe(0);
    const names = JSON.parse(r.stdout).items.map((c: { name: string }) => c.name);
    expect(names[0]).toBe('real-a');
    expect(names).toEqual(expect.arrayContaining(['real-a', 'real-b']));
    expect(names.every((n: string) => !n.endsWith('-viewer'))).toBe(true);
  });

  it('a viewer gets data but a clear forbidden line where it lacks rights, and usage errors exit 2', async () => {
    const ok = await zonectl(['zones', '--context', 'real-a-viewer']);
    expect(ok.code).toBe(0);
    const bad = await zonectl(['zones', '--context', 'nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('viewer rights on real kube-apiservers', () => {
  it('a write by the viewer fails with one clear forbidden sentence naming the cluster; access review says no', async () => {
    const kc = loadKubeconfig([kubeconfig]);
    const viewer = new HttpClusterClient('real-a-viewer', kc.forContext('real-a-viewer'));
    try {
      const list = await viewer.list(KINDS.GameDeployment, { namespace: ns });
      const name = list.items[0]!.metadata.name!;
      const review = await viewer.canI({ verb: 'patch', group: 'tkex.tencent.com', resource: 'gamedeployments', namespace: ns, name });
      expect(review.allowed).toBe(false);
      const err = await viewer
        .patch(KINDS.GameDeployment, ns, name, 'merge', { spec: { updateStrategy: { paused: false } } })
        .catch((e) => e);
      expect(err.kind).toBe('Forbidden');
      expect(err.oneLine()).toBe(
        `real-a-viewer: gamedeployments.tkex.tencent.com "${name}" is forbidden: User "viewer" cannot patch resource "gamedeployments" in API group "tkex.tencent.com" in the namespace "${ns}"`,
      );
    } finally {
      viewer.close();
    }
  });
});

describe('store on real kube-apiservers', () => {
  it('a change made by the test shows up through the watch', async () => {
    const s = openSession({ kubeconfig, context: contexts, namespace: ns }, ['zones', 'rollouts'], { intervalMs: 10 });
    try {
      s.store.start();
      await s.store.waitForSync(30_000);
      const admin = s.fleet.member('real-c')!.client;
      const name = `watch-probe-${Date.now()}`;
      await admin.create(KINDS.GameDeployment, ns, {
        apiVersion: 'tkex.tencent.com/v1alpha1',
        kind: 'GameDeployment',
        metadata: { name, labels: { 'zonectl.io/zone': '301' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: name } },
          updateStrategy: { type: 'InplaceUpdate' }, // required by the upstream schema
          template: {
            metadata: { labels: { app: name } },
            spec: { containers: [{ name: 'game', image: 'registry.example.com/game:1.0' }] },
          },
        },
      });
      try {
        await until(() => s.store.snapshot().workloads.some((w) => w.cluster === 'real-c' && w.name === name));
        await admin.patch(KINDS.GameDeployment, ns, name, 'merge', {
          spec: { template: { spec: { containers: [{ name: 'game', image: 'registry.example.com/game:2.0' }] } } },
        });
        await until(() => s.store.snapshot().workloads.some((w) => w.name === name && w.containers[0]?.image.endsWith(':2.0')));
      } finally {
        await admin.request({ method: 'DELETE', path: `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamedeployments/${name}` });
      }
      await until(() => !s.store.snapshot().workloads.some((w) => w.name === name));
    } finally {
      await s.close();
    }
  });

  it('a stale resourceVersion (410 Gone) leads to a relist without losing the change', async () => {
    const kc = loadKubeconfig([kubeconfig]);
    const client = new HttpClusterClient('real-a', kc.forContext('real-a'));
    try {
      const name = `gone-probe-${Date.now()}`;
      await client.create(KINDS.GameDeployment, ns, {
        apiVersion: 'tkex.tencent.com/v1alpha1',
        kind: 'GameDeployment',
        metadata: { name },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: name } },
          updateStrategy: { type: 'InplaceUpdate' }, // required by the upstream schema
          template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'game', image: 'x:1' }] } },
        },
      });
      const seen = new Map<string, KubeObject>();
      const inf = new Informer(
        client,
        KINDS.GameDeployment,
        { namespace: ns, initialResourceVersion: '1' },
        {
          onReplace: (items) => {
            seen.clear();
            for (const o of items) seen.set(o.metadata.name!, o);
          },
          onEvent: (t, o) => (t === 'DELETED' ? seen.delete(o.metadata.name!) : seen.set(o.metadata.name!, o)),
        },
      );
      inf.start();
      try {
        await until(() => seen.has(name));
        expect(inf.stats.relistsAfterGone).toBeGreaterThanOrEqual(1);
      } finally {
        await inf.stop();
        await client.request({ method: 'DELETE', path: `/apis/tkex.tencent.com/v1alpha1/namespaces/${ns}/gamedeployments/${name}` });
      }
    } finally {
      client.close();
    }
  });

  it('one apiserver stopped: the others keep working, it is reported unreachable, then recovers', async () => {
    const s = openSession({ kubeconfig, context: contexts, namespace: ns }, ['zones'], {
      intervalMs: 10,
      informer: { backoffInitialMs: 200, backoffMaxMs: 1_000 },
      retryMs: 500,
    });
    const control = clusterControl();
    try {
      s.store.start();
      await s.store.waitForSync(30_000);
      // Listed; "ready" once every watch has its response headers too.
      await until(() => s.fleet.clusters().every((c) => c.state === 'ready'), 10_000);
      expect(s.fleet.clusters().map((c) => c.state)).toEqual(['ready', 'ready', 'ready']);
      await control.stopApiserver('real-b');
      try {
        await until(() => s.fleet.member('real-b')!.info.state === 'unreachable', 30_000);
        expect(s.fleet.member('real-b')!.info.lastError).toMatch(/cannot reach|no answer/);
        expect(s.fleet.member('real-a')!.info.state).toBe('ready');
        // Zones of the live clusters are still there and fresh; a one-shot command prints them and exits 3.
        expect(s.store.snapshot().zones.some((z) => z.cluster === 'real-a')).toBe(true);
        const t0 = Date.now();
        const r = await zonectl(['zones', '--all-contexts', '--request-timeout', '2000']);
        expect(r.code).toBe(3);
        expect(r.stdout).toMatch(/real-a/);
        expect(r.stdout).toMatch(/real-c/);
        expect(r.stderr).toMatch(/^error: real-b: /m);
        expect(Date.now() - t0).toBeLessThan(20_000);
      } finally {
        await control.startApiserver('real-b');
      }
      await until(() => s.fleet.member('real-b')!.info.state === 'ready', 60_000);
      expect(s.store.snapshot().zones.some((z) => z.cluster === 'real-b')).toBe(true);
    } finally {
      await s.close();
    }
  });
});
