import { describe, expect, it } from 'vitest';
import { T, TKEX } from '../../source/sim/controllers/kinds.js';
import { evaluateResult } from '../../source/sim/controllers/expr.js';
import { harness } from './controllers-helpers.js';

function run(name: string, metric: any, args: any[] = []) {
  return { apiVersion: TKEX, kind: 'HookRun', metadata: { name, namespace: 'game' }, spec: { metrics: [{ name: 'm', ...metric }], args } };
}

describe('HookRun controller', () => {
  it('runs measurements at the interval and succeeds after count', () => {
    const h = harness();
    h.store.create(T.hookRun, run('ok', { successCondition: 'asInt(result) == 0', interval: '10s', count: 3 }));
    h.advance(1_000);
    let hr = h.store.get(T.hookRun, 'game', 'ok')!;
    expect(hr.status.phase).toBe('Running');
    expect(hr.status.metricResults[0]).toMatchObject({ count: 1, successful: 1, phase: 'Running' });
    h.advance(30_000);
    hr = h.store.get(T.hookRun, 'game', 'ok')!;
    expect(hr.status.phase).toBe('Successful');
    expect(hr.status.metricResults[0]).toMatchObject({ count: 3, successful: 3, failed: 0, phase: 'Successful' });
    expect(hr.status.metricResults[0].measurements.map((m: any) => m.value)).toEqual(['0', '0', '0']);
  });

  it('fails past failureLimit and is Inconclusive when neither condition holds', () => {
    const h = harness();
    h.store.create(
      T.hookRun,
      run('bad', { successCondition: 'asInt(result) == 0', interval: '1s', count: 5, failureLimit: 1 }, [
        { name: 'SimResult', value: '0,1,1' },
      ]),
    );
    h.store.create(
      T.hookRun,
      run('maybe', { successCondition: 'asInt(result) == 0', failureCondition: 'asInt(result) > 5' }, [{ name: 'SimResult', value: '3' }]),
    );
    h.advance(10_000);
    const bad = h.store.get(T.hookRun, 'game', 'bad')!;
    expect(bad.status.phase).toBe('Failed');
    expect(bad.status.metricResults[0]).toMatchObject({ successful: 1, failed: 2 });
    expect(h.store.get(T.hookRun, 'game', 'maybe')!.status.phase).toBe('Inconclusive');
  });

  it('spec.terminate=true ends a running run Successful', () => {
    const h = harness();
    h.store.create(T.hookRun, run('forever', { successCondition: 'asInt(result) == 0', interval: '5s' }));
    h.advance(20_000);
    expect(h.store.get(T.hookRun, 'game', 'forever')!.status.phase).toBe('Running');
    h.store.mutate(T.hookRun, 'game', 'forever', (o) => {
      o.spec.terminate = true;
      return o;
    });
    h.advance(1_000);
    const hr = h.store.get(T.hookRun, 'game', 'forever')!;
    expect(hr.status.phase).toBe('Successful');
    expect(hr.status.message).toBe('Run Terminated');
    expect(hr.status.metricResults[0].phase).toBe('Successful');
  });

  it('evaluates conditions like the bk-bcs hook operator', () => {
    expect(evaluateResult({ successCondition: 'asInt(result) == 0' }, '0')).toBe('Successful');
    expect(evaluateResult({ successCondition: 'asInt(result) == 0' }, '2')).toBe('Failed');
    expect(evaluateResult({ failureCondition: 'asFloat(result) > 0.5' }, '0.2')).toBe('Successful');
    expect(evaluateResult({ successCondition: 'result == "ok"', failureCondition: 'result == "down"' }, 'meh')).toBe('Inconclusive');
    expect(evaluateResult({ successCondition: 'asInt(result) < 30 && asInt(result) >= 0' }, '12')).toBe('Successful');
    expect(evaluateResult({ successCondition: 'asInt(result) == 0' }, 'x')).toBe('Error');
  });
});
