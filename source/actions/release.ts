// Runs a fleet action wave by wave (the pure parts are in waves.ts): each wave is planned on a fresh
// read (wave 1 uses the plans the card showed), acted on with bounded concurrency, then gated — every
// target that acted is followed to its target state (a watch per target, never a polling timer) — and
// the first failure stops the release fleet-wide. One front end for scripts and the console.
import { t } from '../i18n/t.js';
import type { ActionName } from '../model/action-types.js';
import { type BatchInput, type Limits, planBatch, runBatch, targetName, type TargetResult } from './batch.js';
import type { ActionService, RunOptions } from './service.js';
import { gateVerdict, notStarted, waveOf } from './waves.js';

export type ReleaseEvent =
  | { type: 'wave'; wave: number; waves: number; targets: number }
  | { type: 'gate'; wave: number; waves: number; passed: boolean; ms: number; where?: string }
  | { type: 'stopped'; wave: number; why: string };

export interface ReleaseOptions extends Omit<RunOptions, 'batch' | 'confirmName'> {
  batch: string;
  /** The wave plan as typed (recorded on every target so a resume can reuse it). */
  wavesText?: string;
  /** Cumulative wave ends over `items` (one wave of all when absent). */
  ends: readonly number[];
  /** Follow every acted target to its target state: always between waves; after the last on --wait. */
  waitLast: boolean;
  /** The gate's deadline for one wave's targets to reach their target state. */
  gateMs: number;
  limits?: Limits;
  confirmFor?: RunOptionsConfirm;
  /** The operator's go before the next wave; false stops the release there. */
  go?: (nextWave: number, waves: number, targets: number) => Promise<boolean>;
  onEvent?: (e: ReleaseEvent) => void;
  signal?: AbortSignal;
}

type RunOptionsConfirm = (t: TargetResult['target']) => string | undefined;

/**
 * items: every target in release order — planned (first wave's plans), refused, or `already done`
 * (a resume) — and the results in the same order.
 */
export async function runRelease(
  service: ActionService,
  action: ActionName,
  input: BatchInput,
  items: readonly TargetResult[],
  opts: ReleaseOptions,
): Promise<TargetResult[]> {
  const n = opts.ends.length;
  const out: TargetResult[] = items.map((it, i) => (n > 1 && i < (opts.ends.at(-1) ?? 0) ? { ...it, wave: waveOf(opts.ends, i) + 1 } : it));
  let start = 0;
  for (let w = 0; w < n; w++) {
    const end = opts.ends[w]!;
    const slice = out.slice(start, end);
    // To act on: what is planned (a resume's live-but-unrecorded targets get their record) or planned later.
    const todo = slice.filter((s) => s.outcome !== 'already done' || s.planned).length;
    if (n > 1) opts.onEvent?.({ type: 'wave', wave: w + 1, waves: n, targets: todo });
    // A resume: a target this batch already did that has failed since stops the release here.
    const broken = slice.find((s) => s.outcome === 'already done' && s.current?.rollout.phase === 'failed');
    let stopWhy: string | undefined = broken
      ? t('actions.release.failedSince', { target: targetName(broken.target), message: broken.current!.rollout.message })
      : undefined;
    if (!stopWhy) {
      // Later waves are planned now, on what the clusters hold now: the card's plans may be minutes old.
      const later = slice.filter((s) => s.later);
      const replanned = later.length
        ? await planBatch(
            service,
            later.map((t) => t.target),
            action,
            input,
            { dryRun: opts.dryRun, ...(opts.limits ? { limits: opts.limits } : {}) },
          )
        : [];
      const fresh = [...slice.filter((s) => s.planned), ...replanned];
      const acted = await runBatch(service, fresh, {
        ...opts,
        batch: { id: opts.batch, ...(n > 1 ? { wave: w + 1, waves: opts.wavesText ?? '' } : {}) },
      });
      const t0 = Date.now();
      const gated = w < n - 1 || opts.waitLast;
      if (gated && !opts.dryRun)
        await Promise.all(
          acted
            // Recorded on a resume (already done, planned): followed too, its owner may still be rolling it out.
            .filter((r) => r.planned && (r.outcome === 'done' || r.outcome === 'already done'))
            .map(async (r) => {
              const res = await service
                .follow(r.planned!, r.result)
                .wait({ timeoutMs: opts.gateMs, ...(opts.signal ? { signal: opts.signal } : {}) });
              r.wait = { reached: res.reached, message: res.message, elapsedMs: res.elapsedMs };
              if (!res.reached) r.exitCode = 1;
            }),
        );
      const byName = new Map(acted.map((a) => [targetName(a.target), a]));
      for (let i = start; i < end; i++) {
        const r = byName.get(targetName(out[i]!.target));
        if (r) out[i] = { ...r, ...(n > 1 ? { wave: w + 1 } : {}) };
        else if (n > 1) out[i] = { ...out[i]!, wave: w + 1 };
      }
      const verdict = gateVerdict(out.slice(start, end));
      if (gated && n > 1 && todo > 0)
        opts.onEvent?.({
          type: 'gate',
          wave: w + 1,
          waves: n,
          passed: verdict.pass,
          ms: Date.now() - t0,
          ...(verdict.pass ? {} : { where: verdict.where }),
        });
      if (!verdict.pass) stopWhy = verdict.where;
      else if (opts.signal?.aborted) stopWhy = t('actions.release.interrupted');
      else if (w < n - 1 && opts.go && !(await opts.go(w + 2, n, opts.ends[w + 1]! - end)))
        stopWhy = t('actions.release.operatorStopped', { wave: w + 2 });
      if (!stopWhy) {
        start = end;
        continue;
      }
    }
    if (n > 1) opts.onEvent?.({ type: 'stopped', wave: w + 1, why: stopWhy });
    const why = t('actions.release.notStarted', { wave: w + 1, why: stopWhy });
    for (let i = broken ? start : end; i < out.length; i++)
      if (out[i]!.planned || out[i]!.later) out[i] = { ...notStarted(out[i]!.target, why), wave: waveOf(opts.ends, i) + 1 };
    return out;
  }
  // Targets past the last wave (the plan stopped short of 100%): not started, by plan.
  const last = opts.ends.at(-1) ?? out.length;
  for (let i = last; i < out.length; i++)
    if (out[i]!.planned || out[i]!.later)
      out[i] = notStarted(out[i]!.target, t('actions.release.pastLastWave', { waves: opts.wavesText ?? '', batch: opts.batch }));
  return out;
}

/** A release event as the progress line on stderr: "wave 2/3: gate passed in 4.2s". */
export function releaseEventLine(e: ReleaseEvent): string {
  switch (e.type) {
    case 'wave':
      return e.targets
        ? t('actions.release.waveActing', { wave: e.wave, waves: e.waves, n: e.targets })
        : t('actions.release.waveAlreadyDone', { wave: e.wave, waves: e.waves });
    case 'gate': {
      const secs = (e.ms / 1000).toFixed(1);
      return e.passed
        ? t('actions.release.gatePassed', { wave: e.wave, waves: e.waves, secs })
        : t('actions.release.gateFailed', { wave: e.wave, waves: e.waves, secs, where: e.where ?? '' });
    }
    case 'stopped':
      return t('actions.release.stopped', { wave: e.wave, why: e.why });
  }
}
