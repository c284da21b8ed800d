// What the object cache keeps of an object: the object itself, but for metadata.managedFields, its strings shared.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../source/kube/object.js';
import { KINDS } from '../../../source/kinds/registry.js';
import { readPod } from '../../../source/kinds/pod.js';
import { T } from '../../../source/sim/controllers/kinds.js';
import { buildDemoWorld } from '../../../source/sim/world.js';
import { ObjectCache } from '../../../source/store/object-cache.js';

const base = (extra: Partial<KubeObject> & { metadata?: Record<string, unknown> } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  ...extra,
  metadata: { name: 'p', namespace: 'n', uid: 'u', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z', ...extra.metadata },
});

describe('pods in the object cache', () => {
  it('are kept as the objects given (the informer pool holds those for the watch), and read as given', () => {
    const world = buildDemoWorld({ zonesPerCluster: 4 });
    try {
      world.advance(60_000);
      // As the informer pool hands them over: decoded (every pod its own strings), managedFields dropped.
      const pods = [...world.stores.values()]
        .flatMap((s) => s.list(T.pod).items)
        .map((p) => {
          const o = JSON.parse(JSON.stringify(p)) as KubeObject;
          o.metadata.managedFields = undefined;
          return o;
        });
      expect(pods.length).toBeGreaterThan(100);
      const before = structuredClone(pods);
      const c = new ObjectCache();
      c.replace('a', KINDS.Pod, pods.slice(0, 50));
      for (const p of pods.slice(50)) c.apply('a', KINDS.Pod, 'ADDED', p);
      const kept = [...c.all(KINDS.Pod)].map(({ obj }) => obj);
      expect(kept).toHaveLength(pods.length);
      kept.forEach((k, i) => expect(k).toBe(pods[i]));
      expect(pods).toEqual(before);
      pods.forEach((p, i) => expect(readPod('a', p)).toEqual(readPod('a', before[i]!)));
    } finally {
      world.stop();
    }
  });

  it('lose metadata.managedFields only, in a copy, as every kind does', () => {
    const c = new ObjectCache();
    const pod = base({
      metadata: { managedFields: [{ manager: 'kubelet' }] },
      spec: { containers: [{ name: 'a', image: 'a:1', args: ['x'] }] },
    });
    c.replace('a', KINDS.Pod, [pod]);
    const [kept] = [...c.all(KINDS.Pod)].map(({ obj }) => obj);
    expect(kept).toEqual({ ...pod, metadata: { ...pod.metadata, managedFields: undefined } });
    expect(kept.metadata.managedFields).toBeUndefined();
    expect(pod.metadata.managedFields).toEqual([{ manager: 'kubelet' }]);
    expect(readPod('a', kept)).toEqual(readPod('a', pod));
  });
});

describe('lean', () => {
  it('leaves decoded objects equal when it shares their strings in place (sharing shows in heap snapshots); frozen objects untouched', () => {
    const decode = (image: string) =>
      JSON.parse(
        JSON.stringify({
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          metadata: { name: 'd', labels: { app: 'x' } },
          spec: { template: { spec: { containers: [{ name: 'c', image }] } } },
        }),
      ) as KubeObject;
    const c = new ObjectCache();
    const a = decode('registry.example.com/project1/service:1.8.2');
    const b = decode('registry.example.com/project1/service:1.8.2');
    const before = structuredClone(b);
    c.apply('x', KINDS.Deployment, 'ADDED', a);
    c.apply('x', KINDS.Deployment, 'ADDED', { ...b, metadata: { ...b.metadata, uid: 'other' } });
    expect(b).toEqual(before);
    const frozen = Object.freeze(decode('i:1'));
    c.apply('y', KINDS.Deployment, 'ADDED', frozen);
    expect([...c.all(KINDS.Deployment)].at(-1)!.obj).toBe(frozen);
  });
});
