// The demo's virtual clock reads wall-clock time when it is served (the world is built by running
// 36 s of virtual time; status, event and log times must not be in the future, and "paused 12s" on
// the first frame must be the story's real age).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

let demo: Demo;
beforeAll(async () => {
  demo = await startDemo({ zones: 3, podsPerService: 1, tls: false });
});
afterAll(async () => {
  await demo?.stop();
});

describe('the demo clock', () => {
  it('is within a second or two of wall time once served, not 36 s ahead', () => {
    const skew = demo.world.clock.now() - Date.now();
    expect(Math.abs(skew)).toBeLessThan(2_000);
  });

  it('writes no timestamp in the future', () => {
    const now = Date.now() + 1_000;
    const stamps: string[] = [];
    for (const store of demo.world.stores.values())
      for (const t of [T.pod, T.gameStatefulSet, T.gameDeployment, T.gameZone])
        for (const o of store.list(t).items) {
          stamps.push(o.metadata.creationTimestamp as string);
          const cond = (o.status?.conditions as Array<{ lastTransitionTime?: string }> | undefined) ?? [];
          for (const c of cond) if (c.lastTransitionTime) stamps.push(c.lastTransitionTime);
        }
    expect(stamps.length).toBeGreaterThan(10);
    for (const s of stamps) expect(Date.parse(s)).toBeLessThanOrEqual(now);
  });
});
