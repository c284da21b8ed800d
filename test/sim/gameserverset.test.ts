// OpenKruise Game's GameServerSet, end to end on the demo: the simulated controllers (ASTS of the
// same name, pods `<set>-<ordinal>`, one GameServer per pod, partition = servers kept old, priority
// order, paused honoured), the kind's reader, and hot update / hold / release / logs through the
// scripted commands.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readGameServerSet } from '../../source/kinds/gameserverset.js';
import { parseWorkloadKind } from '../../source/kinds/registry.js';
import type { KubeObject, ResourceType } from '../../source/kube/object.js';
import type { ActionName } from '../../source/model/action-types.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import type { ScenarioRef } from '../../source/sim/world.js';
import { actionRunner } from './demo-commands.js';

const GSS: ResourceType = {
  group: 'game.kruise.io',
  version: 'v1alpha1',
  resource: 'gameserversets',
  kind: 'GameServerSet',
  namespaced: true,
};
const GS: ResourceType = { group: 'game.kruise.io', version: 'v1alpha1', resource: 'gameservers', kind: 'GameServer', namespaced: true };
const ASTS: ResourceType = { group: 'apps.kruise.io', version: 'v1beta1', resource: 'statefulsets', kind: 'StatefulSet', namespaced: true };

let demo: Demo;
let dir: string;
let s: ScenarioRef;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-gss-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
  s = demo.world.scenarios.gameServerSet!;
});
afterAll(async () => {
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const store = () => demo.world.stores.get(s.cluster)!;
const set = () => store().get(GSS, s.namespace, s.name)!;
const pods = () =>
  store()
    .list(T.pod, { namespace: s.namespace, labelSelector: `game.kruise.io/owner-gss=${s.name}` })
    .items.sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
const image = (p: KubeObject, c: string) =>
  (p.status?.containerStatuses as Array<{ name: string; image: string }>).find((x) => x.name === c)!.image;
const NEXT_SCRIPTS = 'registry.example.com/project1/battle-scripts:1.9.0';

async function until(what: string, ok: () => boolean, ms = 15_000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const run = actionRunner(() => demo.kubeconfigPath);
const zonectl = (action: ActionName, args: string[]) => run(action, ['--context', s.cluster, '-n', s.namespace, ...args]);

describe('GameServerSet on the simulator', () => {
  it('runs on an Advanced StatefulSet of the same name; one GameServer per pod, synced onto the pod labels', () => {
    const gss = set();
    const asts = store().get(ASTS, s.namespace, s.name)!;
    expect(asts.metadata.ownerReferences).toEqual([expect.objectContaining({ kind: 'GameServerSet', name: s.name, controller: true })]);
    expect(asts.spec.podManagementPolicy).toBe('Parallel');
    expect(asts.spec.updateStrategy.rollingUpdate.unorderedUpdate.priorityStrategy.orderPriority).toEqual([
      { orderedKey: 'game.kruise.io/gs-update-priority' },
    ]);
    const ps = pods();
    expect(ps.map((p) => p.metadata.name)).toEqual([`${s.name}-0`, `${s.name}-1`, `${s.name}-2`]);
    for (const p of ps) {
      expect(p.metadata.ownerReferences![0]).toMatchObject({ apiVersion: 'apps.kruise.io/v1beta1', kind: 'StatefulSet', name: s.name });
      const gs = store().get(GS, s.namespace, p.metadata.name!)!;
      expect(gs.metadata.ownerReferences![0]).toMatchObject({ kind: 'Pod', name: p.metadata.name, uid: p.metadata.uid });
      expect(gs.status).toMatchObject({
        currentState: 'Ready',
        desiredState: 'Ready',
        networkStatus: { networkType: 'Kubernetes-HostPort' },
      });
      expect(p.metadata.labels!['game.kruise.io/gs-state']).toBe('Ready');
    }
    expect(ps[0]!.metadata.labels!['game.kruise.io/gs-opsState']).toBe('Maintaining');
    // No revisions on the set's status; pods counted, replicas copied from spec.
    expect(gss.status).toMatchObject({ replicas: 3, currentReplicas: 3, readyReplicas: 3, maintainingReplicas: 1 });
    expect(gss.status.updateRevision).toBeUndefined();
    expect(demo.world.controllers.get(s.cluster)!.rt.errors).toEqual([]);
  });

  it('partition 2 of 3 updated exactly one server in place: the highest update priority, not the highest ordinal', () => {
    const ps = pods();
    expect(ps.map((p) => image(p, 'scripts') === NEXT_SCRIPTS)).toEqual([false, true, false]);
    expect(ps[1]!.status.containerStatuses.find((c: { name: string }) => c.name === 'scripts').restartCount).toBe(1);
    const w = readGameServerSet(s.cluster, set());
    expect(w.rollout).toMatchObject({
      phase: 'paused',
      pauseReason: 'Partition',
      partition: 2,
      updated: 1,
      replicas: 3,
      strategy: 'InPlaceIfPossible',
    });
    expect(w.rollout.message).toBe('paused: partition 2 keeps 2 game servers on the old revision (1 Maintaining)');
    expect(w.selector).toEqual({ 'game.kruise.io/owner-gss': s.name });
    expect(parseWorkloadKind('gameserverset')).toBe('GameServerSet');
  });

  it('hold pauses the set (the controller honours it); approve waits for release, then promotes the rest in place', async () => {
    const uids = new Map(pods().map((p) => [p.metadata.name!, p.metadata.uid]));
    const hold = await zonectl('hold', [`gameserverset/${s.name}`, '--yes']);
    expect(hold.err).toBe('');
    expect(hold.code).toBe(0);
    expect(set().spec.updateStrategy.rollingUpdate.paused).toBe(true);
    expect(readGameServerSet(s.cluster, set()).rollout).toMatchObject({ phase: 'paused', pauseReason: 'Held' });

    const refused = await zonectl('approve', [`gameserverset/${s.name}`, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/the set is paused: release it first/);

    const release = await zonectl('release', [`gameserverset/${s.name}`, '--yes', '--wait', '--timeout', '20s']);
    expect(release.err).toBe('');
    expect(release.code).toBe(0);
    expect(set().metadata.annotations?.['zonectl.io/hold']).toBeUndefined();
    expect(readGameServerSet(s.cluster, set()).rollout).toMatchObject({ phase: 'paused', pauseReason: 'Partition' });

    const approve = await zonectl('approve', [`gameserverset/${s.name}`, '--yes', '--wait', '--timeout', '30s']);
    expect(approve.err).toBe('');
    expect(approve.code).toBe(0);
    expect(set().spec.updateStrategy.rollingUpdate.partition).toBe(0);
    expect(pods().every((p) => image(p, 'scripts') === NEXT_SCRIPTS)).toBe(true);
    expect(readGameServerSet(s.cluster, set()).rollout.phase).toBe('complete');
    // In place: the same pods (uids), the game container untouched.
    for (const p of pods()) {
      expect(p.metadata.uid).toBe(uids.get(p.metadata.name!));
      expect(image(p, 'battle')).toBe('registry.example.com/project1/battle:1.8.2');
    }
  });

  it('while held, a hot update is refused until release; then it goes through in place', async () => {
    const next = 'registry.example.com/project1/battle-scripts:1.9.1';
    expect((await zonectl('hold', [`gameserverset/${s.name}`, '--yes'])).code).toBe(0);
    const refused = await zonectl('hotupdate', [`gameserverset/${s.name}`, '--container', 'scripts', '--image', next, '--yes']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/held by .*: release it first/);
    expect(set().spec.gameServerTemplate.spec.containers[1].image).toBe(NEXT_SCRIPTS);
    expect((await zonectl('release', [`gameserverset/${s.name}`, '--yes'])).code).toBe(0);
    const hot = await zonectl('hotupdate', [`gameserverset/${s.name}`, '--container', 'scripts', '--image', next, '--yes']);
    expect(hot.err).toBe('');
    expect(hot.code).toBe(0);
    await until('every server on the new sidecar', () => pods().every((p) => image(p, 'scripts') === next), 30_000);
  });

  it('hot update with --one-pod-first and --wait: one server updated, the set paused at its partition', async () => {
    const next = 'registry.example.com/project1/battle:1.9.0';
    const r = await zonectl('hotupdate', [
      `gameserverset/${s.name}`,
      '--container',
      'battle',
      '--image',
      next,
      '--one-pod-first',
      '--yes',
      '--wait',
      '--timeout',
      '20s',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(set().spec.updateStrategy.rollingUpdate.partition).toBe(2);
    expect(
      pods()
        .filter((p) => image(p, 'battle') === next)
        .map((p) => p.metadata.name),
    ).toEqual([`${s.name}-1`]);
    expect(readGameServerSet(s.cluster, set()).rollout).toMatchObject({ phase: 'paused', pauseReason: 'Partition', updated: 1 });
  });
});
