import { afterAll, describe, expect, it } from 'vitest';
import { buildDemoWorld } from '../../source/sim/world.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { StoreError } from '../../source/sim/store-api.js';

const world = buildDemoWorld({ seed: 5, zonesPerCluster: 2, lineIntervalMs: 1000 });
afterAll(() => world.stop());

function seqs(lines: Array<{ text: string }>): number[] {
  return lines.map((l) => Number(/ seq=(\d+) /.exec(l.text)![1]));
}

describe('simulated pod logs', () => {
  const store = world.stores.get('shanghai')!;
  const pod = store.list(T.pod, { labelSelector: 'zonectl.io/service=db-1' }).items[0];
  const ns = pod.metadata.namespace!;
  const name = pod.metadata.name!;

  it('lines carry zone, service and gap-free sequence numbers; reads are repeatable', () => {
    const lines = world.logs.read('shanghai', ns, name, 'db', {});
    expect(lines.length).toBeGreaterThan(10);
    expect(seqs(lines)).toEqual(lines.map((_, i) => i + 1));
    expect(lines[0].text).toContain(`[zone ${pod.metadata.labels!['zonectl.io/zone']}][db-1]`);
    expect(lines[0].time).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z$/);
    expect(world.logs.read('shanghai', ns, name, 'db', {})).toEqual(lines);
    const tail = world.logs.read('shanghai', ns, name, 'db', { tailLines: 5 });
    expect(tail).toEqual(lines.slice(-5));
    const since = world.logs.read('shanghai', ns, name, 'db', { sinceSeconds: 10 });
    expect(since.length).toBeGreaterThan(5);
    expect(since.length).toBeLessThanOrEqual(11);
    expect(since).toEqual(lines.slice(lines.length - since.length));
  });

  it('follow delivers every new line exactly once as time passes', async () => {
    const before = world.logs.read('shanghai', ns, name, 'db', {});
    const got: Array<{ text: string }> = [];
    const ac = new AbortController();
    const done = world.logs.follow('shanghai', ns, name, 'db', (l) => got.push(l), ac.signal);
    world.advance(30_000, 700);
    ac.abort();
    await done;
    const s = seqs(got);
    expect(s.length).toBeGreaterThanOrEqual(25);
    expect(s[0]).toBe(before.length + 1);
    expect(s).toEqual(s.map((_, i) => before.length + 1 + i));
  });

  it('an in-place restarted container starts a new log; previous returns the old one', () => {
    const ref = world.scenarios.inPlaceUpdate!;
    const s = world.stores.get(ref.cluster)!;
    world.advance(60_000, 1000);
    const restarted = s
      .list(T.pod, { namespace: ref.namespace, labelSelector: 'zonectl.io/service=game-1' })
      .items.find((p) => p.status.containerStatuses[0].restartCount > 0)!;
    expect(restarted).toBeDefined();
    const cur = world.logs.read(ref.cluster, ref.namespace, restarted.metadata.name!, 'game', {});
    const prev = world.logs.read(ref.cluster, ref.namespace, restarted.metadata.name!, 'game', { previous: true });
    expect(seqs(cur)[0]).toBe(1);
    expect(cur[0].text).toContain('starting');
    expect(prev.length).toBeGreaterThan(cur.length > 0 ? 1 : 0);
    expect(Date.parse(prev[prev.length - 1].time)).toBeLessThanOrEqual(Date.parse(cur[0].time));
    const never = s.list(T.pod, { namespace: ref.namespace, labelSelector: 'zonectl.io/service=db-1' }).items[0];
    expect(() => world.logs.read(ref.cluster, ref.namespace, never.metadata.name!, 'db', { previous: true })).toThrow(StoreError);
  });
});
