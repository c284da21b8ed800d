// The action service through both of its front ends on `zonectl demo`: the scripted commands
// (runAction) and the console's port (ConsoleActions). Both must say the same thing for the same
// situation: one read-only rule, one "one pod first" rule, access reviews of the plan's own writes,
// and refusal codes that map to the documented exit codes.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actionHelp, runAction } from '../../commands/action-common.js';
import type { Streams } from '../../commands/action-io.js';
import { AccessCache, describeAccess } from '../../source/actions/access.js';
import { ActionConflict } from '../../source/actions/errors.js';
import type { PlannedAction } from '../../source/actions/service.js';
import { ConsoleActions } from '../../source/app/actions-port.js';
import { type Config, DEFAULT_CONFIG } from '../../source/config/config.js';
import { isRefusal, REFUSAL_EXIT, type RefusalCode } from '../../source/errors.js';
import { Fleet } from '../../source/fleet/fleet.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import type { ActionInput, ActionName, ActionTarget } from '../../source/model/action-types.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

const ARGO: ResourceType = { group: 'argoproj.io', version: 'v1alpha1', resource: 'rollouts', kind: 'Rollout', namespaced: true };

let demo: Demo;
let dir: string;
let cluster: string;
let ns: string;
const fleets: Fleet[] = [];
const saved = { ...process.env };

function deployment(name: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: ns },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: name } },
      strategy: { type: 'RollingUpdate' },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: `registry.example.com/game/${name}:2.1.0` }] } },
    },
    status: { observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 },
  };
}

/** An Argo Rollout paused at a manual pause step; with `ref`, it drives that Deployment (workloadRef). */
function argoRollout(name: string, ref?: string): KubeObject {
  const steps = [{ setWeight: 20 }, { pause: {} }, { setWeight: 60 }];
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Rollout',
    metadata: { name, namespace: ns, generation: 1 },
    spec: ref
      ? { replicas: 3, workloadRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: ref }, strategy: { canary: { steps } } }
      : {
          replicas: 3,
          selector: { matchLabels: { app: name } },
          template: { spec: { containers: [{ name, image: `registry.example.com/game/${name}:3.2.0` }] } },
          strategy: { canary: { steps } },
        },
    status: {
      observedGeneration: '1',
      replicas: 3,
      updatedReplicas: 1,
      readyReplicas: 3,
      availableReplicas: 3,
      currentStepIndex: 1,
      currentPodHash: '6d4f8c7b9',
      stableRS: '5c9f7d6b8',
      phase: 'Paused',
      message: 'CanaryPauseStep',
      controllerPause: true,
      pauseConditions: [{ reason: 'CanaryPauseStep', startTime: new Date().toISOString() }],
    },
  };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-service-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
  ({ cluster, namespace: ns } = demo.world.scenarios.awaitingApproval!);
  const store = demo.world.stores.get(cluster)!;
  store.create(T.deployment, deployment('lobby'));
  store.create(T.deployment, deployment('matchmaker'));
  store.create(ARGO, argoRollout('web'));
  store.create(ARGO, argoRollout('matchmaker', 'matchmaker'));
});
afterAll(async () => {
  for (const f of fleets) f.close();
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

// ---- the two front ends

interface Run {
  code: number;
  out: string;
  err: string;
}

async function zonectl(action: ActionName, args: string[]): Promise<Run> {
  const stdin = new PassThrough() as PassThrough & { isTTY?: boolean };
  stdin.isTTY = false;
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += String(d)));
  stderr.on('data', (d) => (err += String(d)));
  const io: Streams = { stdin, stdout, stderr };
  const code = await runAction(action, ['--kubeconfig', demo.kubeconfigPath, ...args], actionHelp(action, ''), io);
  return { code, out, err };
}

