// The describe-like summary of any object in a view (issue 12, "the selected object's story"): what
// `kubectl describe` shows, plus what zonectl's kind readers know (rollout state and step, owner that
// reverts changes, pod states and restarts). Kind-aware through the KindSpec readers (readObject): a
// workload says its rollout, a pod its containers, a zone its services, a HookRun its metrics. Pure.
import type { KubeObject } from '../../kube/object.js';
import { age, pausedFor, stepText } from '../../model/format.js';
import { maskObject, maskText } from '../../model/mask.js';
import type { EventRow } from '../../model/story/events.js';
import type { HookRunInfo, PodInfo, WorkloadInfo, ZoneInfo } from '../../model/types.js';
import { readObject } from '../read.js';
import { ownerLabel, ownerOf } from '../shared/owner.js';
import { isRecord } from '../shared/read-util.js';

export interface DescribeInput {
  cluster: string;
  obj: KubeObject;
  /** A zone's workloads (its services), when the caller listed them. */
  workloads?: readonly KubeObject[];
  /** The workload's (or zone's) pods, when the caller listed them. */
  pods?: readonly KubeObject[];
  /** The story's Events, newest first; the summary ends with the last few, like kubectl describe. */
  events?: readonly EventRow[];
  now: number;
}

/** How many Events the summary ends with (the Events panel / `zonectl events` show them all). */
export const DESCRIBE_EVENTS = 10;
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const pad = (label: string) => `${label}:`.padEnd(16);
const kv = (label: string, value: string | number | undefined): string[] =>
  value === undefined || value === '' ? [] : [`${pad(label)}${value}`];

function mapLines(label: string, m: Record<string, unknown> | undefined): string[] {
  const entries = Object.entries(m ?? {});
  if (!entries.length) return [`${pad(label)}<none>`];
  return entries.map(([k, v], i) => {
    const text = k === LAST_APPLIED ? `(${String(v).length} bytes, see the YAML)` : String(v);
    return `${i === 0 ? pad(label) : ' '.repeat(16)}${k}=${text}`;
  });
}

function conditionLines(obj: KubeObject, now: number): string[] {
  const conds = Array.isArray(obj.status?.conditions) ? (obj.status.conditions as unknown[]).filter(isRecord) : [];
  if (!conds.length) return [];
  const out = ['Conditions:', '  TYPE                     STATUS  REASON                    AGE  MESSAGE'];
  for (const c of conds) {
    const at = typeof c.lastTransitionTime === 'string' ? c.lastTransitionTime : undefined;
    out.push(
      `  ${String(c.type ?? '').padEnd(24)} ${String(c.status ?? '').padEnd(7)} ${String(c.reason ?? '-').padEnd(25)} ${(age(at, now) || '-').padStart(4)}  ${String(c.message ?? '')}`,
    );
  }
  return out;
}

/** Controller references first, then zonectl's owner (who puts a change back). */
function ownerLines(obj: KubeObject): string[] {
  const refs = (obj.metadata.ownerReferences ?? []).filter(isRecord);
  const out: string[] = [];
  for (const r of [...refs].sort((a, b) => Number(b.controller === true) - Number(a.controller === true)))
    out.push(
      `${out.length ? ' '.repeat(16) : pad('Controlled By')}${String(r.kind)}/${String(r.name)}${r.controller === true ? '' : ' (owner)'}`,
    );
  const o = ownerOf(obj);
  if (o) out.push(`${pad('Managed By')}${ownerLabel(o)}: changes below it are reverted ${o.reverts}`);
  return out;
}

