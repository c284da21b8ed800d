// Following logs against the simulator, asserting on sequence numbers: every container instance's
// lines arrive exactly once, in order, from seq=1, through in-place restarts and pod recreation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../source/sim/controllers/kinds.js';
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
      for (const ov of o.spec.overrides)
        for (const co of ov.clusterOverrides) if (co.path.endsWith('/image')) co.value = 'registry.example.com/project1/login:2.4.0';
      return o;
    });
    const restarted = () =>
      before.every(({ c, p }) => {
        const now = world.stores.get(c)!.get(T.pod, 'global', p.metadata.name!);
        return now?.status?.containerStatuses?.[0]?.restartCount === 1 && now.status.containerStatuses[0].state?.running;
      });
    for (let i = 0; i < 120 && !restarted(); i++) await lw.drive(1_000);
    expect(restarted()).toBe(true);
    await lw.drive(4_000);

    // Let the follower catch up with everything the sim has written, then compare with the source.
    const expectedNow = () =>
      before.map(({ c, p }) => ({
        id: `${c}/global/${p.metadata.name}/login`,
        cur: world.logs.read(c, 'global', p.metadata.name!, 'login', {}).length,
      }));
    await until(
      () =>
        expectedNow().every(({ id, cur }) => {
          const runs = (() => {
            try {
              return instanceRuns(sink.seqs(id), id);
            } catch {
              return [];
            }
          })();
          return runs.length === 2 && runs[1]!.length === cur;
        }),
      'follower caught up with both instances of every pod',
      15_000,
    );
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
    const zonePods = () =>
      world.members.flatMap((c) =>
        world.stores
          .get(c)!
          .list(T.pod, { labelSelector: 'zonectl.io/zone=101' })
          .items.map((p) => ({ c, p })),
      );
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
    const current = () =>
      zonePods().map(({ c, p }) => ({ key: `${c}/${p.metadata.namespace}/${p.metadata.name}/${p.spec.containers[0].name}`, c, p }));
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

  it('connections dropping again and again during a hot update: every line of both instances arrives exactly once', async () => {
    const { world } = lw;
    const sink = new CollectingSink();
    const f = new LogFollower(lw.clusters('global'), { type: 'workload', kind: 'GameDeployment', name: 'login-global' }, base);
    f.start(sink);
    await f.ready;
    const pods = world.members.flatMap((c) =>
      podsOf(c, 'global', 'app=login-global').map((p) => ({ c, p, restarts: p.status.containerStatuses[0].restartCount as number })),
    );
    await until(() => sink.lines.size === pods.length, 'every pod streaming');
    await lw.drive(2_000);
    const host = world.stores.get(world.host!)!;
    host.mutate(T.federatedGameDeployment, 'global', 'login-global', (o) => {
      o.spec.template.spec.template.spec.containers[0].image = 'registry.example.com/project1/login:2.5.0';
      for (const ov of o.spec.overrides)
        for (const co of ov.clusterOverrides) if (co.path.endsWith('/image')) co.value = 'registry.example.com/project1/login:2.5.0';
      return o;
    });
    const restarted = () =>
      pods.every(({ c, p, restarts }) => {
        const now = world.stores.get(c)!.get(T.pod, 'global', p.metadata.name!);
        return now?.status?.containerStatuses?.[0]?.restartCount === restarts + 1 && now.status.containerStatuses[0].state?.running;
      });
    let cuts = 0;
    for (let i = 0; i < 120 && !restarted(); i++) {
      cuts += lw.proxies.reduce((n, p) => n + p.cutAll(), 0);
      await lw.drive(250, 250, 30);
    }
    expect(restarted()).toBe(true);
    expect(cuts).toBeGreaterThan(0);
    await lw.drive(3_000);
    const expected = () =>
      pods.map(({ c, p }) => ({
        id: `${c}/global/${p.metadata.name}/login`,
        cur: world.logs.read(c, 'global', p.metadata.name!, 'login', {}).length,
        prev: world.logs.read(c, 'global', p.metadata.name!, 'login', { previous: true }).length,
      }));
    const counts = (id: string) => {
      const m = new Map<number, number>();
      for (const s of sink.seqs(id)) m.set(s, (m.get(s) ?? 0) + 1);
      return m;
    };
    // Exactly {1..nOld} + {1..nNew}: nothing lost, nothing repeated (order is checked by the other tests).
    const exact = ({ id, cur, prev }: { id: string; cur: number; prev: number }) => {
      const total = sink.seqs(id).length;
      const old = total - cur;
      if (old < prev) return false;
      const m = counts(id);
      for (let s = 1; s <= Math.max(old, cur); s++) if ((m.get(s) ?? 0) !== (s <= old ? 1 : 0) + (s <= cur ? 1 : 0)) return false;
      return m.size === Math.max(old, cur);
    };
    try {
      await until(() => expected().every(exact), 'every line of both instances exactly once', 20_000);
    } catch (e) {
      for (const x of expected()) {
        const m = counts(x.id);
        const seqs = sink.seqs(x.id);
        const dups = [];
        for (let q = 1; q <= x.prev + 5; q++)
          if ((m.get(q) ?? 0) !== (q <= x.prev ? 1 : 0) + (q <= x.cur ? 1 : 0)) dups.push(`${q}x${m.get(q) ?? 0}`);
        console.log(
          x.id,
          'total',
          seqs.length,
          'cur',
          x.cur,
          'prev',
          x.prev,
          'exact',
          exact(x),
          'odd',
          dups.slice(0, 12).join(' '),
          'seq tail',
          seqs.slice(-8).join(','),
          'restarts',
          sink.events
            .filter((ev) => ev.stream?.id === x.id)
            .map((ev) => ev.kind + ':' + ev.message)
            .join(' | '),
        );
      }
      throw e;
    }
    await f.stop();
    expect(f.stats().errors).toBeGreaterThan(0); // streams really broke
  }, 120_000);
});
