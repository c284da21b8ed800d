// The console must not keep an earlier snapshot alive: each snapshot holds every row of the fleet, and
// under a steady stream of watch events the rows of an old one are soon all replaced, so one old snapshot
// held for good is a second copy of the fleet's rows (~14.6 MiB on the fleet-scale console). A callback
// whose deps never change keeps the scope of the render it was made in, and V8 keeps one scope per call
// for every closure made in it: made in App or usePodFocus, that scope held the first render's snapshot.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { expect, it } from 'vitest';
import { KEYS, renderApp } from './harness.js';
import { makeSnapshot } from './fixtures.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

it('keeps no snapshot but the newest alive once it has drawn later ones', async () => {
  const h = await renderApp(makeSnapshot(), { columns: 120, rows: 40 });
  const refs = [new WeakRef(h.source.snapshot())];
  // Zones, a detail in and out, rollouts: the screens whose hooks run in the console's first minutes.
  const steps: string[][] = [['j'], [KEYS.enter], [KEYS.esc], ['2'], ['j'], ['1']];
  for (const keys of steps) {
    h.source.publish(makeSnapshot());
    refs.push(new WeakRef(h.source.snapshot()));
    await h.press(...keys);
  }
  // Frames that draw no new snapshot: React's other fiber tree then holds this one too, not an older one.
  await h.press('k');
  await h.press('j');
  await new Promise((r) => setTimeout(r, 0));
  gc();
  await new Promise((r) => setTimeout(r, 0));
  gc();
  const alive = refs.map((r) => r.deref() !== undefined);
  expect(alive.at(-1)).toBe(true);
  expect(alive.slice(0, -1)).toEqual(refs.slice(0, -1).map(() => false));
  h.unmount();
}, 30_000);