function consolePort(config: Partial<Config> = {}, readOnlyFlag = false, on = cluster): ConsoleActions {
  const cfg: Config = { ...DEFAULT_CONFIG, ...config };
  const fleet = Fleet.fromKubeconfig(loadKubeconfig([demo.kubeconfigPath]), [on, `${on}-viewer`], cfg);
  fleets.push(fleet);
  return new ConsoleActions({ fleet, config: cfg, readOnlyFlag, access: new AccessCache(), auditFile: join(dir, 'audit.jsonl') });
}

/** What a front end's promise rejected with, as the refusal's code and line. */
async function refusal(p: Promise<unknown>): Promise<{ code: RefusalCode; line: string; exitCode: number }> {
  const e = await p.then(
    () => undefined,
    (x: unknown) => x,
  );
  if (!isRefusal(e)) throw new Error(`expected a refusal, got ${String(e)}`);
  return { code: e.code, line: e.oneLine(), exitCode: e.exitCode };
}

const target = (kind: ActionTarget['kind'], name: string, on = cluster): ActionTarget => ({ cluster: on, kind, namespace: ns, name });
const rv = (t: ResourceType, name: string) => demo.world.stores.get(cluster)!.get(t, ns, name)!.metadata.resourceVersion;
const gsts = () => demo.world.scenarios.awaitingApproval!;

describe('one read-only rule for the commands and the console', () => {
  const cases: Array<{ what: string; config: Partial<Config>; flag?: boolean; why: () => string }> = [
    { what: 'the context', config: {}, why: () => `config contexts.${cluster}.readOnly` },
    { what: 'the config file', config: { readOnly: true }, why: () => `config ${process.env.ZONECTL_CONFIG} readOnly` },
    { what: 'the --readonly flag', config: {}, flag: true, why: () => '--readonly' },
  ];
  for (const c of cases) {
    it(`read-only from ${c.what}: the same refusal and words in both front ends, nothing written`, async () => {
      const s = gsts();
      const yaml =
        c.what === 'the context' ? `contexts:\n  ${cluster}:\n    readOnly: true\n` : c.config.readOnly ? 'readOnly: true\n' : '';
      writeFileSync(process.env.ZONECTL_CONFIG!, yaml);
      const before = rv(T.gameStatefulSet, s.name);
      try {
        const line = `${cluster}: read-only (${c.why()}): refusing to change anything`;
        const cmd = await zonectl('approve', [
          `gsts/${s.name}`,
          '--context',
          cluster,
          '-n',
          ns,
          '--yes',
          ...(c.flag ? ['--readonly'] : []),
        ]);
        expect(cmd).toMatchObject({ code: 4, err: `error: ${line}\n` });

        const config: Partial<Config> =
          c.what === 'the context' ? { contexts: { [cluster]: { readOnly: true } } } : { ...c.config, file: process.env.ZONECTL_CONFIG };
        const port = consolePort(config, c.flag);
        expect(await refusal(port.plan(target(s.kind, s.name), 'approve'))).toEqual({ code: 'read-only', line, exitCode: 4 });
        const keys = await port.available(target(s.kind, s.name));
        expect(keys.find((a) => a.action === 'approve')).toEqual({
          action: 'approve',
          possible: false,
          reason: `read-only (${c.why()})`,
          refusal: 'read-only',
        });
        // A plan made before read-only mode is refused when it is run.
        const planned = (await consolePort().plan(target(s.kind, s.name), 'hold')).plan;
        expect(await port.run(planned)).toEqual({ ok: false, message: line });
        expect(rv(T.gameStatefulSet, s.name)).toBe(before);
      } finally {
        rmSync(process.env.ZONECTL_CONFIG!, { force: true });
      }
    });
  }
});

