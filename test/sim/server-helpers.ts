// Shared setup for the sim server tests: one cluster on 127.0.0.1 with a few objects, and fetch helpers.
import { startSimCluster, type SimCluster } from '../../source/sim/cluster-server.js';
import { MemoryLogSource } from '../../source/sim/log-source.js';
import { MemoryStore } from '../../source/sim/store.js';
import type { ResourceType } from '../../source/kube/object.js';

export const T = {
  ns: { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false },
  pod: { group: '', version: 'v1', resource: 'pods', kind: 'Pod', namespaced: true },
  cm: { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true },
  gd: { group: 'tkex.tencent.com', version: 'v1alpha1', resource: 'gamedeployments', kind: 'GameDeployment', namespaced: true },
} satisfies Record<string, ResourceType>;

export interface Fixture {
  sim: SimCluster;
  logs: MemoryLogSource;
  call(path: string, init?: RequestInit & { user?: 'admin' | 'viewer' | 'none' }): Promise<{ status: number; body: any; text: string }>;
}

export async function startFixture(opts: { historySize?: number; bookmarkIntervalMs?: number; tls?: boolean } = {}): Promise<Fixture> {
  const store = new MemoryStore('sim-t', { historySize: opts.historySize });
  for (const n of ['default', 'game']) store.create(T.ns, { metadata: { name: n } });
  const gd = store.create(T.gd, {
    metadata: { name: 'gd1', namespace: 'game', labels: { app: 'game' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { app: 'game' } },
      template: { spec: { containers: [{ name: 'game', image: 'game:1' }] } },
    },
    status: { replicas: 2 },
  });
  for (let i = 0; i < 5; i++) {
    store.create(T.pod, {
      metadata: {
        name: `p${i}`,
        namespace: 'game',
        labels: { app: 'game', idx: String(i) },
        ownerReferences: [
          { apiVersion: 'tkex.tencent.com/v1alpha1', kind: 'GameDeployment', name: 'gd1', uid: gd.metadata.uid!, controller: true },
        ],
      },
      spec: {
        nodeName: 'n1',
        containers: [
          { name: 'game', image: 'game:1' },
          { name: 'sidecar', image: 'side:1' },
        ],
      },
      status: { phase: i === 4 ? 'Pending' : 'Running' },
    });
  }
  const logs = new MemoryLogSource();
  const sim = await startSimCluster({
    name: 'sim-t',
    store,
    logSource: logs,
    bookmarkIntervalMs: opts.bookmarkIntervalMs ?? 200,
    tls: opts.tls,
  });
  const call: Fixture['call'] = async (path, init = {}) => {
    const user = init.user ?? 'admin';
    const headers = new Headers(init.headers);
    if (user !== 'none') headers.set('Authorization', `Bearer ${sim.tokens[user]}`);
    const res = await fetch(sim.url + path, { ...init, headers });
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, text };
  };
  return { sim, logs, call };
}

/** Reads a streaming response line by line until `until` returns true or the stream ends. */
export async function readLines(res: Response, until: (lines: string[]) => boolean, timeoutMs = 5000): Promise<string[]> {
  const lines: string[] = [];
  const reader = res.body!.getReader();
  const dec = new TextDecoder();
  let buf = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const r = await Promise.race([
        reader.read(),
        new Promise<{ done: true; value: undefined }>((res2) =>
          setTimeout(() => res2({ done: true, value: undefined }), Math.max(1, deadline - Date.now())),
        ),
      ]);
      if (r.done) break;
      buf += dec.decode(r.value, { stream: true });
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        lines.push(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
      if (until(lines)) break;
    }
  } finally {
    await reader.cancel().catch(() => {});
  }
  return lines;
}
