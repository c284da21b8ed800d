// The real Argo Rollouts controller (rollouts-controller and the kubectl-argo-rollouts plugin, built from the
// published module by tools/build-argo-rollouts.sh) on a real apiserver with kube-controller-manager,
// kube-scheduler and kwok pods, with the upstream CRDs of the same version. A canary Rollout pauses at its
// pause step; `zonectl rollouts` shows the step, pause reason and since as `kubectl argo rollouts get rollout`
// does; `zonectl approve` does what `promote` does (the controller moves on to Healthy); `zonectl reject`
// what `abort` does. Differences are bugs in zonectl (or in the simulator, which the same views run on).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { promisify, stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { AUDIT_ANNOTATION } from '../../source/actions/audit.js';
import { ActionConflict } from '../../source/actions/errors.js';
import { execute } from '../../source/actions/execute.js';
import { loadWorkload } from '../../source/actions/load.js';
import { planAction } from '../../source/kinds/plans.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { startRealFederation, type RealFederation } from './harness.js';
import { applyCrds } from './lib/apply.js';
import { freePort, logTail, startProcess, stopProcess, waitFor, type TrackedProcess } from './lib/procs.js';
import { TOOLS_DIR } from './lib/binaries.js';

const run = promisify(execFile);
const root = join(TOOLS_DIR, '..', '..', '..');
const ns = `zt-argo-${randomBytes(3).toString('hex')}`;

function argoDir(): string {
  const gomod = readFileSync(join(TOOLS_DIR, 'argo-rollouts', 'go.mod'), 'utf8');
  const v = /github\.com\/argoproj\/argo-rollouts (v\d[^\s]*)/.exec(gomod)?.[1];
  if (!v) throw new Error('cannot read the argo-rollouts version from test/cluster/tools/argo-rollouts/go.mod');
  const dir = join(process.env.ZONECTL_TOOLS_CACHE || join(homedir(), '.cache', 'zonectl-tools'), `argo-rollouts-${v}`);
  if (!existsSync(join(dir, 'rollouts-controller')))
    throw new Error(`missing ${dir}/rollouts-controller: run bash test/cluster/tools/build-argo-rollouts.sh (npm run test:tools does)`);
  return dir;
}

let fed: RealFederation;
let controller: TrackedProcess | undefined;
let dir: string;
let env: NodeJS.ProcessEnv;
const CLUSTER = 'argo-a';
const path = (name = '') => `/apis/argoproj.io/v1alpha1/namespaces/${ns}/rollouts${name ? `/${name}` : ''}`;
const get = async (name: string): Promise<any> => (await fed.request(CLUSTER, 'GET', path(name))).json;

async function setImage(name: string, image: string): Promise<void> {
  const r = await fed.request(
    CLUSTER,
    'PATCH',
    path(name),
    { spec: { template: { spec: { containers: [{ name: 'game', image }] } } } },
    {
      contentType: 'application/merge-patch+json',
    },
  );
  expect(r.status, r.text).toBe(200);
}

async function until(name: string, what: string, pred: (ro: any) => boolean, timeoutMs = 90_000): Promise<any> {
  return waitFor(
    `${name}: ${what}`,
    async () => {
      const ro = await get(name);
      return pred(ro) ? ro : undefined;
    },
    { timeoutMs, intervalMs: 250 },
  ).catch((e: Error) => {
    throw new Error(`${e.message}\ncontroller log:\n${controller ? logTail(controller, 30) : ''}`);
  });
}

const pausedAtStep = (step: number) => (ro: any) =>
  ro?.status?.currentStepIndex === step && ro.status.pauseConditions?.[0]?.reason === 'CanaryPauseStep';

async function zonectl(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(join(root, 'bin', 'zonectl'), [...args, '--context', CLUSTER, '-n', ns], { env, timeout: 60_000 });
    return { code: 0, out: r.stdout };
  } catch (e: any) {
    return { code: e.code ?? 1, out: String(e.stdout ?? '') + String(e.stderr ?? '') };
  }
}

async function plugin(...args: string[]): Promise<string> {
  const r = await run(join(argoDir(), 'kubectl-argo-rollouts'), [...args, '-n', ns, '--context', CLUSTER], { env, timeout: 60_000 });
  // the plugin colours its status icons even off a terminal
  return stripVTControlCharacters(r.stdout);
}

async function createRollout(name: string): Promise<void> {
  const r = await fed.request(CLUSTER, 'POST', path(), {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name: 'game', image: 'registry.example.com/game:1' }] } },
      strategy: { canary: { steps: [{ setWeight: 50 }, { pause: {} }, { setWeight: 100 }] } },
    },
  });
  expect(r.status, r.text).toBe(201);
  await until(name, 'Healthy at the first revision', (ro) => ro?.status?.phase === 'Healthy');
}

