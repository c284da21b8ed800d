import { describe, expect, it } from 'vitest';
import { hookCompleted, readHookRun } from '../../../source/kinds/hookrun.js';
import { stepHookRun } from './fixtures-bkbcs.js';

describe('readHookRun', () => {
  it('reads a canary-step hook run', () => {
    const h = readHookRun('prod', stepHookRun('Inconclusive'));
    expect(h).toMatchObject({
      cluster: 'prod',
      namespace: 'zone-101',
      name: 'canary-test-gd-9d78dd5db-1-check-online',
      phase: 'Inconclusive',
      type: 'canary-step',
      terminate: false,
      stepIndex: 1,
      revision: 'test-gd-9d78dd5db',
      owner: { kind: 'GameDeployment', name: 'test-gd' },
      startedAt: '2020-11-10T08:40:01Z',
    });
    expect(h.args).toEqual([
      { name: 'service', value: 'game' },
      { name: 'HostIP', value: '10.0.0.5' },
    ]);
    expect(h.metrics).toEqual([{ name: 'online', phase: 'Inconclusive', count: 2, successful: 1, inconclusive: 1, lastValue: '0' }]);
    expect(h.message).toContain('inconclusiveLimit');
    expect(h.pod).toBeUndefined();
  });

  it('reads a pre-delete hook run: type from label, pod from the PodName arg', () => {
    const o = stepHookRun('Failed');
    o.metadata.name = 'predelete-7c9d8e0f6-3-drain';
    o.metadata.labels = { 'hookrun-type': 'pre-delete-step', 'workload-revision': '7c9d8e0f6', 'instance-id': '3' };
    o.spec.args = [
      { name: 'PodName', value: 'game-1-3' },
      { name: 'PodNamespace', value: 'zone-101' },
      { name: 'PodIP', value: '10.1.2.3' },
    ];
    const h = readHookRun('c', o);
    expect(h.type).toBe('pre-delete');
    expect(h.pod).toBe('game-1-3');
    expect(h.phase).toBe('Failed');
  });

  it('type from the name prefix when labels are absent; prefixed label keys are accepted', () => {
    const o = stepHookRun('Running');
    o.metadata.labels = { 'tkex.tencent.com/hookrun-type': 'post-inplace-step' };
    expect(readHookRun('c', o).type).toBe('post-inplace');
    o.metadata.labels = {};
    o.metadata.name = 'preinplace-abc-1-t';
    expect(readHookRun('c', o).type).toBe('pre-inplace');
  });

  it('no status yet -> Pending; terminate read from spec', () => {
    const o = stepHookRun('Running');
    delete o.status;
    o.spec.terminate = true;
    const h = readHookRun('c', o);
    expect(h.phase).toBe('Pending');
    expect(h.terminate).toBe(true);
    expect(h.metrics).toEqual([]);
  });

  it('completed phases', () => {
    expect(['Pending', 'Running', 'Successful', 'Failed', 'Error', 'Inconclusive'].filter(hookCompleted)).toEqual([
      'Successful',
      'Failed',
      'Error',
      'Inconclusive',
    ]);
  });

  it.each([
    ['unknown phase', (o: any) => (o.status.phase = 'Exploded'), 'status.phase: unknown phase'],
    ['args not a list', (o: any) => (o.spec.args = 'x'), 'spec.args: expected a list'],
    ['arg without name', (o: any) => (o.spec.args = [{ value: 'x' }]), 'spec.args[0]'],
    ['metric result without name', (o: any) => (o.status.metricResults = [{ phase: 'Running' }]), 'status.metricResults[0]'],
    ['terminate is a string', (o: any) => (o.spec.terminate = 'yes'), 'spec.terminate: expected a boolean'],
  ])('malformed (%s) -> invalid', (_n, mutate, reason) => {
    const o = stepHookRun('Running');
    mutate(o);
    const h = readHookRun('c', o);
    expect(h.invalid).toContain(reason);
    expect(h.phase).toBe('Unknown');
    expect(h.name).toBe('canary-test-gd-9d78dd5db-1-check-online');
  });
});

describe('readHookRun masks what a probe echoed', () => {
  it('status.message, metric messages, measurement messages and values, arg values', () => {
    const o = stepHookRun('Failed');
    o.status.message = 'GET https://probe.example.com/health?token=t0k-1 returned 401; password=pw-2';
    o.spec.args = [{ name: 'url', value: 'https://probe.example.com/?token=arg-3' }];
    o.status.metricResults = [
      { name: 'web', phase: 'Failed', message: 'authorization: bearer br-4', measurements: [{ value: 'mysql://game:my-5@db:3306/z' }] },
      { name: 'redis', phase: 'Error', measurements: [{ value: '0', message: 'redis AUTH rd-6; api_key=ak-7' }] },
    ];
    const h = readHookRun('prod', o);
    const text = JSON.stringify(h);
    for (const s of ['t0k-1', 'pw-2', 'arg-3', 'br-4', 'my-5', 'rd-6', 'ak-7']) expect(text).not.toContain(s);
    expect(h.message).toMatch(/^GET https:\/\/probe\.example\.com\/health\?token=\*\*\*\(hmac:[0-9a-f]{8}\) returned 401; password=\*\*\*/);
    expect(h.metrics[0]!.lastValue).toMatch(/^mysql:\/\/game:\*\*\*\(hmac:[0-9a-f]{8}\)@db:3306\/z$/);
  });
});
