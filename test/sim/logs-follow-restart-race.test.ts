// A resumed log stream that the server answers with the container's next instance. After a dropped
// connection the slot GETs the pod (the old instance still runs) and reopens its stream from the last
// timestamp; if the container restarts between the two, the server serves the new instance (a kubelet
// picks the instance when the request arrives). The old instance's tail must then come from
// previous=true, from the last timestamp seen: no line of either instance lost or repeated.
// The race is made certain here: the proxy holds the resumed request (and the pod watch, so the slot
// learns of the restart only from what the stream serves) until the container has restarted.
// Also here: a stream that lags behind its instance (the output is slow) when the pod watch reports the
// next one is closed after the grace period; what it had not delivered is read with previous=true.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../source/sim/controllers/kinds.js';
import { LogFollower } from '../../source/logs/follower.js';
import { CollectingSink, instanceRuns, startLogWorld, until, type LogWorld } from './logs-follow-helpers.js';

let lw: LogWorld;
beforeAll(async () => {
  lw = await startLogWorld({ seed: 11, zonesPerCluster: 1, servicesPerZone: 3, podsPerService: 2, lineIntervalMs: 200 });
});
afterAll(async () => {
  await lw?.stop();
});

/** Collects lines; while `gate` is set the follower reads no more of its streams (a full output). */
class GatedSink extends CollectingSink {
  gate?: Promise<void>;
  paused(): Promise<void> | undefined {
    return this.gate;
  }
}

/** Restart every login-global container in place: a hot update of its image in the federated template. */
function hotUpdate(image: string): void {
  const host = lw.world.stores.get(lw.world.host!)!;
  host.mutate(T.federatedGameDeployment, 'global', 'login-global', (o) => {
    o.spec.template.spec.template.spec.containers[0].image = image;
    for (const ov of o.spec.overrides) for (const co of ov.clusterOverrides) if (co.path.endsWith('/image')) co.value = image;
    return o;
  });
}

