// A one-shot list waits for every cluster to list or fail, up to a limit. A cluster still connecting
// when the wait gives up (a request with no deadline of its own, such as a hung credential plugin
// was) has no rows; it must be named as an error, not left out in silence (issue 16 #1).
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Fleet } from '../../source/fleet/fleet.js';
import { HttpClusterClient } from '../../source/kube/client.js';
import { KINDS } from '../../source/kinds/registry.js';
import { deriveSnapshot } from '../../source/store/derive.js';
import { FleetStore } from '../../source/store/fleet-store.js';
import { kubeConfigFor } from './kube-helpers.js';

let silent: Server;
const sockets = new Set<Socket>();
let url: string;

beforeAll(async () => {
  silent = createServer((s) => {
    sockets.add(s);
    s.on('data', () => undefined);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((r) => silent.close(r));
});

it('a cluster not listed when waitForSync gives up is a Timeout error naming it', async () => {
  const client = new HttpClusterClient('slow', kubeConfigFor(url, 't', 'slow'), { timeoutMs: 10_000 });
  const fleet = new Fleet([{ name: 'slow', client, info: { name: 'slow', server: url, user: 'slow-user', state: 'connecting' } }]);
  const store = new FleetStore(
    fleet,
    [{ type: KINDS.Pod, kind: 'Pod' }],
    deriveSnapshot({ zoneLabel: 'zonectl.io/zone', gameZone: { group: 'apps.example.com', version: 'v1alpha1' } }),
  );
  try {
    store.start();
    expect(store.clusterErrors()).toEqual([]); // still waiting: nothing to say yet
    await store.waitForSync(300);
    const errors = store.clusterErrors();
    expect(errors.map((e) => [e.cluster, e.error.kind, e.error.message, e.error.exitCode])).toEqual([
      ['slow', 'Timeout', 'not listed within 300 ms (still connecting)', 3],
    ]);
  } finally {
    fleet.close();
    await store.stop();
  }
});
