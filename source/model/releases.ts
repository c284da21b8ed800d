// Fleet releases as the clusters record them: every workload a fleet release (a batch that changes
// it: hot update, approve, reject...) last changed carries the batch id, its wave and the wave plan in
// its zonectl.io/release annotation (a hold or release of it leaves that alone), so grouping the fleet's
// workloads by batch gives each release's progress wave by wave — from any host, with no local state.
// Targets a stopped release never reached carry nothing, so a release is known by what it touched.
import type { LastAction } from './last-action.js';
import type { WorkloadInfo } from './types.js';
import { byText } from './order.js';

export interface WaveProgress {
  wave: number;
  targets: number;
  complete: number;
  /** progressing or paused (still rolling, or waiting for an approval). */
  rolling: number;
  failed: number;
}

export interface ReleaseInfo {
  batch: string;
  action: string;
  by: string;
  /** The first and the last write of the batch seen on a target. */
  startedAt: string;
  lastAt: string;
  /** The wave plan as typed, and how many waves it has (undefined: not in waves). */
  waves?: string;
  waveCount?: number;
  /** The highest wave that acted. */
  reached?: number;
  targets: number;
  clusters: string[];
  complete: number;
  rolling: number;
  failed: number;
  perWave: WaveProgress[];
  /** failed > rolling > stopped (waves left, nothing rolling) > complete. */
  state: 'failed' | 'rolling' | 'stopped' | 'complete';
  workloads: WorkloadInfo[];
}

/**
 * What batch `id` recorded on the workload: its release record (kept through a hold/release of it),
 * else its last action when that was the batch (a hold or release batch); undefined when neither.
 */
export function batchRecord(w: WorkloadInfo, id: string): LastAction | undefined {
  if (w.release?.batch === id) return w.release;
  if (w.lastAction?.batch === id) return w.lastAction;
  return undefined;
}

export function releasesOf(workloads: readonly WorkloadInfo[]): ReleaseInfo[] {
  const by = new Map<string, WorkloadInfo[]>();
  for (const w of workloads) {
    const b = w.release?.batch;
    if (b) by.set(b, [...(by.get(b) ?? []), w]);
  }
  return [...by].map(([batch, ws]) => release(batch, ws)).sort((a, b) => byText(b.lastAt, a.lastAt));
}

function release(batch: string, ws: WorkloadInfo[]): ReleaseInfo {
  const first = ws[0]!.release!;
  const ats = ws.map((w) => w.release!.at).sort();
  const waves = ws.find((w) => w.release!.waves)?.release!.waves;
  const waveCount = waves ? waves.split(',').length : undefined;
  const count = (list: WorkloadInfo[], phase: (p: WorkloadInfo['rollout']['phase']) => boolean) =>
    list.filter((w) => !w.invalid && phase(w.rollout.phase)).length;
  const isRolling = (p: string) => p === 'progressing' || p === 'paused';
  const perWaveMap = new Map<number, WorkloadInfo[]>();
  for (const w of ws) {
    const n = w.release!.wave;
    if (n !== undefined) perWaveMap.set(n, [...(perWaveMap.get(n) ?? []), w]);
  }
  const perWave = [...perWaveMap]
    .sort(([a], [b]) => a - b)
    .map(([wave, list]) => ({
      wave,
      targets: list.length,
      complete: count(list, (p) => p === 'complete'),
      rolling: count(list, isRolling),
      failed: count(list, (p) => p === 'failed') + list.filter((w) => w.invalid).length,
    }));
  const reached = perWave.length ? perWave.at(-1)!.wave : undefined;
  const complete = count(ws, (p) => p === 'complete');
  const rolling = count(ws, isRolling);
  const failed = count(ws, (p) => p === 'failed') + ws.filter((w) => w.invalid).length;
  const state = failed ? 'failed' : rolling ? 'rolling' : waveCount !== undefined && (reached ?? 0) < waveCount ? 'stopped' : 'complete';
  const out: ReleaseInfo = {
    batch,
    action: first.action,
    by: [...new Set(ws.map((w) => w.release!.by))].sort().join(','),
    startedAt: ats[0]!,
    lastAt: ats.at(-1)!,
    targets: ws.length,
    clusters: [...new Set(ws.map((w) => w.cluster))].sort(),
    complete,
    rolling,
    failed,
    perWave,
    state,
    workloads: ws,
  };
  if (waves) {
    out.waves = waves;
    out.waveCount = waveCount!;
  }
  if (reached !== undefined) out.reached = reached;
  return out;
}
