// The pure parts of a fleet action: bounded concurrency per cluster and overall, the exit code of a
// partial outcome, the `-o name` form.
import { describe, expect, it } from 'vitest';
import { batchExitCode, boundedAll, targetName, type TargetResult } from '../../../source/actions/batch.js';

describe('boundedAll', () => {
  it('never runs more than perCluster of one cluster or overall at once, and keeps input order', async () => {
    const items = Array.from({ length: 30 }, (_, i) => ({ cluster: ['a', 'b', 'c'][i % 3]!, i }));
    const now = new Map<string, number>();
    let total = 0;
    let peakTotal = 0;
    const peak = new Map<string, number>();
    const out = await boundedAll(items, { perCluster: 2, overall: 5 }, async (x) => {
      now.set(x.cluster, (now.get(x.cluster) ?? 0) + 1);
      total++;
      peakTotal = Math.max(peakTotal, total);
      peak.set(x.cluster, Math.max(peak.get(x.cluster) ?? 0, now.get(x.cluster)!));
      await new Promise((r) => setTimeout(r, 2 + (x.i % 4)));
      now.set(x.cluster, now.get(x.cluster)! - 1);
      total--;
      return x.i;
    });
    expect(out).toEqual(items.map((x) => x.i));
    expect(Math.max(...peak.values())).toBe(2);
    expect(peakTotal).toBeLessThanOrEqual(5);
  });

  it('a dead cluster holds only its own slots: the others finish first', async () => {
    const order: string[] = [];
    await boundedAll(
      [{ cluster: 'dead' }, { cluster: 'dead' }, { cluster: 'ok' }, { cluster: 'ok' }],
      { perCluster: 1, overall: 4 },
      async (x) => {
        await new Promise((r) => setTimeout(r, x.cluster === 'dead' ? 40 : 1));
        order.push(x.cluster);
      },
    );
    expect(order.slice(0, 2)).toEqual(['ok', 'ok']);
  });
});

describe('batchExitCode', () => {
  const r = (exitCode: number) => ({ exitCode }) as TargetResult;
  it('0 only when every target is done; the shared code of the failures; else 1', () => {
    expect(batchExitCode([r(0), r(0)])).toBe(0);
    expect(batchExitCode([r(0), r(4), r(4)])).toBe(4);
    expect(batchExitCode([r(0), r(4), r(5)])).toBe(1);
  });
});

it('the -o name form names cluster, namespace, kind and name', () => {
  expect(targetName({ cluster: 'shanghai', namespace: 'zone-102', kind: 'GameDeployment', name: 'auth-1' })).toBe(
    'shanghai/zone-102/gamedeployment/auth-1',
  );
});
