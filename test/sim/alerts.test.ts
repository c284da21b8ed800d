// Alerts raised and cleared through the real store path: the demo federation served over HTTP, a
// session's informers, the store's snapshot and its alert engine. Faults are injected as an operator
// would cause them (an image tag the simulated kubelet cannot pull, one that crashes or is OOMKilled:
// source/sim/controllers/faults.ts) and fixed by putting the good image back.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSession, type Session } from '../../source/app/session.js';
import type { AlertThresholds } from '../../source/config/alerts.js';
import type { Alert, AlertRule } from '../../source/model/alerts/types.js';
import type { WorkloadInfo } from '../../source/model/types.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

// Every threshold 0 (restarts: 2 within 10 minutes): a condition is an alert as soon as the store sees it.
const AT_ONCE: AlertThresholds = {
  pause: { approval: 0, hook: 0, held: 0, error: 0 },
  stalled: 0,
  podProblem: 0,
  notReady: 0,
  restarts: { count: 2, window: 600_000 },
  mixedVersions: 0,
};

let demo: Demo;
let dir: string;
let session: Session;
const savedXdg = process.env.XDG_CONFIG_HOME;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-alerts-'));
  process.env.XDG_CONFIG_HOME = join(dir, 'config'); // no config file: the thresholds below are the ones used
  demo = await startDemo({ seed: 3, kubeconfigPath: join(dir, 'kubeconfig') });
  session = openSession(
    { kubeconfig: demo.kubeconfigPath, context: ['shanghai', 'nanjing'], allNamespaces: true },
    ['zones', 'rollouts', 'federation'],
    {
      intervalMs: 50,
      alerts: AT_ONCE,
    },
  );
  session.store.start();
  await session.store.waitForSync(20_000);
}, 60_000);

afterAll(async () => {
  await session?.close();
  await demo?.stop();
  if (savedXdg === undefined) delete process.env.XDG_CONFIG_HOME;
  else process.env.XDG_CONFIG_HOME = savedXdg;
  rmSync(dir, { recursive: true, force: true });
});

const alerts = (): Alert[] => session.store.snapshot().alerts ?? [];

async function until<V>(what: string, get: () => V | undefined, timeoutMs = 45_000): Promise<V> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > end)
      throw new Error(
        `${what}: not within ${timeoutMs} ms; alerts now: ${alerts()
          .map((a) => a.id)
          .join(', ')}`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

const find = (rule: AlertRule, name: string) =>
  alerts().find((a) => a.rule === rule && (a.object.name === name || a.workload?.name === name));

/** A complete GameDeployment of a zone in shanghai that no demo story uses, and its pods watched. */
function quietWorkload(zone: string): WorkloadInfo {
  const w = session.store
    .snapshot()
    .workloads.find((x) => x.cluster === 'shanghai' && x.zone === zone && x.kind === 'GameDeployment' && x.rollout.phase === 'complete');
  if (!w) throw new Error(`no quiet GameDeployment in zone ${zone}`);
  const sel = Object.entries(w.selector ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
  session.store.focusPods([{ cluster: w.cluster, namespace: w.namespace, labelSelector: sel }]);
  return w;
}

function setImage(w: WorkloadInfo, image: string): void {
  demo.world.stores.get(w.cluster)!.mutate(T.gameDeployment, w.namespace, w.name, (o) => {
    const spec = structuredClone(o.spec);
    spec.template.spec.containers[0].image = image;
    return { ...o, spec };
  });
}

describe('alerts against the demo federation', () => {
  it('the demo stories: a long pause awaiting approval and a failed hook, each with its fix', async () => {
    const ap = demo.world.scenarios.awaitingApproval!;
    const pause = await until('paused-approval', () => find('paused-approval', ap.name));
    expect(pause).toMatchObject({ severity: 'warning', cluster: ap.cluster, namespace: ap.namespace, fixes: ['approve', 'reject'] });
    const fr = demo.world.scenarios.failedRollout!;
    const hook = await until('hook-failed', () => find('hook-failed', fr.name));
    expect(hook).toMatchObject({ severity: 'critical', cluster: fr.cluster, object: { kind: fr.kind, name: fr.name } });
    expect(hook.fixes).toContain('retry-hooks');
    // Approve (what `zonectl approve` patches for bk-bcs): the pause alert clears.
    demo.world.stores
      .get(ap.cluster)!
      .mutate(ap.kind === 'GameStatefulSet' ? T.gameStatefulSet : T.gameDeployment, ap.namespace, ap.name, (o) => ({
        ...o,
        spec: { ...o.spec, updateStrategy: { ...o.spec.updateStrategy, paused: false } },
      }));
    await until('paused-approval cleared', () => !find('paused-approval', ap.name));
  }, 60_000);

  it('a bad image tag: ImagePullBackOff on the updated pod, cleared by the good image', async () => {
    const w = quietWorkload('103');
    const good = w.containers[0]!.image;
    setImage(w, `${good}-notfound`);
    const a = await until('image-pull', () => find('image-pull', w.name));
    expect(a).toMatchObject({ severity: 'critical', workload: { kind: 'GameDeployment', name: w.name }, zone: '103' });
    expect(a.message).toMatch(/(ImagePullBackOff|ErrImagePull) .*-notfound$/);
    expect(a.fixes[0]).toBe('check-image');
    setImage(w, good);
    await until('image-pull cleared', () => !find('image-pull', w.name));
  }, 60_000);

  it('a crash loop: CrashLoopBackOff and restarts rising; OOMKilled; cleared by the good image', async () => {
    const w = quietWorkload('104');
    const good = w.containers[0]!.image;
    setImage(w, `${good}-crashloop`);
    await until('crash-loop', () => find('crash-loop', w.name));
    const rising = await until('restarts-rising', () => find('restarts-rising', w.name));
    expect(rising.severity).toBe('warning');
    setImage(w, `${good}-oom`);
    const oom = await until('oom-killed', () => find('oom-killed', w.name));
    expect(oom.message).toMatch(/OOMKilled/);
    setImage(w, good);
    await until('crash-loop and oom-killed cleared', () => !find('crash-loop', w.name) && !find('oom-killed', w.name));
  }, 90_000);

  it('a zone whose services run two versions: mixed-versions until they agree again', async () => {
    const w = quietWorkload('101');
    const good = w.containers[0]!.image;
    const other = good.replace(/:[^:]+$/, ':1.9.9');
    setImage(w, other);
    const a = await until('mixed-versions', () =>
      alerts().find((x) => x.rule === 'mixed-versions' && x.zone === '101' && x.cluster === 'shanghai'),
    );
    expect(a.message).toMatch(/1\.9\.9/);
    setImage(w, good);
    await until(
      'mixed-versions cleared',
      () => !alerts().some((x) => x.rule === 'mixed-versions' && x.zone === '101' && x.cluster === 'shanghai'),
    );
  }, 60_000);
});
