// HookRun (tkex.tencent.com/v1alpha1) -> HookRunInfo. See research/crds.md §1.6-1.7.
import { t } from '../i18n/t.js';
import type { KubeObject } from '../kube/object.js';
import type { HookPhase, HookRunInfo, HookType, MetricResult } from '../model/types.js';
import type { ReadContext } from './shared/context.js';
import {
  controllerOwner,
  expected,
  guard,
  isRecord,
  labelValue,
  looseMeta,
  Malformed,
  meta,
  optArray,
  optBool,
  optString,
  optTime,
} from './shared/read-util.js';
import { isSensitiveKey, maskText, maskValue } from '../model/mask.js';
import { HOOK_RUN_TYPE } from './bkbcs/group.js';
import type { RowSpec } from './spec.js';

export { hookCompleted } from './shared/hook-phase.js';

const PHASES: readonly string[] = ['Pending', 'Running', 'Successful', 'Failed', 'Error', 'Inconclusive'];

function hookType(labelType: string | undefined, name: string): HookType {
  const byLabel: Record<string, HookType> = {
    'canary-step': 'canary-step',
    'pre-delete-step': 'pre-delete',
    'pre-delete': 'pre-delete',
    'pre-inplace-step': 'pre-inplace',
    'pre-inplace': 'pre-inplace',
    'post-inplace-step': 'post-inplace',
    'post-inplace': 'post-inplace',
  };
  if (labelType && byLabel[labelType]) return byLabel[labelType];
  if (name.startsWith('canary-')) return 'canary-step';
  if (name.startsWith('predelete-')) return 'pre-delete';
  if (name.startsWith('preinplace-')) return 'pre-inplace';
  if (name.startsWith('postinplace-')) return 'post-inplace';
  return 'unknown';
}

function readArgs(obj: KubeObject): Array<{ name: string; value?: string }> {
  const args = optArray(obj, 'spec.args') ?? [];
  return args.map((a, i) => {
    if (!isRecord(a) || typeof a.name !== 'string') throw expected(`spec.args[${i}]`, ['name', 'value']);
    const value = a.value === undefined || a.value === null ? undefined : typeof a.value === 'string' ? a.value : JSON.stringify(a.value);
    if (value === undefined) return { name: a.name };
    // Hook args can carry credentials (a token for a web metric, a DB password): never pass them on,
    // neither by name nor inside a value (a URL with ?token=… or user:password@).
    return { name: a.name, value: isSensitiveKey(a.name) ? maskValue(value) : maskText(value) };
  });
}

function num(v: unknown): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function readMetrics(obj: KubeObject): MetricResult[] {
  const list = optArray(obj, 'status.metricResults') ?? [];
  return list.map((m, i) => {
    if (!isRecord(m) || typeof m.name !== 'string') throw expected(`status.metricResults[${i}]`, 'plans.read.anObjectWithName');
    const measurements = Array.isArray(m.measurements) ? m.measurements.filter(isRecord) : [];
    const last = measurements[measurements.length - 1];
    const out: MetricResult = { name: m.name, phase: typeof m.phase === 'string' ? m.phase : 'Unknown' };
    const count = num(m.count);
    if (count !== undefined) out.count = count;
    for (const k of ['successful', 'failed', 'inconclusive', 'error'] as const) {
      const v = num(m[k]);
      if (v !== undefined) out[k] = v;
    }
    const message =
      typeof m.message === 'string' && m.message ? m.message : typeof last?.message === 'string' && last.message ? last.message : undefined;
    // Metric messages and values are whatever the probe answered (an error echoing its URL, a JSON
    // body): masked like log lines, for every view and output format.
    if (message) out.message = maskText(message);
    if (last && typeof last.value === 'string') out.lastValue = maskText(last.value);
    return out;
  });
}

export function readHookRun(cluster: string, obj: KubeObject, _ctx?: ReadContext): HookRunInfo {
  return guard(
    () => {
      const m = meta(obj);
      const phaseRaw = optString(obj, 'status.phase');
      if (phaseRaw !== undefined && phaseRaw !== '' && !PHASES.includes(phaseRaw))
        throw new Malformed(t('plans.read.unknownPhase', { path: 'status.phase', value: JSON.stringify(phaseRaw) }));
      const args = readArgs(obj);
      const stepRaw = labelValue(m.labels, 'canary-step-index');
      const stepIndex = stepRaw !== undefined && /^\d+$/.test(stepRaw) ? Number(stepRaw) : undefined;
      const podArg = args.find((a) => a.name === 'PodName')?.value;
      const info: HookRunInfo = {
        cluster,
        namespace: m.namespace,
        name: m.name,
        uid: m.uid,
        resourceVersion: m.resourceVersion,
        // A HookRun the controller has not touched yet has no phase: it is pending.
        phase: phaseRaw ? (phaseRaw as HookPhase) : 'Pending',
        type: hookType(labelValue(m.labels, 'hookrun-type'), m.name),
        terminate: optBool(obj, 'spec.terminate') ?? false,
        args,
        metrics: readMetrics(obj),
      };
      const message = optString(obj, 'status.message');
      if (message) info.message = maskText(message);
      const startedAt = optTime(obj, 'status.startedAt');
      if (startedAt) info.startedAt = startedAt;
      const owner = controllerOwner(obj);
      if (owner) info.owner = owner;
      const pod = podArg ?? labelValue(m.labels, 'pod-name');
      if (pod) info.pod = pod;
      if (stepIndex !== undefined) info.stepIndex = stepIndex;
      const revision = labelValue(m.labels, 'workload-revision');
      if (revision) info.revision = revision;
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
        phase: 'Unknown',
        type: 'unknown',
        terminate: false,
        args: [],
        metrics: [],
        invalid: reason,
      };
    },
  );
}

export const hookRun: RowSpec<'hookRun', 'HookRun'> = {
  kind: 'HookRun',
  role: 'hookRun',
  type: HOOK_RUN_TYPE,
  watchedBy: ['rollouts', 'hotupdate'],
  // Step hook runs are joined to their workload afterwards: -l would hide them.
  selectable: false,
  read: readHookRun,
  preconditions: (cluster, obj) => {
    const h = readHookRun(cluster, obj);
    return { hookRunName: h.name, hookPhase: h.phase, hookTerminating: h.terminate };
  },
};
