// A fleet release in waves (`--waves 1,10%,50%,100%`): the targets in a fixed order are cut into
// cumulative waves; each wave acts, then a gate waits until that wave's rollouts reach the action's
// target state with no failure (hook Failed, not ready by the deadline, reverted by an owner) and, when
// asked, for an operator's go. The first failure stops the release fleet-wide: the later targets are
// "not started". The release's state lives in the clusters — each target's audit annotation carries
// the batch id, its wave and the wave plan — so `--resume ID` on any jump host skips what is done.
import { t } from '../i18n/t.js';
import type { ActionTarget } from '../model/action-types.js';
import { outcomeWord, type TargetResult } from './batch.js';

/** One wave's cumulative end: a count of targets or a percentage of them. */
export type WaveMark = { count: number } | { percent: number };

/** `1,10%,50%,100%` -> marks; a string says what is wrong. Marks must grow; the last may stop short of 100%. */
export function parseWaves(text: string): WaveMark[] | string {
  const parts = text.split(',').map((p) => p.trim());
  if (!parts.length || parts.some((p) => !p)) return t('actions.waves.expected', { text });
  const marks: WaveMark[] = [];
  for (const p of parts) {
    const m = /^(\d+)(%?)$/.exec(p);
    if (!m) return t('actions.waves.notCount', { text, part: p });
    const n = Number(m[1]);
    if (n <= 0) return t('actions.waves.empty', { text, part: p });
    if (m[2] && n > 100) return t('actions.waves.over100', { text, part: p });
    marks.push(m[2] ? { percent: n } : { count: n });
  }
  return marks;
}

/**
 * Cumulative wave ends over `total` targets: a count is capped at the total, a percentage rounds up
 * (so 1% of 300 is 3 and a non-empty wave is never 0). Waves that would act on nothing new are
 * dropped; marks that go backwards are a usage error (a string).
 */
export function waveEnds(marks: readonly WaveMark[], total: number): number[] | string {
  const ends: number[] = [];
  let prev = 0;
  for (const m of marks) {
    const end = 'count' in m ? Math.min(m.count, total) : Math.min(total, Math.ceil((m.percent * total) / 100));
    if (end < prev) return t('actions.waves.backwards', { part: 'count' in m ? String(m.count) : `${m.percent}%` });
    if (end > prev) ends.push(end);
    prev = end;
  }
  return ends;
}

/** The wave (0-based) of the i-th target, or -1 when the plan stops short of it. */
export function waveOf(ends: readonly number[], i: number): number {
  return ends.findIndex((e) => i < e);
}

/**
 * On a resume: is the i-th target in a wave the batch had started? Every wave up to the highest one its
 * records name (`reached`, 0 when none does), and the next one: it was acting when the process stopped,
 * so its targets may hold the change with the record lost. Without waves, the one wave of all.
 */
export function inStartedWave(ends: readonly number[], i: number, reached: number): boolean {
  const w = waveOf(ends, i);
  return w >= 0 && w + 1 <= reached + 1;
}

export interface Done {
  target: ActionTarget;
  wave?: number;
}

/**
 * The release order: targets this batch already did (found by their annotation on resume) first, in
 * their recorded waves, then the rest in the order given. Wave ends computed over this whole list fall
 * where they fell the first time when the selection is the same.
 */
export function releaseOrder(done: readonly Done[], rest: readonly ActionTarget[]): { targets: ActionTarget[]; doneCount: number } {
  // Within a wave, in the order given (a done target is still in an explicit list), else by name.
  const given = new Map(rest.map((t, i) => [key(t), i]));
  const at = (d: Done) => given.get(key(d.target)) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...done].sort((a, b) => (a.wave ?? 0) - (b.wave ?? 0) || at(a) - at(b) || key(a.target).localeCompare(key(b.target)));
  const seen = new Set(sorted.map((d) => key(d.target)));
  return { targets: [...sorted.map((d) => d.target), ...rest.filter((t) => !seen.has(key(t)))], doneCount: sorted.length };
}

const key = (t: ActionTarget) => `${t.cluster}/${t.namespace}/${t.kind}/${t.name}`;

/**
 * The gate after a wave: passes when every target that acted is done and reached its target state;
 * else the first failure, in the wave's order, as "CLUSTER/NS/KIND/NAME: why". Targets that were not
 * possible when planned do not stop the release (the card named them and the operator confirmed).
 */
export function gateVerdict(wave: readonly TargetResult[]): { pass: true } | { pass: false; where: string } {
  for (const r of wave) {
    if (!r.planned && r.outcome !== 'done') continue;
    const name = `${r.target.cluster}/${r.target.namespace}/${r.target.kind.toLowerCase()}/${r.target.name}`;
    // A resume's target recorded now (already done, with a plan) counts as done.
    if (r.outcome !== 'done' && r.outcome !== 'already done')
      return { pass: false, where: `${name}: ${outcomeWord(r.outcome)}: ${r.reason}` };
    if (r.wait && !r.wait.reached) return { pass: false, where: `${name}: ${r.wait.message}` };
  }
  return { pass: true };
}

/** What the targets after a stop are told. */
export function notStarted(target: ActionTarget, why: string): TargetResult {
  return { target, outcome: 'not started', reason: why, exitCode: 1, ms: 0 };
}
