// What the object cache keeps per pod: only what readPod reads, so every pod gives the same row kept as whole.
import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../source/kube/object.js';
import { KINDS } from '../../../source/kinds/registry.js';
import { readPod } from '../../../source/kinds/pod.js';
import { T } from '../../../source/sim/controllers/kinds.js';
import { buildDemoWorld } from '../../../source/sim/world.js';
import { keepPod } from '../../../source/store/keep.js';
import { ObjectCache } from '../../../source/store/object-cache.js';

const base = (extra: Partial<KubeObject> & { metadata?: Record<string, unknown> } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  ...extra,
  metadata: { name: 'p', namespace: 'n', uid: 'u', resourceVersion: '7', creationTimestamp: '2026-01-01T00:00:00Z', ...extra.metadata },
});

describe('keepPod', () => {
  it('every pod of a demo world reads the same kept as whole, in under half the bytes', () => {
    const world = buildDemoWorld({ zonesPerCluster: 4 });
    try {
      world.advance(60_000);
      const pods = [...world.stores.values()].flatMap((s) => s.list(T.pod).items);
      expect(pods.length).toBeGreaterThan(100);
      let whole = 0;
      let kept = 0;
      for (const p of pods) {
        const k = keepPod(p);
        expect(readPod('c', k)).toEqual(readPod('c', p));
        whole += JSON.stringify(p).length;
        kept += JSON.stringify(k).length;
      }
      expect(kept).toBeLessThan(whole / 2);
    } finally {
      world.stop();
    }
  });

  it('keeps what readPod reports from edge cases: waiting/terminated states, in-place annotation, deletion, pod reason, non-controller owner', () => {
    const pod = base({
      metadata: {
        deletionTimestamp: '2026-01-01T00:01:00Z',
        labels: { 'controller-revision-hash': 'r1' },
        annotations: {
          'apps.kruise.io/inplace-update-state': '{"revision":"r2"}',
          'kubectl.kubernetes.io/last-applied-configuration': 'x'.repeat(500),
        },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: 'n1', uid: 'x' }],
      },
      spec: {
        nodeName: 'node-1',
        containers: [
          { name: 'a', image: 'a:1', env: [{ name: 'E', value: 'v' }] },
          { name: 'b', image: 'b:1' },
        ],
      },
      status: {
        phase: 'Running',
        reason: 'Evicted',
        conditions: [
          { type: 'Ready', status: 'False', message: 'm' },
          { type: 'PodScheduled', status: 'True' },
        ],
        containerStatuses: [
          {
            name: 'a',
            ready: false,
            restartCount: 3,
            image: 'a:2',
            imageID: 'sha',
            state: { waiting: { reason: 'CrashLoopBackOff', message: 'm' } },
            lastState: { terminated: { reason: 'OOMKilled', exitCode: 137 } },
          },
          { name: 'b', ready: true, restartCount: 0, containerID: 'cid', state: { terminated: { reason: 'Completed' } } },
          'junk',
        ],
      },
    });
    const k = keepPod(pod);
    expect(readPod('c', k)).toEqual(readPod('c', pod));
    expect(k.metadata.annotations).toEqual({ 'apps.kruise.io/inplace-update-state': '{"revision":"r2"}' });
    expect(k.spec!.containers).toEqual([
      { name: 'a', image: 'a:1' },
      { name: 'b', image: 'b:1' },
    ]);
  });

  it('a pod readPod finds invalid is kept whole (but for managedFields), so its row still says why', () => {
    const bad = base({ metadata: { managedFields: [{ manager: 'm' }] }, spec: { containers: [{ image: 'no-name' }] } });
    const k = keepPod(bad);
    expect(k.spec).toBe(bad.spec);
    expect(k.metadata).not.toHaveProperty('managedFields');
    expect(readPod('c', k)).toEqual(readPod('c', bad));
    expect(readPod('c', k).invalid).toBeTruthy();
    const notList = base({ status: { conditions: 'x' } });
    expect(readPod('c', keepPod(notList))).toEqual(readPod('c', notList));
  });

  it('the object cache keeps pods this way and other kinds whole but for managedFields', () => {
    const c = new ObjectCache();
    const pod = base({
      metadata: { managedFields: [{ manager: 'kubelet' }] },
      spec: { containers: [{ name: 'a', image: 'a:1', args: ['x'] }] },
    });
    c.replace('a', KINDS.Pod, [pod]);
    const [kept] = [...c.all(KINDS.Pod)].map(({ obj }) => obj);
    expect(kept.spec).toEqual({ containers: [{ name: 'a', image: 'a:1' }] });
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
