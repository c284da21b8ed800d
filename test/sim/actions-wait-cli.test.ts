// The scripted `zonectl approve --wait` (one process, one command) on the action service's own informer pool:
// at most one watch per (cluster, type) open at any time on the demo's server, counted there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemo, type Demo } from '../../source/sim/demo.js';
import { runActionIn } from './in-process-action.js';
import { until } from './kube-helpers.js';

let demo: Demo;
let dir: string;
const saved = { ...process.env };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'zonectl-wait-cli-'));
  process.env.XDG_STATE_HOME = join(dir, 'state');
  process.env.ZONECTL_CONFIG = join(dir, 'config.yaml');
  demo = await startDemo({ speed: 20, zones: 6, podsPerService: 2, kubeconfigPath: join(dir, 'kubeconfig') });
});
afterAll(async () => {
  await demo?.stop();
  process.env = saved;
  rmSync(dir, { recursive: true, force: true });
});

describe('zonectl <action> --wait', () => {
  it('approve --yes --wait reaches its step with one watch per type at most', async () => {
    const s = demo.world.scenarios.awaitingApproval!;
    const store = demo.world.stores.get(s.cluster)!;
    const open = new Map<string, number>();
    const most = new Map<string, number>();
    const watch = store.watch.bind(store);
    store.watch = (t, opts, fn) => {
      const n = (open.get(t.resource) ?? 0) + 1;
      open.set(t.resource, n);
      most.set(t.resource, Math.max(n, most.get(t.resource) ?? 0));
      const stop = watch(t, opts, fn);
      return () => {
        open.set(t.resource, open.get(t.resource)! - 1);
        stop();
      };
    };
    const r = await runActionIn(demo.kubeconfigPath, 'approve', [
      `${s.kind.toLowerCase()}/${s.name}`,
      '--context',
      s.cluster,
      '-n',
      s.namespace,
      '--yes',
      '--wait',
      '--timeout',
      '60s',
    ]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Reached in \d+\.\d s\.$/m);
    console.log(`[wait-cli] most watches open at once: ${JSON.stringify(Object.fromEntries(most))}`);
    // The workload's type and its HookRuns, one watch each (the workload's none when its first GET already shows the step reached).
    for (const [type, n] of most) {
      expect([`${s.kind.toLowerCase()}s`, 'hookruns'], type).toContain(type);
      expect(n, type).toBe(1);
    }
    await until(() => [...open.values()].every((n) => n === 0)); // every watch closed with the command
  });
});