describe('logs follow: a resume answered by the next container instance', () => {
  it('reads the old instance’s rest with previous=true from the last timestamp, then the new one from its first line', async () => {
    const { world } = lw;
    const i = 0;
    const cluster = world.members[i]!;
    const store = world.stores.get(cluster)!;
    const pod = store.list(T.pod, { namespace: 'global', labelSelector: 'app=login-global' }).items[0]!;
    const name = pod.metadata.name!;
    const restartsBefore = pod.status.containerStatuses[0].restartCount as number;
    const id = `${cluster}/global/${name}/login`;
    const sink = new CollectingSink();
    const f = new LogFollower(
      lw.clusters('global').filter((c) => c.name === cluster),
      { type: 'pod', name },
      { follow: true, tailLines: -1, maxStreams: 0, zoneLabel: 'zonectl.io/zone', leaveGraceMs: 500 },
    );
    f.start(sink);
    await f.ready;
    await until(() => sink.seqs(id).length > 0, 'streaming');
    await lw.drive(3_000);
    await until(() => sink.seqs(id).length === world.logs.read(cluster, 'global', name, 'login', {}).length, 'caught up');

    // Hold the resumed log request and the pod list/watch; the pod GET and any other log request pass.
    const proxy = lw.proxies[i]!;
    proxy.hold((l) => (/\/log\?/.test(l) && /sinceTime=/.test(l) && !/previous=true/.test(l)) || /\/pods\?/.test(l));
    proxy.cutAll();
    await until(() => proxy.held.some((l) => /\/log\?/.test(l)), 'the resumed request is held');

    // The container restarts in place (a hot update of its image) and writes lines; then the request goes on.
    hotUpdate('registry.example.com/project1/login:2.6.0');
    const restarted = () => store.get(T.pod, 'global', name)?.status?.containerStatuses?.[0]?.restartCount === restartsBefore + 1;
    for (let k = 0; k < 120 && !restarted(); k++) await lw.drive(250, 250, 1);
    expect(restarted()).toBe(true);
    await lw.drive(2_000, 250, 1);
    const prev = world.logs.read(cluster, 'global', name, 'login', { previous: true }).length;
    expect(world.logs.read(cluster, 'global', name, 'login', {}).length).toBeGreaterThan(0); // the new instance wrote lines
    proxy.release();

    const cur = () => world.logs.read(cluster, 'global', name, 'login', {}).length;
    const runsNow = () => {
      try {
        return instanceRuns(sink.seqs(id), id);
      } catch {
        return [];
      }
    };
    await until(() => runsNow().length === 2 && runsNow()[1]!.length === cur(), 'both instances read', 15_000);
    await f.stop();

    const runs = instanceRuns(sink.seqs(id), id); // throws on a gap or a repeat
    expect(runs).toHaveLength(2);
    expect(runs[0]!.length).toBe(prev); // the old instance to its last line: its tail came from previous=true
    expect(runs[1]!.length).toBe(cur());
  }, 60_000);

  it('a lagging stream closed after the grace period: its undelivered lines come from previous=true', async () => {
    const { world } = lw;
    const i = 1;
    const cluster = world.members[i]!;
    const store = world.stores.get(cluster)!;
    const pod = store.list(T.pod, { namespace: 'global', labelSelector: 'app=login-global' }).items[0]!;
    const name = pod.metadata.name!;
    const restartsBefore = pod.status.containerStatuses[0].restartCount as number;
    const id = `${cluster}/global/${name}/login`;
    const sink = new GatedSink();
    const f = new LogFollower(
      lw.clusters('global').filter((c) => c.name === cluster),
      { type: 'pod', name },
      { follow: true, tailLines: -1, maxStreams: 0, zoneLabel: 'zonectl.io/zone', leaveGraceMs: 300 },
    );
    f.start(sink);
    await f.ready;
    await until(() => sink.seqs(id).length > 0, 'streaming');
    await lw.drive(2_000);
    await until(() => sink.seqs(id).length === world.logs.read(cluster, 'global', name, 'login', {}).length, 'caught up');

    // The output stops taking lines; the instance writes on, restarts, and the pod watch says so.
    let open!: () => void;
    sink.gate = new Promise((r) => (open = r));
    await lw.drive(2_000, 250, 1);
    hotUpdate('registry.example.com/project1/login:2.7.0');
    const restarted = () => store.get(T.pod, 'global', name)?.status?.containerStatuses?.[0]?.restartCount === restartsBefore + 1;
    for (let k = 0; k < 120 && !restarted(); k++) await lw.drive(250, 250, 1);
    expect(restarted()).toBe(true);
    await until(() => sink.events.filter((e) => e.kind === 'restart' && e.stream?.id === id).length > 0, 'the watch reported the restart');
    // Past the grace period the old stream is closed with its last lines still in flight; then the output drains.
    await new Promise((r) => setTimeout(r, 1_000));
    sink.gate = undefined;
    open();
    await lw.drive(1_000);

    const prev = world.logs.read(cluster, 'global', name, 'login', { previous: true }).length;
    const cur = () => world.logs.read(cluster, 'global', name, 'login', {}).length;
    const runsNow = () => {
      try {
        return instanceRuns(sink.seqs(id), id);
      } catch {
        return [];
      }
    };
    await until(() => runsNow().length === 2 && runsNow()[1]!.length === cur(), 'both instances read', 15_000);
    await f.stop();

    const runs = instanceRuns(sink.seqs(id), id); // throws on a gap or a repeat
    expect(runs).toHaveLength(2);
    expect(runs[0]!.length).toBeGreaterThanOrEqual(prev); // every line previous=true serves of the old instance
    expect(runs[1]!.length).toBe(cur());
  }, 60_000);

  it('restarted twice before the resume: the instance in between is read whole, and a notice says the first one’s rest is gone', async () => {
    const { world } = lw;
    const i = 2;
    const cluster = world.members[i]!;
    const store = world.stores.get(cluster)!;
    const pod = store.list(T.pod, { namespace: 'global', labelSelector: 'app=login-global' }).items[0]!;
    const name = pod.metadata.name!;
    const restartsBefore = pod.status.containerStatuses[0].restartCount as number;
    const id = `${cluster}/global/${name}/login`;
    const sink = new CollectingSink();
    const f = new LogFollower(
      lw.clusters('global').filter((c) => c.name === cluster),
      { type: 'pod', name },
      { follow: true, tailLines: -1, maxStreams: 0, zoneLabel: 'zonectl.io/zone', leaveGraceMs: 500 },
    );
    f.start(sink);
    await f.ready;
    await until(() => sink.seqs(id).length > 0, 'streaming');
    await lw.drive(2_000);
    await until(() => sink.seqs(id).length === world.logs.read(cluster, 'global', name, 'login', {}).length, 'caught up');
    const firstSeen = sink.seqs(id).length;

    const proxy = lw.proxies[i]!;
    proxy.hold((l) => (/\/log\?/.test(l) && /sinceTime=/.test(l) && !/previous=true/.test(l)) || /\/pods\?/.test(l));
    proxy.cutAll();
    await until(() => proxy.held.some((l) => /\/log\?/.test(l)), 'the resumed request is held');
    const restarts = () => store.get(T.pod, 'global', name)?.status?.containerStatuses?.[0]?.restartCount as number;
    for (const [n, image] of [
      [1, 'registry.example.com/project1/login:2.8.0'],
      [2, 'registry.example.com/project1/login:2.9.0'],
    ] as const) {
      hotUpdate(image);
      for (let k = 0; k < 120 && restarts() !== restartsBefore + n; k++) await lw.drive(250, 250, 1);
      expect(restarts()).toBe(restartsBefore + n);
      await lw.drive(2_000, 250, 1);
    }
    const between = world.logs.read(cluster, 'global', name, 'login', { previous: true }).length;
    proxy.release();

    const cur = () => world.logs.read(cluster, 'global', name, 'login', {}).length;
    const runsNow = () => {
      try {
        return instanceRuns(sink.seqs(id), id);
      } catch {
        return [];
      }
    };
    await until(() => runsNow().length === 3 && runsNow()[2]!.length === cur(), 'three instances read', 15_000);
    await f.stop();

    const runs = instanceRuns(sink.seqs(id), id); // throws on a gap or a repeat
    expect(runs).toHaveLength(3);
    expect(runs[0]!.length).toBe(firstSeen); // out of reach after firstSeen: previous=true serves the next instance
    expect(runs[1]!.length).toBe(between); // the instance in between, whole
    expect(runs[2]!.length).toBe(cur());
    expect(sink.events.some((e) => e.kind === 'notice' && e.stream?.id === id && /restarted more than once/.test(e.message))).toBe(true);
  }, 60_000);
});
