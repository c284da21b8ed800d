// HookRun controller (bk-bcs hook-operator semantics, research/crds.md §1.6): Pending -> Running ->
// Successful / Failed / Error / Inconclusive, with metricResults and measurements. Providers are
// simulated: a measurement's value comes from the run's `SimResult` / `SimResult.<metric>` arg
// (comma-separated values, one per measurement) or else from a healthy simulated backend.
// `spec.terminate: true` ends a run Successful unless a metric already failed.
import type { KubeObject } from '../../kube/object.js';
import { stableJson } from '../rand.js';
import { T, clone } from './kinds.js';
import { evaluateResult, parseDuration } from './expr.js';
import { keyOf, splitKey, type ControllerRuntime } from './runtime.js';

const DONE = new Set(['Successful', 'Failed', 'Error', 'Inconclusive']);
const MAX_MEASUREMENTS = 10;
const HEALTHY_CANDIDATES = ['0', '1', 'true', 'ok', '200', '100', '0.01', '0.5', '99'];

function simValue(hr: KubeObject, metric: any, k: number): string {
  const args = (hr.spec?.args as Array<{ name: string; value?: string }> | undefined) ?? [];
  const arg = args.find((a) => a.name === `SimResult.${metric.name}`) ?? args.find((a) => a.name === 'SimResult');
  if (arg?.value !== undefined) {
    const values = arg.value.split(',');
    return values[Math.min(k, values.length - 1)].trim();
  }
  for (const c of HEALTHY_CANDIDATES) if (evaluateResult(metric, c) === 'Successful') return c;
  return '0';
}

export class HookRunController {
  constructor(private rt: ControllerRuntime) {
    const h = rt.addController('HookRun', (key) => this.reconcile(key));
    rt.watch(T.hookRun, (e) => {
      if (e.type !== 'DELETED' && !DONE.has(e.object.status?.phase)) h.enqueue(keyOf(e.object));
    });
  }

  reconcile(key: string): number | void {
    const [ns, name] = splitKey(key);
    const store = this.rt.store;
    const hr = store.get(T.hookRun, ns, name);
    if (!hr || DONE.has(hr.status?.phase)) return;
    const nowMs = this.rt.clock.now();
    const now = this.rt.clock.iso();
    const status = clone(hr.status ?? {});
    if (!status.phase || status.phase === 'Pending') {
      status.phase = 'Running';
      status.startedAt = now;
    }
    const startedAt = Date.parse(status.startedAt ?? now);
    const results: any[] = (status.metricResults ??= []);
    const metrics: any[] = hr.spec?.metrics ?? [];
    const terminating = hr.spec?.terminate === true || results.some((r) => ['Failed', 'Error', 'Inconclusive'].includes(r.phase));
    let nextDue: number | undefined;
    for (const metric of metrics) {
      let mr = results.find((r) => r.name === metric.name);
      if (!mr) {
        mr = {
          name: metric.name,
          phase: 'Running',
          measurements: [],
          count: 0,
          successful: 0,
          failed: 0,
          inconclusive: 0,
          error: 0,
          consecutiveError: 0,
          consecutiveSuccessful: 0,
        };
        results.push(mr);
      }
      if (DONE.has(mr.phase)) continue;
      if (terminating) {
        mr.phase = 'Successful';
        mr.message = 'Metric Terminated';
        continue;
      }
      const interval = parseDuration(metric.interval) ?? 0;
      const initialDelay = parseDuration(metric.initialDelay) ?? 0;
      const last = mr.measurements[mr.measurements.length - 1];
      const due = last ? Date.parse(last.finishedAt) + interval : startedAt + initialDelay;
      if (nowMs >= due) {
        const value = simValue(hr, metric, mr.count);
        const phase = evaluateResult(metric, value);
        mr.measurements.push({
          phase,
          value,
          startedAt: now,
          finishedAt: now,
          ...(phase === 'Error' ? { message: 'invalid condition' } : {}),
        });
        if (mr.measurements.length > MAX_MEASUREMENTS) mr.measurements.splice(0, mr.measurements.length - MAX_MEASUREMENTS);
        mr.count++;
        if (phase === 'Successful') {
          mr.successful++;
          mr.consecutiveSuccessful++;
          mr.consecutiveError = 0;
        } else if (phase === 'Failed') {
          mr.failed++;
          mr.consecutiveSuccessful = 0;
        } else if (phase === 'Inconclusive') {
          mr.inconclusive++;
          mr.consecutiveSuccessful = 0;
        } else {
          mr.error++;
          mr.consecutiveError++;
        }
      }
      mr.phase = this.assess(metric, mr, interval);
      if (mr.phase === 'Running') {
        const lastM = mr.measurements[mr.measurements.length - 1];
        const at = lastM ? Date.parse(lastM.finishedAt) + interval : startedAt + initialDelay;
        nextDue = nextDue === undefined ? at : Math.min(nextDue, at);
      }
    }
    const phases = results.map((r) => r.phase);
    let phase = 'Running';
    if (phases.includes('Failed')) phase = 'Failed';
    else if (phases.includes('Error')) phase = 'Error';
    else if (phases.includes('Inconclusive')) phase = 'Inconclusive';
    else if (metrics.length === 0 || (phases.length === metrics.length && phases.every((p) => p === 'Successful'))) phase = 'Successful';
    if (phase !== 'Running') {
      const bad = results.find((r) => r.phase === phase);
      status.message =
        hr.spec?.terminate && phase === 'Successful'
          ? 'Run Terminated'
          : phase === 'Successful'
            ? undefined
            : `Metric "${bad?.name}" assessed ${phase}`;
      if (status.message === undefined) delete status.message;
    }
    status.phase = phase;
    if (stableJson(status) !== stableJson(hr.status ?? {})) {
      store.mutate(
        T.hookRun,
        ns,
        name,
        (o) => {
          o.status = status;
          return o;
        },
        { subresource: 'status' },
      );
    }
    if (phase === 'Running' && nextDue !== undefined) return Math.max(1, nextDue - nowMs);
  }

  private assess(metric: any, mr: any, interval: number): string {
    if (mr.failed > (metric.failureLimit ?? 0)) return 'Failed';
    if (mr.inconclusive > (metric.inconclusiveLimit ?? 0)) return 'Inconclusive';
    if (mr.consecutiveError > (metric.consecutiveErrorLimit ?? 4)) return 'Error';
    if (metric.successfulLimit > 0 && mr.successful >= metric.successfulLimit) return 'Successful';
    if (metric.consecutiveSuccessfulLimit > 0 && mr.consecutiveSuccessful >= metric.consecutiveSuccessfulLimit) return 'Successful';
    const count = metric.count ?? (interval > 0 ? 0 : 1);
    if (count > 0 && mr.count >= count) return 'Successful';
    return 'Running';
  }
}