describe('one pod first, the same in both front ends', () => {
  const hot = (container: string): ActionInput => ({ container, image: 'registry.example.com/game/next:9.9.9', onePodFirst: true });

  it('a Deployment has no partition: refused (usage, exit 2) by the command and by the console, nothing written', async () => {
    const before = rv(T.deployment, 'lobby');
    const line = 'hotupdate --one-pod-first: Deployment has no partition; use its rollout steps';
    const cmd = await zonectl('hotupdate', [
      'deployment/lobby',
      '--context',
      cluster,
      '-n',
      ns,
      '--container',
      'lobby',
      '--image',
      'registry.example.com/game/next:9.9.9',
      '--one-pod-first',
      '--yes',
      '--force',
    ]);
    expect(cmd).toMatchObject({ code: 2, err: `error: ${line}\n` });
    // The console used to plan this with the partition ignored: every pod would have been updated at once.
    expect(await refusal(consolePort().plan(target('Deployment', 'lobby'), 'hotupdate', hot('lobby')))).toEqual({
      code: 'usage',
      line,
      exitCode: 2,
    });
    expect(rv(T.deployment, 'lobby')).toBe(before);
  });

  it('an Argo Rollout has none either (its steps decide); the console refuses it too', async () => {
    expect(await refusal(consolePort().plan(target('Rollout', 'web'), 'hotupdate', hot('web')))).toEqual({
      code: 'usage',
      line: 'hotupdate --one-pod-first: Rollout has no partition; use its rollout steps',
      exitCode: 2,
    });
  });

  it('a GameStatefulSet has one: partition = replicas - 1 in the console plan, as the command sets it', async () => {
    const s = gsts();
    const obj = demo.world.stores.get(cluster)!.get(T.gameStatefulSet, ns, s.name)!;
    const replicas = obj.spec.replicas as number;
    const view = await consolePort().plan(target(s.kind, s.name), 'hotupdate', hot(obj.spec.template.spec.containers[0].name));
    expect(view.summary.join('\n')).toContain(`partition ${replicas - 1}: ordinals ${replicas - 1}..${replicas - 1} take the new image`);
  });
});

describe('access from the plan: a key is checked against the writes its plan would make', () => {
  const viewerSays = async (t: ActionTarget, action: ActionName) =>
    (await consolePort().available({ ...t, cluster: `${cluster}-viewer` })).find((a) => a.action === action);
  const adminPlans = async (t: ActionTarget, action: ActionName, input?: ActionInput) =>
    ((await consolePort().plan(t, action, input)).plan as PlannedAction).plan.access;

  it('Argo approve: the status subresource; Argo hot update through a workloadRef: the Deployment', async () => {
    const approve = await adminPlans(target('Rollout', 'web'), 'approve');
    expect(approve[0]).toMatchObject({ resource: 'rollouts', subresource: 'status', name: 'web' });
    expect(await viewerSays(target('Rollout', 'web'), 'approve')).toEqual({
      action: 'approve',
      possible: false,
      reason: `not allowed to ${describeAccess(approve[0]!)}`,
      refusal: 'forbidden',
    });

    const hot = await adminPlans(target('Rollout', 'matchmaker'), 'hotupdate', { container: 'matchmaker', image: 'r/m:2' });
    expect(hot).toEqual([{ verb: 'patch', group: 'apps', resource: 'deployments', namespace: ns, name: 'matchmaker' }]);
    expect((await viewerSays(target('Rollout', 'matchmaker'), 'hotupdate'))?.reason).toBe(`not allowed to ${describeAccess(hot[0]!)}`);
  });

  it('an allowed key keeps the state verdict and its caveat', async () => {
    const admin = await consolePort().available(target('Rollout', 'matchmaker'));
    expect(admin.find((a) => a.action === 'approve')).toMatchObject({ possible: true });
    expect(admin.find((a) => a.action === 'hotupdate')).toEqual({
      action: 'hotupdate',
      possible: true,
      reason: "warning: sets the image on Deployment matchmaker; pods are recreated through the rollout's steps",
    });
  });
});

