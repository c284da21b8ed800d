// One connection per cluster against a real kube-apiserver (issue 14): it offers HTTP/2, so the
// parallel lists and a watch of a process's clients of one context (admin and a second client of the
// same context, as the console's diff view makes) go over one TLS connection. Counted as the sockets
// this process holds (Linux /proc/self/fd), before and while the requests run. A one-shot command's
// HTTP/1.1 client (node:https, the kubeconfig's CA and credentials) reads the same server on at most
// its `connections` kept-alive sockets.
import { describe, expect, inject, it } from 'vitest';
import { HttpClusterClient } from '../../source/kube/client.js';
import { isKubeError } from '../../source/kube/errors.js';
import { loadKubeconfig } from '../../source/kube/kubeconfig.js';
import type { ResourceType } from '../../source/kube/object.js';
import { openSockets } from '../sim/kube-helpers.js';
import './provided.js';

const NAMESPACES: ResourceType = { group: '', version: 'v1', resource: 'namespaces', kind: 'Namespace', namespaced: false };
const CONFIGMAPS: ResourceType = { group: '', version: 'v1', resource: 'configmaps', kind: 'ConfigMap', namespaced: true };

describe('one connection per cluster (real kube-apiserver)', () => {
  it('8 parallel lists and a watch of two clients of one context: one socket', async () => {
    const kc = loadKubeconfig([inject('zonectlKubeconfig')]);
    const context = inject('zonectlContexts')[0]!;
    const before = openSockets();
    const a = new HttpClusterClient(context, kc.forContext(context), { timeoutMs: 15_000 });
    const b = new HttpClusterClient(context, kc.forContext(context), { timeoutMs: 15_000 });
    const ac = new AbortController();
    let opened = false;
    const watching = a.watch(CONFIGMAPS, { signal: ac.signal, onOpen: () => (opened = true) }, () => undefined).catch(() => undefined);
    try {
      const lists = await Promise.all(Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).list(i % 4 < 2 ? NAMESPACES : CONFIGMAPS)));
      expect(lists.every((l) => Array.isArray(l.items))).toBe(true);
      const end = Date.now() + 10_000;
      while (!opened && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
      expect(opened).toBe(true);
      expect(openSockets() - before).toBe(1);
    } finally {
      ac.abort();
      await watching;
      a.close();
      b.close();
    }
  });

  it('HTTP/1.1 over node:https (one-shot lists): 8 parallel lists on at most 4 sockets, kept alive; typed errors', async () => {
    const kc = loadKubeconfig([inject('zonectlKubeconfig')]);
    const context = inject('zonectlContexts')[0]!;
    const before = openSockets();
    const c = new HttpClusterClient(context, kc.forContext(context), { timeoutMs: 15_000, http1: true, connections: 4 });
    try {
      const lists = await Promise.all(Array.from({ length: 8 }, (_, i) => c.list(i % 2 ? NAMESPACES : CONFIGMAPS)));
      expect(lists.every((l) => Array.isArray(l.items))).toBe(true);
      const held = openSockets() - before;
      expect(held).toBeGreaterThan(1);
      expect(held).toBeLessThanOrEqual(4);
      expect((await c.get(NAMESPACES, undefined, 'default')).metadata?.name).toBe('default');
      expect(isKubeError(await c.get(NAMESPACES, undefined, 'no-such-namespace').catch((e: unknown) => e), 'NotFound')).toBe(true);
      expect(openSockets() - before).toBe(held);
    } finally {
      c.close();
    }
  });
});
