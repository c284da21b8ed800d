// `zonectl logs` wiring against the simulator: argv -> follower -> JSON lines / raw prefixes on
// stdout, markers on stderr, exit codes; plus the --max-streams cap and one-pass reads.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { followLogs, parseLogsArgs } from '../../commands/logs.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { instanceRuns, seqOf, startLogWorld, until, type LogWorld } from './logs-follow-helpers.js';

let lw: LogWorld;
beforeAll(async () => {
  lw = await startLogWorld({ seed: 21, zonesPerCluster: 1, servicesPerZone: 3, podsPerService: 2, lineIntervalMs: 250 });
});
afterAll(async () => {
  await lw?.stop();
});

function capture(isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: { write: (s: string) => out.push(s), isTTY },
      stderr: { write: (s: string) => err.push(s) },
      env: {} as NodeJS.ProcessEnv,
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('zonectl logs (scripted) on the simulator', () => {
  it('-f -o json: one object per line with cluster, namespace, pod, container, timestamp, message; markers on stderr', async () => {
    const req = parseLogsArgs(['gamedeployment/login-global', '-n', 'global', '-f', '-o', 'json', '--tail', '-1']);
    const c = capture();
    const ac = new AbortController();
    const done = followLogs(req, lw.clusters('global'), { ...c.io, signal: ac.signal });
    await until(
      () =>
        c
          .err()
          .split('\n')
          .filter((l) => l.startsWith('+ ')).length === 7,
      'seven joins',
    );
    await lw.drive(3_000);
    await until(() => c.out().split('\n').length > 50, 'lines');
    ac.abort();
    expect(await done).toBe(0);
    const objs = c
      .out()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(objs[0])).toEqual(['cluster', 'namespace', 'pod', 'container', 'timestamp', 'message']);
    expect(new Set(objs.map((o) => o.cluster))).toEqual(new Set(['shanghai', 'nanjing', 'singapore']));
    for (const o of objs) {
      expect(o.namespace).toBe('global');
      expect(o.container).toBe('login');
      expect(o.timestamp).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    }
    const byStream = new Map<string, number[]>();
    for (const o of objs) {
      const k = `${o.cluster}/${o.pod}`;
      byStream.set(k, [...(byStream.get(k) ?? []), seqOf(o.message)]);
    }
    for (const [k, seqs] of byStream) instanceRuns(seqs, k);
    expect(c.err()).toMatch(/^\+ shanghai\/global\/login-global-[a-z0-9]+\/login$/m);
    expect(c.out()).not.toContain('Bearer');
    expect(c.err()).not.toMatch(/token/i);
  }, 60_000);

  it('raw output: cluster/pod/container prefix, uncoloured without a TTY, --timestamps, --include / --exclude', async () => {
    const req = parseLogsArgs([
      '-l',
      'app=login-global',
      '-n',
      'global',
      '--tail',
      '20',
      '--timestamps',
      '-i',
      'seq=\\d*[02468] ',
      '-e',
      'seq=\\d*0 ',
    ]);
    const c = capture(false);
    expect(await followLogs(req, lw.clusters('global'), c.io)).toBe(0);
    const lines = c.out().trim().split('\n');
    expect(lines.length).toBeGreaterThan(7);
    for (const l of lines) {
      expect(l).toMatch(/^(shanghai|nanjing|singapore)\/global\/login-global-[a-z0-9]+\/login \d{4}-\d\d-\d\dT[\d:.]+Z \d{4}-\d\d-\d\d /);
      const seq = seqOf(l);
      expect(seq % 2).toBe(0);
      expect(seq % 10).not.toBe(0);
    }
    expect(c.out()).not.toContain('\x1b[');
    // on a colour terminal each stream's prefix is coloured
    const tty = capture(true);
    await followLogs(parseLogsArgs(['-l', 'app=login-global', '-n', 'global', '--tail', '1']), lw.clusters('global'), tty.io);
    // eslint-disable-next-line no-control-regex -- the colour escape is the assertion
    expect(tty.out()).toMatch(/^\x1b\[\d+m(shanghai|nanjing|singapore)\/global\/login-global-[a-z0-9]+\/login\x1b\[39m /m);
  }, 60_000);

  it('--max-streams caps concurrent streams with one clear message; the rest wait', async () => {
    const req = parseLogsArgs(['gamedeployment/login-global', '-n', 'global', '-f', '--max-streams', '3', '--tail', '1']);
    const c = capture();
    const ac = new AbortController();
    const done = followLogs(req, lw.clusters('global'), { ...c.io, signal: ac.signal });
    await until(() => c.err().includes('--max-streams 3 reached'), 'cap message');
    await lw.drive(2_000);
    ac.abort();
    expect(await done).toBe(0);
    expect(
      c
        .err()
        .split('\n')
        .filter((l) => l.startsWith('+ ')),
    ).toHaveLength(3);
    expect(c.err().match(/--max-streams 3 reached/g)).toHaveLength(1);
    expect(
      new Set(
        c
          .out()
          .trim()
          .split('\n')
          .map((l) => l.split(' ')[0]),
      ).size,
    ).toBe(3);
  }, 60_000);

  it('one-pass read of a pod; not found anywhere is a usage error (exit 2)', async () => {
    const pod = lw.world.stores.get('nanjing')!.list(T.pod, { namespace: 'global' }).items[0]!.metadata.name!;
    const c = capture();
    expect(await followLogs(parseLogsArgs([`pod/${pod}`, '-n', 'global']), lw.clusters('global'), c.io)).toBe(0);
    const seqs = c.out().trim().split('\n').map(seqOf);
    expect(seqs[0]).toBe(1); // a single pod: the whole log by default
    instanceRuns(seqs, pod);
    expect(c.out()).toMatch(new RegExp(`^nanjing/global/${pod}/login `));
    const missing = capture();
    expect(await followLogs(parseLogsArgs(['pod/no-such-pod', '-n', 'global']), lw.clusters('global'), missing.io)).toBe(2);
    expect(missing.err()).toContain('pod/no-such-pod not found in any selected cluster');
    const noWorkload = capture();
    expect(await followLogs(parseLogsArgs(['gamestatefulset/nope', '-n', 'global', '-f']), lw.clusters('global'), noWorkload.io)).toBe(2);
    expect(noWorkload.err()).toContain('gamestatefulset/nope not found in any selected cluster');
  }, 60_000);

  it('--previous reads the terminated container once; a cluster that cannot be reached exits 3', async () => {
    const ref = lw.world.scenarios.inPlaceUpdate!;
    const restarted = lw.world.stores
      .get(ref.cluster)!
      .list(T.pod, { namespace: ref.namespace })
      .items.find((p) => p.status?.containerStatuses?.[0]?.restartCount > 0);
    expect(restarted, 'the demo world has a pod restarted in place').toBeDefined();
    {
      const c = capture();
      const code = await followLogs(
        parseLogsArgs([`pod/${restarted!.metadata.name}`, '-n', ref.namespace, '--previous']),
        lw.clusters(ref.namespace),
        c.io,
      );
      expect(code).toBe(0);
      const seqs = c.out().trim().split('\n').map(seqOf);
      expect(seqs[0]).toBe(1);
      instanceRuns(seqs, 'previous');
    }
    const { HttpClusterClient } = await import('../../source/kube/client.js');
    const { kubeConfigFor } = await import('./kube-helpers.js');
    const dead = new HttpClusterClient('gone', kubeConfigFor('http://127.0.0.1:9', 'x', 'gone'), { timeoutMs: 1_000 });
    const c = capture();
    const code = await followLogs(
      parseLogsArgs(['-l', 'app=login-global', '-n', 'global', '--tail', '1']),
      [...lw.clusters('global'), { name: 'gone', client: dead, namespace: 'global' }],
      c.io,
    );
    dead.close();
    expect(code).toBe(3);
    expect(c.err()).toContain('! gone: cannot reach http://127.0.0.1:9');
    expect(c.out().trim().split('\n')).toHaveLength(7); // the reachable clusters were still read
  }, 60_000);
});
