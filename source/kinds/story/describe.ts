// The describe-like summary of any object in a view (issue 12, "the selected object's story"): what
// `kubectl describe` shows, plus what zonectl's kind readers know (rollout state and step, owner that
// reverts changes, pod states and restarts). Kind-aware through the KindSpec readers (readObject): a
// workload says its rollout, a pod its containers, a zone its services, a HookRun its metrics. Pure.
import stringWidth from 'string-width';
import { t, type MessageKey } from '../../i18n/t.js';
import type { KubeObject } from '../../kube/object.js';
import { age, pausedFor, rolloutText, stepText } from '../../model/format.js';
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

/** `s` padded to `cells` terminal cells (a Chinese label is twice as wide as its length). */
const padCells = (s: string, cells: number) => s + ' '.repeat(Math.max(0, cells - stringWidth(s)));
/** "Name:           ": a label and its colon, padded to 16 cells (the values line up in both languages). */
const pad = (label: MessageKey) => padCells(t('views.describe.label', { label: t(label) }), 16);
const kv = (label: MessageKey, value: string | number | undefined): string[] =>
  value === undefined || value === '' ? [] : [`${pad(label)}${value}`];
/** A table's header line: each word padded to its cells (the last one not), words in the run's language. */
const header = (cols: ReadonlyArray<readonly [MessageKey, number]>) =>
  `  ${cols.map(([k, w], i) => (i === cols.length - 1 ? t(k) : padCells(t(k), w))).join('')}`;
/** "    Image:     ": a container's field, padded to `cells` after the indent. */
const field = (label: MessageKey, cells = 11) => `    ${padCells(t('views.describe.label', { label: t(label) }), cells)}`;

function mapLines(label: MessageKey, m: Record<string, unknown> | undefined): string[] {
  const entries = Object.entries(m ?? {});
  if (!entries.length) return [`${pad(label)}<none>`];
  return entries.map(([k, v], i) => {
    const text = k === LAST_APPLIED ? t('views.describe.lastApplied', { n: String(v).length }) : String(v);
    return `${i === 0 ? pad(label) : ' '.repeat(16)}${k}=${text}`;
  });
}

function conditionLines(obj: KubeObject, now: number): string[] {
  const conds = Array.isArray(obj.status?.conditions) ? (obj.status.conditions as unknown[]).filter(isRecord) : [];
  if (!conds.length) return [];
  const out = [
    t('views.describe.conditions'),
    header([
      ['views.col.type', 25],
      ['views.col.status', 8],
      ['views.col.reason', 26],
      ['views.col.age', 5],
      ['views.col.message', 0],
    ]),
  ];
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
      `${out.length ? ' '.repeat(16) : pad('views.describe.controlledBy')}${String(r.kind)}/${String(r.name)}${r.controller === true ? '' : t('views.describe.owner')}`,
    );
  const o = ownerOf(obj);
  if (o) out.push(`${pad('views.describe.managedBy')}${t('views.describe.reverted', { owner: ownerLabel(o), reverts: o.reverts })}`);
  return out;
}

function templateContainers(obj: KubeObject): string[] {
  const tpl = obj.spec?.template ?? obj.spec?.gameServerTemplate;
  const cs = isRecord(tpl) && isRecord(tpl.spec) && Array.isArray(tpl.spec.containers) ? tpl.spec.containers.filter(isRecord) : [];
  if (!cs.length) return [];
  const out = [t('views.describe.podTemplate')];
  const ann = isRecord(tpl) && isRecord(tpl.metadata) && isRecord(tpl.metadata.annotations) ? tpl.metadata.annotations : {};
  const restarted = ann['kubectl.kubernetes.io/restartedAt'];
  if (typeof restarted === 'string') out.push(t('views.describe.restartedAt', { at: restarted }));
  for (const c of cs) {
    out.push(`  ${String(c.name)}:`, `${field('views.describe.image')}${String(c.image ?? '')}`);
    const ports = Array.isArray(c.ports)
      ? c.ports.filter(isRecord).map((p) => `${String(p.containerPort)}/${String(p.protocol ?? 'TCP')}`)
      : [];
    if (ports.length) out.push(`${field('views.describe.ports')}${ports.join(', ')}`);
    const res = isRecord(c.resources) ? c.resources : undefined;
    for (const k of ['requests', 'limits'])
      if (res && isRecord(res[k]))
        out.push(
          `${field(k === 'requests' ? 'views.describe.requests' : 'views.describe.limits', 0)}  ${Object.entries(res[k])
            .map(([n, v]) => `${n}=${String(v)}`)
            .join(', ')}`,
        );
  }
  return out;
}

