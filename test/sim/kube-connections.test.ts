// `logs --max-streams 0` means no cap: the client must then not cap connections either. With a
// connection limit, streams past it wait for a free connection forever (a follow holds its connection
// for good), so they said "+ joined" and never delivered (issue 16 #12). Checked at the client with
// 40 followed log streams against the simulator: a limit of 32 delivers 32; no limit delivers all.
// Over HTTP/2 (TLS) streams share connections: 150 followed streams (more than one connection's 100
// concurrent streams) all deliver under the default limit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClusterClient } from '../../source/kube/client.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import { T } from '../../source/sim/controllers/kinds.js';
import { startDemo, type Demo } from '../../source/sim/demo.js';

let demo: Demo;
let h2: Demo;
beforeAll(async () => {
  [demo, h2] = await Promise.all([
    startDemo({ zones: 6, podsPerService: 2, clusters: ['shanghai'], tls: false, scenarios: false }),
    startDemo({ zones: 13, podsPerService: 2, clusters: ['shanghai'], tls: true, scenarios: false }),
  ]);
});
afterAll(async () => {
  await Promise.all([demo?.stop(), h2?.stop()]);
});

async function follow(connections: number | null | undefined, n: number, waitMs: number, on = demo): Promise<number> {
  const kc = loadKubeconfig([on.kubeconfigPath]);
  const client = new HttpClusterClient('shanghai', kc.forContext('shanghai'), { connections });
  const pods = on.world.stores
    .get('shanghai')!
    .list(T.pod)
    .items.slice(0, n)
    .map((p) => ({
      ns: p.metadata.namespace!,
      name: p.metadata.name!,
      container: (p.spec.containers as Array<{ name: string }>)[0]!.name,
    }));
  expect(pods).toHaveLength(n);
  const ac = new AbortController();
  const got = new Set<string>();
  const streams = pods.map((p) =>
    client
      .streamLines(
        {
          path: `/api/v1/namespaces/${p.ns}/pods/${p.name}/log`,
          query: { follow: true, tailLines: 1, container: p.container },
          timeoutMs: 60_000,
          signal: ac.signal,
        },
        () => got.add(`${p.ns}/${p.name}`),
      )
      .catch(() => undefined),
  );
  const t0 = Date.now();
  while (got.size < n && Date.now() - t0 < waitMs) await new Promise((r) => setTimeout(r, 25));
  ac.abort();
  await Promise.all(streams);
  client.close();
  return got.size;
}

describe('connections for followed streams', () => {
  it('no limit (null): every one of 40 followed streams delivers', async () => {
    expect(await follow(null, 40, 10_000)).toBe(40);
  });
  it('a limit of 32 holds the rest back (why --max-streams 0 must not set one)', async () => {
    expect(await follow(32, 40, 1_500)).toBe(32);
  });
  it('HTTP/2: 150 followed streams under the default limit all deliver', async () => {
    expect(await follow(undefined, 150, 20_000, h2)).toBe(150);
  });
});