describe('refusal codes -> exit codes', () => {
  it('each code the service refuses with is the exit code the command returns', async () => {
    const s = gsts();
    const check = (code: RefusalCode, r: Run, err: RegExp) => {
      expect(r.err).toMatch(err);
      expect(r.code, `${code}: ${r.err}`).toBe(REFUSAL_EXIT[code]);
    };
    // forbidden: the viewer (the executor's access review of Plan.access)
    check(
      'forbidden',
      await zonectl('approve', ['ro/web', '--context', `${cluster}-viewer`, '-n', ns, '--yes']),
      new RegExp(`^error: ${cluster}-viewer: not allowed to patch rollouts.argoproj.io/status ${ns}/web`),
    );
    // not-possible: approve of a workload with nothing to approve
    const ip = demo.world.scenarios.inPlaceUpdate!;
    check(
      'not-possible',
      await zonectl('approve', [`gsts/${ip.name}`, '--context', ip.cluster, '-n', ip.namespace, '--yes']),
      new RegExp(`^error: ${ip.cluster}: cannot approve GameStatefulSet ${ip.namespace}/${ip.name} on ${ip.cluster}: `),
    );
    expect(
      await refusal(
        consolePort({}, false, ip.cluster).plan({ ...target(ip.kind, ip.name, ip.cluster), namespace: ip.namespace }, 'approve'),
      ),
    ).toMatchObject({
      code: 'not-possible',
      exitCode: 1,
    });
    // needs-force: a Deployment recreates pods; --yes without --force
    const force = await zonectl('hotupdate', [
      'deployment/lobby',
      '--context',
      cluster,
      '-n',
      ns,
      '--container',
      'lobby',
      '--image',
      'r/lobby:3',
      '--yes',
    ]);
    check(
      'needs-force',
      force,
      new RegExp(
        `^error: ${cluster}: Deployment recreates pods \\(rolling update\\), no in-place update; add --force to confirm with --yes\n$`,
      ),
    );
    // needs-confirmation: no terminal to ask, no --yes
    check(
      'needs-confirmation',
      await zonectl('hold', [`gsts/${s.name}`, '--context', cluster, '-n', ns]),
      /^error: stdin is not a terminal: add --yes/,
    );
    // usage: an option the kind does not have
    check(
      'usage',
      await zonectl('hotupdate', [
        'ro/web',
        '--context',
        cluster,
        '-n',
        ns,
        '--container',
        'web',
        '--image',
        'r/w:4',
        '--one-pod-first',
        '--yes',
      ]),
      /^error: hotupdate --one-pod-first: Rollout has no partition; use its rollout steps\n$/,
    );
    // read-only
    check(
      'read-only',
      await zonectl('hold', [`gsts/${s.name}`, '--context', cluster, '-n', ns, '--yes', '--readonly']),
      /: read-only \(--readonly\): refusing to change anything\n$/,
    );
  });

  it('the console gets the same codes: needs-force only without asking, conflict when someone else acted', async () => {
    const port = consolePort();
    const lobby = (await port.plan(target('Deployment', 'lobby'), 'hotupdate', { container: 'lobby', image: 'r/lobby:5' })).plan;
    expect(lobby.plan.requiresForce).toBe(true);
    expect(await refusal(port.service.run(lobby, { confirmed: 'yes' }))).toMatchObject({ code: 'needs-force', exitCode: 2 });

    const s = gsts();
    const held = (await port.plan(target(s.kind, s.name), 'hold')).plan;
    // Someone else changes the spec (a label change or a controller's status write is no conflict).
    demo.world.stores.get(cluster)!.mutate(T.gameStatefulSet, ns, s.name, (o) => ({ ...o, spec: { ...o.spec, minReadySeconds: 3 } }));
    const e = await port.service.run(held, { confirmed: 'asked' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(ActionConflict);
    expect(await refusal(Promise.reject(e as Error))).toMatchObject({ code: 'conflict', exitCode: 5 });
    expect(await port.run(held)).toMatchObject({ ok: false, message: expect.stringMatching(/changed since it was read/) });
  });
});
