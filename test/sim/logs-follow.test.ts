// Following logs against the simulator, asserting on sequence numbers: every container instance's
// lines arrive exactly once, in order, from seq=1, through in-place restarts and pod recreation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T, FED_NAMESPACE } from '../../source/sim/controllers/kinds.js';
import { LogFollower } from '../../source/logs/follower.js';
import type { FollowOptions } from '../../source/logs/types.js';
import { CollectingSink, instanceRuns, startLogWorld, until, type LogWorld } from './logs-follow-helpers.js';

let lw: LogWorld;
beforeAll(async () => {
  lw = await startLogWorld({ seed: 11, zonesPerCluster: 1, servicesPerZone: 3, podsPerService: 2, lineIntervalMs: 200 });
});
afterAll(async () => {
  await lw?.stop();
});

const base: FollowOptions = { follow: true, tailLines: -1, maxStreams: 0, zoneLabel: 'zonectl.io/zone', leaveGraceMs: 500 };

function podsOf(cluster: string, ns: string, selector: string) {
  return lw.world.stores.get(cluster)!.list(T.pod, { namespace: ns, labelSelector: selector }).items;
}

describe('logs follow on the simulator', () => {
  it('follows a federated GameDeployment across three clusters through an in-place hot update: no line lost or repeated', async () => {
    const { world } = lw;
    const sink = new CollectingSink();
    const f = new LogFollower(lw.clusters('global'), { type: 'workload', kind: 'GameDeployment', name: 'login-global' }, base);
    f.start(sink);
    const summary = await f.ready;
    expect(summary.withTarget).toBe(3);
    const before = world.members.flatMap((c) => podsOf(c, 'global', 'app=login-global').map((p) => ({ c, p })));
    expect(before.length).toBe(7);
    await until(() => sink.lines.size === 7, 'every pod streaming');
    await lw.drive(5_000);

    // Hot update: new image in the federated template and in every per-cluster override.
    const host = world.stores.get(world.host!)!;
    host.mutate(T.federatedGameDeployment, 'global', 'login-global', (o) => {
      o.spec.template.spec.template.spec.containers[0].image = 'registry.example.com/project1/login:2.4.0';
      for (const ov of o.spec.overrides) for (const co of ov.clusterOverrides) if (co.path.endsWith('/image')) co.value = 'registry.example.com/project1/login:2.4.0';
      return o;
    });
    const restarted = () => before.every(({ c, p }) => {
      const now = world.stores.get(c)!.get(T.pod, 'global', p.metadata.name!);
      return now?.status?.containerStatuses?.[0]?.restartCount === 1 && now.status.containerStatuses[0].state?.running;
    });
    for (let i = 0; i < 120 && !restarted(); i++) await lw.drive(1_000);
    expect(restarted()).toBe(true);
    await lw.drive(4_000);

    // Let the follower catch up with everything the sim has written, then compare with the source.
    const expectedNow = () =>
      before.map(({ c, p }) => ({ id: `${c}/global/${p.metadata.name}/login`, cur: world.logs.read(c, 'global', p.metadata.name!, 'login', {}).length }));
    await until(() => expectedNow().every(({ id, cur }) => {
      const runs = (() => { try { return instanceRuns(sink.seqs(id), id); } catch { return []; } })();
      return runs.length === 2 && runs[1]!.length === cur;
    }), 'follower caught up with both instances of every pod', 15_000);
    await f.stop();

    for (const { c, p } of before) {
      const id = `${c}/global/${p.metadata.name}/login`;
      const runs = instanceRuns(sink.seqs(id), id); // throws on any gap or repeat
      expect(runs, id).toHaveLength(2); // old instance, then the restarted one, each from seq=1
      const prev = world.logs.read(c, 'global', p.metadata.name!, 'login', { previous: true });
      const cur = world.logs.read(c, 'global', p.metadata.name!, 'login', {});
      // The old instance was followed to its end (at least everything `previous` serves) ...
      expect(runs[0]!.length).toBeGreaterThanOrEqual(prev.length);
      // ... and the new one completely.
      expect(runs[1]!.length).toBe(cur.length);
    }
    expect(sink.events.filter((e) => e.kind === 'restart').length).toBeGreaterThanOrEqual(7);
    expect(sink.events.filter((e) => e.kind === 'join').length).toBe(7);
    expect(f.stats().restarts).toBe(7);
    expect(f.stats().errors).toBe(0);
  }, 120_000);

  it('follows a zone through a pod deleted and recreated and a dropped connection: no line lost or repeated', async () => {
    const { world } = lw;
    const sink = new CollectingSink();
    const f = new LogFollower(lw.clusters(undefined), { type: 'zone', id: '101' }, base);
    f.start(sink);
    const summary = await f.ready;
    expect(summary.failures).toEqual([]);
    const zonePods = () => world.members.flatMap((c) => world.stores.get(c)!.list(T.pod, { labelSelector: 'zonectl.io/zone=101' }).items.map((p) => ({ c, p })));
    const initial = zonePods();
    expect(initial.length).toBeGreaterThanOrEqual(4);
    await until(() => sink.lines.size >= initial.length, 'every zone pod streaming');
    await lw.drive(3_000);

    // Delete db-1-0: the GameStatefulSet controller recreates it under the same name (new uid).
    const shanghai = world.stores.get('shanghai')!;
    const oldUid = shanghai.get(T.pod, 'zone-101', 'db-1-0')!.metadata.uid;
    shanghai.delete(T.pod, 'zone-101', 'db-1-0');
    const recreated = () => {
      const p = shanghai.get(T.pod, 'zone-101', 'db-1-0');
      return !!p && p.metadata.uid !== oldUid && !!p.status?.containerStatuses?.[0]?.state?.running;
    };
    for (let i = 0; i < 60 && !recreated(); i++) await lw.drive(1_000);
    expect(recreated()).toBe(true);
    await lw.drive(3_000);

    // Drop every connection (log streams and pod watches) while lines keep coming.
    const cut = lw.proxies.reduce((n, p) => n + p.cutAll(), 0);
    expect(cut).toBeGreaterThan(0);
    await lw.drive(3_000, 250, 20);
    await until(() => f.stats().resumes > 0, 'streams resumed');
    await lw.drive(2_000);

    const id = 'shanghai/zone-101/db-1-0/db';
    const current = () => zonePods().map(({ c, p }) => ({ key: `${c}/${p.metadata.namespace}/${p.metadata.name}/${p.spec.containers[0].name}`, c, p }));
    const caughtUp = () =>
      current().every(({ key, c, p }) => {
        let runs: number[][];
        try {
          runs = instanceRuns(sink.seqs(key), key);
        } catch {
          return false;
        }
        const cur = world.logs.read(c, p.metadata.namespace!, p.metadata.name!, p.spec.containers[0].name, {}).length;
        return runs.length > 0 && runs[runs.length - 1]!.length === cur;
      });
    await until(caughtUp, 'follower caught up after the cut', 15_000);
    await f.stop();

    for (const { key } of current()) instanceRuns(sink.seqs(key), key); // throws on a gap or a repeat
    const runs = instanceRuns(sink.seqs(id), id);
    expect(runs.length).toBe(2); // the deleted pod's log, then the recreated pod's from seq=1
    expect(sink.events.some((e) => e.kind === 'leave' && e.stream?.id === id)).toBe(true);
    expect(sink.events.filter((e) => e.kind === 'join' && e.stream?.id === id)).toHaveLength(2);
    expect(f.stats().resumes).toBeGreaterThan(0);
    expect(f.stats().duplicatesSkipped).toBeGreaterThan(0); // the resumed reads overlapped and were cut at the seam
  }, 120_000);
});
