// HookTemplate (tkex.tencent.com/v1alpha1) -> HookTemplateInfo (research/crds.md §1.6).
// Web headers are not carried over: they commonly hold tokens.
import type { KubeObject } from '../kube/object.js';
import type { HookTemplateInfo, HookTemplateMetric } from '../model/types.js';
import type { ReadContext } from './shared/context.js';
import { expected, guard, isRecord, looseMeta, meta, missing, optArray, optString } from './shared/read-util.js';
import { tkexType } from './bkbcs/group.js';
import type { RowSpec } from './spec.js';

function provider(p: unknown): { provider: string; target?: string } {
  if (!isRecord(p)) return { provider: 'unknown' };
  if (isRecord(p.web)) return { provider: 'web', target: typeof p.web.url === 'string' ? p.web.url : undefined };
  if (isRecord(p.prometheus)) {
    const q = typeof p.prometheus.query === 'string' ? p.prometheus.query : '';
    const a = typeof p.prometheus.address === 'string' ? p.prometheus.address : '';
    return { provider: 'prometheus', target: [a, q].filter(Boolean).join(' ') || undefined };
  }
  if (isRecord(p.kubernetes))
    return { provider: 'kubernetes', target: typeof p.kubernetes.function === 'string' ? p.kubernetes.function : undefined };
  if (isRecord(p.exec)) {
    const cmd = Array.isArray(p.exec.command) ? p.exec.command.filter((x) => typeof x === 'string').join(' ') : '';
    return { provider: 'exec', target: cmd || undefined };
  }
  return { provider: Object.keys(p)[0] ?? 'unknown' };
}

export function readHookTemplate(cluster: string, obj: KubeObject, _ctx?: ReadContext): HookTemplateInfo {
  return guard(
    () => {
      const m = meta(obj);
      const metrics = optArray(obj, 'spec.metrics');
      if (!metrics) throw missing('spec.metrics', true);
      const out: HookTemplateMetric[] = metrics.map((x, i) => {
        if (!isRecord(x) || typeof x.name !== 'string') throw expected(`spec.metrics[${i}]`, 'plans.read.aMetric');
        const metric: HookTemplateMetric = { name: x.name, ...provider(x.provider) };
        if (metric.target === undefined) delete metric.target;
        if (typeof x.interval === 'string') metric.interval = x.interval;
        if (typeof x.count === 'number') metric.count = x.count;
        if (typeof x.successCondition === 'string') metric.successCondition = x.successCondition;
        if (typeof x.failureCondition === 'string') metric.failureCondition = x.failureCondition;
        return metric;
      });
      const args = (optArray(obj, 'spec.args') ?? []).map((a, i) => {
        if (!isRecord(a) || typeof a.name !== 'string') throw expected(`spec.args[${i}]`, ['name', 'value']);
        return typeof a.value === 'string' ? { name: a.name, value: a.value } : { name: a.name };
      });
      const info: HookTemplateInfo = {
        cluster,
        namespace: m.namespace,
        name: m.name,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        policy: optString(obj, 'spec.policy') || 'Parallel',
        args,
        metrics: out,
      };
      if (m.createdAt) info.createdAt = m.createdAt;
      return info;
    },
    (reason) => {
      const m = looseMeta(obj);
      return {
        cluster,
        namespace: m.namespace,
        name: m.name,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        policy: '',
        args: [],
        metrics: [],
        invalid: reason,
      };
    },
  );
}

export const hookTemplate: RowSpec<'hookTemplate', 'HookTemplate'> = {
  kind: 'HookTemplate',
  role: 'hookTemplate',
  type: tkexType('hooktemplates', 'HookTemplate'),
  read: readHookTemplate,
};