function workloadLines(w: WorkloadInfo, now: number): string[] {
  const r = w.rollout;
  const out: string[] = [];
  if (w.invalid) out.push(`${pad('views.describe.invalid')}${w.invalid}`);
  out.push(...kv('views.describe.strategy', r.strategy));
  out.push(
    `${pad('views.describe.replicas')}${t('views.describe.replicaCounts', { replicas: r.replicas, updated: r.updated, ready: r.ready, updatedReady: r.updatedReady })}`,
  );
  if (r.partition !== undefined) out.push(`${pad('views.describe.partition')}${r.partition}`);
  if (r.currentRevision || r.updateRevision)
    out.push(`${pad('views.describe.revision')}${r.currentRevision ?? '?'} -> ${r.updateRevision ?? '?'}`);
  if (r.steps.length) out.push(`${pad('views.describe.step')}${stepText(r)}`);
  out.push(`${pad('views.describe.rollout')}${rolloutText(r.message)}`);
  if (r.paused)
    out.push(
      `${pad('views.describe.paused')}${r.pauseReason ?? t('views.describe.yes')}${r.pausedSince ? t('views.describe.since', { since: r.pausedSince, d: pausedFor(r, now) }) : ''}`,
    );
  if (r.controllerMessage) out.push(...kv('views.describe.controller', r.controllerMessage));
  if (r.hookRunName) out.push(`${pad('views.describe.stepHook')}${r.hookRunName} ${r.hookPhase ?? ''}`);
  for (const c of r.hookConditions) out.push(`${pad('views.describe.podHook')}${JSON.stringify(c)}`);
  if (w.zone) out.push(`${pad('views.describe.zone')}${w.zone}${w.service ? t('views.describe.service', { service: w.service }) : ''}`);
  if (w.workloadRef) out.push(`${pad('views.describe.drives')}${w.workloadRef.kind}/${w.workloadRef.name}`);
  if (w.rolloutRef) out.push(`${pad('views.describe.drivenBy')}${w.rolloutRef.kind}/${w.rolloutRef.name}`);
  if (w.lastAction)
    out.push(
      `${pad('views.describe.lastAction')}${t('views.describe.lastActionText', { action: w.lastAction.action, by: w.lastAction.by, at: w.lastAction.at })}`,
    );
  return out;
}

function podLines(p: PodInfo): string[] {
  const out = [
    `${pad('views.describe.status')}${p.phase}${p.ready ? t('views.describe.podReady') : t('views.describe.podNotReady')}`,
    ...kv('views.describe.node', p.node),
    ...kv('views.describe.restarts', p.restarts),
    ...kv('views.describe.revision', p.revision),
  ];
  if (p.inPlaceUpdateState) out.push(`${pad('views.describe.inPlace')}${p.inPlaceUpdateState}`);
  out.push(t('views.describe.containers'));
  for (const c of p.containers) {
    out.push(
      `  ${c.name}:`,
      `${field('views.describe.image')}${c.image}${c.runningImage ? t('views.describe.running', { image: c.runningImage }) : ''}`,
    );
    out.push(
      `${field('views.describe.state')}${c.state ?? t('views.describe.unknown')}`,
      `${field('views.describe.ready')}${c.ready}`,
      `${field('views.describe.restarts')}${c.restartCount}`,
    );
  }
  if (p.invalid) out.push(`${pad('views.describe.invalid')}${p.invalid}`);
  return out;
}

function zoneLines(z: ZoneInfo): string[] {
  const out = [
    `${pad('views.describe.zone')}${z.zoneId} (${z.source})`,
    ...kv('views.describe.version', z.version),
    ...kv('views.describe.defaultImage', z.defaultImage),
    t('views.describe.services'),
  ];
  for (const s of z.services)
    out.push(`  ${`${s.type}-${s.id}${s.endId ? `..${s.endId}` : ''}`.padEnd(14)} ${s.image ?? z.defaultImage ?? ''}`);
  return out;
}

function hookLines(h: HookRunInfo): string[] {
  const out = [
    `${pad('views.describe.phase')}${h.phase}`,
    `${pad('views.describe.type')}${h.type}`,
    ...kv('views.describe.message', h.message),
  ];
  if (h.owner) out.push(`${pad('views.describe.workload')}${h.owner.kind}/${h.owner.name}`);
  for (const m of h.metrics) out.push(`  ${m.name}: ${m.phase}${m.lastValue !== undefined ? ` (${String(m.lastValue)})` : ''}`);
  return out;
}

function podTable(pods: readonly KubeObject[], cluster: string, now: number): string[] {
  if (!pods.length) return [];
  const out = [
    t('views.describe.pods'),
    header([
      ['views.col.name', 36],
      ['views.col.ready', 7],
      ['views.col.status', 20],
      ['views.col.restarts', 10],
      ['views.col.age', 5],
      ['views.col.node', 0],
    ]),
  ];
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
  const out = [t('views.describe.workloads')];
  for (const o of workloads) {
    const r = readObject(cluster, o);
    if (r?.type !== 'workload') continue;
    const w = r.row;
    const images = w.containers.map((c) => c.image).join(', ');
    out.push(`  ${`${w.kind}/${w.name}`.padEnd(34)} ${rolloutText(w.rollout.message)}  ${images}`);
  }
  return out;
}

function eventLines(events: readonly EventRow[], now: number): string[] {
  if (!events.length) return [`${pad('views.describe.events')}<none>`];
  const shown = events.slice(0, DESCRIBE_EVENTS);
  const out = [
    events.length > shown.length
      ? t('views.describe.eventsNewest', { shown: shown.length, total: events.length })
      : t('views.describe.label', { label: t('views.describe.events') }),
    header([
      ['views.col.type', 9],
      ['views.col.reason', 26],
      ['views.col.age', 6],
      ['views.col.object', 32],
      ['views.col.message', 0],
    ]),
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
    `${pad('views.describe.name')}${md.name ?? ''}`,
    ...kv('views.describe.namespace', md.namespace),
    `${pad('views.describe.kind')}${obj.kind ?? '?'} (${obj.apiVersion ?? '?'})`,
    `${pad('views.describe.cluster')}${cluster}`,
    ...kv(
      'views.describe.created',
      md.creationTimestamp ? t('views.describe.createdAt', { at: md.creationTimestamp, age: age(md.creationTimestamp, now) }) : undefined,
    ),
    ...(md.deletionTimestamp
      ? [`${pad('views.describe.deleting')}${t('views.describe.deletingSince', { since: String(md.deletionTimestamp) })}`]
      : []),
    ...mapLines('views.describe.labels', md.labels),
    ...mapLines('views.describe.annotations', md.annotations),
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