function templateContainers(obj: KubeObject): string[] {
  const tpl = obj.spec?.template ?? obj.spec?.gameServerTemplate;
  const cs = isRecord(tpl) && isRecord(tpl.spec) && Array.isArray(tpl.spec.containers) ? tpl.spec.containers.filter(isRecord) : [];
  if (!cs.length) return [];
  const out = ['Pod Template:'];
  const ann = isRecord(tpl) && isRecord(tpl.metadata) && isRecord(tpl.metadata.annotations) ? tpl.metadata.annotations : {};
  const restarted = ann['kubectl.kubernetes.io/restartedAt'];
  if (typeof restarted === 'string') out.push(`  Restarted At: ${restarted}`);
  for (const c of cs) {
    out.push(`  ${String(c.name)}:`, `    Image:     ${String(c.image ?? '')}`);
    const ports = Array.isArray(c.ports)
      ? c.ports.filter(isRecord).map((p) => `${String(p.containerPort)}/${String(p.protocol ?? 'TCP')}`)
      : [];
    if (ports.length) out.push(`    Ports:     ${ports.join(', ')}`);
    const res = isRecord(c.resources) ? c.resources : undefined;
    for (const k of ['requests', 'limits'])
      if (res && isRecord(res[k]))
        out.push(
          `    ${k === 'requests' ? 'Requests' : 'Limits'}:  ${Object.entries(res[k])
            .map(([n, v]) => `${n}=${String(v)}`)
            .join(', ')}`,
        );
  }
  return out;
}

function workloadLines(w: WorkloadInfo, now: number): string[] {
  const r = w.rollout;
  const out: string[] = [];
  if (w.invalid) out.push(`${pad('Invalid')}${w.invalid}`);
  out.push(...kv('Strategy', r.strategy));
  out.push(`${pad('Replicas')}${r.replicas} desired | ${r.updated} updated | ${r.ready} ready | ${r.updatedReady} updated+ready`);
  if (r.partition !== undefined) out.push(`${pad('Partition')}${r.partition}`);
  if (r.currentRevision || r.updateRevision) out.push(`${pad('Revision')}${r.currentRevision ?? '?'} -> ${r.updateRevision ?? '?'}`);
  if (r.steps.length) out.push(`${pad('Step')}${stepText(r)}`);
  out.push(`${pad('Rollout')}${r.message}`);
  if (r.paused)
    out.push(`${pad('Paused')}${r.pauseReason ?? 'yes'}${r.pausedSince ? ` since ${r.pausedSince} (${pausedFor(r, now)})` : ''}`);
  if (r.controllerMessage) out.push(...kv('Controller', r.controllerMessage));
  if (r.hookRunName) out.push(`${pad('Step Hook')}${r.hookRunName} ${r.hookPhase ?? ''}`);
  for (const c of r.hookConditions) out.push(`${pad('Pod Hook')}${JSON.stringify(c)}`);
  if (w.zone) out.push(`${pad('Zone')}${w.zone}${w.service ? ` service ${w.service}` : ''}`);
  if (w.workloadRef) out.push(`${pad('Drives')}${w.workloadRef.kind}/${w.workloadRef.name}`);
  if (w.rolloutRef) out.push(`${pad('Driven By')}${w.rolloutRef.kind}/${w.rolloutRef.name}`);
  if (w.lastAction) out.push(`${pad('Last Action')}${w.lastAction.action} by ${w.lastAction.by} at ${w.lastAction.at}`);
  return out;
}

function podLines(p: PodInfo): string[] {
  const out = [
    `${pad('Status')}${p.phase}${p.ready ? ' (ready)' : ' (not ready)'}`,
    ...kv('Node', p.node),
    ...kv('Restarts', p.restarts),
    ...kv('Revision', p.revision),
  ];
  if (p.inPlaceUpdateState) out.push(`${pad('In-place')}${p.inPlaceUpdateState}`);
  out.push('Containers:');
  for (const c of p.containers) {
    out.push(`  ${c.name}:`, `    Image:     ${c.image}${c.runningImage ? ` (running ${c.runningImage})` : ''}`);
    out.push(`    State:     ${c.state ?? 'unknown'}`, `    Ready:     ${c.ready}`, `    Restarts:  ${c.restartCount}`);
  }
  if (p.invalid) out.push(`${pad('Invalid')}${p.invalid}`);
  return out;
}

function zoneLines(z: ZoneInfo): string[] {
  const out = [
    `${pad('Zone')}${z.zoneId} (${z.source})`,
    ...kv('Version', z.version),
    ...kv('Default Image', z.defaultImage),
    'Services (GameZone serviceConfig):',
  ];
  for (const s of z.services)
    out.push(`  ${`${s.type}-${s.id}${s.endId ? `..${s.endId}` : ''}`.padEnd(14)} ${s.image ?? z.defaultImage ?? ''}`);
  return out;
}

