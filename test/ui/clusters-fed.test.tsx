import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, test } from 'vitest';
import { expectFits, rowWith, selectedLine } from './assert-frame.js';
import { makeSnapshot } from './fixtures.js';
import { KEYS, renderApp } from './harness.js';

afterEach(() => cleanup());

describe('clusters view', () => {
  test("state, version, latency, last error; Enter shows that cluster's zones", async () => {
    const h = await renderApp(makeSnapshot(), { view: 'clusters', columns: 160, rows: 24 });
    const f = h.frame();
    expectFits(f, 160, 24);
    // Same headers as `zonectl clusters` (was NAME ... LAST ERROR in the console).
    expect(rowWith(f, '  CLUSTER')).toMatch(/CLUSTER.*STATE.*SYNCED.*VERSION.*LATENCY.*SERVER.*ERROR/);
    expect(rowWith(f, 'sg-prod-1  ')).toMatch(/unreachable +no +v1\.29\.8 +- .*connection refused/);
    expect(rowWith(f, 'nj-prod-1  ')).toMatch(/ready +yes +v1\.30\.4 +18ms/);
    await h.press('j', 'j');
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toMatch(/^Zones {2}\[4\/12\] {2}ctx:sg-prod-1/);
    await h.press(KEYS.esc);
    expect(h.lines()[1]).not.toContain('ctx:');
  });
});

describe('federation view', () => {
  test('list and detail: placement, per-cluster propagation beside live state, overrides, masked template', async () => {
    const h = await renderApp(makeSnapshot(), { view: 'fed', columns: 140, rows: 40 });
    const f = h.frame();
    expectFits(f, 140, 40);
    expect(rowWith(f, 'gateway-1')).toMatch(
      /fed-host .*game-1001 .*gateway-1 .*GameDeployment .*sh-prod-1,nj-prod-1,sg-prod-1 .*1 .*1 failing: sg-prod-1 ClusterNotReady/,
    );
    await h.press(KEYS.enter);
    const d = h.frame();
    expectFits(d, 140, 40);
    expect(h.lines()[1]).toBe('Federation > FederatedGameDeployment/gateway-1');
    expect(d).toContain('placement    sh-prod-1, nj-prod-1, sg-prod-1');
    expect(rowWith(d, '    sh-prod-1 ')).toMatch(/propagated \| live v1\.4\.2 updated 3\/3 up to date/);
    expect(rowWith(d, '    sg-prod-1 ')).toMatch(/\[stale: unreachable\] ClusterNotReady/);
    expect(d).toContain('override replace /spec/replicas = 5');
    expect(d).toContain('/spec/template/spec/containers/0/image = "registry.example.com/game/gateway:v1.4.2"');
    expect(d).toContain('/data/dbPassword = ********');
    expect(d).not.toContain('hunter2');
    // '/' does not apply in detail views: no filter prompt.
    await h.press('/');
    expect(h.lines().at(-1)).not.toContain('/_');
    // The live member line drills into that cluster's workload.
    for (let i = 0; i < 20 && !selectedLine(h.frame()).includes('sh-prod-1 propagated'); i++) await h.press('j');
    expect(selectedLine(h.frame())).toMatch(/^> {3}sh-prod-1 propagated/);
    await h.press(KEYS.enter);
    expect(h.lines()[1]).toBe('Federation > FederatedGameDeployment/gateway-1 > GameDeployment/gateway-1@sh-prod-1');
    expect(h.frame()).toContain('GameDeployment game-1001/gateway-1 in sh-prod-1');
    await h.press(KEYS.esc, KEYS.esc);
    expect(h.lines()[1]).toMatch(/^Federation {2}\[1\]/);
  });

  test('empty federation', async () => {
    const snap = makeSnapshot();
    const h = await renderApp({ ...snap, federated: [], fedClusters: [] }, { view: 'fed' });
    expect(h.frame()).toContain('No federated objects: no kubefed host in the fleet.');
  });
});