describe('the real Argo Rollouts controller', () => {
  beforeAll(async () => {
    const argo = argoDir();
    fed = await startRealFederation({ clusters: [CLUSTER], pods: true, crds: false, fixtures: false });
    dir = fed.dir;
    const kc = loadKubeconfig([fed.kubeconfigPath]).forContext(CLUSTER);
    const c = fed.cluster(CLUSTER);
    await applyCrds({ server: c.server, caPem: c.caPem, token: kc.user!.token! }, [join(argo, 'crds.yaml')]);
    const created = await fed.request(CLUSTER, 'POST', '/api/v1/namespaces', {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns },
    });
    expect(created.status, created.text).toBe(201);
    env = { PATH: process.env.PATH, HOME: dir, KUBECONFIG: fed.kubeconfigPath, NO_COLOR: '1' };
    const [metrics, healthz] = [await freePort(), await freePort()];
    controller = startProcess(
      'rollouts-controller',
      join(argo, 'rollouts-controller'),
      ['--kubeconfig', fed.kubeconfigPath, '--leader-elect=false', '--metricsport', String(metrics), '--healthzPort', String(healthz)],
      join(dir, 'rollouts-controller.log'),
    );
  }, 300_000);
  afterAll(async () => {
    if (controller) await stopProcess(controller);
    await fed?.stop();
  });

  it('a canary paused at its pause step: zonectl rollouts shows the step, reason and since of kubectl argo rollouts get', async () => {
    await createRollout('web');
    await setImage('web', 'registry.example.com/game:2');
    const ro = await until('web', 'paused at step 1', pausedAtStep(1));
    const got = await plugin('get', 'rollout', 'web');
    expect(got).toMatch(/^Status:\s+॥ Paused$/m);
    expect(got).toMatch(/^Message:\s+CanaryPauseStep$/m);
    expect(got).toMatch(/^\s+Step:\s+1\/3$/m);
    const list = await zonectl('rollouts', '--all', '-o', 'json');
    expect(list.code, list.out).toBe(0);
    const item = JSON.parse(list.out).items.find((x: any) => x.name === 'web');
    expect(item.rollout).toMatchObject({
      phase: 'paused',
      stepIndex: 1,
      pauseReason: 'CanaryPauseStep',
      pausedSince: ro.status.pauseConditions[0].startTime,
    });
    const table = await zonectl('rollouts', '--all');
    expect(table.out).toMatch(/web\s+Rollout\s+Canary\s+2\/3/);
  });

  it('zonectl approve promotes: the pause condition is cleared and the controller finishes the rollout', async () => {
    const r = await zonectl('approve', 'rollout/web', '--yes');
    expect(r.code, r.out).toBe(0);
    const done = await until(
      'web',
      'Healthy at the new revision',
      (ro) => ro?.status?.phase === 'Healthy' && ro.status.currentStepIndex === 3,
    );
    expect(done.status.pauseConditions ?? []).toEqual([]);
    expect(done.spec.template.spec.containers[0].image).toBe('registry.example.com/game:2');
  });

  it('zonectl reject aborts like kubectl argo rollouts abort', async () => {
    await setImage('web', 'registry.example.com/game:3');
    await until('web', 'paused at step 1', pausedAtStep(1));
    const r = await zonectl('reject', 'rollout/web', '--yes');
    expect(r.code, r.out).toBe(0);
    const aborted = await until('web', 'aborted', (ro) => ro?.status?.abort === true && ro.status.phase === 'Degraded');
    expect(aborted.status.message).toMatch(/RolloutAborted/);
    expect(await plugin('get', 'rollout', 'web')).toMatch(/^Status:\s+✖ Degraded$/m);
  });

  it('an approval planned at the pause is refused by its precondition once the controller has moved on', async () => {
    await createRollout('race');
    await setImage('race', 'registry.example.com/game:2');
    await until('race', 'paused at step 1', pausedAtStep(1));
    const client = new HttpClusterClient(CLUSTER, loadKubeconfig([fed.kubeconfigPath]).forContext(CLUSTER), { timeoutMs: 15_000 });
    try {
      const seen = await loadWorkload(client, 'Rollout', ns, 'race');
      const planned = planAction({ action: 'approve' }, seen.input);
      expect(planned.ok).toBe(true);
      if (!planned.ok) return;
      // Someone else promotes meanwhile; the controller moves past the pause step.
      await plugin('promote', 'race');
      await until('race', 'past the pause', (ro) => ro?.status?.currentStepIndex !== 1 && !(ro.status.pauseConditions ?? []).length);
      const refused = await execute(planned.plan, {
        client,
        user: 'admin',
        reason: 'cluster tier',
        auditFile: join(dir, 'audit.jsonl'),
        access: new AccessCache(),
      }).catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(ActionConflict);
      const after = await until('race', 'Healthy', (ro) => ro?.status?.phase === 'Healthy');
      expect(after.metadata.annotations?.[AUDIT_ANNOTATION]).toBeUndefined();
    } finally {
      client.close();
    }
  });
});