function hookLines(h: HookRunInfo): string[] {
  const out = [`${pad('Phase')}${h.phase}`, `${pad('Type')}${h.type}`, ...kv('Message', h.message)];
  if (h.owner) out.push(`${pad('Workload')}${h.owner.kind}/${h.owner.name}`);
  for (const m of h.metrics) out.push(`  ${m.name}: ${m.phase}${m.lastValue !== undefined ? ` (${String(m.lastValue)})` : ''}`);
  return out;
}

function podTable(pods: readonly KubeObject[], cluster: string, now: number): string[] {
  if (!pods.length) return [];
  const out = ['Pods:', '  NAME                                READY  STATUS              RESTARTS  AGE  NODE'];
  for (const o of pods) {
    const r = readObject(cluster, o);
    if (r?.type !== 'pod') continue;
    const p = r.row;
    const ready = `${p.containers.filter((c) => c.ready).length}/${p.containers.length}`;
    const waiting = p.containers.find((c) => c.state && !c.state.startsWith('running'))?.state;
    out.push(
      `  ${p.name.padEnd(35)} ${ready.padEnd(6)} ${(waiting ?? p.phase).slice(0, 19).padEnd(19)} ${String(p.restarts).padStart(8)}  ${(age(p.createdAt, now) || '-').padStart(3)}  ${p.node ?? '-'}`,
    );
  }
  return out;
}

function workloadTable(workloads: readonly KubeObject[], cluster: string): string[] {
  if (!workloads.length) return [];
  const out = ['Workloads:'];
  for (const o of workloads) {
    const r = readObject(cluster, o);
    if (r?.type !== 'workload') continue;
    const w = r.row;
    const images = w.containers.map((c) => c.image).join(', ');
    out.push(`  ${`${w.kind}/${w.name}`.padEnd(34)} ${w.rollout.message}  ${images}`);
  }
  return out;
}

function eventLines(events: readonly EventRow[], now: number): string[] {
  if (!events.length) return ['Events:         <none>'];
  const shown = events.slice(0, DESCRIBE_EVENTS);
  const out = [
    `Events:${events.length > shown.length ? ` (newest ${shown.length} of ${events.length}; the Events panel / zonectl events show all)` : ''}`,
    '  TYPE     REASON                    AGE   OBJECT                          MESSAGE',
  ];
  for (const e of shown)
    out.push(
      `  ${e.type.padEnd(8)} ${e.reason.padEnd(25)} ${(age(e.last, now) || '-').padStart(4)}${e.count > 1 ? `(x${e.count})` : ''}  ${e.object.padEnd(31)} ${e.message}`,
    );
  return out;
}

/** The summary of `obj` as lines (no colours). Values are masked like every view. */
export function describeLines(input: DescribeInput): string[] {
  const { cluster, now } = input;
  const obj = maskObject(input.obj);
  const md = obj.metadata;
  const out = [
    `${pad('Name')}${md.name ?? ''}`,
    ...kv('Namespace', md.namespace),
    `${pad('Kind')}${obj.kind ?? '?'} (${obj.apiVersion ?? '?'})`,
    `${pad('Cluster')}${cluster}`,
    ...kv('Created', md.creationTimestamp ? `${md.creationTimestamp} (${age(md.creationTimestamp, now)} ago)` : undefined),
    ...(md.deletionTimestamp ? [`${pad('Deleting')}since ${String(md.deletionTimestamp)}`] : []),
    ...mapLines('Labels', md.labels),
    ...mapLines('Annotations', md.annotations),
    ...ownerLines(obj),
  ];
  const r = readObject(cluster, input.obj);
  if (r?.type === 'workload') out.push(...workloadLines(r.row, now));
  else if (r?.type === 'pod') out.push(...podLines(r.row));
  else if (r?.type === 'zone') out.push(...zoneLines(r.row));
  else if (r?.type === 'hookRun') out.push(...hookLines(r.row));
  if (r?.type !== 'pod') out.push(...templateContainers(obj));
  out.push(...conditionLines(obj, now));
  out.push(...workloadTable(input.workloads ?? [], cluster));
  out.push(...podTable(input.pods ?? [], cluster, now));
  if (input.events) out.push(...eventLines(input.events, now));
  return out.map((l) => maskText(l));
}
