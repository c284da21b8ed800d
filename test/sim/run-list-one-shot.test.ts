// A one-shot list (commands/run-list.ts) against the demo, in process: it asks the clusters only what it
// prints — discovery and the lists, no GET /version — and derives no alerts (issue 14: start-up as fast
// as kubectl's). The console's session, for contrast, asks the version.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runList } from '../../commands/run-list.js';
import { openSession } from '../../source/app/session.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import type { Snapshot } from '../../source/store/types.js';

let demo: Demo;
let dir: string;
const requests: string[] = [];
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-one-shot-'));
  process.env.XDG_CONFIG_HOME = join(dir, 'config');
  demo = await startDemo({ seed: 3, kubeconfigPath: join(dir, 'kubeconfig'), onRequest: (c, m, url) => requests.push(`${c} ${m} ${url}`) });
});
afterAll(async () => {
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

const flags = () => ({ kubeconfig: demo.kubeconfigPath, context: ['shanghai'], allNamespaces: true, output: 'table' as const });

describe('a one-shot list', () => {
  it('sends discovery and the lists only, and its snapshot has zones but no alerts', async () => {
    const from = requests.length;
    let seen: Snapshot | undefined;
    const code = await runList(
      flags(),
      ['zones'],
      (s) => {
        seen = s;
        return { text: '', empty: false };
      },
      'none',
    );
    expect(code).toBe(0);
    expect(seen!.zones.length).toBeGreaterThan(0);
    expect(seen!.alerts).toBeUndefined();
    const sent = requests.slice(from).filter((r) => r.startsWith('shanghai '));
    expect(sent.some((r) => / GET \/apis\/apps\/v1$/.test(r))).toBe(true);
    expect(sent.some((r) => /GET \/apis\/apps\/v1\/statefulsets/.test(r))).toBe(true);
    expect(sent.filter((r) => / GET \/version$/.test(r))).toEqual([]);
  });

  it('while a long-lived session asks each cluster its version and derives alerts', async () => {
    const from = requests.length;
    const session = openSession(flags(), ['zones']);
    try {
      session.store.start();
      await session.store.waitForSync(10_000);
      await expect.poll(() => requests.slice(from).filter((r) => r === 'shanghai GET /version').length, { timeout: 10_000 }).toBe(1);
      expect(session.store.snapshot().alerts).toBeDefined();
    } finally {
      await session.close();
    }
  });
});
