// The console Diff view at 80x24 on the simulator with the demo config repo: counts per cluster, apps, drifted
// objects; Enter shows the coloured diff; `a` shows Synced objects; `r` re-compares and picks up a live change.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cleanup, render } from 'ink-testing-library';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDiffPort } from '../../source/app/diff-port.js';
import { writeDemoRepo } from '../../source/sim/demo-repo.js';
import { DiffView } from '../../source/ui/views/DiffView.js';
import { expectFits } from '../ui/assert-frame.js';
import { KEYS } from '../ui/harness.js';
import { startDiffWorld, type DiffWorld } from './diff-world.js';

afterEach(() => cleanup());

describe('DiffView on the simulator', () => {
  let w: DiffWorld;
  let dir: string;
  beforeAll(async () => {
    w = await startDiffWorld();
    dir = mkdtempSync(join(tmpdir(), 'zonectl-diffview-'));
    await writeDemoRepo(dir, w.world);
  });
  afterAll(async () => {
    await w?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists clusters, apps and drifted objects; Enter opens the diff; a toggles Synced; r refreshes', async () => {
    const port = createDiffPort({ repo: dir }, w.kc);
    let closed = 0;
    const r = render(<DiffView port={port} width={80} height={23} onClose={() => closed++} />);
    const frame = () => r.lastFrame() ?? '';
    const waitFor = async (pred: (f: string) => boolean, what: string) => {
      for (let i = 0; i < 400; i++) {
        if (pred(frame())) return frame();
        await new Promise((res) => setTimeout(res, 10));
      }
      throw new Error(`timed out waiting for ${what}; last frame:\n${frame()}`);
    };
    const press = async (k: string) => {
      r.stdin.write(k);
      await new Promise((res) => setTimeout(res, 30));
    };
    try {
      let f = await waitFor((x) => x.includes('shanghai  1 app:'), 'the report');
      expectFits(f, 80, 24);
      expect(f).toMatch(/shanghai {2}1 app: 1 modified, 1 missing, 1 synced/);
      expect(f).toMatch(/nanjing {2}1 app: 1 modified, 1 synced/);
      expect(f).toMatch(/> {5}Modified {2}GameZone\.apps\.example\.com zone-\d+\/zone\d+/);
      expect(f).toMatch(/Missing {3}ConfigMap zone-\d+\/zone-motd/);
      expect(f).not.toMatch(/Synced {4}GameZone/);
      // Enter: the diff of the first drifted object, coloured lines included
      await press(KEYS.enter);
      f = await waitFor((x) => x.includes('predicted by'), 'the detail');
      expectFits(f, 80, 24);
      expect(f).toMatch(/predicted by server-dry-run/);
      expect(f).toMatch(/\+\s+defaultImage: registry\.example\.com\/project1\/service:1\.9\.0|\+\s+pwd: "?\*\*\*\(hmac:[0-9a-f]{8}\)"?/);
      await press(KEYS.esc);
      f = await waitFor((x) => x.includes('enter diff'), 'back to the list');
      await press('a');
      f = await waitFor((x) => /Synced {4}GameZone/.test(x), 'synced objects');
      await press('a');
      // r: a live change is picked up (the nanjing zone gets the pwd Git has -> Synced)
      const store = w.world.stores.get('nanjing')!;
      const t = store.typeFor('apps.example.com/v1alpha1', 'GameZone')!;
      const z = store.list(t).items[0]!;
      store.mutate(t, z.metadata.namespace, z.metadata.name!, (o) => ({
        ...o,
        spec: {
          ...o.spec,
          gameZone: { ...o.spec.gameZone, mysqlConfig: { ...o.spec.gameZone.mysqlConfig, pwd: 'demo-password-rotated' } },
        },
      }));
      await press('r');
      f = await waitFor((x) => /nanjing {2}1 app: 2 synced/.test(x), 'the refreshed report');
      expect(f).not.toContain('demo-password-rotated');
      await press(KEYS.esc);
      expect(closed).toBe(1);
    } finally {
      port.close();
    }
  });
});
