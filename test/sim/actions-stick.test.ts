// Actions that stick (issue 15) on `zonectl demo`: a hold that the bk-bcs controller honours (or an
// honest refusal), approve refused while held, a way on after one pod first, preconditions that
// ignore the controllers' status writes, and protected contexts that --yes alone cannot pass.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessCache } from '../../source/actions/access.js';
import { ConsoleActions } from '../../source/app/actions-port.js';
import { DEFAULT_CONFIG } from '../../source/config/config.js';
import { Fleet } from '../../source/fleet/fleet.js';
import { readObject } from '../../source/kinds/read.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { KubeObject } from '../../source/kube/object.js';
import { stateText } from '../../source/model/format.js';
import type { WorkloadInfo } from '../../source/model/types.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import type { ScenarioRef } from '../../source/sim/world.js';
import { actionRunner } from './demo-commands.js';

let demo: Demo;
let dir: string;
const saved = { ...process.env };
const fleets: Fleet[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-stick-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 3, kubeconfigPath: join(dir, 'kubeconfig') });
});
afterAll(async () => {
  for (const f of fleets) f.close();
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const run = actionRunner(() => demo.kubeconfigPath);
const store = (cluster: string) => demo.world.stores.get(cluster)!;
const typeOf = (kind: string) => (kind === 'GameDeployment' ? T.gameDeployment : T.gameStatefulSet);
const live = (s: Pick<ScenarioRef, 'cluster' | 'namespace' | 'kind' | 'name'>): KubeObject =>
  store(s.cluster).get(typeOf(s.kind), s.namespace, s.name)!;
const info = (s: ScenarioRef): WorkloadInfo => {
  const r = readObject(s.cluster, live(s));
  if (r?.type !== 'workload') throw new Error('not a workload');
  return r.row;
};
const on = (s: Pick<ScenarioRef, 'cluster' | 'namespace' | 'kind' | 'name'>) => [
  `${s.kind.toLowerCase()}/${s.name}`,
  '--context',
  s.cluster,
  '-n',
  s.namespace,
];
/** Seconds of the demo's controller time (it runs 20x). */
const controllerTime = (s: number) => new Promise((r) => setTimeout(r, (s * 1000) / 20));

describe('holds that hold', () => {
  it('a canary GameStatefulSet waiting at a pause step: hold records it, approve is refused until release, a minute later it still waits', async () => {
    const s = demo.world.scenarios.awaitingApproval!;
    expect(info(s).rollout.message).toBe('paused: awaiting approval');
    const hold = await run('hold', [...on(s), '--yes']);
    expect(hold.err).toBe('');
    expect(hold.code).toBe(0);
    expect(JSON.parse(live(s).metadata.annotations!['zonectl.io/hold']!)).toMatchObject({ previous: null, on: 'step' });
    // What every table shows.
    expect(stateText(info(s).rollout)).toMatch(new RegExp(`^held by ${s.cluster}-admin \\d+s; paused: awaiting approval`));

    const approve = await run('approve', [...on(s), '--yes']);
    expect(approve.code).toBe(1);
    expect(approve.err).toMatch(/held by .*: release it first/);
    const skip = await run('hotupdate', [...on(s), '--yes', '--container', 'game', '--image', 'r/x:9']);
    expect(skip.code).toBe(1);

    const step = live(s).status.currentStepIndex;
    await controllerTime(60);
    expect(live(s).status.currentStepIndex).toBe(step);
    expect(info(s).rollout.phase).toBe('paused');

    expect((await run('release', [...on(s), '--yes'])).code).toBe(0);
    expect(live(s).metadata.annotations?.['zonectl.io/hold']).toBeUndefined();
    const go = await run('approve', [...on(s), '--yes', '--wait', '--timeout', '30s']);
    expect(go.err).toBe('');
    expect(go.code).toBe(0);
  });

  it('a canary workload whose steps set the partition: hold is refused with the reason, nothing written', async () => {
    const s = demo.world.scenarios.awaitingApproval!;
    const rv = live(s).metadata.resourceVersion;
    const r = await run('hold', [...on(s), '--yes']);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/bk-bcs ignores rollingUpdate.partition while steps are set/);
    expect(live(s).metadata.resourceVersion).toBe(rv);
  });
});

describe('a way on after one pod first', () => {
  it('hotupdate --continue finishes the rollout (partition 0) and --continue --partition moves it back', async () => {
    // A GameStatefulSet without canary steps, released from its GameZone (ownership is its own issue).
    const z = demo.world.zones.find((x) => x.cluster === 'singapore')!;
    const s = { cluster: z.cluster, namespace: z.namespace, kind: 'GameStatefulSet' as const, name: 'game-2' };
    store(s.cluster).mutate(T.gameStatefulSet, s.namespace, s.name, (o) => ({
      ...o,
      metadata: { ...o.metadata, ownerReferences: (o.metadata.ownerReferences ?? []).filter((r) => r.kind !== 'GameZone') },
    }));
    const image = 'registry.example.com/project1/service:2.0.0';
    const first = await run('hotupdate', [
      ...on(s),
      '--container',
      'game',
      '--image',
      image,
      '--one-pod-first',
      '--yes',
      '--wait',
      '--timeout',
      '30s',
    ]);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(live(s).status.updatedReplicas).toBe(1);
    // Before: the same image was "already runs", approve had no steps, release no hold: a dead end.
    const cont = await run('hotupdate', [...on(s), '--continue', '--yes', '--wait', '--timeout', '30s']);
    expect(cont.err).toBe('');
    expect(cont.code).toBe(0);
    expect(cont.out).toContain('container game keeps registry.example.com/project1/service:2.0.0');
    expect(live(s).spec.updateStrategy.rollingUpdate.partition).toBe(0);
    expect(live(s).status.updatedReplicas).toBe(3);
    const back = await run('hotupdate', [...on(s), '--continue', '--partition', '2', '--yes']);
    expect(back.code).toBe(0);
    expect(live(s).spec.updateStrategy.rollingUpdate.partition).toBe(2);
    expect((await run('hotupdate', [...on(s), '--continue', '--image', image, '--yes'])).code).toBe(2);
  }, 90_000);
});

describe('preconditions guard the decision, not the controllers status writes', () => {
  it('approve planned, then the controller writes status (resourceVersion moves): the approve still runs', async () => {
    const s = demo.world.scenarios.inconclusiveHook!;
    const fleet = Fleet.fromKubeconfig(loadKubeconfig([demo.kubeconfigPath]), [s.cluster], DEFAULT_CONFIG);
    fleets.push(fleet);
    const port = new ConsoleActions({ fleet, config: DEFAULT_CONFIG, access: new AccessCache(), auditFile: join(dir, 'audit.jsonl') });
    const planned = await port.service.plan({ cluster: s.cluster, kind: s.kind, namespace: s.namespace, name: s.name }, 'approve');
    const before = live(s).metadata.resourceVersion;
    store(s.cluster).update(
      typeOf(s.kind),
      { ...live(s), status: { ...live(s).status, observedGeneration: live(s).metadata.generation } },
      {
        subresource: 'status',
      },
    );
    const cur = live(s);
    store(s.cluster).update(
      typeOf(s.kind),
      { ...cur, status: { ...cur.status, labelSelector: `${cur.status.labelSelector},x=y` } },
      { subresource: 'status' },
    );
    expect(live(s).metadata.resourceVersion).not.toBe(before);
    const res = await port.service.run(planned, { confirmed: 'asked' });
    expect(res.writes.map((w) => w.describe)).toEqual(['spec.updateStrategy.paused = false']);
  });
});

describe('acting where the truth lives: kubefed', () => {
  const FGD = {
    group: 'types.kubefed.io',
    version: 'v1beta1',
    resource: 'federatedgamedeployments',
    kind: 'FederatedGameDeployment',
    namespaced: true,
  };
  const member = (cluster: string) => ({ cluster, namespace: 'global', kind: 'GameDeployment' as const, name: 'login-global' });
  const fed = () => store('fed-host').get(FGD, 'global', 'login-global')!;
  const image = (cluster: string) => live(member(cluster)).spec.template.spec.containers[0].image as string;

  it("without the host a member change needs --force and says kubefed puts it back; with --kubefed-host it goes into that cluster's override and stays", async () => {
    const m = member('shanghai');
    const args = [...on(m), '--container', 'login', '--image', 'registry.example.com/project1/login:2.4.0', '--yes'];
    const below = await run('hotupdate', args);
    expect(below.code).toBe(2);
    expect(below.err).toMatch(
      /kubefed FederatedGameDeployment global\/login-global owns this workload's spec: this change is reverted on the next propagation/,
    );

    const others = { nanjing: image('nanjing'), singapore: image('singapore') };
    const r = await run('hotupdate', [...args, '--kubefed-host', 'fed-host', '--wait', '--timeout', '30s']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('PATCH federatedgamedeployments.types.kubefed.io global/login-global');
    expect(
      (fed().spec.overrides as Array<{ clusterName: string; clusterOverrides: unknown[] }>).find((o) => o.clusterName === 'shanghai'),
    ).toEqual({
      clusterName: 'shanghai',
      clusterOverrides: [{ path: '/spec/template/spec/containers/0/image', value: 'registry.example.com/project1/login:2.4.0' }],
    });
    await controllerTime(60);
    expect(image('shanghai')).toBe('registry.example.com/project1/login:2.4.0');
    expect({ nanjing: image('nanjing'), singapore: image('singapore') }).toEqual(others);

    // A cluster that already has an image override: its value is replaced.
    const n = await run('hotupdate', [
      ...on(member('nanjing')),
      '--container',
      'login',
      '--image',
      'registry.example.com/project1/login:2.4.1',
      '--yes',
      '--kubefed-host',
      'fed-host',
      '--wait',
      '--timeout',
      '30s',
    ]);
    expect(n.err).toBe('');
    expect(n.code).toBe(0);
    expect(image('nanjing')).toBe('registry.example.com/project1/login:2.4.1');
  }, 60_000);
});

describe('--wait says what happened instead of waiting out its timeout', () => {
  it('a newer change replaces the image being waited for: superseded, exit 1, at once', async () => {
    const z = demo.world.zones.find((x) => x.cluster === 'shanghai' && x.namespace !== demo.world.scenarios.awaitingApproval!.namespace)!;
    const s: ScenarioRef = { cluster: z.cluster, namespace: z.namespace, kind: 'GameStatefulSet', name: 'game-2', zone: String(z.zoneId) };
    const ours = 'registry.example.com/project1/service:3.0.0';
    const theirs = 'registry.example.com/project1/service:3.0.1';
    // Someone else's change lands right after ours (a script, kubectl, the GameZone).
    const racer = (async () => {
      while (live(s).spec.template.spec.containers[0].image !== ours) await new Promise((r) => setTimeout(r, 5));
      store(s.cluster).mutate(T.gameStatefulSet, s.namespace, s.name, (o) => {
        o.spec.template.spec.containers[0].image = theirs;
        return o;
      });
    })();
    const t0 = Date.now();
    const r = await run('hotupdate', [...on(s), '--container', 'game', '--image', ours, '--yes', '--wait', '--timeout', '60s']);
    await racer;
    expect(r.code).toBe(1);
    expect(r.out).toContain(`Gave up: superseded: container game is now ${theirs}; stopped waiting.`);
    expect(Date.now() - t0).toBeLessThan(20_000);
  });
});

describe('protected contexts', () => {
  it('--yes alone is refused (exit 2); --confirm with the workload name acts', async () => {
    const s = demo.world.scenarios.failedRollout!;
    writeFileSync(process.env.ZONECTL_CONFIG!, `contexts:\n  ${s.cluster}: { protected: true }\n`);
    try {
      const rv = live(s).metadata.resourceVersion;
      const r = await run('retry-hooks', [...on(s), '--yes']);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        `error: ${s.cluster}: protected context: --yes needs --confirm ${s.name} to retry-hooks GameDeployment/${s.name}\n`,
      );
      expect((await run('retry-hooks', [...on(s), '--yes', '--confirm', 'someone-else'])).code).toBe(2);
      expect(live(s).metadata.resourceVersion).toBe(rv);
      const ok = await run('retry-hooks', [...on(s), '--yes', '--confirm', s.name]);
      expect(ok.err).toBe('');
      expect(ok.code).toBe(0);
    } finally {
      rmSync(process.env.ZONECTL_CONFIG!, { force: true });
    }
  });
});

describe('acting where the truth lives: the GameZone', () => {
  /** Any edit of the GameZone makes its controller re-apply its images (as the zone operator does). */
  const editGameZone = (s: ScenarioRef) =>
    store(s.cluster).mutate(T.gameZone, s.namespace, `zone${s.zone}`, (o) => {
      o.spec.gameZone.redisConfig = { ...o.spec.gameZone.redisConfig, port: 6380 };
      return o;
    });

  it('reject of a GameZone service restores the image in the GameZone too: a GameZone edit a minute later keeps it', async () => {
    const s = demo.world.scenarios.failedRollout!;
    const before = live(s).spec.template.spec.containers[0].image;
    const r = await run('reject', [...on(s), '--yes', '--wait', '--timeout', '30s']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`owner       GameZone ${s.namespace}/zone${s.zone}`);
    expect(r.out).toMatch(/write the image to GameZone .* serviceConfig\[\d+\] \(auth-1\): its controller rolls it to the workload/);
    const restored = live(s).spec.template.spec.containers[0].image;
    expect(restored).not.toBe(before);
    editGameZone(s);
    await controllerTime(60);
    expect(live(s).spec.template.spec.containers[0].image).toBe(restored);
    expect(info(s).rollout.phase).toBe('complete');
  }, 60_000);

  it('a hot update of the GameZone-managed container goes to the GameZone and stays', async () => {
    const z = demo.world.zones.find((x) => x.cluster === 'nanjing' && x.namespace !== demo.world.scenarios.inconclusiveHook!.namespace)!;
    const s: ScenarioRef = { cluster: z.cluster, namespace: z.namespace, kind: 'GameStatefulSet', name: 'game-2', zone: String(z.zoneId) };
    const image = 'registry.example.com/project1/service:1.8.3';
    const r = await run('hotupdate', [...on(s), '--container', 'game', '--image', image, '--yes', '--wait', '--timeout', '30s']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('PATCH gamezones.apps.example.com');
    const gz = store(s.cluster).get(T.gameZone, s.namespace, `zone${s.zone}`)!;
    const entries = gz.spec.gameZone.serviceConfig as Array<{ type: string; id: number; image?: string }>;
    expect(entries.find((e) => e.type === 'game' && e.id === 2)?.image).toBe(image);
    editGameZone(s);
    await controllerTime(60);
    expect(live(s).spec.template.spec.containers[0].image).toBe(image);
  }, 60_000);

  it('one GameZone entry for several services: acting below it needs --force and says it will be reverted', async () => {
    const z = demo.world.zones.find((x) => x.cluster === 'singapore' && x.namespace !== demo.world.scenarios.inPlaceUpdate!.namespace)!;
    const s: ScenarioRef = { cluster: z.cluster, namespace: z.namespace, kind: 'GameStatefulSet', name: 'game-2', zone: String(z.zoneId) };
    store(s.cluster).mutate(T.gameZone, s.namespace, `zone${s.zone}`, (o) => {
      const e = (o.spec.gameZone.serviceConfig as Array<{ type: string; id: number; endId?: number }>).find(
        (x) => x.type === 'game' && x.id === 2,
      )!;
      e.endId = 3;
      return o;
    });
    await controllerTime(10);
    const args = [...on(s), '--container', 'game', '--image', 'registry.example.com/project1/service:7.7.7', '--yes'];
    const refused = await run('hotupdate', args);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(
      /game-2 is one of game-2\.\.3 in GameZone .*: .* sets this image: this change is reverted on its next reconcile/,
    );
    // Forced below the owner, and the GameZone is edited meanwhile: --wait says who put it back.
    const racer = (async () => {
      while (live(s).spec.template.spec.containers[0].image !== 'registry.example.com/project1/service:7.7.7')
        await new Promise((r) => setTimeout(r, 5));
      editGameZone(s);
    })();
    const forced = await run('hotupdate', [...args, '--force', '--wait', '--timeout', '60s']);
    await racer;
    expect(forced.err).toBe('');
    expect(forced.out).toContain('PATCH gamestatefulsets.tkex.tencent.com');
    expect(forced.code).toBe(1);
    expect(forced.out).toMatch(new RegExp(`Gave up: reverted by GameZone ${s.namespace}/zone${s.zone}: container game is back on \\S+\\.`));
  });
});
