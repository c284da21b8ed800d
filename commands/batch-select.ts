// Which workloads a scripted fleet action acts on (commands/action-batch.ts): the batch flags, the
// targets named on the command line or stdin, and the selection (--state, --step, --image-from,
// --zone, --batch, --undo) over the listed workloads. A mistake is one line and exit 2, before any write.
import { parseKind } from '../source/actions/load.js';
import { parseWaves } from '../source/actions/waves.js';
import type { FleetFlags } from '../source/app/session.js';
// `tr`: `t` names a target here.
import { t as tr } from '../source/i18n/t.js';
import { batchRecord } from '../source/model/releases.js';
import { isActiveRollout } from '../source/model/rollouts.js';
import type { WorkloadInfo } from '../source/model/types.js';
import type { ActionTarget } from '../source/model/action-types.js';
import type { Streams } from './action-io.js';
import { UsageError } from './flags.js';

export interface BatchFlags extends FleetFlags {
  output: string;
  yes: boolean;
  dryRun: boolean;
  wait: boolean;
  force: boolean;
  reason?: string;
  confirm?: string;
  state?: string;
  step?: number;
  imageFrom?: string;
  zone?: string;
  timeout?: string;
  waves?: string;
  resume?: string;
  batch?: string;
  gate?: string;
  undo?: string;
}

const STATES: Record<string, WorkloadInfo['rollout']['phase']> = {
  paused: 'paused',
  failed: 'failed',
  updating: 'progressing',
  progressing: 'progressing',
  complete: 'complete',
};

/** Does this command line name more than one target, or a selection? (Else the one-target flow.) */
export function isBatch(args: readonly string[], f: BatchFlags): boolean {
  if (args.length > 1 || args.includes('-') || args.some((a) => a.split('/').length === 4) || f.waves !== undefined) return true;
  return (
    args.length === 0 &&
    (f.state !== undefined ||
      f.step !== undefined ||
      f.imageFrom !== undefined ||
      f.zone !== undefined ||
      f.batch !== undefined ||
      f.resume !== undefined ||
      f.undo !== undefined ||
      !!f.selector ||
      !!f.allContexts ||
      !!f.allNamespaces)
  );
}

/** `cluster/namespace/kind/name` or `kind/name` (the one --context and -n). */
export function parseTarget(text: string, f: BatchFlags, current: string | undefined): ActionTarget {
  const parts = text.trim().split('/');
  if (parts.length === 4) {
    const [cluster, namespace, kindText, name] = parts as [string, string, string, string];
    const kind = parseKind(kindText);
    if (!kind || !cluster || !namespace || !name) throw new UsageError(tr('commands.batch.badFullTarget', { text }));
    return { cluster, namespace, kind, name };
  }
  if (parts.length === 2) {
    const kind = parseKind(parts[0]!);
    const context = f.context?.[0] ?? current;
    if (!kind || !parts[1] || !context) throw new UsageError(tr('commands.batch.badShortTarget', { text }));
    if ((f.context?.length ?? 0) > 1 || f.allContexts) throw new UsageError(tr('commands.batch.shortNeedsContext', { text }));
    return { cluster: context, namespace: f.namespace ?? 'default', kind, name: parts[1] };
  }
  throw new UsageError(tr('commands.batch.badTarget', { text }));
}

export async function readStdin(io: Streams): Promise<string[]> {
  let text = '';
  for await (const chunk of io.stdin) text += String(chunk);
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** `--zone 101,105,110-120`: zone ids and inclusive ranges; a usage error names what is wrong. */
export function zoneFilter(text: string): (zone: string | undefined) => boolean {
  const ids = new Set<string>();
  const ranges: Array<[number, number]> = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const r = /^(\d+)-(\d+)$/.exec(part);
    if (r && Number(r[1]) <= Number(r[2])) ranges.push([Number(r[1]), Number(r[2])]);
    else if (/^[\w.-]+$/.test(part) && !r) ids.add(part);
    else throw new UsageError(tr('commands.batch.badZone', { text, part }));
  }
  return (zone) => zone !== undefined && (ids.has(zone) || (/^\d+$/.test(zone) && ranges.some(([a, b]) => +zone >= a && +zone <= b)));
}

export function matches(w: WorkloadInfo, f: BatchFlags, inZone?: (zone: string | undefined) => boolean): boolean {
  if (f.state !== undefined && w.rollout.phase !== STATES[f.state]) return false;
  if (f.step !== undefined && (w.rollout.stepIndex === undefined || w.rollout.stepIndex + 1 !== f.step)) return false;
  if (f.imageFrom !== undefined && !w.containers.some((c) => c.image === f.imageFrom)) return false;
  if (inZone && !inZone(w.zone)) return false;
  if (f.batch !== undefined && !batchRecord(w, f.batch)) return false;
  if (f.undo !== undefined && !(w.release?.batch === f.undo && w.release.action === 'hotupdate' && w.release.images)) return false;
  return (
    f.state !== undefined ||
    f.step !== undefined ||
    f.imageFrom !== undefined ||
    f.zone !== undefined ||
    f.batch !== undefined ||
    f.undo !== undefined ||
    isActiveRollout(w)
  );
}

/** The selection and wave flags, checked before any request (a mistake is one line, exit 2). */
export function checkBatchFlags(f: BatchFlags, waves: Record<string, string>): void {
  if (f.gate !== undefined && f.gate !== 'ask' && f.gate !== 'auto')
    throw new UsageError(tr('commands.usage.expected', { flag: `--gate ${f.gate}`, what: tr('commands.usage.want.gate') }));
  if (f.state !== undefined && !Object.hasOwn(STATES, f.state))
    throw new UsageError(tr('commands.usage.expected', { flag: `--state ${f.state}`, what: tr('commands.usage.want.state') }));
  if (f.step !== undefined && (!Number.isInteger(f.step) || f.step < 1))
    throw new UsageError(tr('commands.usage.expected', { flag: `--step ${f.step}`, what: tr('commands.usage.want.step') }));
  if (f.waves !== undefined) {
    const marks = parseWaves(Object.hasOwn(waves, f.waves) ? waves[f.waves]! : f.waves);
    if (typeof marks === 'string') throw new UsageError(marks);
  }
}
